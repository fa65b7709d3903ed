"""Fast paths of round ``speed4`` in the spaCy pipeline equal the plain code they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import figures as F
from extractors import sentences as S
from extractors.scan import lower_for_words

_QUALIFIER_PIECES = [
    "nearly",
    "More Than",
    "up to",
    "in excess of",
    "approx.",
    "of",
    "as much as",
    "(",
    " ",
    "  ",
    "\n",
    "\u00a0",
    "\u0130",  # "İ": lower() makes two characters of it, so lower_for_words gives None
    "x",
    "$5bn",
    "12%",
]

_QUALIFIER_CASES = [
    "",
    "nearly ",
    "nearly",
    "sales of more than ",
    "sales of more than\u00a0\n",
    "rose ( up to ",
    "x" * 40 + "at least ",
    "at least " + "x" * 40 + " ",
    "\u0130 about ",
    "AROUND  ",
]


def _plain_may_qualify(text: str, start: int) -> bool:
    """The window test as ``_with_qualifier`` wrote it before: cut, strip, lower, compare."""
    window = text[max(0, start - 30) : start]
    if not window[-1:].isspace():
        return False
    low = lower_for_words(window.rstrip())
    return low is None or low.endswith(F._QUALIFIER_LAST_WORDS)


def _check_qualifier_gate(text: str) -> None:
    low = lower_for_words(text)
    for start in range(len(text) + 1):
        got = F._may_qualify_at(text, low, start)
        if low is not None:
            assert got == _plain_may_qualify(text, start), (text, start)
        if not got:
            assert F._QUALIFIER_RE.search(text[max(0, start - 30) : start]) is None, (text, start)


@pytest.mark.parametrize("text", _QUALIFIER_CASES)
def test_qualifier_gate_in_place_table(text: str) -> None:
    _check_qualifier_gate(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUALIFIER_PIECES), max_size=14).map("".join) | st.text(max_size=50))
def test_qualifier_gate_in_place_property(text: str) -> None:
    _check_qualifier_gate(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUALIFIER_PIECES), max_size=14).map("".join))
def test_with_qualifier_same_with_and_without_low(text: str) -> None:
    """The lowered text only skips work: every figure comes out as the regex alone makes it."""
    low = lower_for_words(text)
    for fig in F._scan(text, low):
        plain = F.Figure(fig.num_start, fig.end, text[fig.num_start : fig.end], fig.kind, fig.value, fig.unit)
        assert F._with_qualifier(text, plain, low) == F._with_qualifier(text, plain)


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("sales of nearly 5", "nearly 5", "approximate"),
        ("UP TO  5", "UP TO  5", "at_most"),
        ("of 5", "5", "exact"),
    ],
)
def test_with_qualifier_reads_the_word_before(text: str, surface: str, qualifier: str) -> None:
    at = text.index("5")
    fig = F._with_qualifier(text, F.Figure(at, at + 1, "5", "number", 5.0, None), lower_for_words(text))
    assert (fig.surface, fig.qualifier) == (surface, qualifier)


def _plain_abbreviation_before(text: str, stop: re.Match[str]) -> bool:
    """The regex reading of ``components._abbreviation_before``."""
    hi = stop.end() - len(stop.group(0).lstrip(".!?"))
    w = S._WORD_BEFORE_RE.search(text, max(0, stop.start() - 20), hi)
    return w is not None and S._is_abbreviation(w.group(1))


def _check_abbreviations(text: str) -> None:
    for m in S._BOUNDARY_RE.finditer(text):
        if text[m.start()] != "\n":
            assert S._abbreviation_before(text, m) == _plain_abbreviation_before(text, m), (text, m.start())


# words that end as abbreviations do ("Co", "Dec", "Ltd") or do not ("said", "2004"), after quotes,
# digits, brackets and spaces; "K" (Kelvin) and "ſ" lower to ASCII letters
_STOP_WORDS = ["Co", "co", "DEC", "Ltd", "Mt", "said", "ko", "2004", "U.S", "x", "(", '"', "‘", "'", "%"]
_STOP_WORDS += [" ", "  ", "\u00a0", "\u212a", "\u017f", "é", "Sept", "abcdefghijklmnopqrstu"]
_STOPS = [". A", "! 2", '." The', "?) (A", "... £", ".\u2019 B", ". 1"]

_ABBREVIATION_CASES = [
    ". A",
    "x. A",
    "Co. A",
    "The Acme Co. Board",
    "in 2004. The",
    'he said "no". The',
    "(Ltd). A",
    "  . A",
    "a.b.c. D",
    "\u212a. A",
    "Dec.. A",
]


@pytest.mark.parametrize("text", _ABBREVIATION_CASES)
def test_abbreviation_gates_table(text: str) -> None:
    _check_abbreviations(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_STOP_WORDS), max_size=10).map("".join), st.sampled_from(_STOPS))
def test_abbreviation_gates_property(words: str, stop: str) -> None:
    _check_abbreviations(words + stop + " " + words + stop)


def test_abbreviation_tails_cover_every_abbreviation() -> None:
    """The two-letter gate assumes every abbreviation has two or more ASCII letters, all letters."""
    assert all(len(w) >= 2 and w.isascii() and w.isalpha() for w in S.ABBREVIATIONS)
    assert {w[-2:] for w in S.ABBREVIATIONS} == S._ABBREVIATION_TAILS


@pytest.mark.parametrize(
    "text",
    [
        "rose 5 per cent",
        "5 Per\u00a0Cent, 6 percent",
        "per\ncent per\tcent per  cent",
        "recent centre percentage 7 PERCENT",
        "cent percent",
        "percentile per-cent",
    ],
)
def test_percent_anchor_word_table(text: str) -> None:
    """``_PCT_WORDS`` finds every match of ``_PCT_ANCHOR_RE`` from its "cent"."""
    low = lower_for_words(text)
    fast = [m.span() for m in F._anchor_matches(F._PCT_ANCHOR_RE, text, low, F._PCT_WORDS)]
    assert fast == [m.span() for m in F._PCT_ANCHOR_RE.finditer(text)]
