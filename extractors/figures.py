"""Find and normalise figures in text: money, percentages, counts and multiples.

Pure functions over plain strings, no spaCy. ``find_figures(text)`` scans the
whole text once with regexes compiled at import time and returns ``Figure``
objects with character offsets into ``text`` (``text[start:end] == surface``).

What it reads (see tests/test_figures.py for the table):
- digits with thousands separators and decimals, word numbers with a scale
  ("a billion", "two billion"), scale words and abbreviations (k, m, mn, bn,
  tn, thousand, million, billion, trillion);
- currencies by symbol, ISO code or name, before or after the number, from
  ``data/currencies.json``; pence and cents in the main unit (583p = 5.83 GBP);
- percentages (76%, 76 per cent, 76 percent);
- multiples (fourfold, 4x, four times, doubled, tripled, halved);
- ranges ("$1bn-$2bn", "between 3 and 4 billion") and approximations or bounds
  written before the figure (nearly, about, more than, over, up to ...).

It never raises on any input and never returns NaN or infinite values.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import Any, Final

from extractors.scan import lower_for_words, matches_at
from extractors.values import by_fields

WORD_NUMBERS: Final[dict[str, float]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "half": 0.5,
    "dozen": 12,
}
SCALES: Final[dict[str, float]] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "hundred": 1e2,
}
MULTIPLE_VERBS: Final[dict[str, float]] = {
    "doubl": 2.0,
    "tripl": 3.0,
    "trebl": 3.0,
    "quadrupl": 4.0,
    "halv": 0.5,
}
QUALIFIERS: Final[dict[str, str]] = {
    "nearly": "approximate",
    "almost": "approximate",
    "about": "approximate",
    "around": "approximate",
    "roughly": "approximate",
    "approximately": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "close to": "approximate",
    "circa": "approximate",
    "approx.": "approximate",
    "just under": "at_most",
    "just over": "at_least",
    "more than": "at_least",
    "over": "at_least",
    "above": "at_least",
    "at least": "at_least",
    "upwards of": "at_least",
    "in excess of": "at_least",
    "no less than": "at_least",
    "less than": "at_most",
    "fewer than": "at_most",
    "under": "at_most",
    "below": "at_most",
    "up to": "at_most",
    "at most": "at_most",
    "as much as": "at_most",
    "as many as": "at_most",
    "no more than": "at_most",
}


# The value classes of the extractors (``Figure`` here, ``CueHit``, ``Mention``, ``Clauses``,
# ``Claim`` and the claims' ``_Item``) write their ``__init__`` out instead of letting
# ``@dataclass`` generate it: compiled (``extractors.native``) a written ``__init__`` is native
# code, where a generated one stays interpreted Python (~50 ns against 250 ns for three fields;
# 2.3 us for a frozen ``Figure``, which sets each field through ``object.__setattr__``). So they are
# not ``frozen``; they are never changed after they are built, and those that are hashed keep the
# frozen hash (``unsafe_hash``). ``@dataclass`` still gives them ``fields``, ``replace``, ``==`` and
# ``repr``; tests/test_value_classes.py checks each ``__init__`` against its fields.
@dataclass(slots=True, unsafe_hash=True)
class Figure:
    """One figure found in a text; offsets are into that text."""

    start: int
    end: int
    surface: str
    kind: str  # "money" | "percent" | "number" | "multiple"
    value: float | None
    unit: str | None  # ISO 4217 code, "percent", or None for a bare number / multiple
    qualifier: str = "exact"
    value_low: float | None = None
    value_high: float | None = None
    num_start: int = 0  # where the figure proper starts (after a qualifier word)
    scale: float = 1.0  # the multiplier a scale word, abbreviation or minor unit gave (1.0 when none)

    def __init__(
        self, start: int, end: int, surface: str, kind: str, value: float | None, unit: str | None,
        qualifier: str = "exact", value_low: float | None = None, value_high: float | None = None,
        num_start: int = 0, scale: float = 1.0,
    ) -> None:  # fmt: skip
        self.start = start
        self.end = end
        self.surface = surface
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.value_low = value_low
        self.value_high = value_high
        self.num_start = num_start
        self.scale = scale

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)


@lru_cache(maxsize=1)
def currency_table() -> dict[str, dict[str, str]]:
    raw = resources.files("extractors").joinpath("data/currencies.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _alt(words: list[str], escape: bool = True) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


def _figure_parts(
    symbols: str, codes: str, names: str, words: str, digits: str, minor_words: str
) -> tuple[str, str, str, str]:
    """The parts of ``_FIGURE_RE`` (verbose, case-blind): what comes before the number (a
    currency symbol or code), the scale after a number in digits, a word number with its scale,
    and what may come after either (a percent sign or word, a minor unit, a currency)."""
    head = rf"""
        (?<![\w.$£€¥])
        (?:(?P<pre_sym>{symbols})\s?|(?P<pre_code>(?-i:{codes}))\s?)?"""
    scale_words = "trillion|billion|million|thousand|hundred"
    abbr = rf"""
            (?:(?P<abbr>bn|mn|mln|tn|m|k|b)(?![\w])|\s?(?P<abbr2>bn|mn)(?![\w])|\s*(?P<scale>{scale_words})\b)"""
    word_body = rf"(?P<word>{words})\s+(?P<wscale>{scale_words})\b"
    suffix = rf"""
        (?:
            (?P<pct>\s?%|\s+per\s?cent\b|\s+percent(?:age\s+points?)?\b)
          | (?P<minor_att>p|c)(?![\w])
          | \s+(?P<minor>{minor_words})\b
          | \s?(?P<post_code>(?-i:{codes}))\b
          | \s?(?P<post_sym>€|£|¥|元|\$)(?!\s?\d)
          | \s+(?P<post_name>(?:{names}))\b
        )"""
    return head, abbr, word_body, suffix


_Patterns = tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
]  # fmt: skip


def _build() -> _Patterns:
    table = currency_table()
    symbols = _alt(list(table["symbols"]))
    codes = _alt(list(table["codes"]))
    names = _alt([re.escape(n).replace(r"\ ", r"\s+") for n in table["names"]], escape=False)
    words = _alt([w for w in WORD_NUMBERS if w not in ("hundred", "half", "dozen")])
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    minor_words = _alt(
        [re.escape(n).replace(r"\ ", r"\s+") for n in table["minor"] if len(n) > 1], escape=False
    )
    head, abbr, word_body, suffix = _figure_parts(symbols, codes, names, words, digits, minor_words)
    figure = rf"""
        {head}
        (?:
            (?P<digits>{digits})(?![\d])
            {abbr}?
          |
            {word_body}
        )
        {suffix}?
    """
    word_pct = rf"\b(?P<word>{words}|ten|twenty|thirty|forty|fifty)\s+(?:per\s?cent|percent)\b"
    multiple = rf"""
        \b(?:
            (?P<fold_n>\d+(?:\.\d+)?|{words})[\s-]?fold\b
          | (?P<x_n>\d+(?:\.\d+)?)x(?![\w])
          | (?P<times_n>\d+(?:\.\d+)?|{words})\s+times\b
          | (?P<verb>doubl|tripl|trebl|quadrupl|halv)(?:e|ed|es|ing)\b
        )
    """
    qual = _alt([q.replace(" ", r"\s+") for q in QUALIFIERS], escape=False)
    qualifier = rf"(?:^|(?<=[\s(]))(?P<q>{qual})\s+$"
    flags = re.VERBOSE | re.IGNORECASE
    return (
        re.compile(figure, flags),
        re.compile(word_pct, re.IGNORECASE),
        re.compile(multiple, flags),
        re.compile(qualifier, re.IGNORECASE),
        # ``_FIGURE_RE`` in parts (``_figure_at``)
        re.compile(rf"{head}(?:(?P<digits>{digits})(?![\d])|{word_body})", flags),
        re.compile(rf"(?<![\w.$£€¥])(?P<digits>{digits})(?![\d])", flags),
        re.compile(abbr, flags),
        re.compile(suffix, flags),
    )


(
    _FIGURE_RE, _WORD_PCT_RE, _MULTIPLE_RE, _QUALIFIER_RE,
    _HEAD_RE, _HEAD_DIGITS_RE, _ABBR_RE, _SUFFIX_RE,
) = _build()  # fmt: skip


def _first_words(patterns: list[str]) -> tuple[str, ...]:
    """The lower-case first words of currency or unit names (ASCII), up to their first space."""
    return tuple(sorted({n.lower().split()[0] for n in patterns}))


# What ``_SUFFIX_RE`` can start with, in ``lower_for_words(text)``, right where it is tried (no
# whitespace first) or after whitespace: a percent sign or word, a minor unit ("p", "c" only
# glued to the number), a currency code (case-sensitive: its lower case is a superset), a
# currency symbol, a currency name (only after whitespace). Every alternative of the regex starts
# with ``\s?``, ``\s+`` or nothing, then one of these.
_SUFFIX_GLUED: Final[tuple[str, ...]] = tuple(
    sorted({"%", "p", "c", "€", "£", "¥", "元", "$", *(c.lower() for c in currency_table()["codes"])})
)
_SUFFIX_SPACED: Final[tuple[str, ...]] = tuple(
    sorted(
        {
            "%",
            "per",
            "€",
            "£",
            "¥",
            "元",
            "$",
            *(c.lower() for c in currency_table()["codes"]),
            *_first_words([n for n in currency_table()["minor"] if len(n) > 1]),
            *_first_words(list(currency_table()["names"])),
        }
    )
)
# the gates read ASCII words in the lower-cased text: only sound while every word is ASCII
_SUFFIX_GATE: Final = all(w.isascii() or len(w) == 1 for w in _SUFFIX_SPACED + _SUFFIX_GLUED)
_RANGE_SEP_RE: Final = re.compile(r"\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)
_BETWEEN_RE: Final = re.compile(r"(?:^|\s)(?:between|from)\s+$", re.IGNORECASE)
_SYMBOLS_CS: Final = {k: v for k, v in currency_table()["symbols"].items()}
_CODES: Final = {k.upper(): v for k, v in currency_table()["codes"].items()}
_NAMES: Final = {k.lower(): v for k, v in currency_table()["names"].items()}
_MINOR: Final = currency_table()["minor"]


def _finite(x: float | None) -> float | None:
    if x is None:
        return None
    return x if math.isfinite(x) else None


def _to_float(digits: str) -> float | None:
    try:
        return _finite(float(digits.replace(",", "")))
    except (ValueError, OverflowError):
        return None


def _symbol_unit(sym: str) -> str | None:
    if sym in _SYMBOLS_CS:
        return _SYMBOLS_CS[sym]
    for key, code in _SYMBOLS_CS.items():
        if key.lower() == sym.lower():
            return code
    return None


def _from_match(m: re.Match[str], low: str | None) -> Figure | None:
    """The figure ``_FIGURE_RE`` matched in ``m``, qualifier word included; None where the match
    is no figure or a bare number runs on into a word ("5th", "3D", "4-fold").

    One construction per figure: the qualifier is looked for before the ``Figure`` is built (it
    used to be built, then copied with the qualifier). ``low``: ``lower_for_words(m.string)``.
    """
    # the groups of _FIGURE_RE in order (a tuple unpacks faster than ``groupdict`` builds a dict)
    (
        pre_sym, pre_code, digits, abbr, abbr2, scale_name, word, wscale,
        pct, minor_att, minor_word, post_code, post_sym, post_name,
    ) = m.groups()  # fmt: skip
    post_at = m.start("post_name") if post_name else m.start("post_code") if post_code else -1
    return _figure_from(
        m.string, low, m.start(), m.end(), pre_sym, pre_code, digits, abbr, abbr2, scale_name,
        word, wscale, pct, minor_att, minor_word, post_code, post_sym, post_name, post_at,
    )  # fmt: skip


def _figure_at(text: str, low: str, pos: int) -> tuple[Figure | None, int]:
    """``_from_match(_FIGURE_RE.match(text, pos), low)`` and the match's end (-1: no match), from
    the regex in parts; ``low``: ``lower_for_words(text)``, not None.

    ``_FIGURE_RE`` is a head (a currency before a number, the number) then two optional groups,
    the scale after a number in digits (``_ABBR_RE``) and a unit (``_SUFFIX_RE``): once the head
    matches, each optional group takes the first of its alternatives that matches, or nothing,
    and the match is over. So the parts, each matched where the one before ended, give the same
    groups and end. A part is tried only where it can start (``low`` shows its first letters, as
    ``re.IGNORECASE`` matches ASCII words; ``\\s`` is ``str.isspace``): most numbers are followed
    by neither. At a digit (``\\d`` is ``str.isdecimal``) no currency starts: ``_HEAD_DIGITS_RE``
    is the head there.
    """
    pre_sym: str | None = None
    pre_code: str | None = None
    word: str | None = None
    wscale: str | None = None
    digits: str | None
    if text[pos].isdecimal():
        h = _HEAD_DIGITS_RE.match(text, pos)
        if h is None:
            return None, -1
        digits = h.group(1)
    else:
        h = _HEAD_RE.match(text, pos)
        if h is None:
            return None, -1
        pre_sym, pre_code, digits, word, wscale = h.groups()
    end = h.end()
    n = len(text)
    abbr: str | None = None
    abbr2: str | None = None
    scale_name: str | None = None
    if digits is not None and end < n:
        j = end
        while j < n and text[j].isspace():
            j += 1
        # (each alternative starts with whitespace or with one of these letters)
        if j < n and low[j] in "bmtkh":
            a = _ABBR_RE.match(text, end)
            if a is not None:
                abbr, abbr2, scale_name = a.groups()
                end = a.end()
    pct: str | None = None
    minor_att: str | None = None
    minor_word: str | None = None
    post_code: str | None = None
    post_sym: str | None = None
    post_name: str | None = None
    post_at = -1
    if end < n:
        j = end
        while j < n and text[j].isspace():
            j += 1
        if j < n and (not _SUFFIX_GATE or low.startswith(_SUFFIX_GLUED if j == end else _SUFFIX_SPACED, j)):
            u = _SUFFIX_RE.match(text, end)
            if u is not None:
                pct, minor_att, minor_word, post_code, post_sym, post_name = u.groups()
                if post_name:
                    post_at = u.start(6)
                elif post_code:
                    post_at = u.start(4)
                end = u.end()
    fig = _figure_from(
        text, low, pos, end, pre_sym, pre_code, digits, abbr, abbr2, scale_name,
        word, wscale, pct, minor_att, minor_word, post_code, post_sym, post_name, post_at,
    )  # fmt: skip
    return fig, end


def _figure_from(
    text: str, low: str | None, start: int, end: int,
    pre_sym: str | None, pre_code: str | None, digits: str | None, abbr: str | None,
    abbr2: str | None, scale_name: str | None, word: str | None, wscale: str | None,
    pct: str | None, minor_att: str | None, minor_word: str | None, post_code: str | None,
    post_sym: str | None, post_name: str | None, post_at: int,
) -> Figure | None:  # fmt: skip
    """``_from_match`` of a match of ``_FIGURE_RE`` over ``text[start:end]`` with these groups;
    ``post_at``: where ``post_name`` starts, else ``post_code`` (-1: neither)."""
    base: float | None
    if digits is not None:
        # ``_to_float`` spelt out: one call less per figure
        try:
            base = float(digits.replace(",", ""))
        except (ValueError, OverflowError):
            return None
        if not math.isfinite(base):
            return None
        scale_word = abbr or abbr2 or scale_name
    else:
        base = WORD_NUMBERS.get(word.lower()) if word is not None else None  # (a word, then)
        scale_word = wscale
    if base is None:
        return None
    scale = SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0
    unit: str | None = None
    kind = "number"
    value = base * scale
    if pre_sym:
        unit, kind = _symbol_unit(pre_sym), "money"
    elif pre_code:
        unit, kind = _CODES.get(pre_code.upper()), "money"
    if pct:
        if kind == "money":
            return None
        unit, kind = "percent", "percent"
    elif minor_att or minor_word:
        minor = " ".join((minor_att or minor_word or "").lower().split())
        if kind == "money" or scale_word:
            return None
        unit, kind = _MINOR.get(minor), "money"
        value, scale = base / 100.0, 0.01
    elif post_sym:
        if kind == "money":
            return None
        unit, kind = _symbol_unit(post_sym), "money"
    elif post_code:
        unit, kind = _CODES.get(post_code.upper()), "money"
    elif post_name:
        # ``re.sub(r"\s+", " ", ...)`` spelt with ``str.split``: the name neither starts nor ends
        # with whitespace, and the regex's ``\s`` is ``str.isspace`` (a module-level ``re.sub``
        # looks its pattern up in ``re``'s cache on every call)
        unit, kind = _NAMES.get(" ".join(post_name.lower().split())), "money"
    if digits is None and kind == "number" and not scale_word:
        return None
    if kind == "number" and end < len(text):
        # ``_NOT_BARE_RE.match(text, end)``: an ASCII letter, or "fold" after whitespace or "-"
        c = text[end]
        if c.isascii() and c.isalpha():
            return None
        if (c == "-" or c.isspace()) and text.startswith("fold", end + 1) and _NOT_BARE_RE.match(text, end):
            return None
    if (pre_sym or pre_code) and (post_name or post_code):
        # "$10 dollars": the unit is said twice; the figure ends before the repeat
        end = post_at
        while end > start and text[end - 1].isspace():
            end -= 1
    if not math.isfinite(value):  # (a float here: ``_finite`` spelt out)
        return None
    first, qualifier = _qualifier_before(text, low, start) or (start, "exact")
    return Figure(first, end, text[first:end], kind, value, unit, qualifier, None, None, start, scale)


def _qualifier_before(text: str, low: str | None, start: int) -> tuple[int, str] | None:
    """(where it starts, its qualifier) of the qualifier word ("nearly", "more than") that ends
    right before ``start``, or None; ``low``: ``lower_for_words(text)``, or None (then the regex
    alone decides)."""
    if not _may_qualify_at(text, low, start):
        return None
    lo = max(0, start - 30)
    if low is not None:
        return _qualifier_in(low, lo, start)
    # the regex reads a cut window: its ``^`` and lookbehind must not see the text before ``lo``
    q = _QUALIFIER_RE.search(text[lo:start])
    if not q:
        return None
    word = " ".join(q.group("q").lower().split())  # (``re.sub(r"\s+", " ", ...)``: see _from_match)
    return lo + q.start("q"), QUALIFIERS.get(word, "exact")


def _qualifier_in(low: str, lo: int, start: int) -> tuple[int, str] | None:
    r"""``_QUALIFIER_RE.search(text[lo:start])`` read as ``_qualifier_before`` returns it, without
    the regex (~3 us a window), in ``low``, ``lower_for_words(text)``: there a case-blind match of
    an ASCII qualifier is its lower-case spelling, at the same offsets.

    The match ends with whitespace to the end of the window, and a qualifier ends with a character
    that is not whitespace: it ends at ``end``, where that whitespace starts. It has one to three
    words, joined by whitespace, so it starts in one of the last three words before ``end``: at
    the word's start (after whitespace, or at ``lo``, the window's ``^``) or after a "(" in it (the
    regex's ``(?<=[\s(])``). The search returns the leftmost such start whose words, lower-cased
    and joined by single spaces, are a qualifier; the regex's ``\s`` is ``str.isspace``."""
    end = start
    while end > lo and low[end - 1].isspace():
        end -= 1
    if end == start:
        return None  # (``\s+``: no whitespace before ``start``)
    # the starts and ends of the last three words before ``end``, right to left
    word_starts: list[int] = []
    word_ends: list[int] = []
    i = end
    while len(word_starts) < _QUALIFIER_MAX_WORDS and i > lo:
        word_ends.append(i)
        while i > lo and not low[i - 1].isspace():
            i -= 1
        word_starts.append(i)
        while i > lo and low[i - 1].isspace():
            i -= 1
    k = len(word_starts) - 1
    while k >= 0:  # the leftmost word first
        p = word_starts[k]
        word_end = word_ends[k]
        while p < word_end:
            if p == word_starts[k] or low[p - 1] == "(":
                qualifier = QUALIFIERS.get(" ".join(low[p:end].split()))
                if qualifier is not None:
                    return p, qualifier
            p += 1
        k -= 1
    return None


def _with_qualifier(text: str, fig: Figure, low: str | None = None) -> Figure:
    """``fig`` from the qualifier word before it ("nearly", "more than"), if one is there;
    ``low``: ``lower_for_words(text)``, or None (then the regex alone decides)."""
    qualified = _qualifier_before(text, low, fig.start)
    if qualified is None:
        return fig
    start, qualifier = qualified
    # ``dataclasses.replace(fig, start=, surface=, qualifier=)``, spelt out: replace() reads the
    # fields one by one and costs several times a plain construction
    return Figure(
        start,
        fig.end,
        text[start : fig.end],
        fig.kind,
        fig.value,
        fig.unit,
        qualifier,
        fig.value_low,
        fig.value_high,
        fig.num_start,
        fig.scale,
    )


_QUALIFIER_MAX_WORDS: Final = max(len(q.split()) for q in QUALIFIERS)
# the last words of the qualifiers: a match of _QUALIFIER_RE ends with one, then whitespace to the end
_QUALIFIER_LAST_WORDS: Final = tuple(sorted({q.split()[-1] for q in QUALIFIERS}))


def _may_qualify_at(text: str, low: str | None, start: int) -> bool:
    """False only where ``_QUALIFIER_RE.search`` finds nothing in the 30 characters of ``text``
    before ``start``: they do not end with whitespace after a qualifier's last word (compared in
    ``low``, ``lower_for_words(text)``; None: may). Reads ``text`` in place: a figure's window is
    cut only where this says it may hold a qualifier (~1 in 6 on the BBC articles)."""
    lo = max(0, start - 30)
    end = start
    while end > lo and text[end - 1].isspace():  # ``str.rstrip`` strips what ``isspace`` says
        end -= 1
    if end == start:
        return False
    return low is None or low.endswith(_QUALIFIER_LAST_WORDS, lo, end)


def _merge_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    """``figs`` with each pair of neighbours that ``_range`` joins replaced by the range, left to
    right. ``_range`` rejects neighbours more than 6 characters apart first thing (most are): that
    test is made here, before the call."""
    out: list[Figure] = []
    n = len(figs)
    i = 0
    while i < n - 1:
        a = figs[i]
        b = figs[i + 1]
        if b.start - a.end <= 6:
            merged = _range(text, a, b)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    if i < n:
        out.append(figs[i])
    return out


_COMPATIBLE: Final = {
    ("money", "money"),
    ("number", "money"),
    ("money", "number"),
    ("number", "number"),
    ("percent", "percent"),
    ("number", "percent"),
}


_YEAR_END_RE: Final = re.compile(r"(?:19|20)\d\d")
_YEAR_LEAD_RE: Final = re.compile(r"\b(?:in|since|during|by|of|for|until|from)\s+$", re.IGNORECASE)


# "a 3% to 3.5% rise": two percents before a change noun are the ends of one expected change
_CHANGE_NOUN_AFTER_RE: Final = re.compile(
    r"\s+(?:(?:[a-z]+-)?[a-z]+ly\s+)?(?:rise|increase|improvement|growth|gain|fall|drop|decline|decrease|cut|"
    r"reduction|lower|higher)\b",
    re.IGNORECASE,
)


def _percent_span_of_change(text: str, a: Figure, b: Figure) -> bool:
    """'a 2% to 3% rise': both ends in percent, a change noun right after the second."""
    return a.kind == b.kind == "percent" and _CHANGE_NOUN_AFTER_RE.match(text, b.end) is not None


# "revenue of $4.2bn to $4.35bn", "valued at £40m to £50m": a level's two ends, told after "of", "at" ...
_LEVEL_LEAD_RE: Final = re.compile(r"(?<![\w-])(?:of|at|be|worth|cost|costs|costing)\s+$", re.IGNORECASE)
# ... but never after a change noun ("a rise of $1bn to $1.5bn" is a move, then the level)
_CHANGE_OF_RE: Final = re.compile(
    r"(?<![\w-])(?:rise|increase|fall|drop|decline|gain|growth|jump|cut|reduction|boost)\s+of\s+$",
    re.IGNORECASE,
)


def _money_span_of_level(text: str, a: Figure, b: Figure) -> bool:
    """'revenue of $4.2bn to $4.35bn': two close amounts in one currency after a level's lead word."""
    if a.kind != "money" or b.kind not in ("money", "number") or b.unit not in (a.unit, None):
        return False
    if a.value is None or b.value is None or not 0 < a.value < b.value <= 2 * a.value:
        return False
    lead = text[max(0, a.start - 25) : a.start]
    return _LEVEL_LEAD_RE.search(lead) is not None and _CHANGE_OF_RE.search(lead) is None


def _range(text: str, a: Figure, b: Figure) -> Figure | None:
    if b.start - a.end > 6:
        return None  # the gap test below, first: most neighbours are far apart (no check has effects)
    if (a.kind, b.kind) not in _COMPATIBLE or a.value is None or b.value is None:
        return None
    if a.qualifier != "exact" or b.qualifier != "exact":
        return None
    gap = text[a.end : b.start]
    if len(gap) > 6:
        return None
    sep = _RANGE_SEP_RE.fullmatch(gap)
    if sep is None:
        return None
    word = sep.group(0).strip().lower()
    lead = text[max(0, a.start - 12) : a.start]
    lead_word = _BETWEEN_RE.search(lead)
    opener = lead_word.group(0).strip().lower() if lead_word else ""
    if word == "and" and opener != "between":
        return None
    if _YEAR_END_RE.fullmatch(text, a.num_start, a.end) and _YEAR_LEAD_RE.search(lead):
        return None  # "from £3bn in 2003 to £2.9bn": a year, then the later level
    if (
        word == "to"
        and not (
            opener != "from"
            and a.kind == "number"
            and a.scale == 1.0
            and (b.scale != 1.0 or b.kind == "percent")
        )
        and not (opener != "from" and _percent_span_of_change(text, a, b))
        and not (opener == "between" or _money_span_of_level(text, a, b))
    ):
        return None
    if word in ("-", "–", "—") and opener == "from":
        return None
    low = a.value * b.scale if a.scale == 1.0 and b.scale != 1.0 else a.value
    high = b.value
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    lo, hi = (low, high) if low <= high else (high, low)
    start = a.start
    if opener == "between" and lead_word is not None:
        start = a.start - (len(lead) - lead_word.start()) + (1 if lead[lead_word.start()].isspace() else 0)
    kind = "money" if "money" in (a.kind, b.kind) else b.kind
    return Figure(
        start=start,
        end=b.end,
        surface=text[start : b.end],
        kind=kind,
        value=_finite((lo + hi) / 2.0),
        unit=b.unit or a.unit,
        qualifier="range",
        value_low=lo,
        value_high=hi,
        num_start=a.num_start,
        scale=b.scale,
    )


# ``\d\d*`` rather than ``\d+``: the same matches, but a pattern that starts with a character set
# lets ``re`` skip to the next digit instead of trying the pattern at every position
_NUMBER_RE: Final = re.compile(r"\d\d*(?:[.,]\d+)*")
_NOT_BARE_RE: Final = re.compile(r"[A-Za-z]|[\s-]?fold\b")
_SCALE_ANCHOR_RE: Final = re.compile(
    r"(?<![\w-])(?:trillion|billion|million|thousand|hundred)\b", re.IGNORECASE
)
_PCT_ANCHOR_RE: Final = re.compile(r"\b(?:per\s?cent|percent)\b", re.IGNORECASE)
_MULT_ANCHOR_RE: Final = re.compile(r"fold\b|\btimes\b|\b(?:doubl|tripl|trebl|quadrupl|halv)", re.IGNORECASE)
# same matches as (?<=\d)x\b; starting with the literal lets ``re`` skip ahead to each "x"
_X_ANCHOR_RE: Final = re.compile(r"x(?<=\dx)\b")
# Where each anchor regex can match, as (word, offsets of the match start before the word)
# found with ``str.find`` in the lowercased text; the regex then confirms each place
# (``_anchor_matches``). ``re`` cannot skip ahead for patterns that start with a
# lookbehind or ignore case, so running them over the whole text costs far more.
AnchorWords = tuple[tuple[str, tuple[int, ...]], ...]
_SCALE_WORDS: Final[AnchorWords] = (("illion", (1, 2)), ("thousand", (0,)), ("hundred", (0,)))
# "cent" ("per cent", "percent": 3 or 4 characters in) rather than "per": it comes half as often
# in the BBC articles ("recent" against "paper", "super", "property", "operate" ...)
_PCT_WORDS: Final[AnchorWords] = (("cent", (3, 4)),)
_MULT_WORDS: Final[AnchorWords] = tuple(
    (word, (0,)) for word in ("fold", "times", "doubl", "tripl", "trebl", "quadrupl", "halv")
)


def _anchor_matches(
    rx: re.Pattern[str], text: str, low: str | None, words: AnchorWords
) -> list[re.Match[str]]:
    """``list(rx.finditer(text))``, trying ``rx`` only where one of ``words`` occurs in ``low``.

    Every match of ``rx`` must start one of its ``offsets`` characters before an occurrence of
    one of ``words`` (compared in lower case); ``low`` is ``lower_for_words(text)``.
    """
    if low is None:
        return list(rx.finditer(text))
    cands: set[int] = set()
    for word, offsets in words:
        i = low.find(word)
        while i >= 0:
            cands.update(i - back for back in offsets if i >= back)
            i = low.find(word, i + 1)
    return matches_at(rx, text, sorted(cands))


def _prefix_re() -> re.Pattern[str]:
    table = currency_table()
    symbols = _alt(list(table["symbols"]))
    codes = _alt(list(table["codes"]))
    return re.compile(rf"(?:{symbols}|(?<![A-Za-z])(?:{codes}))\s?$")


def _word_before_re() -> re.Pattern[str]:
    words = _alt(list(WORD_NUMBERS) + ["ten", "twenty", "thirty", "forty", "fifty"])
    return re.compile(rf"(?<![\w-])(?:{words})[\s-]*$", re.IGNORECASE)


_PREFIX_RE: Final = _prefix_re()
_WORD_BEFORE_RE: Final = _word_before_re()
# a match of _PREFIX_RE that ends at a number ends with one of these characters, at most two
# characters before it (``\s?`` and ``$`` before a final newline): elsewhere it cannot match
_PREFIX_LAST: Final = frozenset(w[-1] for w in [*currency_table()["symbols"], *currency_table()["codes"]])


def _number_anchor(text: str, s: int) -> int:
    """Where a figure with the number at ``s`` can start: at a currency prefix before it, or at ``s``."""
    last = _PREFIX_LAST
    if s and (text[s - 1] in last or text[s - 2 : s - 1] in last or text[s - 3 : s - 2] in last):
        p = _PREFIX_RE.search(text, max(0, s - 6), s)
        if p is not None:
            return p.start()
    return s


def _number_starts(text: str) -> list[int]:
    """``[m.start() for m in _NUMBER_RE.finditer(text)]``, from ``str.find`` of each ASCII digit.

    ``re`` tests a pattern that starts with ``\\d`` at every character (~12 ns each); ``find`` of
    one character runs at memory speed. ``\\d`` is ``str.isdecimal``, and the only decimal
    characters below U+0100 are the ASCII digits: a text that Latin-1 encodes has no others (the
    encoding copies the text as it is, where every character is below U+0100). A match takes the
    digits after its first one, and a "." or "," with digits after it: a digit starts a match
    unless a digit comes right before it, or a "." or "," right after a digit.
    """
    if not text.isascii():
        try:
            text.encode("latin-1")
        except UnicodeEncodeError:
            return [m.start() for m in _NUMBER_RE.finditer(text)]
    digits: list[int] = []
    for d in "0123456789":
        i = text.find(d)
        while i >= 0:
            digits.append(i)
            i = text.find(d, i + 1)
    digits.sort()
    starts: list[int] = []
    prev = -3
    for i in digits:
        if i - 1 != prev and not (i - 2 == prev and (text[i - 1] == "." or text[i - 1] == ",")):
            starts.append(i)
        prev = i
    return starts


def _scan(text: str, low: str | None) -> list[Figure]:
    """Run the full figure regex only where a number, a scale word or a percent word is
    (``low``: ``lower_for_words(text)``)."""
    figs: list[Figure] = []
    taken_until = -1
    anchors = [_number_anchor(text, s) for s in _number_starts(text)]
    for m in _anchor_matches(_SCALE_ANCHOR_RE, text, low, _SCALE_WORDS):
        w = _WORD_BEFORE_RE.search(text, max(0, m.start() - 14), m.start())
        if w:
            anchors.append(w.start())
    anchors.sort()
    match = _FIGURE_RE.match
    for pos in anchors:
        if pos < taken_until:
            continue
        if low is not None:
            fig, end = _figure_at(text, low, pos)
            if fig is not None:
                figs.append(fig)
                taken_until = end
            continue
        fm = match(text, pos)
        if fm is None:
            continue
        fig = _from_match(fm, low)
        if fig is not None:
            figs.append(fig)
            taken_until = fm.end()
    for a in _anchor_matches(_PCT_ANCHOR_RE, text, low, _PCT_WORDS):
        pm = _WORD_PCT_RE.search(text, max(0, a.start() - 12), a.end())
        if pm is None or pm.end() != a.end():
            continue
        val = WORD_NUMBERS.get(pm.group("word").lower())
        if val is not None:
            figs.append(
                _with_qualifier(
                    text,
                    Figure(
                        pm.start(),
                        pm.end(),
                        pm.group(0),
                        "percent",
                        float(val),
                        "percent",
                        num_start=pm.start(),
                    ),
                    low,
                )
            )
    return figs


def _multiples(text: str, low: str | None) -> list[Figure]:
    out: list[Figure] = []
    last_end = -1
    anchors: list[re.Match[str]] = list(_X_ANCHOR_RE.finditer(text)) if "x" in text else []
    words = _anchor_matches(_MULT_ANCHOR_RE, text, low, _MULT_WORDS)
    if words:
        anchors.extend(words)
        anchors.sort(key=lambda a: a.start())
    for a in anchors:
        m = None
        for m2 in _MULTIPLE_RE.finditer(text, max(0, a.start() - 14), min(len(text), a.end() + 6)):
            if m2.start() <= a.start() < m2.end() and m2.start() >= last_end:
                m = m2
                break
        if m is None:
            continue
        g = m.groupdict()
        raw = g["fold_n"] or g["x_n"] or g["times_n"]
        if raw is not None:
            val = WORD_NUMBERS.get(raw.lower()) if not raw[0].isdigit() else _to_float(raw)
        else:
            val = MULTIPLE_VERBS.get(g["verb"].lower())
        if val is None or not math.isfinite(val) or val <= 0:
            continue
        last_end = m.end()
        out.append(
            Figure(
                start=m.start(),
                end=m.end(),
                surface=m.group(0),
                kind="multiple",
                value=float(val),
                unit=None,
                num_start=m.start(),
            )
        )
    return out


_START: Final = attrgetter("start")


def find_figures(text: str, *, multiples: bool = True) -> list[Figure]:
    """Every figure in ``text`` in order of position, ranges merged, qualifiers attached."""
    if not isinstance(text, str) or not text:
        return []
    low = lower_for_words(text)
    figs = _scan(text, low)
    found = _multiples(text, low) if multiples else []
    if found:  # (few articles have any: the spans of the others are not listed)
        taken = [(f.num_start, f.end) for f in figs]
        for f in found:
            if not any(s < f.end and f.start < e for s, e in taken):
                figs.append(_with_qualifier(text, f, low))
    figs.sort(key=_START)
    return _merge_ranges(text, figs)


def parse_figure(text: str) -> Figure | None:
    """The first money, percent or scaled figure in a short string (or None)."""
    for fig in find_figures(text):
        if fig.kind in ("money", "percent", "multiple") or fig.scale != 1.0:
            return fig
    figs = find_figures(text)
    return figs[0] if figs else None
