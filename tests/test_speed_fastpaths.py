"""Fast paths of the stance scorer, the cue scanner and sentence offsets equal the plain code."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import stance as S

_BITS = [
    "Mr",
    "US",
    "U.S",
    "Acme",
    "it",
    "I",
    "is",
    "in my view",
    "’",
    "'",
    '"',
    "“",
    "”",
    "‘",
    ".",
    ":",
    "(",
    "—",
    "-",
    "!",
    "?",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u2028",
    "don't",
    "a",
    "é",
    "1",
]
_TEXT = st.lists(st.sampled_from(_BITS), max_size=30).map("".join) | st.text(max_size=60)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=70))
def test_at_sentence_start_equals_regex(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert S._at_sentence_start(text, pos) == bool(S._SENTENCE_START_RE.search(text[:pos]))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_quote_fast_path_is_safe(text: str) -> None:
    text = S._normalise(text)
    assert S._normalise(text) == re.sub(r"(?<=\w)’(?=\w)", "'", text)
    if S._MAYBE_QUOTE_RE.search(text) is None:
        # every regex of the slow path finds nothing, so it would return (text, [])
        assert not S._QUOTE_RE.search(text)
        assert not S._OPEN_ONLY_RE.search(text) and "”" not in text
        assert not S._OPEN_SINGLE_RE.search(text) and not S._CLOSE_SINGLE_RE.search(text)
        assert S._split_quotes(text) == (text, [])


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_us_fast_path(text: str) -> None:
    if "US" not in text and "U.S" not in text:
        assert S._US_RE.sub("U.S.", text) == text


def _plain_phrases(scorer: S.CueScorer, tokens: list[str]) -> list[tuple[str, str]]:
    out = []
    for i in range(len(tokens)):
        for n in range(2, min(scorer._max_phrase, len(tokens) - i) + 1):
            for name in scorer._phrases.get(tuple(tokens[i : i + n]), ()):
                out.append((name, " ".join(tokens[i : i + n])))
    return out


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_phrase_index_finds_what_the_ngram_scan_finds(data: st.DataObject) -> None:
    scorer = S.get_scorer()
    vocab = sorted({t for p in scorer._phrases for t in p})[:400] + ["the", "x"]
    tokens = data.draw(st.lists(st.sampled_from(vocab), max_size=12))
    phrases = [p for p in scorer._phrases if len(p) >= 3]
    if data.draw(st.booleans()):  # make sure long phrases turn up
        tokens += list(data.draw(st.sampled_from(phrases)))
    found: list[tuple[str, str]] = []
    for i, tok in enumerate(tokens):
        for n in scorer._phrase_lengths.get(tok, ()):
            if n > len(tokens) - i:
                break
            for name in scorer._phrases.get(tuple(tokens[i : i + n]), ()):
                found.append((name, " ".join(tokens[i : i + n])))
    assert found == _plain_phrases(scorer, tokens)


_CUE_BITS = [
    "sales",
    "Sales",
    "SALES",
    "ſales",
    "\u212aelvin",
    "kelvin",
    "net loss",
    "lost $5m",
    "-workers",
    "steelworkers",
    "workers",
    "workerſ",
    "WORKERS",
    "it is worth",
    "worth",
    "£",
    "ı",
    "\u0130",
    "ARR",
    "arr",
    "m",
    "bn",
    "valued at",
    "x",
    "é",
    "-",
    " ",
    ",",
    "(",
    "'",
    "raised",
    "invest",
    "in",
    "4",
    "$",
    "\n",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_BITS), max_size=25).map("".join) | st.text(max_size=60))
def test_two_char_cue_scanner_equals_plain_regex(text: str) -> None:
    from extractors.metrics import _compiled

    scanner, _ = _compiled()
    plain = [(m.start(), m.end(), m.lastgroup) for m in scanner.full.finditer(text)]
    assert list(scanner.finditer(text)) == plain


def test_folds_to_ascii_are_all_the_exceptions() -> None:
    """``scan.lower_for_words``: apart from these, every character ``re.IGNORECASE`` matches to an
    ASCII letter lower-cases to that letter (so a lower-cased gate literal is a substring)."""
    from extractors.scan import _FOLDS_TO_ASCII

    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = {
        chr(o)
        for o in range(128, 0x110000)
        if letter.fullmatch(chr(o)) and not ("a" <= chr(o).lower() <= "z" and len(chr(o).lower()) == 1)
    }
    assert odd == set(_FOLDS_TO_ASCII)


@given(
    st.lists(st.sampled_from(["ab", "a", "b", "Ab", "x", "-", " ", "abc", "bz", "ſ"]), max_size=20).map(
        "".join
    ),
)
def test_scanner_prefixes_on_small_patterns(text: str) -> None:
    from extractors.scan import AlternationScanner

    named = [("p0", "ab|b[a-c]"), ("p1", "[\\w-]*abc"), ("p2", "a"), ("p3", "(?:x )?bz+")]
    for flags in (0, re.IGNORECASE):
        sc = AlternationScanner(named, flags, r"(?<![\w-])", r"(?![\w])")
        assert list(sc.finditer(text)) == [(m.start(), m.end(), m.lastgroup) for m in sc.full.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["valu", "value", "ed", " at", "at", "Ab", "abcd", "abce", "ab", "x", "ſ", "é", "zé", "K", "-"]
            + [" ", "in", "inve"]
        ),
        max_size=20,
    ).map("".join),
)
def test_scanner_four_char_candidates(text: str) -> None:
    """Candidates from up to four characters of each part's prefixes (a trie), with parts whose
    prefixes are too many ("(?:\\w+ ){0,2}at") or shorter than four ("ab", "x") falling back."""
    from extractors.scan import AlternationScanner

    named = [
        ("p0", "valu(?:e|ed) (?:\\w+ ){0,2}at|abcd"),
        ("p1", "(?:\\w+ ){1,2}at"),
        ("p2", "ab|x|inve\\w*"),
        ("p3", "[\\w-]*abce"),
        ("p4", "zé\\w"),
    ]
    for flags in (0, re.IGNORECASE):
        sc = AlternationScanner(named, flags, r"(?<![\w-])", r"(?![\w])")
        assert not sc._plain and "valu" in sc._four[0]
        assert list(sc.finditer(text)) == [(m.start(), m.end(), m.lastgroup) for m in sc.full.finditer(text)]


_SENT_BITS = ["Mr", "mr", "Inc", "U.S", "e.g", "J", "approx", "Co", "Ltd", "said", "rose", "5", "$1.13bn"]
_SENT_BITS += [".", ". ", "! ", "? ", "...", "\n", " ", "\u00a0", "\u2028", '"', "“", "(", ")", "'"]
_SENT_BITS += ["A", "The", "Sales", "Acme", "2005", "Z", "x", "É", "ſ", "K"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SENT_BITS), max_size=30).map("".join) | st.text(max_size=60))
def test_sentence_starts_abbreviation_fast_path(text: str) -> None:
    """``_abbreviation_before`` reads the word the plain regex would and judges it the same way."""
    from extractors.sentences import _BOUNDARY_RE, _WORD_BEFORE_RE, _is_abbreviation, sentence_starts

    plain = [0]
    for m in _BOUNDARY_RE.finditer(text):
        found = m.group(0)
        if found[0] != "\n":
            w = _WORD_BEFORE_RE.search(text, max(0, m.start() - 20), m.end() - len(found.lstrip(".!?")))
            if w and _is_abbreviation(w.group(1)):
                continue
        if m.end() < len(text):
            plain.append(m.end())
    assert sentence_starts(text) == plain


def test_sentence_offsets_cache_follows_boundaries() -> None:
    from extractors.components import sentence_offsets
    from extractors.nlp import get_nlp

    doc = get_nlp()("Sales rose. Profit fell. Costs were flat.")
    first = sentence_offsets(doc)
    assert sentence_offsets(doc) == first and len(first) == 3
    doc[3].is_sent_start = False  # merge the second sentence into the first
    assert sentence_offsets(doc) == [(0, 24), first[2]]


@pytest.mark.parametrize(
    "text", ["Sales rose. Profit fell.", "x", "Mr. Doe said.\n\nShares rose 5%.", "  A. B. C.\n", "\n"]
)
def test_sentence_component_keeps_the_flags_to_array_reads(text: str) -> None:
    """The component caches the offsets under the flags it wrote, not a second ``to_array``."""
    from spacy.attrs import SENT_START

    from extractors.components import OFFSETS_KEY
    from extractors.nlp import get_nlp

    doc = get_nlp()(text)
    assert doc.user_data[OFFSETS_KEY][1] == doc.to_array(SENT_START).tobytes()


_CLAUSE_BITS = [
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    ";",
    ":",
    ",",
    "-",
    "–",
    "—",
    "(",
    ")",
    "while",
    "WHILE",
    "Whereas",
    "whereaſ",
    "whıle",
    "but",
    "BUT",
    "butter",
    "although",
    "Although",
    "ALTHOUGH",
    "though",
    "Though",
    "But",
    "While",
    "WHEREAS",
    "and",
    "And",
    "x",
    "1,200",
    "Acme",
    " - ",
    " – ",
    " — ",
    " ; ",
    " : ",
    ", and ",
    ", but ",
    " while ",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_BITS), max_size=30).map("".join) | st.text(max_size=60))
def test_strong_breaks_equal_plain_regex(text: str) -> None:
    from extractors.clauses import _STRONG_RE, _strong_breaks

    assert _strong_breaks(text) == [m.span() for m in _STRONG_RE.finditer(text)]


# --- claims, subjects, figures: prefilters and candidate scans equal the plain regexes ---

_NAME_BITS = [
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "Prof",
    "drugmaker",
    "firm",
    "Acme",
    "Doe",
    "'s",
    "’s",
    "'",
    "has",
    "said",
    "rival",
    "including",
    "analysts at",
    "survey by",
    "economist",
    "5",
    "2,000",
    "Bank",
    ".",
    ",",
    "é",
    "_",
    "-",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "DVDs",
    "X",
]
_NAME_TEXT = st.lists(st.sampled_from(_NAME_BITS), max_size=30).map("".join) | st.text(max_size=60)


@settings(max_examples=500, deadline=None)
@given(_NAME_TEXT)
def test_titled_name_scans_equal_plain_finditer(text: str) -> None:
    from extractors import subjects as SJ

    assert [m.span() for m in SJ._titled_company_matches(text)] == [
        m.span() for m in SJ._TITLED_COMPANY_RE.finditer(text)
    ]
    people = SJ.matches_at(SJ._TITLED_PERSON_RE, text, SJ._title_starts(text))
    assert [m.group(1) for m in people] == SJ._TITLED_PERSON_RE.findall(text)


@settings(max_examples=500, deadline=None)
@given(_NAME_TEXT)
def test_mention_shortcuts_equal_plain_regexes(text: str) -> None:
    from extractors import subjects as SJ

    for m in SJ._NAME_RE.finditer(text):
        assert SJ._strip_possessive(m.group(0)) == SJ._POSS_RE.sub("", m.group(0))
    # ``find_mentions`` runs the regexes on the 40 characters before a name only when they end in
    # whitespace
    for k in range(len(text) + 1):
        before = text[max(0, k - 40) : k]
        if not before[-1:].isspace():
            for rx in (SJ._PERSON_RE, SJ._NUMBER_BEFORE_RE, SJ._EXAMPLE_RE, SJ._SOURCE_BEFORE_RE):
                assert rx.search(before) is None


_SPAN_BITS = [
    "year",
    "Year",
    "YEAR",
    "years",
    "month",
    "months",
    "quarter",
    "week",
    "-on-",
    "y-o-y",
    "yoy",
    "annual",
    "annualised",
    "growth",
    "sequentially",
    "ſequential",
    "ı",
    "\u0130",
    "K",
    "in",
    "over",
    "the",
    "past",
    "previous",
    "from",
    "three",
    "a",
    "earlier",
    "2003",
    "1999",
    "20",
    "19",
    "٢٠٠٣",
    " ",
    "-",
    ",",
    "\n",
]
_SPAN_TEXT = st.lists(st.sampled_from(_SPAN_BITS), max_size=25).map("".join) | st.text(max_size=50)


@settings(max_examples=500, deadline=None)
@given(_SPAN_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_change_span_prefilters_are_safe(text: str, lo: int, hi: int) -> None:
    from extractors import claims as CL

    lo, hi = min(lo, len(text)), min(hi, len(text))
    low = CL.lower_for_words(text)
    if low is not None:
        assert len(low) == len(text)
    if not CL._has_word(low, CL._SPAN_WORDS, lo, hi):
        assert CL._SPAN_RE.search(text, lo, hi) is None
    for (rx, _), words in zip(CL._RELATIVE_SPANS, CL._RELATIVE_SPAN_WORDS, strict=True):
        if not CL._has_word(low, words, lo, hi):
            assert rx.search(text, lo, hi) is None
    if text.find("19", lo, hi) < 0 and text.find("20", lo, hi) < 0:
        assert CL._BASE_YEAR_RE.search(text, lo, hi) is None
    assert CL._YEAR_RE.findall(text) == re.findall(r"\b(?:19|20)\d\d\b", text)


_QUAL_BITS = [
    "nearly",
    "NEARLY",
    "about",
    "more than",
    "more\tthan",
    "up to",
    "as much as",
    "approx.",
    "Approx.",
    "ſome",
    "ı",
    "\u0130",
    "K",
    "to",
    "of",
    "in excess",
    "(",
    " ",
    "  ",
    "\n",
    "\u00a0",
    "x",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_QUAL_BITS), max_size=12).map("".join) | st.text(max_size=40))
def test_qualifier_prefilter_is_safe(window: str) -> None:
    from extractors import figures as FG
    from extractors.scan import lower_for_words

    if not FG._may_qualify_at(window, lower_for_words(window), len(window)):
        assert FG._QUALIFIER_RE.search(window) is None


def test_figure_match_groups_in_unpacking_order() -> None:
    """``figures._from_match`` unpacks ``m.groups()`` in this order and builds ``Figure`` by position."""
    import dataclasses

    from extractors import figures as FG

    order = sorted(FG._FIGURE_RE.groupindex, key=FG._FIGURE_RE.groupindex.__getitem__)
    assert order == [
        "pre_sym", "pre_code", "digits", "abbr", "abbr2", "scale", "word", "wscale",
        "pct", "minor_att", "minor", "post_code", "post_sym", "post_name",
    ]  # fmt: skip
    assert FG._FIGURE_RE.groups == len(order)
    assert [f.name for f in dataclasses.fields(FG.Figure)] == [
        "start", "end", "surface", "kind", "value", "unit", "qualifier", "value_low", "value_high",
        "num_start", "scale",
    ]  # fmt: skip


@pytest.mark.parametrize("lead", ["nearly ", "more than ", "up to\t", "approx. ", "some  "])
def test_qualifier_copy_equals_dataclasses_replace(lead: str) -> None:
    """``figures._with_qualifier`` builds the qualified figure field by field: the same as replace()."""
    import dataclasses

    from extractors.figures import QUALIFIERS, Figure, _with_qualifier

    text = f"Sales of {lead}$1bn-$2bn rose"
    at = text.index("$")
    fig = Figure(at, at + 9, text[at : at + 9], "money", 1.5e9, "USD", "range", 1e9, 2e9, at + 1, 1e9)
    got = _with_qualifier(text, fig)
    start = text.index(lead.split()[0])
    word = " ".join(lead.split()).lower()
    want = dataclasses.replace(fig, start=start, surface=text[start : fig.end], qualifier=QUALIFIERS[word])
    assert got == want and len(dataclasses.fields(Figure)) == 11


_PERIOD_BITS = ["Q1", "q4", "Q5", "first quarter", "Second-Quarter", "4th quarter", "first half"]
_PERIOD_BITS += ["SECOND-HALF", "H1", "h2", "H3", "half", "quarter", "ſ", "ı", "K", " ", "-"]
_PERIOD_BITS += ["2004", "first", "Q", "H"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_BITS), max_size=12).map("".join) | st.text(max_size=40))
def test_period_word_gates_equal_plain_search(window: str) -> None:
    from extractors import cues

    def spans(m: re.Match[str] | None) -> tuple[int, int, str] | None:
        return None if m is None else (m.start(), m.end(), m.group(0))

    assert spans(cues._quarter(window)) == spans(cues._QUARTER_RE.search(window))
    assert spans(cues._half(window)) == spans(cues._HALF_RE.search(window))
