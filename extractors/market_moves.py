"""Share-price moves told the market-report way: "Acme fell 2.1% to 17.58 euros".

A stock-market report names a company and moves it by a percent, with no word
for shares in the clause: "Thai Airways shed almost 4%", "with Acme sliding 1.5%
and Bexco dropping 3.3%", "rival Bexco down 3.4%". Such a move is a share_price
claim when the company's name is right before the move verb and the article is
talking about shares nearby (the title or the last few sentences). Indices,
currencies, commodities and places move the same way and are not companies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from extractors.cues import FALL_WORDS, RISE_WORDS
from extractors.scan import LiteralGate, lower_for_words, prefixes
from extractors.subjects import Mention, is_country, is_institution, is_place

# share talk: the article's title or one of the few sentences before mentions shares or a stock market
SHARE_TALK_RE: Final = re.compile(
    r"\b(?:shares?|stocks?|stock ?markets?|stock exchanges?|bourses?|equities|share prices?|"
    r"Nikkei|FTSE|Dow Jones|Dax|Cac|Hang Seng|Nasdaq|Kospi|Sensex)\b",
    re.IGNORECASE,
)
SHARE_TALK_BACK: Final = 3  # sentences before the figure's that count as "nearby"
SHARE_TALK_LEAD: Final = 3  # the title line and the first sentences: a market report says so up front

# move verbs the change-cue lists (data/cues.json) do not hold
_MORE_FORMS: Final = r"easing|rallying|advancing|closed|ended|finished"
# between the company's name and the percent: "fell", "was down", "had shed almost", "also lost"
_MOVE_RE: Final = re.compile(
    r"(?:\s*,)?\s+(?:(?:also|both|had|has|have|was|were|is|are|then)\s+){0,2}"
    rf"(?:{RISE_WORDS}|{FALL_WORDS}|{_MORE_FORMS})"
    r"(?:\s+(?:up|down|higher|lower))?"
    r"(?:\s+(?:by|about|around|nearly|almost|some|roughly|more than|over|just|under|less than))*\s*",
    re.IGNORECASE,
)
# a moved price after the percent: "shed 2.1% to 17.58 euros", "down 3% at 250p"
PRICE_AFTER_RE: Final = re.compile(r"\s+(?:to|at)\s+", re.IGNORECASE)

# what moves like a company but is not one
_NOT_COMPANIES: Final = frozenset(
    (
        "Nikkei", "FTSE", "Dow", "Dax", "DAX", "Cac", "CAC", "Nasdaq", "Kospi", "Sensex", "Hang", "Seng",
        "S&P", "Footsie", "Brent", "Stoxx", "Topix", "Euro", "Dollar", "Pound", "Yen", "Yuan", "Sterling",
        "Gold", "Oil", "Index", "Market", "Markets",
    )
)  # fmt: skip


def share_talk_near(text: str, sentences: Sequence[tuple[int, int]], idx: int, title: str | None) -> bool:
    """Does the article's title or lead (a market report's opening), or the sentence ``idx`` or one
    of the few before it, talk about shares?"""
    if title and _share_talk(title, 0, len(title)):
        return True
    lead_end = sentences[min(idx, SHARE_TALK_LEAD) - 1][1] if idx else 0
    if lead_end and _share_talk(text, 0, lead_end):
        return True
    lo = sentences[max(0, idx - SHARE_TALK_BACK)][0]
    return _share_talk(text, lo, sentences[idx][1])


# every match of SHARE_TALK_RE holds one of a few words ("share", "stock", "market", "ftse", ...)
_SHARE_TALK_GATE: Final = LiteralGate(SHARE_TALK_RE.pattern, SHARE_TALK_RE.flags)
# every match of SHARE_TALK_RE starts with one of these (its first three letters, lower-cased)
_SHARE_TALK_STARTS: Final[tuple[str, ...]] = tuple(
    sorted(prefixes(SHARE_TALK_RE.pattern, SHARE_TALK_RE.flags, 3) or ())
)


@lru_cache(maxsize=8)  # one article's text, asked for each of its sentences
def _lowered(text: str) -> str | None:
    return lower_for_words(text)


@lru_cache(maxsize=64)  # the title and the lead are asked again for each sentence of an article
def _share_talk(text: str, lo: int, hi: int) -> bool:
    """``SHARE_TALK_RE.search(text, lo, hi) is not None``. The regex is tried only where one of its
    matches' first letters are written (``str.find`` in the article's text lower-cased once), and
    ``match`` there is ``search``'s reading of the offset: the same look-behind, the same end."""
    low = _lowered(text)
    if low is None or not _SHARE_TALK_STARTS:
        return _SHARE_TALK_GATE.may_match(text, lo, hi) and SHARE_TALK_RE.search(text, lo, hi) is not None
    match = SHARE_TALK_RE.match
    for start in _SHARE_TALK_STARTS:
        i = low.find(start, lo, hi)
        while i >= 0:
            if match(text, i, hi) is not None:
                return True
            i = low.find(start, i + 1, hi)
    return False


def mover_before(sentence: str, start: int, mentions: Sequence[Mention]) -> Mention | None:
    """The company named right before the move verb that leads to the figure at ``start``."""
    for m in reversed(mentions):
        if m.end > start:
            continue
        gap = _MOVE_RE.fullmatch(sentence, m.end, start)
        if gap is None or not gap.group().strip(" ,"):
            return None
        return m if _company_named(m.name) else None
    return None


def _company_named(name: str) -> bool:
    words = name.replace("’", "'").removesuffix("'s").split()
    if not words or any(w in _NOT_COMPANIES for w in words):
        return False
    return not (is_institution(name) or all(is_country(w) or is_place(w) for w in words))
