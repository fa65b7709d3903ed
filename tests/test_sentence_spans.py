"""The two list helpers of the sentence component (extractors.sentences, compiled), against the
numpy and slicing code they replace: same tokens, same offsets, for any input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.sentences import sentence_spans, tokens_starting_at


def _numpy_tokens_starting_at(token_starts: list[int], starts: list[int]) -> tuple[list[int], list[int]]:
    idx = np.asarray(token_starts, dtype=np.uint64)
    want = np.asarray(starts, dtype=np.uint64)
    n = len(idx)
    pos = np.searchsorted(idx, want)
    ok = (pos < n) & (idx[np.minimum(pos, n - 1)] == want)
    return pos[ok].tolist(), want[ok].tolist()


def _sliced_spans(text: str, first: list[int]) -> list[tuple[int, int]]:
    if not first or first[0] != 0:
        first = [0, *first]
    ends = [*first[1:], len(text)]
    return [(s, s + len(text[s:e].rstrip())) for s, e in zip(first, ends, strict=True)]


@pytest.mark.parametrize(
    ("token_starts", "starts", "expected"),
    [
        ([0, 5, 9, 14], [0, 9], ([0, 2], [0, 9])),
        ([0, 5, 9, 14], [0, 7, 14], ([0, 3], [0, 14])),  # 7 is inside a token: left out
        ([0, 5], [0, 20], ([0], [0])),  # past the last token
        ([0], [0], ([0], [0])),
    ],
)
def test_tokens_starting_at(token_starts, starts, expected) -> None:
    assert tokens_starting_at(token_starts, starts) == expected


_SORTED = st.lists(st.integers(0, 60), min_size=1, max_size=25, unique=True).map(sorted)


@settings(max_examples=300, deadline=None)
@given(_SORTED, _SORTED)
def test_tokens_starting_at_equals_searchsorted(token_starts: list[int], starts: list[int]) -> None:
    assert tokens_starting_at(token_starts, starts) == _numpy_tokens_starting_at(token_starts, starts)


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        ("One. Two.  \nThree", [0, 5, 12], [(0, 4), (5, 9), (12, 17)]),
        ("One. Two.", [5], [(0, 4), (5, 9)]),  # 0 added
        ("   ", [0], [(0, 0)]),
        ("", [], [(0, 0)]),
    ],
)
def test_sentence_spans(text: str, first: list[int], expected: list[tuple[int, int]]) -> None:
    assert sentence_spans(text, first) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .\n\t\u00a0", max_size=40), st.data())
def test_sentence_spans_equals_slicing(text: str, data: st.DataObject) -> None:
    first = sorted(set(data.draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=6))))
    assert sentence_spans(text, first) == _sliced_spans(text, first)
