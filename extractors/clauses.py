"""Clause windows inside one sentence, from punctuation and conjunctions.

Two levels: *regions* end at strong breaks (``;``, ``:``, a spaced dash, ``while``,
``but``, ``although``, ``, and``); *clauses* also end at commas that are followed
by a space (so "1,200" never splits). Brackets do not split: "$1.13bn (£600m)"
stays in one clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from extractors.values import by_fields

_STRONG_RE: Final = re.compile(
    r"\s*;\s*|\s*:\s+|\s+[-–—]\s+|,?\s+(?:while|whereas|but|although|though)\s+|,\s+and\s+",
    re.IGNORECASE,
)
# ``_STRONG_RE`` starts with a whitespace run, so ``finditer`` tries it at every position.
# Every match reaches, past its leading whitespace (and comma), one of these *keys*: a
# ";", ":", dash or comma, or the first letter of the word; ``_strong_breaks`` finds the
# keys (both regexes start with a character set, which ``re`` skips to) and tries the
# regex only on the whitespace run before each key.
# (one scan for both kinds of key: a key character and a key word never overlap)
_KEYS_RE: Final = re.compile(r"[;:,\-–—]|[wWbBaAtT](?i:hile|hereas|ut|lthough|hough)")
# the clause-breaking commas: ``_COMMA_RE.finditer``, read off the keys' commas (``_keys_and_commas``)
_COMMA_RE: Final = re.compile(r",\s+")
# "the Berkeley, Claridge's and the Connaught": a comma inside a list of names is no clause break
_LIST_ITEM_RE: Final = re.compile(
    r"(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*(?:\s*,|\s+(?:and|or)\s)"
)


@dataclass(slots=True)
class Clauses:
    """Break offsets of one sentence text (each list starts with 0 and ends with len(text)).

    (A written ``__init__``, not frozen: see ``extractors.figures.Figure``.)"""

    text: str
    region_starts: list[int]
    region_ends: list[int]
    clause_starts: list[int]
    clause_ends: list[int]
    # "Acme - the biggest maker - fell 2%": short dashed asides, from the first dash's start to the
    # second dash's end; they break no clause, and their cue words cue no figure outside them
    asides: tuple[tuple[int, int], ...] = ()

    def __init__(
        self,
        text: str,
        region_starts: list[int],
        region_ends: list[int],
        clause_starts: list[int],
        clause_ends: list[int],
        asides: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self.text = text
        self.region_starts = region_starts
        self.region_ends = region_ends
        self.clause_starts = clause_starts
        self.clause_ends = clause_ends
        self.asides = asides

    def region(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.region_starts, pos) - 1
        return self.region_starts[i], self.region_ends[i]

    def clause(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.clause_starts, pos) - 1
        return self.clause_starts[i], self.clause_ends[i]

    def previous_clause(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.clause_starts, pos) - 1
        if i <= 0:
            return None
        return self.clause_starts[i - 1], self.clause_ends[i - 1]

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)


def split_clauses(text: str, figure_starts: Sequence[int] = ()) -> Clauses:
    """The sentence's regions and clauses; a dashed aside that holds one of ``figure_starts``
    stays a clause of its own ("Acme - which holds half of the market - aims to ...")."""
    keys, comma_spans = _keys_and_commas(text)
    strong = [(s, e) for s, e in _strong_breaks(text, keys) if _outside_brackets(text, s)]
    asides = tuple(a for a in _dash_asides(text, strong) if not any(a[0] <= f < a[1] for f in figure_starts))
    if asides:
        strong = [b for b in strong if not any(b[0] == a[0] or b[1] == a[1] for a in asides)]
    commas = [
        (cs, ce)
        for cs, ce in comma_spans
        if _outside_brackets(text, cs)
        and not any(s <= cs < e for s, e in strong)
        and not _LIST_ITEM_RE.match(text, ce)
    ]
    return Clauses(
        text,
        [0] + [e for _, e in strong],
        [s for s, _ in strong] + [len(text)],
        *_merge(strong, commas, len(text)),
        asides,
    )


_DASH_RE: Final = re.compile(r"\s+[-–—]\s+")
_ASIDE_MAX: Final = 60  # longer asides, or asides with a comma or a figure, stay clause breaks


def _dash_asides(text: str, strong: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Pairs of spaced dashes around a short aside with no comma, figure or other break inside."""
    dashes = [(s, e) for s, e in strong if _DASH_RE.fullmatch(text, s, e)]
    asides: list[tuple[int, int]] = []
    k = 0
    while k + 1 < len(dashes):
        first, second = dashes[k], dashes[k + 1]
        inside = text[first[1] : second[0]]
        if (
            len(inside) <= _ASIDE_MAX
            and not any(c.isdigit() or c == "," for c in inside)
            and not any(first[1] <= b[0] < second[0] for b in strong)
        ):
            asides.append((first[0], second[1]))
            k += 2
        else:
            k += 1
    return tuple(asides)


def _keys_and_commas(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """(the offsets of ``_strong_breaks``'s keys, the spans of ``_COMMA_RE.finditer(text)``): one
    scan. A comma match is a key comma and the whitespace run after it (``\\s`` is ``str.isspace``)."""
    keys: list[int] = []
    commas: list[tuple[int, int]] = []
    n = len(text)
    for m in _KEYS_RE.finditer(text):
        k = m.start()
        keys.append(k)
        if text[k] == ",":
            e = k + 1
            while e < n and text[e].isspace():
                e += 1
            if e > k + 1:
                commas.append((k, e))
    return keys, commas


def _strong_breaks(text: str, keys: list[int] | None = None) -> list[tuple[int, int]]:
    """``[m.span() for m in _STRONG_RE.finditer(text)]``, trying the regex only near keys
    (``keys``: the first list of ``_keys_and_commas(text)``, worked out here when not given)."""
    if keys is None:
        keys = _keys_and_commas(text)[0]
    match = _STRONG_RE.match
    out: list[tuple[int, int]] = []
    pos = 0  # end of the last match: finditer looks no further back
    tried = 0  # every position below this is tried or cannot start a match
    for k in keys:
        if k < pos:
            continue
        # a match that reaches key k starts in the whitespace run before it or at k itself
        # (",\s+but" starts at its comma, which is a key of its own)
        q = k
        while q > pos and text[q - 1].isspace():
            q -= 1
        for s in range(max(q, tried), k + 1):
            m = match(text, s)
            if m is not None:
                out.append((s, m.end()))
                pos = m.end()
                break
        tried = max(pos, k + 1)
    return out


def _merge(
    strong: list[tuple[int, int]], commas: list[tuple[int, int]], n: int
) -> tuple[list[int], list[int]]:
    breaks = sorted(set(strong) | set(commas))
    starts = [0] + [e for _, e in breaks]
    ends = [s for s, _ in breaks] + [n]
    return starts, ends


def _outside_brackets(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) <= text.count(")", 0, pos)
