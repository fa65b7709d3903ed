"""Sentence boundaries of a text, as character offsets (``sentence_starts``).

After ``.``, ``!`` or ``?`` (and any closing quotes or brackets) before whitespace and a capital,
digit or opening quote, unless the word before the stop is an abbreviation ("Mr.", "Inc.", "U.S.",
an initial); and after every line break, so that a headline or a paragraph without final
punctuation ends its sentence. Pure string work, no spaCy: ``extractors.components``'s
``newsclaims_sentences`` writes these offsets to ``SENT_START``.
"""

from __future__ import annotations

import bisect
import re
import sys
from functools import lru_cache
from typing import Final

# A stop before a capital, digit or quote, or a line break:
#     [.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£$€])|\n\s*(?=\S)
# written to start with one character set (each branch then checks which character it was), so
# that ``re`` skips to the next ".", "!", "?" or line break instead of trying the pattern at every
# position; the same matches (tests/test_speed3_pipeline.py)
_BOUNDARY_RE: Final = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£$€])|(?<=\n)\s*(?=\S))"
)
_WORD_BEFORE_RE: Final = re.compile(r"(\S+?)[.!?]+[\"'’”)\]]*$")
ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "plc",
        "vs",
        "no",
        "gen",
        "gov",
        "sen",
        "rep",
        "rev",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "dept",
        "univ",
    ]
)


# the last two letters of every abbreviation (all have two or more)
_ABBREVIATION_TAILS: Final = frozenset(word[-2:] for word in ABBREVIATIONS)
# the same, as ``ord(first) * 128 + ord(second)``
_ABBREVIATION_TAIL_CODES: Final = frozenset(ord(tail[0]) * 128 + ord(tail[1]) for tail in _ABBREVIATION_TAILS)


def _is_ascii_letter(code: int) -> bool:
    return 65 <= code <= 90 or 97 <= code <= 122


_INITIALS_RE: Final = re.compile(r"(?:[a-z]\.)*[a-z]")

# ``_BOUNDARY_RE`` again, one regex per first character: a pattern that starts with one literal
# character lets ``re`` jump to each occurrence at memchr speed, where a pattern that starts with
# a character set is tested at every position (~9 ms -> ~4 ms over the 510 BBC articles).
# ``_boundary_candidates`` merges their matches back into the ones of ``_BOUNDARY_RE.finditer``.
_STOP_TAIL: Final = r"[.!?]*[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£$€])"
_BOUNDARY_BY_FIRST_CHAR: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # (no lookbehind for the letters before the stop: a case-blind alternation of the abbreviations'
    # last two letters there cost ~3,000 instructions a stop; ``_abbreviation_before`` reads them)
    (".", re.compile(r"\." + _STOP_TAIL)),
    ("\n", re.compile(r"\n\s*(?=\S)")),
    ("!", re.compile("!" + _STOP_TAIL)),
    ("?", re.compile(r"\?" + _STOP_TAIL)),
)


@lru_cache(maxsize=4096)
def _is_abbreviation(word: str) -> bool:
    w = word.lstrip("\"'‘“([").lower()
    if w in ABBREVIATIONS:
        return True
    # "U.S." "e.g." "J." : dotted letters or a single initial
    return _INITIALS_RE.fullmatch(w) is not None


def _abbreviation_before(text: str, stop: re.Match[str]) -> bool:
    """Does the word before the punctuation of the boundary ``stop`` end as an abbreviation?

    ``_WORD_BEFORE_RE.search(text, max(0, q - 20), hi)`` and ``_is_abbreviation`` of its word, where
    ``text[q:hi]`` is the punctuation. That word ends with ``text[q - 1]`` (or is made of the
    punctuation), and an abbreviation ends with a letter: after an ASCII character that is not one
    (a digit, a quote, a space) no regex runs. Where two ASCII letters come before it, that word is
    the last run of non-space characters from the window's start to ``q`` (the regex's lazy word
    reaches the punctuation only there), and two letters at its end rule out initials ("U.S"): the
    run is looked up, no regex runs, and only if the two letters end an abbreviation ("said" does
    not; ~7 in 8 stops on the BBC articles).
    """
    q = stop.start()
    if q == 0:
        return False  # (no word before: the empty ``before`` below)
    lo = max(0, q - 20)
    # ``before = text[q - 2 : q]`` read as character codes (no slice, no str method calls): while
    # it is ASCII, a last character that is no letter rules an abbreviation out, and two letters
    # are looked up (their lower-case codes: ``code | 0x20``)
    last = ord(text[q - 1])
    prev = ord(text[q - 2]) if q >= 2 else -1
    if last < 128 and prev < 128:
        if not _is_ascii_letter(last):
            return False
        if prev >= 0 and _is_ascii_letter(prev):
            if (prev | 0x20) * 128 + (last | 0x20) not in _ABBREVIATION_TAIL_CODES:
                return False
            return text[lo:q].rsplit(None, 1)[-1].lstrip("\"'‘“([").lower() in ABBREVIATIONS
    found = stop.group(0)
    w = _WORD_BEFORE_RE.search(text, lo, stop.end() - len(found.lstrip(".!?")))
    return w is not None and _is_abbreviation(w.group(1))


