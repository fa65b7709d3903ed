"""Round speed6 (cues, claims, market moves): the literal gates added before regexes are safe."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import claims as C
from extractors import cues as CU
from extractors.components import doc_figures, set_doc_figures
from extractors.scan import lower_for_words

_BITS = [
    "after", "After", "AFTER", "following", "Following", "2004", "1999", "the", "deal", ",", ";", " ",
    "will", "be", "will be", "is to be", "to be cut", "could", "go", "go up", "expected", "forecast",
    "Forecast", "projected", "is", "possible", "within reach", "may", "might", "would", "sales", "ſ",
    "\u212a", "İ", "ı", "Σ", "ΣA", "aΣ", "\t", "-", "bought", "a", "stake", "for", "up to",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_BITS), max_size=16).map(" ".join), st.integers(0, 20))
def test_gates_are_safe(text: str, lo: int) -> None:
    """A gate says no only where its regex finds nothing."""
    for gate, rx in (
        (CU._AFTER_EVENT_GATE, CU._AFTER_EVENT_RE),
        (CU._POST_MODAL_GATE, CU._POST_MODAL_RE),
        (C._STAKE_BOUGHT_GATE, C._STAKE_BOUGHT_RE),
    ):
        assert gate.literals is not None
        if not gate.may_match(text, lo):
            assert rx.search(text, lo) is None, (rx.pattern[:40], text)
        low = lower_for_words(text)
        if not gate.may_match_lowered(low, text, lo):
            assert rx.search(text, lo) is None, (rx.pattern[:40], text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_BITS), max_size=16).map(" ".join))
def test_tail_of_lowered_text_gates_as_the_lowered_tail(text: str) -> None:
    """``_clause_modality`` keeps the tail of the lower-cased text after an "after" phrase: the
    gates that read it answer as they would for the tail lower-cased on its own."""
    low = lower_for_words(text)
    m = CU._AFTER_EVENT_RE.search(text)
    if low is None or m is None:
        return
    tail = text[m.start() :]
    for gate in (CU._NOT_MODAL_GATE, CU._TARGET_GATE, CU._FORECAST_GATE):
        assert gate.may_match_lowered(low[m.start() :], tail) == gate.may_match(tail)


# --- claims: "by" read from the end, the model-number precheck, the figures on the Doc ---

_BY_BITS = [
    "by",
    "By",
    "BY",
    "_by",
    "aby",
    "1by",
    "éby",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "\u2003",
    "rose",
    "-",
    ".",
    "x",
]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_BY_BITS), max_size=10).map("".join))
def test_by_before_equals_the_regex(text: str) -> None:
    assert C._by_before(text) == (C._BY_BEFORE_RE.search(text) is not None)


_NAME_NUM_BITS = [
    "Zphone",
    "zphone",
    "Windows",
    "X-Men",
    "-",
    " ",
    "\t",
    "  ",
    "11",
    ".",
    "'",
    "’",
    "é",
    "É",
    "a",
    "A",
]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_NAME_NUM_BITS), max_size=10).map("".join), st.integers(0, 30))
def test_model_number_precheck_is_safe(text: str, s: int) -> None:
    """Where ``_model_number`` returns before its regex, the regex finds nothing."""
    s = min(s, len(text))
    if not (s >= 2 and text[s - 1] in " \t" and (text[s - 2] == "-" or text[s - 2] in C._ASCII_LETTERS)):
        assert C._NAME_BEFORE_NUMBER_RE.search(text, max(0, s - 40), s) is None


def test_doc_figures_reads_the_extension_value() -> None:
    from extractors.nlp import get_nlp

    nlp = get_nlp()
    doc = nlp("Acme said sales rose 5% to $1.2bn.")
    assert doc._.figures
    assert doc_figures(doc) is doc._.figures
    bare = nlp.make_doc("Sales rose 5%.")
    assert bare._.figures is None and doc_figures(bare) is None
    set_doc_figures(bare, [])
    assert bare._.figures == [] and doc_figures(bare) is bare._.figures


def test_index_of_is_by_identity() -> None:
    from extractors.figures import find_figures

    figs = find_figures("Sales rose 5% to $2bn, up from $1.5bn.")
    items = [C._Item(f, f.start, f.end, cue_end=f.end) for f in figs]
    assert len(items) == 3
    assert [C._index_of(items, it) for it in items] == [0, 1, 2]
    twin = C._Item(figs[0], figs[0].start, figs[0].end, cue_end=figs[0].end)  # equal, not the same
    try:
        C._index_of(items, twin)
    except ValueError:
        pass
    else:
        raise AssertionError("an equal item that is not in the list has no index")
