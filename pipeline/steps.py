"""The steps of an ingest run as plain functions (no Prefect here).

Each takes and returns plain data, never raises for bad input, and can run
on any worker: the flow in ``pipeline.flow`` wraps them in thin tasks.
Fetching is concurrent (one ``Fetcher`` per call: global and per-host limits,
robots.txt, the SSRF guard); extraction runs after the fetches, so CPU work
never stalls the event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field

from extractors.analyse import analyse_articles
from extractors.html import extract_article
from extractors.model import ArticleAnalysis
from pipeline.config import FeedConfig
from pipeline.encoding import decode_body
from pipeline.feeds import FeedEntry, FeedError, parse_feed
from pipeline.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchResult, run_sync
from pipeline.settings import FetchSettings
from pipeline.urls import canonical_url
from storage.keys import feed_key
from storage.store import ArticleRecord, utc_now


@dataclass
class FeedRequest:
    feed: FeedConfig
    etag: str | None = None
    last_modified: str | None = None

    @property
    def local(self) -> bool:
        """A feed the operator listed as a local file: it (and its entries) may use file://."""
        return self.feed.url.lower().startswith("file:")


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
    retryable: bool = False
    local: bool = False


@dataclass
class PageRequest:
    entry: FeedEntry
    feed_id: str | None
    etag: str | None = None
    last_modified: str | None = None
    allow_file: bool = False


@dataclass
class PageOutcome:
    entry: FeedEntry
    feed_id: str | None
    record: ArticleRecord | None = None
    error: str | None = None
    http_status: int | None = None
    not_modified: bool = False
    retryable: bool = False


# -- feeds -------------------------------------------------------------------


def read_feeds(requests: list[FeedRequest], settings: FetchSettings) -> list[FeedOutcome]:
    """Fetch and parse feeds concurrently; one outcome per request, in order."""

    async def run() -> list[FeedOutcome]:
        async with Fetcher(settings) as fetcher:
            results = await asyncio.gather(
                *(
                    fetcher.fetch(
                        r.feed.url,
                        etag=r.etag,
                        last_modified=r.last_modified,
                        accept=FEED_TYPES,
                        allow_file=True if r.local else None,
                    )
                    for r in requests
                )
            )
        return [feed_outcome(r, res) for r, res in zip(requests, results, strict=True)]

    return run_sync(run()) if requests else []


def read_feed(
    feed: FeedConfig,
    settings: FetchSettings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FeedOutcome:
    """Fetch and parse one feed."""
    return read_feeds([FeedRequest(feed, etag, last_modified)], settings)[0]


def feed_outcome(request: FeedRequest, result: FetchResult) -> FeedOutcome:
    feed = request.feed
    feed_id = feed_key(feed.url)
    if result.not_modified:
        return FeedOutcome(
            feed_id, feed.url, "not_modified", etag=result.etag, last_modified=result.last_modified,
            local=request.local,
        )  # fmt: skip
    if not result.ok:
        return FeedOutcome(
            feed_id, feed.url, "failed", error=result.error, retryable=result.retryable, local=request.local
        )
    try:
        parsed = parse_feed(result.body, result.final_url or feed.url, content_type=result.content_type)
    except FeedError as exc:
        return FeedOutcome(feed_id, feed.url, "failed", error=str(exc), local=request.local)
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
        local=request.local,
    )


# -- pages -------------------------------------------------------------------


def fetch_pages(requests: list[PageRequest], settings: FetchSettings) -> list[PageOutcome]:
    """Fetch article pages concurrently, then extract each; outcomes in request order."""

    async def run() -> list[FetchResult]:
        async with Fetcher(settings) as fetcher:
            return await asyncio.gather(
                *(
                    fetcher.fetch(
                        r.entry.url,
                        etag=r.etag,
                        last_modified=r.last_modified,
                        accept=HTML_TYPES,
                        allow_file=True if r.allow_file else None,
                    )
                    for r in requests
                )
            )

    results = run_sync(run()) if requests else []
    return [page_outcome(r, res) for r, res in zip(requests, results, strict=True)]


def fetch_page(
    entry: FeedEntry,
    feed_id: str | None,
    settings: FetchSettings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_file: bool = False,
) -> PageOutcome:
    """Fetch one article page and extract its main text and metadata."""
    return fetch_pages([PageRequest(entry, feed_id, etag, last_modified, allow_file)], settings)[0]


def page_outcome(request: PageRequest, result: FetchResult) -> PageOutcome:
    """Turn a fetch result into a stored-or-failed outcome (extraction happens here)."""
    entry = request.entry
    outcome = PageOutcome(entry=entry, feed_id=request.feed_id, http_status=result.status)
    if result.not_modified:
        outcome.not_modified = True
        return outcome
    if not result.ok:
        outcome.error, outcome.retryable = result.error, result.retryable
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
    if not text.strip():
        outcome.error = "no article text found"
        return outcome
    outcome.record = ArticleRecord(
        url=canonical_url(entry.url),
        text=text,
        feed_id=request.feed_id,
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
