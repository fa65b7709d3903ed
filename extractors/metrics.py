"""Link a figure to a metric of the taxonomy by cue words near it.

The cues live in ``data/metrics.jsonl`` (one ``{"metric", "pattern",
"priority"}`` object a line; ``pattern`` is a case-insensitive regex matched on
word boundaries; metric ``skip`` marks figures that are not claims: taxes,
fines, stakes, macro figures, prices of goods). Users extend the file.

The choice is clause-aware (``extractors.clauses``):
1. a strong cue (priority >= 3) anywhere in the figure's region wins;
2. else the nearest cue in the figure's comma clause (a cue after the figure
   counts double its distance, except ``skip`` cues);
3. else the nearest cue before the figure in its region;
4. else nothing (the caller may inherit the previous figure's metric).
Only metrics allowed for the figure's kind are considered.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final

from extractors.clauses import Clauses
from extractors.scan import AlternationScanner, LiteralGate
from extractors.values import by_fields

MONEY_METRICS: Final = frozenset(
    {
        "valuation",
        "market_cap",
        "revenue",
        "arr",
        "profit",
        "loss",
        "funding",
        "capex",
        "deal_value",
        "share_price",
        "debt",
        "skip",
    }
)
COUNT_METRICS: Final = frozenset({"users", "dau", "mau", "employees", "skip"})
PERCENT_VALUE_METRICS: Final = frozenset({"market_share", "skip"})
ALL_METRICS: Final = MONEY_METRICS | COUNT_METRICS | PERCENT_VALUE_METRICS
STRONG: Final = 3
# "... 18% after a warning over tax", "sold for $9bn to offset a tax bill": a cue in a cause, an
# earlier event or a purpose told after the figure is not the figure's own
_CAUSE_RE: Final = re.compile(
    r"\b(?:because of|due to|owing to|thanks to|as a result of|on the back of|"
    # "shares soared 16% on news that it is selling its stake": the news is the cause, not the figure's cue
    r"on (?:the )?(?:news|reports?|rumou?rs?|speculation|hopes|fears|worries|concerns?) (?:that|of)|"
    # "fell 2% as investors worried about costs": what the market feared is not the figure's cue
    r"as (?:the )?(?:market|markets|investors|traders|dealers|analysts) (?:[a-z]+ed|feared|fretted|bet)\b|"
    r"(?:after|following)\s+(?:a|an|the|its|their|his|her|[a-z]+ing)|"
    r"(?:in order )?to\s+(?:offset|cover|meet|settle|pay(?: off| for)?|clear|repay|fund|finance))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Cue:
    metric: str
    pattern: str
    priority: int = 1


@dataclass(slots=True, unsafe_hash=True)
class CueHit:
    # (a written ``__init__``, not frozen: see ``extractors.figures.Figure``)
    start: int
    end: int
    metric: str
    priority: int

    def __init__(self, start: int, end: int, metric: str, priority: int) -> None:
        self.start = start
        self.end = end
        self.metric = metric
        self.priority = priority

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    text = resources.files("extractors").joinpath("data/metrics.jsonl").read_text(encoding="utf-8")
    cues = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        obj = json.loads(line)
        cues.append(Cue(obj["metric"], obj["pattern"], int(obj.get("priority", 1))))
    # stable: strong cues first so that at one position the specific phrase wins
    return tuple(sorted(cues, key=lambda c: -c.priority))


@lru_cache(maxsize=1)
def _compiled() -> tuple[AlternationScanner, dict[str, Cue]]:
    cues = load_cues()
    groups = {f"c{i}": c for i, c in enumerate(cues)}
    # same matches as re.compile(rf"(?<![\w-])(?:(?P<c0>...)|...)(?![\w])", re.I).finditer, faster
    scanner = AlternationScanner(
        [(name, c.pattern) for name, c in groups.items()], re.IGNORECASE, r"(?<![\w-])", r"(?![\w])"
    )
    return scanner, groups


@cache
def cue_gate(metric: str) -> LiteralGate:
    """A cheap test before ``find_cues``: False only when ``find_cues`` can find no cue of ``metric``
    in the text (it holds none of the words one of which every match of such a cue needs)."""
    patterns = [c.pattern for c in load_cues() if c.metric == metric]
    return LiteralGate("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def find_cues(text: str) -> list[CueHit]:
    """Every cue in a sentence, leftmost-longest by the order of the data file."""
    rx, groups = _compiled()
    hits = []
    for start, end, name in rx.findall(text):
        cue = groups[name]
        hits.append(CueHit(start, end, cue.metric, cue.priority))
    return hits


def choose_metric(
    hits: list[CueHit], clauses: Clauses, start: int, end: int, allowed: frozenset[str], *, weak: bool = True
) -> str | None:
    """The metric for the figure at ``[start, end)`` of the sentence (or None)."""
    rs, re_ = clauses.region(start)
    cs, ce = clauses.clause(start)
    usable = [h for h in hits if h.metric in allowed and (h.end <= start or h.start >= end)]
    if any(h.start >= end for h in usable) and _CAUSE_RE.search(clauses.text, end):
        # "earnings dropped 60% because of costs": a cue in the cause told after the figure is not its own
        usable = [h for h in usable if h.start < end or not _CAUSE_RE.search(clauses.text, end, h.start)]
    strong = [h for h in usable if h.priority >= STRONG and rs <= h.start and h.end <= re_]
    if strong:
        return min(strong, key=lambda h: _distance(h, start, end)).metric
    in_clause = [h for h in usable if cs <= h.start and h.end <= ce and h.priority > 0]
    if in_clause:
        return min(in_clause, key=lambda h: _distance(h, start, end)).metric
    before = [h for h in usable if rs <= h.start and h.end <= start]
    if before:
        return min(before, key=lambda h: _distance(h, start, end)).metric
    fallback = [h for h in usable if cs <= h.start and h.end <= ce] if weak else []
    if fallback:
        return min(fallback, key=lambda h: _distance(h, start, end)).metric
    return None


def _distance(h: CueHit, start: int, end: int) -> float:
    if h.end <= start:
        return start - h.end
    gap = h.start - end
    return gap if h.metric == "skip" else 2 * gap + 1
