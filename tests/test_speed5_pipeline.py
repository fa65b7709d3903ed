"""Fast paths of round ``speed5`` in the spaCy pipeline equal the plain code they replace.

The plain versions below are the code as it was before the round (``figures._from_match`` built a
``Figure`` that ``_with_qualifier`` then copied; ``_merge_ranges`` called ``_range`` on every pair
of neighbours; ``find_figures`` listed the spans taken even without a multiple).
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import figures as F
from extractors import sentences as S
from extractors.figures import Figure
from extractors.scan import lower_for_words

# ---------------------------------------------------------------- plain reference (before speed5)


def _plain_from_match(m: re.Match[str]) -> Figure | None:
    (
        pre_sym, pre_code, digits, abbr, abbr2, scale_name, word, wscale,
        pct, minor_att, minor_word, post_code, post_sym, post_name,
    ) = m.groups()  # fmt: skip
    if digits is not None:
        base = F._to_float(digits)
        scale_word = abbr or abbr2 or scale_name
    else:
        base = F.WORD_NUMBERS.get(word.lower())
        scale_word = wscale
    if base is None:
        return None
    scale = F.SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0
    unit: str | None = None
    kind = "number"
    value: float | None = base * scale
    if pre_sym:
        unit, kind = F._symbol_unit(pre_sym), "money"
    elif pre_code:
        unit, kind = F._CODES.get(pre_code.upper()), "money"
    if pct:
        if kind == "money":
            return None
        unit, kind = "percent", "percent"
    elif minor_att or minor_word:
        minor = " ".join((minor_att or minor_word).lower().split())
        if kind == "money" or scale_word:
            return None
        unit, kind = F._MINOR.get(minor), "money"
        value, scale = base / 100.0, 0.01
    elif post_sym:
        if kind == "money":
            return None
        unit, kind = F._symbol_unit(post_sym), "money"
    elif post_code:
        unit, kind = F._CODES.get(post_code.upper()), "money"
    elif post_name:
        unit, kind = F._NAMES.get(re.sub(r"\s+", " ", post_name.lower())), "money"
    if digits is None and kind == "number" and not scale_word:
        return None
    start = m.start()
    end = m.end()
    if (pre_sym or pre_code) and (post_name or post_code):
        end = m.start("post_name") if post_name else m.start("post_code")
        while end > start and m.string[end - 1].isspace():
            end -= 1
    value = F._finite(value)
    if value is None:
        return None
    return Figure(start, end, m.string[start:end], kind, value, unit, "exact", None, None, start, scale)


def _plain_with_qualifier(text: str, fig: Figure) -> Figure:
    window = text[max(0, fig.start - 30) : fig.start]
    q = F._QUALIFIER_RE.search(window)
    if not q:
        return fig
    start = fig.start - (len(window) - q.start("q"))
    word = re.sub(r"\s+", " ", q.group("q").lower())
    qualifier = F.QUALIFIERS.get(word, "exact")
    return dataclasses.replace(fig, start=start, surface=text[start : fig.end], qualifier=qualifier)


def _plain_scan(text: str) -> list[Figure]:
    figs: list[Figure] = []
    taken_until = -1
    anchors = [F._number_anchor(text, m.start()) for m in F._NUMBER_RE.finditer(text)]
    for m in F._SCALE_ANCHOR_RE.finditer(text):
        w = F._WORD_BEFORE_RE.search(text, max(0, m.start() - 14), m.start())
        if w:
            anchors.append(w.start())
    anchors.sort()
    for pos in anchors:
        if pos < taken_until:
            continue
        m = F._FIGURE_RE.match(text, pos)
        if m is None:
            continue
        fig = _plain_from_match(m)
        if fig is not None and not (fig.kind == "number" and F._NOT_BARE_RE.match(text, m.end())):
            figs.append(_plain_with_qualifier(text, fig))
            taken_until = m.end()
    for a in F._PCT_ANCHOR_RE.finditer(text):
        m = F._WORD_PCT_RE.search(text, max(0, a.start() - 12), a.end())
        if m is None or m.end() != a.end():
            continue
        val = F.WORD_NUMBERS.get(m.group("word").lower())
        if val is not None:
            fig = Figure(
                m.start(), m.end(), m.group(0), "percent", float(val), "percent", num_start=m.start()
            )
            figs.append(_plain_with_qualifier(text, fig))
    return figs


def _plain_merge_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        b = figs[i + 1] if i + 1 < len(figs) else None
        merged = F._range(text, a, b) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _plain_find_figures(text: str, multiples: bool = True) -> list[Figure]:
    if not text:
        return []
    figs = _plain_scan(text)
    if multiples:
        taken = [(f.num_start, f.end) for f in figs]
        for f in F._multiples(text, None):
            if not any(s < f.end and f.start < e for s, e in taken):
                figs.append(_plain_with_qualifier(text, f))
    figs.sort(key=lambda f: f.start)
    return _plain_merge_ranges(text, figs)


# ---------------------------------------------------------------- cases

_FIGURE_PIECES = [
    "$5bn", "£3.5m", "US$ 2", "EUR 40", "40 EUR", "$10 dollars", "5 pounds", "583p", "20 cents",
    "76%", "76 per cent", "seven percent", "10 percentage points", "two billion", "a million",
    "3,000", "1.5", "2004", "5th", "3D", "4-fold", "fourfold", "3x", "four times", "doubled",
    "halving", "nearly ", "more than ", "up to\t", "approx. ", "between ", "from ", " and ", " to ",
    "-", "–", " in ", "of ", "rise", " rise", "\n", " ", "(", "x", "\u0130", "€", "1e400",
    "9" * 400, "¥", "Rs.", "NZ$",
]  # fmt: skip

_FIGURE_CASES = [
    "",
    "Sales rose nearly 76% to $5bn, up from £3.5m.",
    "between 3 and 4 billion dollars; from £3bn in 2003 to £2.9bn",
    "revenue of $4.2bn to $4.35bn and a rise of $1bn to $1.5bn",
    "a 3% to 3.5% rise, more than 5 million people, 583p a share",
    "The 5th plant made 3D chips, a 4-fold rise, four times more, doubled",
    "US$10 dollars and EUR 40 euros and $ 5\n6",
    "\u0130 about 5 and İİ up to  7bn",
    "9" * 400 + " and $" + "9" * 400 + "bn",
    "approx. 20 cents - 30 cents; seven percent to ten percent",
    "£1bn-£2bn, 10-20%, 1990s, 12x, AU$3m",
    # neighbours exactly 6 characters apart, and one more: the gap test at its edge
    "10 -    20 and 3,000 –     4,000, $1bn  to  $2bn",
    # a qualifier word at the very start of the 30-character window, glued to the word before:
    # the regex reads the cut window, where it starts a line
    "Xover" + " " * 26 + "5 and Xup to" + " " * 24 + "$7bn",
]


def _check(text: str) -> None:
    low = lower_for_words(text)
    for multiples in (True, False):
        assert F.find_figures(text, multiples=multiples) == _plain_find_figures(text, multiples), text
    assert F._scan(text, low) == _plain_scan(text)
    assert F._scan(text, None) == _plain_scan(text)
    plain = _plain_scan(text)
    plain.sort(key=lambda f: f.start)
    assert F._merge_ranges(text, plain) == _plain_merge_ranges(text, plain)


@pytest.mark.parametrize("text", _FIGURE_CASES)
def test_figure_scan_equals_plain_table(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FIGURE_PIECES), max_size=16).map("".join) | st.text(max_size=60))
def test_figure_scan_equals_plain_property(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda a, b, kinds: Figure(a, a + b, "x" * b, kinds[0], 1.0 + a, None, kinds[1], None, None, a),
            st.integers(0, 60),
            st.integers(1, 8),
            st.tuples(st.sampled_from(["money", "number", "percent"]), st.sampled_from(["exact", "range"])),
        ),
        max_size=8,
    ),
    st.text(alphabet=" -–to and between from 0123456789$%", max_size=80),
)
def test_merge_ranges_equals_plain_on_any_neighbours(figs: list[Figure], text: str) -> None:
    """Neighbours in any order and at any distance (also overlapping: a negative gap)."""
    assert F._merge_ranges(text, figs) == _plain_merge_ranges(text, figs)


# ---------------------------------------------------------------- sentence boundaries


def _plain_sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in S._BOUNDARY_RE.finditer(text):
        if text[m.start()] != "\n" and S._abbreviation_before(text, m):
            continue
        if m.end() < len(text):
            starts.append(m.end())
    return starts


_BOUNDARY_PIECES = [
    ".", "!", "?", "?!", "!.", "..", "\n", "\n\n", " \n ", " ", "  ", "\t", "\u00a0", "\u2029",
    '"', "'", "’", "”", ")", "]", "(", "“", "‘", "A", "b", "Mr", "U.S", "e.g", "3", "£", "x",
    "said", "Inc", "CO", "mT", "sT", "ſt", "\u212a", "jr", "Sept", "xx", "é",
]  # fmt: skip

_BOUNDARY_CASES = [
    "",
    "Sales rose. Profits fell! Why? Because.\nNext line\n\n  Third",
    'He said "no." Then "Yes!" (Then.) [Now.] 3 more. £5 less. Mr. Smith and U.S. firms.',
    "?!. X ..\n\nY !?\n Z .\u00a0\u2029W end.  ",
    "a.\n.\n!\n?\n\n.",
    ". ! ? \n",
    # two letters before the stop: abbreviation tails in any case, and letters that only match one
    # when case is ignored the Unicode way ("ſ" is an "s", the Kelvin sign a "k")
    "He said. Mr. X. MR. Y. mR. Z. Co. A. cO. B. ſt. C. \u212ao. D. éx. E. It. F. Inc. G. 3M. H.",
    "st. A sept. B Sept. C Dept. D dEpT. E xx. F",
]


def _check_boundaries(text: str) -> None:
    plain = [m.span() for m in S._BOUNDARY_RE.finditer(text)]
    kept: list[tuple[int, int]] = []
    for m in S._boundary_candidates(text):
        if m.lastindex is not None:  # the group ``plain``: no abbreviation before this stop
            assert not S._abbreviation_before(text, m), (text, m.span())
        if kept and m.start() < kept[-1][1]:
            assert m.end() == kept[-1][1], (text, m.span(), kept[-1])  # ends with the one it is inside
            continue
        kept.append(m.span())
    assert kept == plain, text
    assert S.sentence_starts(text) == _plain_sentence_starts(text), text


@pytest.mark.parametrize("text", _BOUNDARY_CASES)
def test_boundaries_by_first_char_equal_one_regex_table(text: str) -> None:
    _check_boundaries(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BOUNDARY_PIECES), max_size=20).map("".join) | st.text(max_size=60))
def test_boundaries_by_first_char_equal_one_regex_property(text: str) -> None:
    _check_boundaries(text)
