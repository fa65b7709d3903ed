"""Fast paths of round ``speed6`` in the figure scan equal the plain code they replace.

The plain versions below are the code as it was before the round: the number anchors from
``_NUMBER_RE.finditer`` over the whole text; the qualifier before a figure from
``_QUALIFIER_RE.search`` over its 30-character window.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import figures as F
from extractors.scan import lower_for_words

# ---------------------------------------------------------------- plain reference (before speed6)


def _plain_number_starts(text: str) -> list[int]:
    return [m.start() for m in F._NUMBER_RE.finditer(text)]


def _plain_qualifier_before(text: str, start: int) -> tuple[int, str] | None:
    lo = max(0, start - 30)
    q = F._QUALIFIER_RE.search(text[lo:start])
    if not q:
        return None
    word = re.sub(r"\s+", " ", q.group("q").lower())
    return lo + q.start("q"), F.QUALIFIERS.get(word, "exact")


# ---------------------------------------------------------------- what the fast paths rest on


def test_regex_classes_are_the_str_methods() -> None:
    """``\\d`` is ``str.isdecimal`` and ``\\s`` is ``str.isspace`` over every code point; below
    U+0100 only the ASCII digits are decimal."""
    digit = re.compile(r"\d")
    space = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert (digit.match(c) is not None) == c.isdecimal(), hex(cp)
        assert (space.match(c) is not None) == c.isspace(), hex(cp)
    assert [c for c in map(chr, range(0x100)) if c.isdecimal()] == list("0123456789")


# ---------------------------------------------------------------- number anchors

_NUMBER_PIECES = [
    "1", "23", "0", "9", ".", ",", "..", ",,", " ", "a", "x", "£", "€", "\u0663", "\uff13", "²",
    "\u00b9", "-", "\n", "1,000", "2.5", ".5", "5.", "1.2.3", "\U0001d7d9",
]  # fmt: skip

_NUMBER_CASES = [
    "",
    "no digits here",
    "1",
    "Sales of 1,000.5 units in 2004, up 3.5% from .5 and 5. Then 1.2.3 and 4,,5 and 6..7",
    "£5bn and £3.5m, 12,345,678 people",  # Latin-1, not ASCII
    "€5bn and ’3’",  # beyond Latin-1: the regex decides
    "\u0663\u0664 and 5",  # Arabic-Indic digits are \d too
    "\uff11\uff12 and 7",  # full-width digits
    "x² and 3³ and ¹4",  # superscripts are not decimal
    "1.a 2,b 3., 4,.5 .6 ,7",
]


@pytest.mark.parametrize("text", _NUMBER_CASES)
def test_number_starts_equal_plain_table(text: str) -> None:
    assert F._number_starts(text) == _plain_number_starts(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=24).map("".join) | st.text(max_size=60))
def test_number_starts_equal_plain_property(text: str) -> None:
    assert F._number_starts(text) == _plain_number_starts(text)


# ---------------------------------------------------------------- qualifiers

_QUALIFIER_PIECES = [
    *F.QUALIFIERS, "NEARLY", "More Than", "more\tthan", "more\u00a0than", "no\n less than", "approx",
    "approxx", "x", "(", "((", ")", " ", "  ", "\t", "\n", "5", "$", "was", "to", "as", "of", "much",
    "excess", "under", "ſome", "\u0130", "\u212a", "handsome", "moreover", "é",
]  # fmt: skip

_QUALIFIER_CASES = [
    "",
    "nearly 5",
    "Sales rose by more than 5% and just under 7 and as much as 3, as many as 4",
    "(about 5) x(about 6) (( around 7 x( more than 8",
    "handsome 5, moreover 6, was 7, close to 8, up  to 9, no\n less than 10",
    "approx. 5 and approxx 6 and approx 7 and Approx. 8",
    # the window's first character: a qualifier glued to the word before it still counts there
    "Xover" + " " * 26 + "5 and Xup to" + " " * 24 + "7",
    "in excess of\u00a05 and AN ESTIMATED 6 and an  estimated 7, some 8",
    "more than \n",
]


def _check_qualifiers(text: str) -> None:
    low = lower_for_words(text)
    for start in range(len(text) + 1):
        plain = _plain_qualifier_before(text, start)
        for lw in (low, None):
            # (the gate ``_may_qualify_at`` came before the regex then too)
            want = plain if F._may_qualify_at(text, lw, start) else None
            assert F._qualifier_before(text, lw, start) == want, (text, start, lw is None)


@pytest.mark.parametrize("text", _QUALIFIER_CASES)
def test_qualifier_equals_plain_table(text: str) -> None:
    _check_qualifiers(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_QUALIFIER_PIECES), max_size=12).map("".join) | st.text(max_size=40))
def test_qualifier_equals_plain_property(text: str) -> None:
    _check_qualifiers(text)


def test_qualifier_in_without_the_gate() -> None:
    """``_qualifier_in`` alone, behind no gate, where the window ends with a qualifier's last word
    (the only windows the gate lets through) agrees with the regex."""
    for text in _QUALIFIER_CASES:
        low = lower_for_words(text)
        if low is None:
            continue
        for start in range(len(text) + 1):
            if F._may_qualify_at(text, low, start):
                assert F._qualifier_in(low, max(0, start - 30), start) == _plain_qualifier_before(text, start)


# ---------------------------------------------------------------- the figure regex in parts

_FIGURE_AT_PIECES = [
    "$5bn", "£3.5m", "US$ 2", "EUR 40", "40 EUR", "40EUR", "$10 dollars", "5 pounds", "583p", "20 cents",
    "76%", "76 %", "76 per cent", "76 percent", "10 percentage points", "two billion", "a million",
    "3,000", "1.5", ".5", "2004", "5th", "3D", "4-fold", "4 fold", "4fold", "5 k", "5k", "5 bn",
    "5  million", "5\tbillion", "5 Million", "5 \u212a", "5\u212a", "7 mln", "7 tn", "1 hundred",
    "5 new zealand dollars", "5 New  Zealand Dollars", "5 u.s. dollars", "5 US cents", "5 euro cents",
    "5 $", "5$", "5 € 6", "5€", "5 元", "5 GBP", "5 gbp", "5 usd", "5 p", "5 c", "5c", "5 per", "5 the",
    "5 and", "5 penny", " ", "\n", "x", "\u0130", "ſ", "\u0663", "9" * 40, "¥", "Rs.", "NZ$", "nearly ",
]  # fmt: skip


def _check_figure_at(text: str) -> None:
    low = lower_for_words(text)
    if low is None:
        return  # (``_scan`` runs the whole regex there)
    for pos in range(len(text)):
        m = F._FIGURE_RE.match(text, pos)
        want = (F._from_match(m, low), m.end()) if m is not None else (None, -1)
        got = F._figure_at(text, low, pos)
        if want[0] is None:
            assert got[0] is None, (text, pos)
        else:
            assert got == want, (text, pos)


@pytest.mark.parametrize("text", _FIGURE_AT_PIECES + [" ".join(_FIGURE_AT_PIECES)])
def test_figure_at_equals_the_whole_regex_table(text: str) -> None:
    _check_figure_at(text)
    _check_figure_at("Sales of " + text + " rose")


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_FIGURE_AT_PIECES), max_size=10).map("".join) | st.text(max_size=40))
def test_figure_at_equals_the_whole_regex_property(text: str) -> None:
    _check_figure_at(text)


def _plain_not_bare(text: str, end: int) -> bool:
    return F._NOT_BARE_RE.match(text, end) is not None


@pytest.mark.parametrize(
    "tail", ["", "th", "D", "-fold", " fold", "\tfold", "folds", " folded", "-", " ", "é", "\u212a", "_", "%"]
)
def test_bare_number_gate(tail: str) -> None:
    """A number figure followed by an ASCII letter, or by "fold" after whitespace or "-", is no
    figure (``_NOT_BARE_RE``): the same through ``_figure_from``'s gate as through the regex."""
    text = "rose 5" + tail + " more"
    low = lower_for_words(text)
    fig, _ = F._figure_at(text, low, 5) if low is not None else (None, -1)
    m = F._FIGURE_RE.match(text, 5)
    assert m is not None
    assert (fig is None) == (F._from_match(m, None) is None)
    if m.group("digits") and not any(m.groups()[3:6] + m.groups()[8:]):
        assert (fig is None) == _plain_not_bare(text, m.end())
