"""Write feeds, articles, sentences, claims and runs.

Every write is an upsert on a deterministic key, so running the same ingest
twice adds no row and changes none. An article whose content changed gets its
sentences and claims replaced in one short transaction.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from extractors.model import ArticleAnalysis
from storage.keys import article_key, claim_key, content_hash, feed_key, sentence_key


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A short ``BEGIN IMMEDIATE`` transaction: take the write lock up front
    (waiting up to the busy timeout) so concurrent writers queue cleanly."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


@dataclass
class ArticleRecord:
    """What the fetch and HTML extraction steps know about one article."""

    url: str  # canonical URL
    text: str
    feed_id: str | None = None
    entry_id: str | None = None
    title: str | None = None
    author: str | None = None
    published_at: str | None = None
    fetched_at: str | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def id(self) -> str:
        return article_key(self.url)

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.text)


# -- feeds -------------------------------------------------------------------


def upsert_feed(db: sqlite_utils.Database, *, name: str, url: str, tags: list[str] | None = None) -> str:
    feed_id = feed_key(url)
    with write_transaction(db):
        existing = _one(db, "select name, tags from feeds where id = ?", [feed_id])
        tags_json = json.dumps(sorted(tags or []))
        if existing is None:
            db["feeds"].insert({"id": feed_id, "name": name, "url": url, "tags": tags_json})
        elif (existing["name"], existing["tags"]) != (name, tags_json):
            db["feeds"].update(feed_id, {"name": name, "tags": tags_json})
    return feed_id


def feed_state(db: sqlite_utils.Database, feed_id: str) -> dict[str, Any] | None:
    return _one(db, "select * from feeds where id = ?", [feed_id])


def record_feed_fetch(
    db: sqlite_utils.Database,
    feed_id: str,
    *,
    status: str,
    error: str | None = None,
    title: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    content_hash: str | None = None,
    entries_seen: int | None = None,
) -> None:
    """Record the outcome of one feed fetch (``ok``, ``not_modified`` or ``failed``)."""
    now = utc_now()
    with write_transaction(db):
        row = _one(db, "select consecutive_failures from feeds where id = ?", [feed_id]) or {}
        updates: dict[str, Any] = {"last_checked_at": now, "last_status": status}
        if status == "failed":
            updates["last_error"] = error
            updates["consecutive_failures"] = (row.get("consecutive_failures") or 0) + 1
        else:
            updates.update({"last_error": None, "consecutive_failures": 0, "last_success_at": now})
            for key, value in (
                ("title", title),
                ("etag", etag),
                ("last_modified", last_modified),
                ("content_hash", content_hash),
                ("entries_seen", entries_seen),
            ):
                if value is not None:
                    updates[key] = value
        db["feeds"].update(feed_id, updates)


# -- articles ----------------------------------------------------------------


def article_state(db: sqlite_utils.Database, canonical_url: str) -> dict[str, Any] | None:
    return _one(
        db,
        "select id, status, content_hash, etag, last_modified, extractor_version, attempts "
        "from articles where id = ?",
        [article_key(canonical_url)],
    )


def stored_ok_urls(db: sqlite_utils.Database, urls: list[str]) -> set[str]:
    """The canonical URLs among ``urls`` already stored successfully."""
    found: set[str] = set()
    for chunk_start in range(0, len(urls), 500):
        chunk = urls[chunk_start : chunk_start + 500]
        marks = ",".join("?" for _ in chunk)
        found.update(
            row["url"]
            for row in db.query(f"select url from articles where status = 'ok' and url in ({marks})", chunk)
        )
    return found


def settled_urls(db: sqlite_utils.Database, urls: list[str]) -> set[str]:
    """The canonical URLs among ``urls`` a normal run need not fetch: stored
    successfully, or failed for a reason retrying will not fix (``retryable = 0``)."""
    found: set[str] = set()
    for chunk_start in range(0, len(urls), 500):
        chunk = urls[chunk_start : chunk_start + 500]
        marks = ",".join("?" for _ in chunk)
        found.update(
            row["url"]
            for row in db.query(
                "select url from articles where (status = 'ok' or (status = 'failed' and retryable = 0))"
                f" and url in ({marks})",
                chunk,
            )
        )
    return found


def retryable_failures(db: sqlite_utils.Database, feed_ids: list[str]) -> list[dict[str, Any]]:
    """Failed, retryable articles of these feeds (for feeds that answered 304,
    whose entries a run does not see)."""
    if not feed_ids:
        return []
    marks = ",".join("?" for _ in feed_ids)
    return list(
        db.query(
            "select url, feed_id, entry_id, title from articles where status = 'failed'"
            f" and coalesce(retryable, 1) = 1 and feed_id in ({marks}) order by url",
            feed_ids,
        )
    )


def conditional_state(db: sqlite_utils.Database, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """``url -> (etag, last_modified)`` of stored articles, for conditional GETs."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for chunk_start in range(0, len(urls), 500):
        chunk = urls[chunk_start : chunk_start + 500]
        marks = ",".join("?" for _ in chunk)
        for row in db.query(
            "select url, etag, last_modified from articles where status = 'ok'"
            f" and (etag is not null or last_modified is not null) and url in ({marks})",
            chunk,
        ):
            found[row["url"]] = (row["etag"], row["last_modified"])
    return found


