"""Build a small newsclaims database from the bundled fixtures, without Prefect.

The two fixture articles are extracted and analysed as the flow would do it;
the seed claims (CLAIMS.md) are then added by hand, so the analyst tests do not
depend on how far the claim extractor has got. A third, hand-written article
from a second feed holds a figure that disagrees with the seeds, an opinion
sentence and a sentence with markup in it (``<script>``) to test escaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from extractors.analyse import analyse_article
from extractors.html import extract_article
from extractors.model import ArticleAnalysis, Claim, Sentence
from storage.db import open_database
from storage.keys import article_key
from storage.store import ArticleRecord, record_article_failure, record_feed_fetch, store_article, upsert_feed

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
EXTRACTOR_VERSION = "test-fixtures"

DEMO_FEED = "Demo Business Daily"
WIRE_FEED = "Other Wire"
SPIN_OFF_URL = "https://news.example.com/analysis/kuaishou-keling-spin-off"
OPINION_URL = "https://news.example.com/opinion/kling-ai-opinion"
WIRE_URL = "https://wire.example.org/2026/03/14/keling-ai-figures"
SCRIPT_MARKUP = '<script>alert("owned")</script>'
WIRE_TEXT = (
    "Keling AI's annual recurring revenue reached $600 million in its latest year, people familiar "
    "with the matter said. "
    f"Keling AI {SCRIPT_MARKUP} raised $1 billion in new funding. "
    "I think Keling AI could easily be worth $40 billion one day."
)


@dataclass(frozen=True)
class SeedClaim:
    """A claim placed by its surface text (the first occurrence in the article)."""

    surface: str
    subject: str
    metric: str
    value: float | None
    unit: str | None
    qualifier: str = "exact"
    modality: str = "actual"
    period: str | None = None
    stance: str = "fact"


SEEDS: dict[str, list[SeedClaim]] = {
    SPIN_OFF_URL: [
        SeedClaim("$20 billion", "Keling AI", "valuation", 20e9, "USD", modality="target"),
        SeedClaim("nearly $500 million", "Keling AI", "arr", 500e6, "USD", qualifier="approximate"),
        SeedClaim("26 billion RMB", "Kuaishou", "capex", 26e9, "CNY", modality="forecast", period="2026"),
        SeedClaim("100 million", "Doubao", "dau", 100e6, "users", qualifier="at_least"),
    ],
    OPINION_URL: [
        SeedClaim("$20 billion", "Kling AI", "valuation", 20e9, "USD"),
    ],
    WIRE_URL: [
        SeedClaim("$600 million", "Keling AI", "arr", 600e6, "USD"),
        SeedClaim("$1 billion", "Keling AI", "funding", 1e9, "USD"),
        SeedClaim(
            "$40 billion", "Keling AI", "valuation", 40e9, "USD", modality="forecast", stance="opinion"
        ),
    ],
}


def _place(text: str, analysis: ArticleAnalysis, seeds: list[SeedClaim]) -> list[Claim]:
    claims: list[Claim] = []
    for seed in seeds:
        start = text.find(seed.surface)
        if start < 0:
            raise AssertionError(f"seed surface {seed.surface!r} not in the article text")
        end = start + len(seed.surface)
        sentence = next(s for s in analysis.sentences if s.start <= start < s.end)
        claims.append(
            Claim(
                subject=seed.subject,
                metric=seed.metric,
                value=seed.value,
                unit=seed.unit,
                qualifier=seed.qualifier,
                modality=seed.modality,
                period=seed.period,
                change=None,
                surface=seed.surface,
                span=(start, end),
                sentence=sentence.text,
                stance=seed.stance,
                sentence_idx=sentence.idx,
            )
        )
    return claims


def _wire_sentences(text: str) -> list[Sentence]:
    """The hand-written article's sentences, with fixed stances."""
    sentences: list[Sentence] = []
    start = 0
    for idx, stance in enumerate(("fact", "fact", "opinion")):
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        sentences.append(Sentence(idx=idx, start=start, end=end, text=text[start:end], stance=stance))
        start = end + 1
    return sentences


def build_fixture_db(path: Path) -> Path:
    """Create (or refresh) the test database at ``path``; return the path."""
    db: sqlite_utils.Database = open_database(path)
    demo = upsert_feed(db, name=DEMO_FEED, url="https://news.example.com/technology/feed.xml", tags=["demo"])
    record_feed_fetch(db, demo, status="ok", title="Demo Business Daily: Technology", entries_seen=2)
    wire = upsert_feed(db, name=WIRE_FEED, url="https://wire.example.org/rss.xml")
    record_feed_fetch(db, wire, status="ok", entries_seen=2)
    record_feed_fetch(db, wire, status="failed", error="HTTP 503 Service Unavailable")

    for name, url in (
        ("kuaishou-keling-spin-off.html", SPIN_OFF_URL),
        ("kling-ai-opinion.html", OPINION_URL),
    ):
        page = extract_article((ARTICLES / name).read_text(encoding="utf-8"), url=url)
        analysis = analyse_article(page.text, page.title)
        analysis.claims.extend(_place(page.text, analysis, SEEDS[url]))
        record = ArticleRecord(
            url=url,
            text=page.text,
            feed_id=demo,
            title=page.title,
            author=page.author,
            published_at=page.published_at,
        )
        store_article(db, record, analysis, extractor_version=EXTRACTOR_VERSION)

    wire_analysis = ArticleAnalysis(sentences=_wire_sentences(WIRE_TEXT), claims=[])
    wire_analysis.claims.extend(_place(WIRE_TEXT, wire_analysis, SEEDS[WIRE_URL]))
    store_article(
        db,
        ArticleRecord(
            url=WIRE_URL,
            text=WIRE_TEXT,
            feed_id=wire,
            title="Keling AI figures <b>leak</b>",
            published_at="2026-03-14T09:00:00+00:00",
        ),
        wire_analysis,
        extractor_version=EXTRACTOR_VERSION,
    )
    record_article_failure(
        db,
        "https://wire.example.org/2026/03/15/paywalled",
        error="HTTP 402 Payment Required",
        feed_id=wire,
        title="A paywalled story",
    )
    db.close()
    return path


def claim_count_for(path: Path, url: str) -> int:
    db = sqlite_utils.Database(path)
    try:
        return db["claims"].count_where("article_id = ?", [article_key(url)])
    finally:
        db.close()
