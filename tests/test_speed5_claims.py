"""Fast paths of round ``speed5`` in the per-sentence claim rules equal the plain code."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import claims as C
from extractors import cues as CU
from extractors import metrics as M
from extractors.scan import AlternationScanner, LiteralGate, lower_for_words

# the gates that now read a sentence lower-cased once (``LiteralGate.may_match_lowered``)
_GATES = [
    C._MARKET_SALES_GATE,
    C._PLEDGE_GATE,
    C._COUNTRY_POSSESSOR_GATE,
    C._PUBLIC_GATE,
    C._MACRO_OWNER_GATE,
    CU._NOT_MODAL_GATE,
    CU._TARGET_GATE,
    CU._FORECAST_GATE,
    LiteralGate(r"(?:sales|exports) rose", re.IGNORECASE),
]
_GATE_WORDS = sorted({w for g in _GATES for w in g.literals or ()})

# U+0130 lower-cases to two characters; final sigma depends on the next letter; "ſ" and the Kelvin
# sign fold to ASCII letters under IGNORECASE
_TRICKY = ["\u0130", "\u03a3", "\u017f", "\u212a", "é", "’", " ", "-", "A", "s", "."]


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("Retail SALES rose", 0, None),
        ("Retail SALES rose", 7, 12),  # the literal exactly fills the window
        ("Retail SALES rose", 7, 11),  # ... or is cut by its end
        ("Retail SALES rose", 8, None),  # ... or by its start
        ("Retail SALES rose", -10, -5),  # negative offsets count from the end, as slices do
        ("Retail SALES rose", 40, None),  # a window past the end is empty
        ("Retail SALES rose", 12, 7),  # so is a window that ends before it starts
        ("\u0130stanbul sales rose", 0, None),  # U+0130: the slice itself is lower-cased
        ("\u0130 sales", 2, None),
        ("ΣALES sales", 0, None),  # final sigma: another non-ASCII letter, same ASCII words
        ("\u017fales rose", 0, None),  # "ſ" is no "s" for ``str.find``, as for ``may_match``
        ("", 0, None),
    ],
)
def test_may_match_lowered_table(text: str, lo: int, hi: int | None) -> None:
    low = lower_for_words(text)
    for gate in _GATES:
        assert gate.may_match_lowered(low, text, lo, hi) == gate.may_match(text, lo, hi), (
            gate.literals,
            text,
        )


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_GATE_WORDS + _TRICKY), max_size=12).map("".join),
    st.integers(-30, 80),
    st.none() | st.integers(-30, 80),
)
def test_may_match_lowered_equals_may_match(text: str, lo: int, hi: int | None) -> None:
    """Reading one lower-cased copy of the text gives every gate's answer on every window."""
    low = lower_for_words(text)
    for gate in _GATES:
        assert gate.may_match_lowered(low, text, lo, hi) == gate.may_match(text, lo, hi)
        assert gate.may_match_lowered(low, text, lo) == gate.may_match(text, lo)


_MODAL_BITS = [
    "better than expected", "expected", "forecast", "will", "target", "aims to", "may", "May",
    "analysts", "expectations", "met", "\u0130", " ", ",", "sales",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MODAL_BITS), max_size=10).map(" ".join))
def test_not_modal_with_lowered_text(text: str) -> None:
    assert CU._not_modal(text, lower_for_words(text)) == CU._not_modal(text)


def _plain_positions(scanner: AlternationScanner, text: str, narrow: bool) -> list[int]:
    """The candidate offsets of the plain trie regex (``_prefix_candidates``)."""
    candidates, at_zero = scanner._narrow2 if narrow else scanner._cand2
    assert at_zero is not None
    return [m.end() for m in candidates.finditer(text)]


def _lowered_positions(scanner: AlternationScanner, text: str, narrow: bool) -> list[int]:
    rx = scanner._ascii_narrow if narrow else scanner._ascii_cand
    assert rx is not None
    return [m.end() for m in rx.finditer(text.lower())]


_SMALL = [("p0", "valu(?:e|ed) (?:\\w+ ){0,2}at|abcd"), ("p1", "ab|x|inve\\w*"), ("p2", "[\\w-]*abce")]
_ASCII_BITS = [
    "market", "Share", "SALES", "workers", "of", "The", "rose", "12%", "$3bn", "valued", "Abcd",
    "inve", "x", "X", "ab", " ", "-", ",", "(", "_", "k", "s", "worth", "IT WAS",
]  # fmt: skip


def _check_lowered(text: str) -> None:
    """The cue scanner and a small one find the same candidate offsets in the lower-cased text as
    the plain trie does (narrowed or not), and ``finditer`` the matches of the full regex."""
    for scanner in (M._compiled()[0], AlternationScanner(_SMALL, re.IGNORECASE, r"(?<![\w-])", r"(?![\w])")):
        for narrow in (False, True):
            assert _lowered_positions(scanner, text, narrow) == _plain_positions(scanner, text, narrow)
        assert list(scanner.finditer(text)) == [
            (m.start(), m.end(), m.lastgroup) for m in scanner.full.finditer(text)
        ]


@pytest.mark.parametrize(
    "text",
    [
        "Its market share rose to 12%, worth $3bn.",
        "MARKET SHARE of the WORKERS",
        "-share (Sales) rose_x",
        "of of of",
        "",
        "Valued at $2bn -- abcd-ab x,X",
    ],
)
def test_lowered_candidates_table(text: str) -> None:
    _check_lowered(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ASCII_BITS), max_size=16).map("".join))
def test_lowered_candidates_equal_plain(text: str) -> None:
    """On an ASCII text the trie read in the lower-cased text finds the plain trie's offsets."""
    _check_lowered(text)


def test_lowered_candidates_only_where_they_hold() -> None:
    """No lower-cased reading without IGNORECASE or where ``before`` tells the cases apart."""
    assert AlternationScanner(_SMALL, 0, r"(?<![\w-])", r"(?![\w])")._ascii_cand is None
    cased = AlternationScanner(_SMALL, re.IGNORECASE, r"(?<![A-Z])", r"(?![\w])")
    assert cased._ascii_cand is None
    text = "Aabcd aabcd"
    assert list(cased.finditer(text)) == [
        (m.start(), m.end(), m.lastgroup) for m in cased.full.finditer(text)
    ]
    assert M._compiled()[0]._ascii_cand is not None  # the cue scanner has it


_ACTOR_BITS = [
    "and", "but", "while", "that", "said", "says", "sand", "band", "thats", ",", ";", " ", "\n",
    "The", "the", "Utopia", "US", "Acme Corp", "has", "will", "lost", "spends", "is", "A", "z", "-",
]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Utopia has said",
        "the Utopia has",
        "and Utopia will",
        "sand Utopia will",  # "and" inside a word: no boundary
        "said Acme Corp lost, while Bexco has",
        ";The Ruritania exported",
        "Ruritania exported goods; and Utopia has and Bexco has",
        "saidUtopia has",
        "it said that Utopia spends",
        "",
    ],
)
def test_place_actors_table(text: str) -> None:
    assert [m.span() for m in C._place_actors(text)] == [m.span() for m in C._PLACE_ACTOR_RE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ACTOR_BITS), max_size=14).map(" ".join) | st.text(max_size=40))
def test_place_actors_equal_finditer(text: str) -> None:
    """The place actors found at the offsets ``str.find`` gives are those ``finditer`` finds."""
    got = [(m.span(), m.group("p")) for m in C._place_actors(text)]
    assert got == [(m.span(), m.group("p")) for m in C._PLACE_ACTOR_RE.finditer(text)]
