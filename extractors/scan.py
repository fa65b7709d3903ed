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

import contextlib
import re
import string
import struct
from collections.abc import Iterable, Iterator, Sequence
from re import _constants as _sre_c  # type: ignore[attr-defined]  # Python 3.11+
from re import _parser as _sre_p  # type: ignore[attr-defined]
from typing import Any, Final

_ASCII: Final = frozenset(chr(i) for i in range(128))
_WORD: Final = frozenset(string.ascii_letters + string.digits + "_")
_DIGIT: Final = frozenset(string.digits)
_SPACE: Final = frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f")
_CATEGORIES: Final = {
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


def _strings(items: object, ignorecase: bool, k: int, limit: int = 1 << 62) -> set[str]:
    """The first ``k`` characters of every match of ``items`` (ASCII, lower-cased under
    IGNORECASE), and whole matches shorter than that. Zero-width items are skipped (a superset).
    Raises ``_Unknown`` when a set of strings grows past ``limit``."""
    cur = {""}
    done: set[str] = set()
    for op, av in items:  # type: ignore[attr-defined]
        if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
            continue
        nxt = _item_strings(op, av, ignorecase, k, limit)
        grown: set[str] = set()
        for p in cur:
            for x in nxt:
                t = (p + x)[:k]
                (done if len(t) == k else grown).add(t)
        if len(done) + len(grown) > limit:
            raise _Unknown
        cur = grown
        if not cur:
            break
    return done | cur


def _item_strings(op: object, av: Any, ignorecase: bool, k: int, limit: int = 1 << 62) -> set[str]:
    if op is _sre_c.LITERAL:
        if av >= 128:  # type: ignore[operator]
            raise _Unknown
        ch = chr(av)  # type: ignore[arg-type]
        return {ch.lower() if ignorecase else ch}
    if op is _sre_c.IN:
        chars, _ = _first([(op, av)], False)
        return {c.lower() for c in chars} if ignorecase else chars
    if op is _sre_c.BRANCH:
        out_b: set[str] = set().union(*(_strings(alt, ignorecase, k, limit) for alt in av[1]))  # type: ignore[index]
        if len(out_b) > limit:
            raise _Unknown
        return out_b
    if op is _sre_c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & re.IGNORECASE:
            raise _Unknown
        return _strings(sub, ignorecase, k, limit)
    if op is getattr(_sre_c, "ATOMIC_GROUP", None):
        return _strings(av, ignorecase, k, limit)
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) or op is getattr(_sre_c, "POSSESSIVE_REPEAT", None):
        lo, hi, sub = av
        one = _strings(sub, ignorecase, k, limit)
        if "" in one:
            raise _Unknown
        out = {""} if lo == 0 else set()
        level = {""}
        for r in range(1, min(hi, k) + 1):
            level = {(p + x)[:k] for p in level if len(p) < k for x in one}
            out |= {t for t in level if r >= lo or len(t) == k}
            if len(out) > limit or len(level) > limit:
                raise _Unknown
        return out
    raise _Unknown


def prefixes(pattern: str, flags: int = 0, k: int = 2, limit: int = 1 << 62) -> frozenset[str] | None:
    """The first ``k`` ASCII characters of every match of ``pattern`` (lower-cased under
    IGNORECASE), and whole matches shorter than ``k``; None when unknown, possibly empty, or
    when more than ``limit`` strings would be needed."""
    try:
        parsed = _sre_p.parse(pattern, flags)
        out = _strings(parsed.data, bool(flags & re.IGNORECASE), k, limit)
    except (_Unknown, re.error, RecursionError):
        return None
    return None if "" in out else frozenset(out)


def _required_literal(pattern: str, flags: int = 0) -> str:
    """The longest run of plain ASCII characters every match of ``pattern`` contains ("" if none)."""
    try:
        parsed = _sre_p.parse(pattern, flags)
    except (re.error, RecursionError):
        return ""
    best = run = ""
    for op, av in parsed.data:
        if op is _sre_c.LITERAL and av < 128:
            run += chr(av)
            best = max(best, run, key=len)
        else:
            run = ""
    return best


