"""The steps of an ingest run as plain functions (no Prefect here).

Each takes and returns plain data, never raises for bad input, and can run
on any worker: the flow in ``pipeline.flow`` wraps them in thin tasks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from extractors.analyse import analyse_articles
from extractors.html import extract_article
from extractors.model import ArticleAnalysis
from pipeline.config import FeedConfig
from pipeline.encoding import decode_body
from pipeline.feeds import FeedEntry, FeedError, parse_feed
from pipeline.fetch import fetch
from pipeline.settings import FetchSettings
from pipeline.urls import canonical_url
from storage.keys import feed_key
from storage.store import ArticleRecord, utc_now

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass
class FeedOutcome:
    feed_id: str
    url: str
    status: str  # ok | not_modified | failed
    entries: list[FeedEntry] = field(default_factory=list)
    title: str | None = None
    error: str | None = None
    warning: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


@dataclass
class PageOutcome:
    entry: FeedEntry
    feed_id: str | None
    record: ArticleRecord | None = None
    error: str | None = None
    http_status: int | None = None
    not_modified: bool = False


def read_feed(
    feed: FeedConfig,
    settings: FetchSettings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FeedOutcome:
    """Fetch and parse one feed."""
    feed_id = feed_key(feed.url)
    result = fetch(feed.url, settings, etag=etag, last_modified=last_modified)
    if result.not_modified:
        return FeedOutcome(feed_id, feed.url, "not_modified", etag=etag, last_modified=last_modified)
    if not result.ok:
        return FeedOutcome(feed_id, feed.url, "failed", error=result.error)
    try:
        parsed = parse_feed(result.body, result.final_url or feed.url, content_type=result.content_type)
    except FeedError as exc:
        return FeedOutcome(feed_id, feed.url, "failed", error=str(exc))
    return FeedOutcome(
        feed_id,
        feed.url,
        "ok",
        entries=parsed.entries,
        title=parsed.title,
        warning=parsed.warning,
        etag=result.etag,
        last_modified=result.last_modified,
        content_hash=hashlib.sha256(result.body).hexdigest(),
    )


def fetch_page(
    entry: FeedEntry,
    feed_id: str | None,
    settings: FetchSettings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> PageOutcome:
    """Fetch one article page and extract its main text and metadata."""
    result = fetch(entry.url, settings, etag=etag, last_modified=last_modified)
    outcome = PageOutcome(entry=entry, feed_id=feed_id, http_status=result.status)
    if result.not_modified:
        outcome.not_modified = True
        return outcome
    if not result.ok:
        outcome.error = result.error
        return outcome
    content_type = (result.content_type or "text/html").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        outcome.error = f"not an HTML page (content-type {content_type})"
        return outcome
    try:
        html = decode_body(result.body, result.content_type)
    except Exception as exc:  # noqa: BLE001 - any decoding trouble is the page's fault
        outcome.error = f"cannot decode page: {exc}"
        return outcome
    if content_type == "text/plain":
        text, title = html.strip(), entry.title
        page_author = page_date = None
    else:
        page = extract_article(html, url=entry.url)
        if page.problem:
            outcome.error = page.problem
            return outcome
        text, title = page.text, page.title or entry.title
        page_author, page_date = page.author, page.published_at
    outcome.record = ArticleRecord(
        url=canonical_url(entry.url),
        text=text,
        feed_id=feed_id,
        entry_id=entry.entry_id,
        title=title,
        author=page_author or entry.author,
        published_at=page_date or entry.published_at,
        fetched_at=utc_now(),
        http_status=result.status,
        etag=result.etag,
        last_modified=result.last_modified,
    )
    return outcome


def analyse_records(records: list[ArticleRecord]) -> list[ArticleAnalysis]:
    """Sentences, stance and claims for a batch of fetched articles."""
    return analyse_articles([(r.text, r.title) for r in records])
