"""Fast paths of round ``speed3`` in the spaCy pipeline equal the plain code they replace."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from extractors import components as C
from extractors import figures as F
from extractors import sentences as S


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def _texts(pieces: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# each rewritten regex (it starts with one character set, so that ``re`` skips ahead), the plain
# regex it replaces, fixed cases and the pieces of random texts
_REWRITES = {
    "number anchor": (
        F._NUMBER_RE,
        re.compile(r"\d+(?:[.,]\d+)*"),
        [
            "",
            "7",
            "1,234.5 and 6.7.8, 9,,10 .5 5. 3..4",
            "rose 12% to $1,000,000,000 in 2004",
            "١٢٣ Arabic-Indic ٣.٥ digits",
            "a1b22c333,d4.e",
        ],
        ["1", "23", "٣", ".", ",", " ", "a", "$", "-"],
    ),
    "sentence boundary": (
        S._BOUNDARY_RE,
        re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£$€])|\n\s*(?=\S)"),
        [
            "",
            "One. Two",
            'Why?! "Because." (Yes) it is.\n\nNext line\n  Indented',
            "Mr. Smith paid $5.2bn. 2004 was good... £3 more.\n",
            "Ends with a stop.  ",
            "\n\nA\n.\n!\nB?\n",
            "Quote.’ Next. ‘Open. [Bracket",
        ],
        [".", "!", "?", "\n", " ", "\t", "A", "a", "1", "£", '"', "’", "‘", ")", "(", "[", "]", "x"],
    ),
}


@pytest.mark.parametrize(
    ("name", "text"), [(name, text) for name, (_, _, cases, _) in _REWRITES.items() for text in cases]
)
def test_rewritten_regex_table(name: str, text: str) -> None:
    fast, plain, _, _ = _REWRITES[name]
    assert _spans(fast, text) == _spans(plain, text)


@pytest.mark.parametrize("name", list(_REWRITES))
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_rewritten_regex_equals_plain(name: str, data: st.DataObject) -> None:
    fast, plain, _, pieces = _REWRITES[name]
    text = data.draw(_texts(pieces))
    assert _spans(fast, text) == _spans(plain, text)


_DOCS = [
    "Acme's sales rose 5% to $1.2bn. Mr. Smith said so.\nNext line",
    "",
    "   ",
    "No figures here. None at all!",
    "Profit fell by nearly £300m in 2004. Costs doubled.",
]


def _pipeline() -> spacy.language.Language:
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": C.LEAN_TOKENIZER}}})
    nlp.add_pipe("newsclaims_sentences")
    nlp.add_pipe("newsclaims_figures")
    return nlp


def _read(doc: Doc) -> tuple[object, ...]:
    return (doc.text, doc.to_array(SENT_START).tolist(), C.sentence_offsets(doc), doc._.figures)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 1000])
def test_batched_pipe_equals_one_doc_at_a_time(batch_size: int) -> None:
    nlp = _pipeline()
    texts = _DOCS * 3
    assert [_read(d) for d in nlp.pipe(texts, batch_size=batch_size)] == [_read(nlp(t)) for t in texts]


def test_batched_pipe_hands_failures_to_the_error_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    def find(text: str, *, multiples: bool = True) -> list[F.Figure]:
        if "BOOM" in text:
            raise RuntimeError("boom")
        return F.find_figures(text, multiples=multiples)

    monkeypatch.setattr(C, "find_figures", find)
    nlp = _pipeline()
    texts = ["Sales rose 5%.", "BOOM 1", "Costs fell 2%.", "BOOM 2", "Profit doubled."]
    with pytest.raises(RuntimeError, match="boom"):
        list(nlp.pipe(texts, batch_size=2))
    seen: list[tuple[str, str]] = []
    nlp.set_error_handler(lambda name, proc, docs, e: seen.extend((name, d.text) for d in docs))
    kept = [d.text for d in nlp.pipe(texts, batch_size=2)]
    assert kept == ["Sales rose 5%.", "Costs fell 2%.", "Profit doubled."]
    assert seen == [("newsclaims_figures", "BOOM 1"), ("newsclaims_figures", "BOOM 2")]


def _plain_abbreviation_before(text: str, stop: re.Match[str]) -> bool:
    found = stop.group(0)
    hi = stop.end() - len(found.lstrip(".!?"))
    w = S._WORD_BEFORE_RE.search(text, max(0, stop.start() - 20), hi)
    return w is not None and S._is_abbreviation(w.group(1))


_WORD_BITS = ["Mr", "mrs", "INC", "approx", "Sept", "U.S", "x", "said", "rose", "(", '"', "‘", "é", "1"]
_WORD_BITS += [" ", "\t", "\u00a0", "\u2028", "ab", "abcdefghij", "ſt", "K"]


@settings(max_examples=500, deadline=None)
@given(_texts(_WORD_BITS, max_size=12), st.sampled_from([". A", "! 2", '." The', "?) (A", "... £"]))
def test_abbreviation_word_read_back_equals_regex(words: str, stop: str) -> None:
    text = words + stop
    for m in S._BOUNDARY_RE.finditer(text):
        if text[m.start()] != "\n":
            assert S._abbreviation_before(text, m) == _plain_abbreviation_before(text, m), text
