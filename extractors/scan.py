"""A faster ``finditer`` for one big alternation of word-list patterns.

``re`` tries every alternative of ``(?:(?P<c0>p0)|(?P<c1>p1)|...)`` at every
position of the text; with a few hundred cue words that is most of the cost of
reading a sentence. ``AlternationScanner`` gives the same matches as

    re.compile(rf"{before}(?:(?P<c0>p0)|(?P<c1>p1)|...){after}", flags).finditer(text)

but tries only positions where ``before`` holds and, at each of them, only the
alternatives that can start with the character found there (worked out once
from the parsed patterns; one compiled sub-regex per first character, in the
original order, so the leftmost-first choice between alternatives is kept).
Characters outside ASCII, and patterns it cannot analyse (back-references,
patterns that can match the empty string), use the full regex: the result is
always the same as the plain one.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence
from re import _constants as _sre_c  # type: ignore[attr-defined]  # Python 3.11+
from re import _parser as _sre_p  # type: ignore[attr-defined]

_ASCII = frozenset(chr(i) for i in range(128))
_WORD = frozenset(string.ascii_letters + string.digits + "_")
_DIGIT = frozenset(string.digits)
_SPACE = frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f")
_CATEGORIES = {
    _sre_c.CATEGORY_WORD: _WORD,
    _sre_c.CATEGORY_DIGIT: _DIGIT,
    _sre_c.CATEGORY_SPACE: _SPACE,
}


class _Unknown(Exception):
    """The first characters of a pattern cannot be bounded: try it everywhere."""


def _cased(chars: set[str], ignorecase: bool) -> set[str]:
    if not ignorecase:
        return chars
    return chars | {c.swapcase() for c in chars if c.isascii()}


def _first(items: object, ignorecase: bool) -> tuple[set[str], bool]:
    """(ASCII characters a match of ``items`` can start with, can it match empty)."""
    out: set[str] = set()
    for op, av in items:  # type: ignore[attr-defined]
        if op is _sre_c.LITERAL:
            if av >= 128:
                raise _Unknown
            out |= _cased({chr(av)}, ignorecase)
            return out, False
        if op is _sre_c.IN:
            chars: set[str] = set()
            for iop, iav in av:
                if iop is _sre_c.LITERAL and iav < 128:
                    chars.add(chr(iav))
                elif iop is _sre_c.LITERAL:
                    raise _Unknown
                elif iop is _sre_c.RANGE:
                    lo, hi = iav
                    if hi >= 128:
                        raise _Unknown
                    chars |= {chr(i) for i in range(lo, hi + 1)}
                elif iop is _sre_c.CATEGORY and iav in _CATEGORIES:
                    chars |= _CATEGORIES[iav]
                else:
                    raise _Unknown
            out |= _cased(chars, ignorecase)
            return out, False
        if op is _sre_c.BRANCH:
            nullable = False
            for alt in av[1]:
                chars, empty = _first(alt, ignorecase)
                out |= chars
                nullable = nullable or empty
            if not nullable:
                return out, False
            continue
        if op is _sre_c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & re.IGNORECASE:
                raise _Unknown
            chars, empty = _first(sub, ignorecase)
            out |= chars
            if not empty:
                return out, False
            continue
        if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) or op is getattr(_sre_c, "POSSESSIVE_REPEAT", None):
            lo, _, sub = av
            chars, empty = _first(sub, ignorecase)
            out |= chars
            if lo > 0 and not empty:
                return out, False
            continue
        if op is getattr(_sre_c, "ATOMIC_GROUP", None):
            chars, empty = _first(av, ignorecase)
            out |= chars
            if not empty:
                return out, False
            continue
        if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
            continue  # zero width: it can only narrow what follows
        raise _Unknown
    return out, True


def split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regex: ``a|(b|c)|[|]`` -> ``["a", "(b|c)", "[|]"]``."""
    parts: list[str] = []
    depth = 0
    in_class = False
    last = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]" and not (pattern[i - 1] == "[" or pattern[i - 2 : i] == "[^"):
                in_class = False
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    parts.append(pattern[last:])
    return parts


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """ASCII characters a match of ``pattern`` can start with; None when unknown or possibly empty."""
    try:
        parsed = _sre_p.parse(pattern, flags)
        chars, empty = _first(parsed.data, bool(flags & re.IGNORECASE))
    except (_Unknown, re.error, RecursionError):
        return None
    return None if empty else frozenset(chars)


class AlternationScanner:
    """``finditer`` of ``before (?:(?P<name>pattern)|...) after`` (see the module docstring)."""

    def __init__(
        self, named: Sequence[tuple[str, str]], flags: int = 0, before: str = "", after: str = ""
    ) -> None:
        self.named = list(named)
        self.flags = flags
        self.before = before
        self.after = after
        self.full = re.compile(
            rf"{before}(?:{'|'.join(f'(?P<{n}>{p})' for n, p in self.named)}){after}", flags
        )
        # each top-level alternative of each pattern on its own, in order: (name, sub-pattern, first chars)
        self._parts: list[tuple[str, str, frozenset[str] | None]] = [
            (name, part, first_chars(part, flags)) for name, p in self.named for part in split_top(p)
        ]
        self._plain = any(f is None for _, _, f in self._parts) or any(
            re.search(r"\\\d|\(\?P[=<]|\(\?\(", p) for _, p in self.named
        )
        self._buckets: dict[str, tuple[re.Pattern[str], list[str]] | None] = {}
        starts: set[str] = set().union(*(f for _, _, f in self._parts if f is not None))
        charset = "".join(re.escape(c) for c in sorted(starts))
        alts = [f"[{charset}]"] if charset else []
        alts.append(r"[^\x00-\x7f]")
        self._candidates = re.compile(rf"{before}(?:{'|'.join(alts)})", flags)

    def _bucket(self, ch: str) -> tuple[re.Pattern[str], list[str]] | None:
        if ch in self._buckets:
            return self._buckets[ch]
        if ch not in _ASCII:
            keep = [(name, p) for name, p in self.named]
        else:
            keep = [(name, p) for name, p, f in self._parts if f is not None and ch in f]
        out = None
        if keep:
            body = "|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(keep))
            out = re.compile(rf"{self.before}(?:{body}){self.after}", self.flags), [n for n, _ in keep]
        self._buckets[ch] = out
        return out

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, name)`` of every match, as ``full.finditer`` finds them."""
        if self._plain:
            for m in self.full.finditer(text):
                yield m.start(), m.end(), m.lastgroup or ""
            return
        done = 0
        bucket = self._bucket
        for c in self._candidates.finditer(text):
            p = c.start()
            if p < done:
                continue
            b = bucket(text[p])
            if b is None:
                continue
            m = b[0].match(text, p)
            if m is not None:
                done = m.end()
                yield p, done, b[1][int((m.lastgroup or "g0")[1:])]
