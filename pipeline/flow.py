"""The Prefect ingest flow: feeds -> articles -> sentences, stance, claims -> SQLite.

Thin tasks around the plain steps in ``pipeline.steps`` and the writers in
``storage.store``. Tasks take and return plain data (paths, dataclasses of
strings and numbers) so the same flow can run on a work pool or a Dask task
runner; each storage task opens its own connection from the DB path.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline import prefect_env  # noqa: F401  (must precede the prefect import)

# isort: split
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors import EXTRACTOR_VERSION
from extractors.model import ArticleAnalysis
from pipeline.config import FeedConfig, default_feeds_file, load_feeds
from pipeline.feeds import FeedEntry
from pipeline.settings import FetchSettings
from pipeline.steps import (
    FeedOutcome,
    FeedRequest,
    PageOutcome,
    PageRequest,
    analyse_records,
    fetch_pages,
    read_feeds,
)
from storage import store
from storage.db import open_database


@dataclass
class RunSummary:
    run_id: str
    db_path: str
    status: str = "completed"
    feeds_read: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_failed: int = 0
    sentences: int = 0
    claims: int = 0
    opinion_share: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)

    def counts(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("run_id", "db_path", "status", "failures", "feeds_not_modified"):
            data.pop(key)
        return data


# -- tasks -------------------------------------------------------------------


@task(name="read-feeds", cache_policy=NO_CACHE)
def read_feeds_task(db_path: str, feeds: list[FeedConfig], settings: FetchSettings) -> list[FeedOutcome]:
    """Fetch every feed concurrently (conditional GET) and record each outcome."""
    db = open_database(db_path)
    requests: list[FeedRequest] = []
    for feed in feeds:
        feed_id = store.upsert_feed(db, name=feed.name, url=feed.url, tags=list(feed.tags))
        state = store.feed_state(db, feed_id) or {}
        requests.append(FeedRequest(feed, etag=state.get("etag"), last_modified=state.get("last_modified")))
    outcomes = read_feeds(requests, settings)
    for outcome in outcomes:
        store.record_feed_fetch(
            db,
            outcome.feed_id,
            status=outcome.status,
            error=outcome.error,
            title=outcome.title,
            etag=outcome.etag,
            last_modified=outcome.last_modified,
            content_hash=outcome.content_hash,
            entries_seen=len(outcome.entries) if outcome.status == "ok" else None,
        )
    db.close()
    return outcomes


@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages_task(requests: list[PageRequest], settings: FetchSettings) -> list[PageOutcome]:
    """Fetch one chunk of article pages concurrently (global and per-host limits) and extract them."""
    return fetch_pages(requests, settings)


@task(name="analyse", cache_policy=NO_CACHE)
def analyse_task(outcomes: list[PageOutcome]) -> list[ArticleAnalysis]:
    return analyse_records([o.record for o in outcomes if o.record is not None])


@task(name="store-pages", cache_policy=NO_CACHE)
def store_pages_task(
    db_path: str, outcomes: list[PageOutcome], analyses: list[ArticleAnalysis]
) -> dict[str, int | list[tuple[str, str]]]:
    """Store a batch: each article (or its failure) in its own short transaction."""
    db = open_database(db_path)
    counts: dict[str, int | list[tuple[str, str]]] = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    failures: list[tuple[str, str]] = []
    sentences = claims = opinion = 0
    good = iter(analyses)
    for outcome in outcomes:
        if outcome.record is None:
            if outcome.not_modified:
                counts["unchanged"] += 1  # type: ignore[operator]
                continue
            reason = outcome.error or "unknown failure"
            store.record_article_failure(
                db,
                outcome.entry.url,
                error=reason,
                feed_id=outcome.feed_id,
                entry_id=outcome.entry.entry_id,
                title=outcome.entry.title,
                http_status=outcome.http_status,
                retryable=outcome.retryable,
            )
            counts["failed"] += 1  # type: ignore[operator]
            failures.append((outcome.entry.url, reason))
            continue
        analysis = next(good)
        state = store.store_article(db, outcome.record, analysis, extractor_version=EXTRACTOR_VERSION)
        counts[state] += 1  # type: ignore[operator]
        if state != "unchanged":
            sentences += len(analysis.sentences)
            claims += len(analysis.claims)
            opinion += sum(1 for s in analysis.sentences if s.stance == "opinion")
    db.close()
    counts.update(
        {"sentences": sentences, "claims": claims, "opinion_sentences": opinion, "failures": failures}
    )
    return counts


# -- the flow ----------------------------------------------------------------


@flow(name="newsclaims-ingest", log_prints=False, validate_parameters=False)
def ingest_flow(
    feeds_file: str | None = None,
    db_path: str = "newsclaims.db",
    refresh: bool = False,
    batch_size: int = 16,
    settings: FetchSettings | None = None,
) -> RunSummary:
    """Read every feed of ``feeds_file``, fetch new articles, extract and store them."""
    settings = settings or FetchSettings.from_env()
    feeds_path = Path(feeds_file) if feeds_file else default_feeds_file()
    feeds = load_feeds(feeds_path)
    db = open_database(db_path)
    summary = RunSummary(run_id=uuid.uuid4().hex, db_path=str(db_path))
    store.start_run(db, summary.run_id, feeds_file=str(feeds_path))
    try:
        _run(summary, feeds, db, db_path, refresh=refresh, batch_size=batch_size, settings=settings)
    except BaseException as exc:
        summary.status = "failed"
        store.finish_run(db, summary.run_id, status="failed", counts={**summary.counts(), "error": str(exc)})
        raise
    store.finish_run(db, summary.run_id, status=summary.status, counts=summary.counts())
    db.close()
    return summary


def _run(
    summary: RunSummary,
    feeds: list[FeedConfig],
    db,  # noqa: ANN001 - sqlite_utils.Database
    db_path: str,
    *,
    refresh: bool,
    batch_size: int,
    settings: FetchSettings,
) -> None:
    outcomes = read_feeds_task(str(db_path), feeds, settings)
    requests = _page_requests(summary, outcomes, db, refresh=refresh)
    if not requests:
        return
    batch_size = max(1, batch_size)
    chunk_size = max(batch_size, settings.chunk_size)
    opinion_sentences = 0
    # Chunk by chunk: a crash loses at most one chunk of fetching, never stored work.
    for start in range(0, len(requests), chunk_size):
        pages = fetch_pages_task(requests[start : start + chunk_size], settings)
        batches = [pages[i : i + batch_size] for i in range(0, len(pages), batch_size)]
        analysed = analyse_task.map(batches).result()
        for batch, analyses in zip(batches, analysed, strict=True):
            counts = store_pages_task(str(db_path), batch, analyses)
            summary.articles_new += counts["new"]
            summary.articles_updated += counts["updated"]
            summary.articles_unchanged += counts["unchanged"]
            summary.articles_failed += counts["failed"]
            summary.sentences += counts["sentences"]
            summary.claims += counts["claims"]
            opinion_sentences += counts["opinion_sentences"]
            summary.failures.extend(counts["failures"])
    summary.opinion_share = round(opinion_sentences / summary.sentences, 4) if summary.sentences else 0.0


def _page_requests(
    summary: RunSummary,
    outcomes: list[FeedOutcome],
    db,  # noqa: ANN001 - sqlite_utils.Database
    *,
    refresh: bool,
) -> list[PageRequest]:
    """The pages this run fetches: new entries, retryable failures, and (with
    ``refresh``) stored ones again, conditionally."""
    entries: dict[str, PageRequest] = {}
    not_modified: list[str] = []
    local_feeds = {o.feed_id for o in outcomes if o.local}
    for outcome in outcomes:
        if outcome.status == "failed":
            summary.feeds_failed += 1
            summary.failures.append((outcome.url, outcome.error or "failed"))
            continue
        summary.feeds_read += 1
        if outcome.status == "not_modified":
            summary.feeds_not_modified += 1
            not_modified.append(outcome.feed_id)
        for entry in outcome.entries:
            entries.setdefault(entry.url, PageRequest(entry, outcome.feed_id, allow_file=outcome.local))
    # A feed that answered 304 lists nothing, but its earlier retryable failures are still due.
    for row in store.retryable_failures(db, not_modified):
        entry = FeedEntry(url=row["url"], title=row["title"], entry_id=row["entry_id"])
        entries.setdefault(
            entry.url, PageRequest(entry, row["feed_id"], allow_file=row["feed_id"] in local_feeds)
        )
    if refresh:
        for url, (etag, last_modified) in store.conditional_state(db, list(entries)).items():
            entries[url].etag, entries[url].last_modified = etag, last_modified
        return list(entries.values())
    settled = store.settled_urls(db, list(entries))
    summary.articles_unchanged += len(settled)
    return [request for url, request in entries.items() if url not in settled]
