"""Fast paths of round ``speed6`` in the sentence boundaries equal the plain code they replace.

The plain versions below are the code as it was before the round: the "." regex carried a
lookbehind over the abbreviations' last two letters (the group ``plain``), and
``_abbreviation_before`` read the two characters before the stop as a slice with str methods.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IDX, SENT_START

from extractors import components as C
from extractors import sentences as S
from extractors.nlp import get_nlp

# ---------------------------------------------------------------- plain reference (before speed6)


def _plain_abbreviation_before(text: str, stop: re.Match[str]) -> bool:
    q = stop.start()
    lo = max(0, q - 20)
    before = text[max(0, q - 2) : q]
    if before.isascii():
        if not before[-1:].isalpha():
            return False
        if len(before) == 2 and before.isalpha():
            return (
                before.lower() in S._ABBREVIATION_TAILS
                and text[lo:q].rsplit(None, 1)[-1].lstrip("\"'‘“([").lower() in S.ABBREVIATIONS
            )
    found = stop.group(0)
    w = S._WORD_BEFORE_RE.search(text, lo, stop.end() - len(found.lstrip(".!?")))
    return w is not None and S._is_abbreviation(w.group(1))


def _plain_sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in S._BOUNDARY_RE.finditer(text):
        if text[m.start()] != "\n" and _plain_abbreviation_before(text, m):
            continue
        if m.end() < len(text):
            starts.append(m.end())
    return starts


_PIECES = [
    ".", "!", "?", "?!", "!.", "..", "\n", "\n\n", " \n ", " ", "  ", "\t", "\u00a0", "\u2029",
    '"', "'", "’", "”", ")", "]", "(", "“", "‘", "A", "b", "Mr", "MR", "mR", "U.S", "e.g", "3",
    "£", "x", "said", "Inc", "CO", "cO", "mT", "sT", "ſt", "\u212a", "\u212ao", "jr", "Sept",
    "Dept", "xx", "é", "éx", "Zé", "[", "@", "`", "{",
]  # fmt: skip

_CASES = [
    "",
    ".",
    "a.",
    "A. B",
    "é. B",
    "Sales rose. Profits fell! Why? Because.\nNext line\n\n  Third",
    'He said "no." Then "Yes!" (Then.) [Now.] 3 more. £5 less. Mr. Smith and U.S. firms.',
    "He said. Mr. X. MR. Y. mR. Z. Co. A. cO. B. ſt. C. \u212ao. D. éx. E. It. F. Inc. G. 3M. H.",
    "st. A sept. B Sept. C Dept. D dEpT. E xx. F Zé. G @. H `. I [. J {. K",
    "x. Y",  # one letter before the stop at the text's second character
    "(Mr. Smith) “Dr. Who” ‘Jr. X’ [Co. Y]",
]


def _check(text: str) -> None:
    for m in S._BOUNDARY_RE.finditer(text):
        if text[m.start()] != "\n":
            assert S._abbreviation_before(text, m) == _plain_abbreviation_before(text, m), (text, m.span())
    for m in S._boundary_candidates(text):
        if text[m.start()] != "\n":
            assert S._abbreviation_before(text, m) == _plain_abbreviation_before(text, m), (text, m.span())
    assert S.sentence_starts(text) == _plain_sentence_starts(text), text


@pytest.mark.parametrize("text", _CASES)
def test_sentence_starts_equal_plain_table(text: str) -> None:
    _check(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join) | st.text(max_size=60))
def test_sentence_starts_equal_plain_property(text: str) -> None:
    _check(text)


def test_every_pair_of_characters_before_a_stop() -> None:
    """Every two characters from a set of edge cases (ASCII letters either side of the case gap,
    non-letters, non-ASCII letters that case-fold to ASCII) before a stop and a capital."""
    chars = "aAzZmMrRsStTcCoO@[`{0 .'\"(é\u212aſ\u0130\u0131ü"
    for a in chars:
        for b in chars:
            for left in ("", "x", " ", "Mr", "U.S"):
                _check(f"{left}{a}{b}. Next")


# ---------------------------------------------------------------- SENT_START flags as bytes


def _plain_flags(n: int, found: list[int]) -> bytes:
    flags = np.full(n, np.iinfo(np.uint64).max, dtype=np.uint64)
    flags[0] = 1
    flags[found] = 1
    return flags.tobytes()


@pytest.mark.parametrize(
    ("n", "found"), [(1, []), (1, [0]), (2, [1]), (3, [0, 2]), (5, [1, 2, 3, 4]), (4, [0, 1, 2, 3]), (9, [8])]
)
def test_sentence_start_flags_table(n: int, found: list[int]) -> None:
    assert S.sentence_start_flags(n, found) == _plain_flags(n, found)


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 60).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(0, n - 1)))))
def test_sentence_start_flags_property(case: tuple[int, set[int]]) -> None:
    n, found = case
    assert S.sentence_start_flags(n, sorted(found)) == _plain_flags(n, sorted(found))


@pytest.mark.parametrize(
    "text", [t for t in _CASES if t] + [" Lead space. Then\u00a0More. x", "One.  Two.\n\nThree"]
)
def test_component_flags_read_back(text: str) -> None:
    """The sentence component sets the flags the bytes say, and ``sentence_offsets`` takes its
    cached offsets (the key is what ``to_array(SENT_START)`` reads back)."""
    nlp = get_nlp()
    doc = nlp.get_pipe("newsclaims_sentences")(nlp.tokenizer(text))
    flags = doc.to_array(SENT_START)
    n, key, offsets = doc.user_data[C.OFFSETS_KEY]
    assert n == len(doc) and key == flags.tobytes()
    found, _ = S.tokens_starting_at(doc.to_array(IDX).tolist(), S.sentence_starts(text))
    assert key == _plain_flags(len(doc), found)
    assert [int(f) for f in flags] == [
        1 if i == 0 or i in found else np.iinfo(np.uint64).max for i in range(len(doc))
    ]
    assert [s.start_char for s in doc.sents] == [offsets[k][0] for k in range(len(offsets))]