def _boundary_candidates(text: str) -> list[re.Match[str]]:
    """The matches of each ``_BOUNDARY_BY_FIRST_CHAR`` regex, in order of start; a match may start
    inside the one before it. Dropping those gives ``list(_BOUNDARY_RE.finditer(text))``: a match
    that starts inside another starts in its run of stops or its whitespace, so it ends where that
    one ends, and ``finditer`` resumes there too (tests/test_speed5_pipeline.py)."""
    found: list[re.Match[str]] = []
    for char, rx in _BOUNDARY_BY_FIRST_CHAR:
        if char in text:
            found.extend(rx.finditer(text))
    found.sort(key=re.Match.start)
    return found


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (always 0 first)."""
    starts = [0]
    n = len(text)
    resume = 0
    for m in _boundary_candidates(text):
        q = m.start()
        if q < resume:
            continue  # inside the boundary before: ``_BOUNDARY_RE.finditer`` would not see it
        resume = m.end()
        if text[q] != "\n" and _abbreviation_before(text, m):
            continue
        if resume < n:
            starts.append(resume)
    return starts


def tokens_starting_at(token_starts: list[int], starts: list[int]) -> tuple[list[int], list[int]]:
    """For the character offsets ``starts`` (ascending), the indexes of the tokens that start there
    and those offsets; an offset where no token starts (inside a token, as after a no-break space)
    is left out. ``token_starts``: each token's first character, ascending."""
    n = len(token_starts)
    found: list[int] = []
    kept: list[int] = []
    for s in starts:
        i = bisect.bisect_left(token_starts, s)
        if i < n and token_starts[i] == s:
            found.append(i)
            kept.append(s)
    return found, kept


# ``Doc.to_array(SENT_START)`` as bytes: a token that starts a sentence reads 1, one that does not
# -1, both as uint64 in the machine's byte order
_START_FLAG: Final = (1).to_bytes(8, sys.byteorder)
_NOT_START_FLAG: Final = b"\xff" * 8


def sentence_start_flags(n: int, tokens: list[int]) -> bytes:
    """The ``SENT_START`` of ``n`` tokens (n >= 1) where token 0 and ``tokens`` (ascending, each
    below ``n``) start sentences and no other does, as ``Doc.to_array(SENT_START).tobytes()``
    reads them back: ``np.full(n, -1, uint64)``, then 1 at 0 and at ``tokens``, without numpy."""
    parts: list[bytes] = [_START_FLAG]
    done = 1  # the tokens written
    for i in tokens:
        if i < done:
            continue  # (token 0)
        parts.append(_NOT_START_FLAG * (i - done))
        parts.append(_START_FLAG)
        done = i + 1
    parts.append(_NOT_START_FLAG * (n - done))
    return b"".join(parts)


def sentence_spans(text: str, first_chars: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences that start at ``first_chars`` (0 is added when missing);
    each ends where the next starts, or at the end of ``text``, less its trailing whitespace."""
    if not first_chars or first_chars[0] != 0:
        first_chars = [0, *first_chars]
    out: list[tuple[int, int]] = []
    last = len(first_chars) - 1
    for k, s in enumerate(first_chars):
        e = first_chars[k + 1] if k < last else len(text)
        out.append((s, s + len(text[s:e].rstrip())))
    return out
