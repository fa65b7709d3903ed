"""Plain data objects passed between the extractors, storage and the flow.

They hold only JSON-friendly values so that they pickle small and can move
between Prefect workers (no spaCy Docs, no connections).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Final

from extractors.values import by_fields

# Field order of one claim, as ../shared/spec/CLAIMS.md defines it.
CLAIM_FIELDS: Final[tuple[str, ...]] = (
    "subject",
    "metric",
    "value",
    "unit",
    "qualifier",
    "value_low",
    "value_high",
    "modality",
    "period",
    "change",
    "surface",
    "span",
    "sentence",
    "stance",
    "alternates",
)

METRICS: Final[tuple[str, ...]] = (
    "valuation",
    "market_cap",
    "revenue",
    "arr",
    "profit",
    "loss",
    "funding",
    "capex",
    "deal_value",
    "dau",
    "mau",
    "users",
    "employees",
    "share_price",
    "market_share",
    "debt",
    "other",
)
QUALIFIERS: Final[tuple[str, ...]] = ("exact", "approximate", "at_least", "at_most", "range")
MODALITIES: Final[tuple[str, ...]] = ("actual", "target", "forecast")
STANCES: Final[tuple[str, ...]] = ("fact", "opinion")


@dataclass
class Claim:
    """One business figure stated about one subject (CLAIMS.md)."""

    subject: str | None
    metric: str
    value: float | None
    unit: str | None
    qualifier: str
    modality: str
    period: str | None
    change: dict[str, Any] | None
    surface: str
    span: tuple[int, int]
    sentence: str
    stance: str = "fact"
    value_low: float | None = None
    value_high: float | None = None
    alternates: list[dict[str, Any]] = field(default_factory=list)
    sentence_idx: int | None = None  # index of the evidence sentence in the article

    def __init__(
        self,
        subject: str | None,
        metric: str,
        value: float | None,
        unit: str | None,
        qualifier: str,
        modality: str,
        period: str | None,
        change: dict[str, Any] | None,
        surface: str,
        span: tuple[int, int],
        sentence: str,
        stance: str = "fact",
        value_low: float | None = None,
        value_high: float | None = None,
        alternates: list[dict[str, Any]] | None = None,
        sentence_idx: int | None = None,
    ) -> None:
        # (written out: see ``extractors.figures.Figure``)
        self.subject = subject
        self.metric = metric
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.modality = modality
        self.period = period
        self.change = change
        self.surface = surface
        self.span = span
        self.sentence = sentence
        self.stance = stance
        self.value_low = value_low
        self.value_high = value_high
        self.alternates = [] if alternates is None else alternates
        self.sentence_idx = sentence_idx

    def to_dict(self, doc: str | None = None) -> dict[str, Any]:
        """The claim as a CLAIMS.md JSON object (``doc`` first when given)."""
        data = asdict(self)
        out: dict[str, Any] = {"doc": doc} if doc is not None else {}
        for name in CLAIM_FIELDS:
            value = data[name]
            out[name] = list(value) if name == "span" else value
        return out

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)


@dataclass
class Sentence:
    """One sentence of an article's stored text, with its stance."""

    idx: int
    start: int
    end: int
    text: str
    stance: str = "fact"
    stance_score: float = 0.0
    cues: list[str] = field(default_factory=list)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)


@dataclass
class ArticleAnalysis:
    """Everything the extractors derive from one article's text."""

    sentences: list[Sentence]
    claims: list[Claim]

    @property
    def opinion_share(self) -> float:
        if not self.sentences:
            return 0.0
        return sum(1 for s in self.sentences if s.stance == "opinion") / len(self.sentences)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)