def required_literals(pattern: str, flags: int = 0, min_len: int = 3) -> tuple[str, ...] | None:
    """Lower-cased ASCII literals one of which every match of ``pattern`` holds (for
    ``lower_for_words`` texts: a text without any of them has no match): the longest literal runs
    of the pattern, and of the alternatives of a group that every match passes through ("(?:sales
    |exports) rose": "sales" or "exports"). None when no such set of ``min_len``-character literals
    is found."""
    try:
        parsed = _sre_p.parse(pattern, flags)
        found = _literal_set(parsed.data)
    except (re.error, RecursionError):
        return None
    if found is None or min(map(len, found)) < min_len:
        return None
    # a literal that holds another of the set is found with it ("users" with "user")
    return tuple(sorted(w for w in found if not any(v != w and v in w for v in found)))


def _literal_set(items: object) -> frozenset[str] | None:
    """The best set of literals (longest shortest member) one of which every match of the parsed
    sequence ``items`` holds, or None. Look-arounds are skipped: their text may lie outside a match."""
    best: frozenset[str] | None = None

    def consider(cands: frozenset[str] | None) -> None:
        nonlocal best
        if cands and "" not in cands and (best is None or min(map(len, cands)) > min(map(len, best))):
            best = cands

    run = ""
    for op, av in items:  # type: ignore[attr-defined]
        if op is _sre_c.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        consider(frozenset([run]) if run else None)
        run = ""
        if op is _sre_c.SUBPATTERN:
            consider(_literal_set(av[3]))
        elif op is getattr(_sre_c, "ATOMIC_GROUP", None):
            consider(_literal_set(av))
        elif op is _sre_c.BRANCH:
            alts = [_literal_set(alt) for alt in av[1]]
            if all(a is not None for a in alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
        elif (
            op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) or op is getattr(_sre_c, "POSSESSIVE_REPEAT", None)
        ) and av[0] >= 1:
            consider(_literal_set(av[2]))
    consider(frozenset([run]) if run else None)
    return best


class LiteralGate:
    """A cheap test to run before a regex: False only when ``text[lo:hi]`` holds none of the
    literals that every match of ``pattern`` needs (``required_literals``); always True when unknown."""

    def __init__(self, pattern: str, flags: int = 0, min_len: int = 3) -> None:
        self.literals = required_literals(pattern, flags, min_len)

    @classmethod
    def any_of(cls, gates: Iterable[LiteralGate]) -> LiteralGate:
        """A gate that says no only where each of ``gates`` says no (for matches of any of their
        patterns): the union of their literals, or unknown when one of them is."""
        out = cls("")  # (an empty pattern; its literals are set below)
        found: set[str] = set()
        for g in gates:
            if g.literals is None:
                out.literals = None
                return out
            found.update(g.literals)
        out.literals = tuple(sorted(found))
        return out

    def may_match(self, text: str, lo: int = 0, hi: int | None = None) -> bool:
        if self.literals is None:
            return True
        low = lower_for_words(text[lo:hi])
        if low is None:
            return True
        for w in self.literals:  # noqa: SIM110 (a plain loop: faster than any() over a generator)
            if w in low:
                return True
        return False

    def may_match_lowered(self, low: str | None, text: str, lo: int = 0, hi: int | None = None) -> bool:
        """``may_match(text, lo, hi)``, given ``low = lower_for_words(text)`` worked out once for
        several gates or windows of one text (no slice lower-cased again for each).

        ``str.lower`` maps each character to one character except U+0130, for which
        ``lower_for_words`` gives None (then the slice is read as ``may_match`` reads it): so
        ``low[lo:hi]`` is ``text[lo:hi].lower()`` up to the final-sigma rule, which picks between
        two non-ASCII letters and cannot change where an ASCII literal is found.
        """
        if self.literals is None:
            return True
        if low is None:
            return self.may_match(text, lo, hi)
        # one slice, and ``in`` (no method call per literal as ``str.find(w, lo, hi)`` would make)
        seg = low[lo:hi]
        for w in self.literals:  # noqa: SIM110 (a plain loop: faster than any() over a generator)
            if w in seg:
                return True
        return False


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


