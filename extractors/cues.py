"""Cue words around a figure: change direction, modality and period.

The word lists live in ``data/cues.json`` (regex fragments, case-insensitive).
All functions take a sentence text and offsets into it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Final

from extractors.clauses import Clauses
from extractors.scan import LiteralGate, lower_for_words, prefixes


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    raw = resources.files("extractors").joinpath("data/cues.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


_C: Final = _cues()
RISE_WORDS: Final = _C["rise"]  # regex fragments, for patterns of other modules that name a change verb
FALL_WORDS: Final = _C["fall"]
RISE_RE: Final = _rx(RISE_WORDS)
FALL_RE: Final = _rx(FALL_WORDS)
TARGET_RE: Final = _rx(_C["target"])
FORECAST_RE: Final = _rx(_C["forecast"])
NOT_MODAL_RE: Final = _rx(_C["not_modal"])
# "in line with expectations", "beat forecasts": run only where one of its nouns is written
MET_EXPECTATIONS_RE: Final = _rx(_C["met_expectations"])
_EXPECTATION_NOUNS: Final = ("expectations", "forecasts", "estimates")
JOB_LOSS_RE: Final = _rx(_C["job_loss"])
# a change verb right before a percent or multiple: "rose 5%", "fell by 3%", "growth of around 5%"
_CHANGE_VERB: Final = (
    rf"(?:{_C['rise']}|{_C['fall']}|growth|rise|increase|decrease|fall|drop|decline|jump|gain|"
    r"cut|loss|slump|surge|boost)"
)
# the words that may stand between the change verb and the figure
_CHANGE_LINK: Final = (
    r"(?:of|by|about|around|nearly|almost|some|roughly|a|an|back|"
    r"[a-z]+(?:-[a-z]+)+|modest|sharp|steep|whopping|healthy|further|record)"
)
CHANGE_BEFORE_RE: Final = re.compile(
    rf"(?:(?<![\w-]){_CHANGE_VERB}(?![\w-]))(?:\s+{_CHANGE_LINK})*\s*$",
    re.IGNORECASE,
)
# ``change_before`` reads the words of a text back from its end instead: a word ending in a change
# verb (after a character that is no word character or hyphen), and the linking words after it
_VERB_WORD_RE: Final = re.compile(rf"(?:.*[^\w-])?{_CHANGE_VERB}", re.IGNORECASE)
_LINK_WORD_RE: Final = re.compile(_CHANGE_LINK, re.IGNORECASE)
# "boost its profits by 40%", "cut their costs by a third": a change verb, the owner's noun, then "by"
OWN_NOUN_BY_RE: Final = re.compile(
    rf"(?<![\w-])(?:{_C['rise']}|{_C['fall']}|lift(?:s|ed|ing)?|rais(?:e|es|ed|ing))\s+"
    r"(?:its|their|the\s+(?:company|firm|group)['’]s|[A-Z][\w&-]*['’]s?)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?(?!shares?\b|stakes?\b)[a-z][\w-]*\s+by\s+$",
    re.IGNORECASE,
)
CHANGE_AFTER_RE: Final = re.compile(
    r"^\s+(?:\w+\s+)?(?:rise|increase|jump|fall|drop|decline|gain|growth|higher|lower|up|down|more|less|"
    r"improvement|surge|slump|cut|reduction)\b",
    re.IGNORECASE,
)
_POST_MODAL_RE: Final = re.compile(
    r"^[^,;]{0,40}?\b(?:(?:is|are) to be|(?:will|could|may|might) be|to be created|to be cut|"
    r"(?:will|would|could|may|might|are to|is to) go(?! (?:up|on|ahead|into|through|public|under)\b)|"
    r"expected|forecast|projected|(?:is|are|was|were) (?:possible|achievable|within reach))\b",
    re.IGNORECASE,
)
# "jumped 15% on speculation that it will be bought": a modal verb in a clause of its own (after
# "that", "amid", "because" ...) is no cue for the figure before it
_OWN_CLAUSE_RE: Final = re.compile(
    r"\b(?:that|which|who|amid|because|since|if|unless|whether)\b", re.IGNORECASE
)
# "missing the 4.8% gain that was expected", "the $2bn that analysts had forecast": a relative clause
# on the figure's own noun that tells an expectation makes the figure a forecast
_EXPECTED_RELATIVE_RE: Final = re.compile(
    r"^\s*(?:[a-z][\w-]*\s+){0,2}?(?:that|which)\s+(?:(?:had|has|have)\s+been|was|were|is|are|"
    r"(?:[\w-]+\s+){1,2}?(?:had|have)|(?:[\w-]+\s+){1,2}?)\s*(?:expected|forecast|projected|predicted|anticipated)\b",
    re.IGNORECASE,
)
# "expects to cut jobs after its $5bn takeover", "upbeat about its outlook after sales rose to $2bn":
# a figure told in an after/following phrase has happened; a cue before the phrase is not its own
_AFTER_EVENT_RE: Final = re.compile(r"\b(?:after|following)\s+(?!(?:19|20)\d\d\b)[^,;]*$", re.IGNORECASE)
_CONTINUATION_RE: Final = re.compile(r"\s*(?:from|to|at|against|compared)\b", re.IGNORECASE)
# "the merged firm will have 900 stores, with sales of $30bn", "would create a bank valued at $9bn":
# a clause that describes what the clause before tells of
_DESCRIBING_RE: Final = re.compile(r"\s*(?:with|valued|worth)\b", re.IGNORECASE)
_YEAR_RE: Final = re.compile(r"(?<![\d$£€¥.,])(?:19[5-9]\d|20[0-4]\d)(?![\d%]|bn|m\b)")
_QUARTER_RE: Final = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|Q(?P<q>[1-4]))\b", re.IGNORECASE
)
_HALF_RE: Final = re.compile(r"\b(?P<h>first|second)[- ]half\b|\bH(?P<n>[12])\b", re.IGNORECASE)
_FULL_YEAR_RE: Final = re.compile(
    r"\bfull[- ]year\b|\bfinancial year\b|\bFY\s?(?P<y>\d{2,4})\b", re.IGNORECASE
)
_ORD: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


# a literal each phrase of NOT_MODAL_RE holds (" than ", "as expected"): without one, no match
_NOT_MODAL_GATE: Final = LiteralGate(_C["not_modal"], re.IGNORECASE)


def _verbs_are_words() -> bool:
    """Is every change verb one word, or does it end in one ("shot up": "up")? Only then does a
    match of ``CHANGE_BEFORE_RE`` end its verb in the word that ``change_before`` tests."""
    verbs = prefixes(_CHANGE_VERB, re.IGNORECASE, 40, 4096)
    return verbs is not None and all(len(v) < 40 and _VERB_WORD_RE.fullmatch(v.split()[-1]) for v in verbs)


_VERBS_ARE_WORDS: Final = _verbs_are_words()


def change_before(before: str) -> bool:
    """``CHANGE_BEFORE_RE.search(before) is not None``: a change verb, then only linking words
    ("rose by about ", "growth of "). The regex is tried at every offset; the words are read back
    from the end instead (``str.split`` splits on exactly the characters ``\\s`` matches)."""
    if not _VERBS_ARE_WORDS:
        return CHANGE_BEFORE_RE.search(before) is not None
    for word in reversed(before.split()):
        if _VERB_WORD_RE.fullmatch(word):
            return True
        if not _LINK_WORD_RE.fullmatch(word):
            return False
    return False


def _not_modal(text: str, low: str | None = None) -> str:
    """``text`` with the phrases blanked whose modal words are no cue ("better than expected");
    ``low`` is ``lower_for_words(text)`` when the caller has it (None: the gate lower-cases)."""
    if _NOT_MODAL_GATE.may_match_lowered(low, text):
        text = NOT_MODAL_RE.sub(" ", text)
    if any(n in text for n in _EXPECTATION_NOUNS):
        text = MET_EXPECTATIONS_RE.sub(" ", text)
    return text


# every match of these regexes holds one of a few words of their lists: without one, no search
_FALL_GATE: Final = LiteralGate(FALL_RE.pattern, FALL_RE.flags)
_TARGET_GATE: Final = LiteralGate(TARGET_RE.pattern, TARGET_RE.flags)
_FORECAST_GATE: Final = LiteralGate(FORECAST_RE.pattern, FORECAST_RE.flags)
_AFTER_EVENT_GATE: Final = LiteralGate(_AFTER_EVENT_RE.pattern, _AFTER_EVENT_RE.flags)
_POST_MODAL_GATE: Final = LiteralGate(_POST_MODAL_RE.pattern, _POST_MODAL_RE.flags)


def is_fall(before: str) -> bool:
    """Does the nearest change verb in ``before`` say down rather than up?"""
    if not _FALL_GATE.may_match(before):
        return False
    falls = [m.end() for m in FALL_RE.finditer(before)]
    rises = [m.end() for m in RISE_RE.finditer(before)]
    if not falls:
        return False
    return not rises or max(falls) > max(rises)


_NAME_MODALS: Final = frozenset({"May", "Might", "Will"})


def modality(sentence: str, clauses: Clauses, start: int, end: int, metric: str | None) -> str:
    """actual / target / forecast for the figure at ``[start, end)`` of the sentence.

    A clause that describes what the clause before tells of shares that clause's forecast ("will
    have 900 stores, with sales of $30bn"); a "with" clause also its aim ("plans a venture, with an
    investment of $5m"), a value never: "plans to sell its unit, valued at $2bn" values a unit that
    is there now.
    """
    label = _clause_modality(sentence, clauses, start, end, metric)
    if label != "actual":
        return label
    cs, _ = clauses.clause(start)
    describing = _DESCRIBING_RE.match(sentence, cs, start)
    prev = clauses.previous_clause(start) if describing is not None else None
    if describing is None or prev is None:
        return label
    told = _clause_modality(sentence, clauses, prev[1], prev[1], metric)
    if told == "forecast" or (told == "target" and describing.group(0).strip().lower() == "with"):
        return told
    return label


def _clause_modality(sentence: str, clauses: Clauses, start: int, end: int, metric: str | None) -> str:
    cs, ce = clauses.clause(start)
    scope_start = cs
    if _CONTINUATION_RE.match(sentence[cs:start]):
        prev = clauses.previous_clause(start)
        if prev is not None:
            scope_start = prev[0]
    before = sentence[scope_start:start]
    # ``before`` lower-cased once for the gates below (again only where phrases were blanked)
    low = lower_for_words(before)
    if (
        _AFTER_EVENT_GATE.may_match_lowered(low, before)
        and (ev := _AFTER_EVENT_RE.search(before)) is not None
    ):
        before = before[ev.start() :]
        # (the tail of the lower-cased text: it holds no character that lower-cases out of line)
        low = low[ev.start() :] if low is not None else None
    blanked = _not_modal(before, low)
    if blanked != before:
        low = lower_for_words(blanked)
    before = blanked
    best: tuple[int, str] | None = None
    for rx, gate, label in ((TARGET_RE, _TARGET_GATE, "target"), (FORECAST_RE, _FORECAST_GATE, "forecast")):
        for m in rx.finditer(before) if gate.may_match_lowered(low, before) else ():
            if m.group(0) in _NAME_MODALS and (scope_start + m.start()) > len(sentence) - len(
                sentence.lstrip()
            ):
                continue  # "while May's sales are $14bn": a capitalised "May" inside a sentence is a name
            if best is None or m.end() > best[0]:
                best = (m.end(), label)
    if best is not None:
        label = best[1]
        if label == "target" and metric == "share_price":
            return "forecast"  # an analyst's price target is a forecast, not the company's aim
        return label
    after = _not_modal(sentence[end:ce])
    if (post := _POST_MODAL_RE.match(after) if _POST_MODAL_GATE.may_match(after) else None) is not None and (
        not _OWN_CLAUSE_RE.search(post.group(0)) or _EXPECTED_RELATIVE_RE.match(after)
    ):
        return "forecast"
    return "actual"


def period(sentence: str, clauses: Clauses, start: int, end: int) -> str | None:
    """The period the text gives for the figure (year, quarter, half), or None."""
    cs, ce = clauses.clause(start)
    rs, re_ = clauses.region(start)
    year = _nearest_year(sentence, cs, ce, start, end) or _nearest_year(sentence, rs, re_, start, end)
    window = sentence[rs:re_]
    q = _quarter(window)
    if q:
        n = _ORD.get((q.group("ord") or "").lower()) or int(q.group("q") or 0)
        return f"Q{n} {year}" if year else None
    h = _half(window)
    if h:
        n = 1 if (h.group("h") or "").lower() == "first" or h.group("n") == "1" else 2
        return f"H{n} {year}" if year else None
    return year


def _quarter(window: str) -> re.Match[str] | None:
    """``_QUARTER_RE.search(window)``; every match holds a "q" ("Q1", "first quarter"), and under
    IGNORECASE only "q" and "Q" match one: without either, no search (most windows)."""
    if "q" not in window and "Q" not in window:
        return None
    return _QUARTER_RE.search(window)


def _half(window: str) -> re.Match[str] | None:
    """``_HALF_RE.search(window)``; every match holds "half", "h1" or "h2" in some case, and no
    character outside ASCII matches those letters under IGNORECASE: without one, no search."""
    low = window.lower()
    if "half" not in low and "h1" not in low and "h2" not in low:
        return None
    return _HALF_RE.search(window)


def _nearest_year(text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """The match of ``_YEAR_RE`` in ``text[lo:hi]`` nearest the figure at ``[start, end)``; every
    match starts with "19" or "20", so without either in the window, no search (most clauses)."""
    if text.find("19", lo, hi) < 0 and text.find("20", lo, hi) < 0:
        return None
    best: tuple[int, str] | None = None
    for m in _YEAR_RE.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        d = start - m.end() if m.end() <= start else m.start() - end
        if best is None or d < best[0]:
            best = (d, m.group(0))
    return best[1] if best else None