def store_article(
    db: sqlite_utils.Database,
    record: ArticleRecord,
    analysis: ArticleAnalysis,
    *,
    extractor_version: str,
    force: bool = False,
) -> str:
    """Store one analysed article; return ``new``, ``updated`` or ``unchanged``.

    Unchanged means same content and same extractor version; ``force``
    replaces the sentences and claims anyway (re-extraction)."""
    article_id = record.id
    digest = record.content_hash
    with write_transaction(db):
        existing = _one(
            db, "select status, content_hash, extractor_version from articles where id = ?", [article_id]
        )
        if (
            not force
            and existing is not None
            and existing["status"] == "ok"
            and existing["content_hash"] == digest
            and existing["extractor_version"] == extractor_version
        ):
            return "unchanged"
        db["articles"].upsert(
            {
                "id": article_id,
                "url": record.url,
                "feed_id": record.feed_id,
                "entry_id": record.entry_id,
                "title": record.title,
                "author": record.author,
                "published_at": record.published_at,
                "fetched_at": record.fetched_at or utc_now(),
                "text": record.text,
                "content_hash": digest,
                "status": "ok",
                "error": None,
                "http_status": record.http_status,
                "etag": record.etag,
                "last_modified": record.last_modified,
                "extractor_version": extractor_version,
                "sentence_count": len(analysis.sentences),
                "claim_count": len(analysis.claims),
                "opinion_share": round(analysis.opinion_share, 4),
            },
            pk="id",
        )
        db.execute("delete from claims where article_id = ?", [article_id])
        db.execute("delete from sentences where article_id = ?", [article_id])
        db["sentences"].insert_all(
            (
                {
                    "id": sentence_key(article_id, s.idx),
                    "article_id": article_id,
                    "idx": s.idx,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "stance": s.stance,
                    "stance_score": round(s.stance_score, 4),
                    "cues": json.dumps(s.cues),
                }
                for s in analysis.sentences
            ),
        )
        claim_rows: dict[str, dict[str, Any]] = {}
        for c in analysis.claims:
            key = claim_key(article_id, c.span[0], c.span[1], c.metric, c.subject)
            claim_rows[key] = {
                "id": key,
                "article_id": article_id,
                "sentence_id": None if c.sentence_idx is None else sentence_key(article_id, c.sentence_idx),
                "subject": c.subject,
                "metric": c.metric,
                "value": c.value,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "value_low": c.value_low,
                "value_high": c.value_high,
                "modality": c.modality,
                "period": c.period,
                "change": None if c.change is None else json.dumps(c.change),
                "surface": c.surface,
                "span": json.dumps(list(c.span)),
                "span_start": c.span[0],
                "span_end": c.span[1],
                "sentence": c.sentence,
                "stance": c.stance,
                "alternates": json.dumps(c.alternates or []),
                "extractor_version": extractor_version,
            }
        db["claims"].insert_all(claim_rows.values())
    return "new" if existing is None or existing["status"] != "ok" else "updated"


def record_article_failure(
    db: sqlite_utils.Database,
    canonical_url: str,
    *,
    error: str,
    feed_id: str | None = None,
    entry_id: str | None = None,
    title: str | None = None,
    http_status: int | None = None,
    retryable: bool = True,
) -> None:
    """Record a failed fetch or extraction. A stored good copy is kept as it is;
    only the error is noted, so nothing is lost. The next run retries it when
    ``retryable``; otherwise only ``--refresh`` does."""
    article_id = article_key(canonical_url)
    with write_transaction(db):
        existing = _one(db, "select status, attempts from articles where id = ?", [article_id])
        attempts = ((existing or {}).get("attempts") or 0) + 1
        if existing is not None and existing["status"] == "ok":
            db["articles"].update(article_id, {"error": error, "attempts": attempts})
            return
        db["articles"].upsert(
            {
                "id": article_id,
                "url": canonical_url,
                "feed_id": feed_id,
                "entry_id": entry_id,
                "title": title,
                "status": "failed",
                "error": error,
                "retryable": int(retryable),
                "attempts": attempts,
                "http_status": http_status,
                "fetched_at": utc_now(),
            },
            pk="id",
        )


# -- runs --------------------------------------------------------------------


def start_run(db: sqlite_utils.Database, run_id: str, *, feeds_file: str | None) -> None:
    """Record a new run, and mark runs left ``running`` by a process of this
    host that no longer exists (killed, crashed) as ``interrupted``."""
    host = socket.gethostname()
    with write_transaction(db):
        for row in db.query("select id, pid from runs where status = 'running' and host = ?", [host]):
            if row["pid"] is not None and not _process_alive(row["pid"]):
                db["runs"].update(
                    row["id"], {"status": "interrupted", "error": "process ended before the run finished"}
                )
        db["runs"].insert(
            {
                "id": run_id,
                "started_at": utc_now(),
                "status": "running",
                "feeds_file": feeds_file,
                "host": host,
                "pid": os.getpid(),
            },
            pk="id",
        )


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def finish_run(db: sqlite_utils.Database, run_id: str, *, status: str, counts: dict[str, Any]) -> None:
    with write_transaction(db):
        db["runs"].update(run_id, {"finished_at": utc_now(), "status": status, **counts})


def _one(db: sqlite_utils.Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    rows = list(db.query(sql, params))
    return rows[0] if rows else None
