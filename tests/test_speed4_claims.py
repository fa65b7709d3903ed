"""Fast paths of round ``speed4`` in the per-sentence claim rules equal the plain code."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import metrics as M
from extractors.scan import AlternationScanner

# parts that start with an ASCII letter (folded under IGNORECASE), a word character or a space
_WIDE_PARTS = [("c0", r"[a-z][\w-]*workers"), ("c1", r"k\w+"), ("c2", r"\s+of\s+sales"), ("c3", r"s[a-z]+")]


def test_non_ascii_start_gate_over_all_code_points() -> None:
    """A non-ASCII character the scanner turns away (``_reach_beyond_ascii``) starts no part."""
    scanner = AlternationScanner(_WIDE_PARTS, re.IGNORECASE)
    starts = re.compile("|".join(p for _, p in _WIDE_PARTS), re.IGNORECASE)
    turned_away = 0
    for i in range(128, 0x110000):
        ch = chr(i)
        if scanner._reach_beyond_ascii.match(ch) is None:
            turned_away += 1
            assert starts.match(ch + "kworkers of sales") is None, hex(i)
    assert turned_away > 100_000  # "£", "’", "—" and the like are turned away
    for ch in ("\u212a", "\u017f", "\u0131", "\u0130", "\xe9", "\xa0"):  # fold to ASCII, \w or \s
        assert scanner._reach_beyond_ascii.match(ch) is not None


_TEXT_BITS = [
    "market", "share", "sales", "workers", "exports", "of", "the", "rose", "12%", "£3bn", "€5m",
    "Acme’s", "—", "café", "\u212aorea", "\u017fales", "ı", "İ", "\xa0", " ", "-", ",", "k", "s",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_BITS), max_size=16).map("".join))
def test_scanner_equals_full_regex(text: str) -> None:
    """The scanners find what their full alternation regex finds, at non-ASCII characters too."""
    for scanner in (AlternationScanner(_WIDE_PARTS, re.IGNORECASE), M._compiled()[0]):
        plain = [(m.start(), m.end(), m.lastgroup) for m in scanner.full.finditer(text)]
        assert list(scanner.finditer(text)) == plain, text