# this module runs compiled (mypyc, ``extractors.native``), not from its ``.py`` source
_COMPILED: Final = not __file__.endswith(".py")
_PREFIX_LEN: Final = 4  # characters of a part's possible prefixes that select candidate positions
_PREFIX_LIMIT: Final = 512  # more possible prefixes than this for one part: use its first two characters


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
        self._buckets: dict[str, tuple[re.Pattern[str], list[str], list[int]] | None] = {}
        # the non-ASCII characters a part may start with: those ``re`` matches to an ASCII one or a
        # character category under ``flags``
        self._reach_beyond_ascii = re.compile(r"[\x00-\x7f\w\s\d]", flags)
        starts: set[str] = set().union(*(f for _, _, f in self._parts if f is not None))
        charset = "".join(re.escape(c) for c in sorted(starts))
        alts = [f"[{charset}]"] if charset else []
        alts.append(r"[^\x00-\x7f]")
        self._candidates = re.compile(rf"{before}(?:{'|'.join(alts)})", flags)
        # Two characters: each part's possible first two (ASCII) characters, or one character
        # when a match can end after it or the pattern is not analysable that far.
        ic = bool(flags & re.IGNORECASE)
        self._ignorecase = ic
        self._two: list[frozenset[str]] = []
        for _, part, f in self._parts:
            two = None if f is None else prefixes(part, flags)
            if two is None and f is not None:
                two = frozenset(c.lower() if ic else c for c in f)
            self._two.append(two or frozenset())
        # Longer prefixes for the candidate positions (the two-character sets where a part's
        # prefixes are unknown or too many, "(?:\\w+ ){0,2}at"): most word starts that share
        # two characters with a cue ("in", "th") are no cue's first four ("inve", "the ")
        self._four: list[frozenset[str]] = [
            (prefixes(part, flags, _PREFIX_LEN, _PREFIX_LIMIT) if f is not None else None) or two
            for (_, part, f), two in zip(self._parts, self._two, strict=True)
        ]
        self._buckets2: dict[str, tuple[re.Pattern[str], list[str], list[int]] | None] = {}
        # A part that can start with almost anything ("[\\w-]*workers") but needs a literal
        # ("workers") is left out of the candidates of texts without that literal.
        self._gates: list[str] = []
        narrow = list(range(len(self._parts)))
        for i, (_, part, f) in enumerate(self._parts):
            lit = _required_literal(part, flags)
            if f is not None and len(f) > 12 and len(lit) >= 3:
                self._gates.append(lit.lower() if ic else lit)
                narrow.remove(i)
        # The two-character buckets leave them out: they are tried on their own (``_gated_rx``),
        # only in texts with a gate literal.
        self._gated = frozenset(range(len(self._parts))) - frozenset(narrow)
        self._gated_rx: tuple[re.Pattern[str], list[str], list[int]] | None = None
        if self._gated:
            gated = sorted(self._gated)
            body = "|".join(f"(?P<g{k}>{self._parts[i][1]})" for k, i in enumerate(gated))
            self._gated_rx = (
                re.compile(rf"{before}(?:{body}){after}", flags),
                [self._parts[i][0] for i in gated],
                gated,
            )
        self._cand2: tuple[re.Pattern[str], re.Pattern[str] | None] = (self._candidates, None)
        self._narrow2: tuple[re.Pattern[str], re.Pattern[str] | None] = self._cand2
        if not self._plain and charset:
            with contextlib.suppress(re.error):
                # (candidates, None): a candidate starts each match; (candidates, at_zero): it ends
                # before the position, and at_zero says whether position 0 is one
                self._cand2 = self._prefix_candidates(range(len(self._parts)))
                self._narrow2 = self._prefix_candidates(narrow) if self._gates else self._cand2
        # the same candidates in the lower-cased text of an ASCII sentence (``_ascii_candidates``)
        self._ascii_cand: re.Pattern[str] | None = None
        self._ascii_narrow: re.Pattern[str] | None = None
        if self._cand2[1] is not None:
            with contextlib.suppress(re.error):
                self._ascii_cand = self._ascii_candidates(range(len(self._parts)))
                self._ascii_narrow = self._ascii_candidates(narrow) if self._gates else self._ascii_cand
        # the same offsets (and the answer of ``at_zero`` at 0) found without a regex (``_AsciiStarts``):
        # where this module is compiled (as plain Python the walk takes ~4x the regex's time)
        self._use_starts = _COMPILED
        self._starts: _AsciiStarts | None = None
        self._starts_narrow: _AsciiStarts | None = None
        if self._ascii_cand is not None and self._ascii_narrow is not None:
            self._starts = self._ascii_starts(range(len(self._parts)))
            self._starts_narrow = self._ascii_starts(narrow) if self._gates else self._starts
            if self._starts is None or self._starts_narrow is None:
                self._starts = self._starts_narrow = None

    def _trie(self, parts: object) -> dict[str, dict]:
        """The up to ``_PREFIX_LEN`` first characters of ``parts`` as a trie; "" marks where a
        match may end (or its known prefix ends): any text may follow."""
        trie: dict[str, dict] = {}
        for i in parts:  # type: ignore[attr-defined]
            for t in self._four[i]:
                node = trie
                for ch in t:
                    node = node.setdefault(ch, {})
                node[""] = {}
        return trie

    def _prefix_candidates(self, parts: object) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        """Positions where ``before`` holds and the next characters can start some part: up to
        ``_PREFIX_LEN`` (ASCII) characters, as a trie of nested character classes.

        The characters are matched as plain (case-sensitive, both cases listed) classes so that
        ``re`` can skip to the next candidate; a non-ASCII character anywhere in the prefix makes
        the position a candidate (``re``'s case folding and ``\\w`` reach beyond ASCII).
        """
        trie = self._trie(parts)

        def cls(chars: object) -> str:
            return "".join(re.escape(ch) for ch in sorted(chars))  # type: ignore[call-overload]

        def branch(node: dict[str, dict]) -> str:
            if "" in node:
                return ""
            groups: dict[str, set[str]] = {}  # the rest's regex -> the characters leading to it
            for ch, child in node.items():
                cased = {ch, ch.swapcase()} if self._ignorecase else {ch}
                groups.setdefault(branch(child), set()).update(cased)
            alts = [r"[^\x00-\x7f]"] + [f"[{cls(chars)}]{rest}" for rest, chars in sorted(groups.items())]
            return f"(?:{'|'.join(alts)})"

        look = f"(?=(?-i:{branch(trie)}))"
        # ``before`` a negative look-behind of one character class ("(?<![\\w-])"): match the
        # character before the candidate instead, so that ``re`` skips to the next one fast
        sep = re.fullmatch(r"\(\?<!\[([^\]^][^\]]*)\]\)", self.before)
        if sep is None:
            return re.compile(f"{self.before}{look}", self.flags), None
        return re.compile(f"(?-i:[^{sep.group(1)}]){look}", self.flags), re.compile(
            f"{self.before}{look}", self.flags
        )

    def _ascii_candidates(self, parts: object) -> re.Pattern[str] | None:
        """``_prefix_candidates(parts)[0]`` for ``text.lower()`` of an ASCII ``text`` (None where
        it cannot be made): the same positions, found faster.

        Under IGNORECASE the prefixes are lower-case (``prefixes``), so in the lower-cased text
        each trie step is one plain character, not a class of both cases and no non-ASCII
        alternative (the text has none): ``re`` tries fewer, cheaper branches at each word start.
        Only where ``before`` is the one-class look-behind of ``_prefix_candidates``, and its class
        takes each ASCII letter as it takes the letter's lower case.
        """
        sep = re.fullmatch(r"\(\?<!\[([^\]^][^\]]*)\]\)", self.before)
        if not self._ignorecase or sep is None:
            return None
        not_sep = re.compile(f"(?-i:[^{sep.group(1)}])", self.flags)
        if any(
            (not_sep.match(c) is None) != (not_sep.match(c.lower()) is None) for c in string.ascii_uppercase
        ):
            return None

        def branch(node: dict[str, dict]) -> str:
            if "" in node:
                return ""
            groups: dict[str, list[str]] = {}  # the rest's regex -> the characters leading to it
            for ch, child in sorted(node.items()):
                groups.setdefault(branch(child), []).append(re.escape(ch))
            alts = [(c[0] if len(c) == 1 else f"[{''.join(c)}]") + rest for rest, c in sorted(groups.items())]
            return f"(?:{'|'.join(alts)})"

        return re.compile(f"(?-i:[^{sep.group(1)}])(?=(?-i:{branch(self._trie(parts))}))", self.flags)

    def _ascii_starts(self, parts: object) -> _AsciiStarts | None:
        """``_ascii_candidates(parts)`` as an ``_AsciiStarts`` (None where it cannot be one): the
        separators are the ASCII characters its one-character class takes (space among them), and
        no prefix starts with a separator or holds an upper-case letter or more than four characters."""
        sep = re.fullmatch(r"\(\?<!\[([^\]^][^\]]*)\]\)", self.before)
        if sep is None:
            return None
        not_sep = re.compile(f"(?-i:[^{sep.group(1)}])", self.flags)
        seps = frozenset(c for c in _ASCII if not_sep.match(c) is not None)
        found: set[str] = set()
        for i in parts:  # type: ignore[attr-defined]
            found.update(self._four[i])
        if (
            " " not in seps
            or not found
            or any(not t or len(t) > 4 or t != t.lower() or not t.isascii() or t[0] in seps for t in found)
        ):
            return None
        return _AsciiStarts(seps, frozenset(found))

    def _bucket2(self, key: str) -> tuple[re.Pattern[str], list[str], list[int]] | None:
        """The parts but the gated ones that can start with the two characters ``key`` (cached):
        (regex, the name of each group, the number of each group's part). A key that is not two
        ASCII characters gets ``_bucket(key[0])``: all the parts that can start with it, gated
        ones too (no part numbers)."""
        if key in self._buckets2:
            return self._buckets2[key]
        if len(key) < 2 or not key.isascii():
            return self._bucket(key[0])  # non-ASCII: re's case folding is wider than ASCII's
        low = key.lower() if self._ignorecase else key
        gated = self._gated
        keep = [
            i
            for i, ((_, _, f), two) in enumerate(zip(self._parts, self._two, strict=True))
            if f is not None and (low in two or low[0] in two) and i not in gated
        ]
        out = None
        if keep:
            body = "|".join(f"(?P<g{k}>{self._parts[i][1]})" for k, i in enumerate(keep))
            out = (
                re.compile(rf"{self.before}(?:{body}){self.after}", self.flags),
                [self._parts[i][0] for i in keep],
                keep,
            )
        self._buckets2[key] = out
        return out

    def _bucket(self, ch: str) -> tuple[re.Pattern[str], list[str], list[int]] | None:
        if ch in self._buckets:
            return self._buckets[ch]
        if ch not in _ASCII:
            # only case folding to an ASCII character or a class (``\\w``, ``\\s``) can start a
            # part with it (``_first``); others ("£", "’") start none
            keep = [(name, p) for name, p in self.named] if self._reach_beyond_ascii.match(ch) else []
        else:
            keep = [(name, p) for name, p, f in self._parts if f is not None and ch in f]
        out: tuple[re.Pattern[str], list[str], list[int]] | None = None
        if keep:
            body = "|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(keep))
            out = re.compile(rf"{self.before}(?:{body}){self.after}", self.flags), [n for n, _ in keep], []
        self._buckets[ch] = out
        return out

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, name)`` of every match, as ``full.finditer`` finds them."""
        return iter(self.findall(text))

    def findall(self, text: str) -> list[tuple[int, int, str]]:
        """``list(self.finditer(text))``."""
        if self._plain:
            return [(m.start(), m.end(), m.lastgroup or "") for m in self.full.finditer(text)]
        out: list[tuple[int, int, str]] = []
        done = 0
        buckets = self._buckets2
        gated = self._gated_rx
        candidates, at_zero = self._cand2
        in_lower = self._ascii_cand
        starts = self._starts
        low = None
        if self._gates:
            low = _gate_text(text, self._ignorecase)
            if low is not None and not _holds_any(low, self._gates):
                gated = None
                candidates, at_zero = self._narrow2
                in_lower = self._ascii_narrow
                starts = self._starts_narrow
        # the candidate offsets in one list (``map`` of the unbound method runs in C; a generator
        # would be resumed once per candidate)
        if at_zero is None:
            positions = list(map(re.Match.start, candidates.finditer(text)))
        elif starts is not None and self._use_starts and text.isascii():
            # same offsets: lower-casing keeps each ASCII character in its place
            positions = starts.positions(text.lower() if low is None else low)
        else:
            if in_lower is not None and text.isascii():
                # same offsets: lower-casing keeps each ASCII character in its place
                positions = list(map(re.Match.end, in_lower.finditer(text.lower() if low is None else low)))
            else:
                positions = list(map(re.Match.end, candidates.finditer(text)))
            if at_zero.match(text):
                positions.insert(0, 0)
        for p in positions:
            if p < done:
                continue
            key = text[p : p + 2]
            b = buckets[key] if key in buckets else self._bucket2(key)
            end = -1
            name = ""
            rank = -1
            if b is not None:
                bm = b[0].match(text, p)
                if bm is not None:
                    k = int((bm.lastgroup or "g0")[1:])
                    end = bm.end()
                    name = b[1][k]
                    rank = b[2][k] if b[2] else -1
            if gated is not None and (b is None or b[2]):
                # a bucket without the gated parts: the first part in the order of ``named`` that
                # matches is the one of the gated regex or the bucket's with the lower number
                gm = gated[0].match(text, p)
                if gm is not None:
                    k = int((gm.lastgroup or "g0")[1:])
                    if end < 0 or gated[2][k] < rank:
                        end = gm.end()
                        name = gated[1][k]
            if end >= 0:
                done = end
                out.append((p, end, name))
        return out


_DEAD: Final = 0  # ``_AsciiStarts.table``: no prefix goes on with this character
_HIT: Final = 1  # a prefix ends here: the offset is a candidate
_SEP: Final = 2  # a separator (first row only)
_NODE: Final = 3  # the first trie node's number (the root's is _NODE + 0)


class _AsciiStarts:
    """The offsets where ``(?-i:[^<seps>])(?=<prefix>)`` ends in a lower-cased ASCII text, and 0
    when a prefix starts the text: the offsets ``AlternationScanner._ascii_candidates`` finds (with
    ``at_zero`` for 0), without a regex call. One pass over the characters finds the word starts
    (offset 0 and those after a separator); from each, the prefixes' trie is walked one character
    at a time in a table (no slice, no set lookup): at most four steps.

    ``seps``: the ASCII characters the class takes; ``prefixes``: lower-case ASCII strings of one
    to four characters, none starting with a separator (so a candidate starts a word, and ``re``'s
    trie of them matches where one of them starts the text).
    """

    def __init__(self, seps: frozenset[str], prefixes: frozenset[str]) -> None:
        # the trie's nodes that no prefix ends at (the root first), numbered from _NODE; entry
        # ``128 * (node - _NODE) + code`` of the table is the node after that character, or
        # _HIT where a prefix ends, _DEAD where none goes on, and _SEP for a separator at the
        # root. ``bytes`` (compiled code reads them inline): the root's row one byte an entry
        # (in ``first``: its nodes are numbered first, fewer than 128), the rest two (little-endian)
        shortest = [t for t in prefixes if not any(t[:j] in prefixes for j in range(1, len(t)))]
        ids: dict[str, int] = {"": _NODE}
        for k in range(1, max(map(len, shortest))):  # level by level: the root's row fits in bytes
            for t in sorted(shortest):
                if k < len(t):
                    ids.setdefault(t[:k], _NODE + len(ids))
        table = [_DEAD] * (128 * len(ids))
        for c in seps:
            table[ord(c)] = _SEP
        for t in shortest:
            for k in range(len(t)):
                table[128 * (ids[t[:k]] - _NODE) + ord(t[k])] = _HIT if k == len(t) - 1 else ids[t[: k + 1]]
        self.first: bytes = bytes(table[:128])  # the root's row, one byte an entry
        self.table: bytes = struct.pack(f"<{len(table)}H", *table)

    def positions(self, low: str) -> list[int]:
        """The candidate offsets in ``low`` (lower-cased ASCII), in order."""
        out: list[int] = []
        first = self.first
        table = self.table
        n = len(low)
        start = True  # the offset starts a word: 0, or after a separator
        for p in range(n):
            node = first[ord(low[p])]
            if node == _SEP:
                start = True
            elif start:
                start = False
                q = p + 1
                while node >= _NODE and q < n:
                    i = 2 * (128 * (node - _NODE) + ord(low[q]))
                    node = table[i] | table[i + 1] << 8
                    q += 1
                if node == _HIT:
                    out.append(p)
        return out


# the only characters that ``re.IGNORECASE`` matches to an ASCII letter while ``str.lower`` maps
# them elsewhere (U+0130 also to two characters): checked by tests/test_speed_fastpaths.py
_FOLDS_TO_ASCII: Final = ("\u0130", "\u0131", "\u017f")


def lower_for_words(text: str) -> str | None:
    """``text.lower()``, for ``str.find`` of the ASCII words a case-blind regex needs: its offsets and
    letters line up with ``re.IGNORECASE`` matching of ASCII words; None when the text holds a
    character for which they do not (``_FOLDS_TO_ASCII``)."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return None
    return text.lower()


def _holds_any(text: str, words: list[str]) -> bool:
    """``any(w in text for w in words)`` (a loop: no generator in compiled code)."""
    for w in words:  # noqa: SIM110
        if w in text:
            return True
    return False


def _gate_text(text: str, ignorecase: bool) -> str | None:
    """``text`` as a gate literal is looked for in it: lower-cased under IGNORECASE, where a
    literal ``re`` matches is then a substring; None when lower-casing cannot show that."""
    return lower_for_words(text) if ignorecase else text


def matches_at(rx: re.Pattern[str], text: str, positions: Sequence[int]) -> list[re.Match[str]]:
    """``list(rx.finditer(text))`` when every match of ``rx`` starts at one of
    ``positions`` (sorted): ``rx.match`` at each, skipping those inside an earlier match."""
    out: list[re.Match[str]] = []
    done = 0
    for pos in positions:
        if pos < done:
            continue
        m = rx.match(text, pos)
        if m is not None:
            out.append(m)
            done = m.end() if m.end() > pos else pos + 1
    return out
