"""Round speed6 (clauses): one scan gives the keys of ``_strong_breaks`` and the clause commas."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.clauses import _COMMA_RE, _STRONG_RE, _keys_and_commas, _strong_breaks, split_clauses

# the two key scans the single one replaces (plain reference)
_KEY_CHARS_RE = re.compile(r"[;:,\-–—]")
_KEY_WORDS_RE = re.compile(r"[wWbBaAtT](?i:hile|hereas|ut|lthough|hough)")


def _plain_keys(text: str) -> list[int]:
    return sorted(
        [m.start() for m in _KEY_CHARS_RE.finditer(text)] + [m.start() for m in _KEY_WORDS_RE.finditer(text)]
    )


def _plain_commas(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _COMMA_RE.finditer(text)]


_BITS = [
    ",", ", ", ",  ", ",\n", ",\u00a0", ",\u2003", ",,", ", ,", ";", ":", "-", "–", "—", " - ",
    "while", "While", "whereas", "but", "BUT", "butter", "although", "Although", "though", "ALTHOUGH",
    "and", " ", "\t", "x", "1,200", "Acme", "(", ")", "é", "although,",
]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "",
        ",",
        ", ",
        "Sales rose 5%, while profits fell, although costs, as ever, grew.",
        "Acme - the biggest maker - fell 2%; Bexco: up 1,200 jobs,\u00a0but",
        "a,  b,\tc,d , e,",
        "Although, though, butter and whereas",
    ],
)
def test_keys_and_commas_table(text: str) -> None:
    keys, commas = _keys_and_commas(text)
    assert keys == _plain_keys(text)
    assert commas == _plain_commas(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BITS), max_size=30).map("".join) | st.text(max_size=60))
def test_keys_and_commas_equal_plain_regexes(text: str) -> None:
    keys, commas = _keys_and_commas(text)
    assert keys == _plain_keys(text)
    assert commas == _plain_commas(text)
    assert _strong_breaks(text, keys) == [m.span() for m in _STRONG_RE.finditer(text)]


def test_split_clauses_uses_the_commas() -> None:
    c = split_clauses("Sales rose 5%, profits fell 2%")
    assert c.clause_starts == [0, 15]
    assert c.clause_ends == [13, len("Sales rose 5%, profits fell 2%")]
