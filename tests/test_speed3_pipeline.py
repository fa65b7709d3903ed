"""Fast paths of round ``speed3`` in the spaCy pipeline equal the plain code they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import components as C
from extractors import figures as F


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def _texts(pieces: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_PLAIN_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_CASES = [
    "",
    "7",
    "1,234.5 and 6.7.8, 9,,10 .5 5. 3..4",
    "rose 12% to $1,000,000,000 in 2004",
    "١٢٣ Arabic-Indic ٣.٥ digits",
    "a1b22c333,d4.e",
]


@pytest.mark.parametrize("text", _NUMBER_CASES)
def test_number_anchor_regex_table(text: str) -> None:
    assert _spans(F._NUMBER_RE, text) == _spans(_PLAIN_NUMBER_RE, text)


@settings(max_examples=300, deadline=None)
@given(_texts(["1", "23", "٣", ".", ",", " ", "a", "$", "-"]))
def test_number_anchor_regex_equals_plain(text: str) -> None:
    assert _spans(F._NUMBER_RE, text) == _spans(_PLAIN_NUMBER_RE, text)


_PLAIN_BOUNDARY_RE = re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£$€])|\n\s*(?=\S)")
_BOUNDARY_CASES = [
    "",
    "One. Two",
    'Why?! "Because." (Yes) it is.\n\nNext line\n  Indented',
    "Mr. Smith paid $5.2bn. 2004 was good... £3 more.\n",
    "Ends with a stop.  ",
    "\n\nA\n.\n!\nB?\n",
    "Quote.’ Next. ‘Open. [Bracket",
]


@pytest.mark.parametrize("text", _BOUNDARY_CASES)
def test_boundary_regex_table(text: str) -> None:
    assert _spans(C._BOUNDARY_RE, text) == _spans(_PLAIN_BOUNDARY_RE, text)


@settings(max_examples=500, deadline=None)
@given(_texts([".", "!", "?", "\n", " ", "\t", "A", "a", "1", "£", '"', "’", "‘", ")", "(", "[", "]", "x"]))
def test_boundary_regex_equals_plain(text: str) -> None:
    assert _spans(C._BOUNDARY_RE, text) == _spans(_PLAIN_BOUNDARY_RE, text)
