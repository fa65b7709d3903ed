"""Re-run the extractors over stored articles without fetching them again.

Used after an upgrade of the extractors: every stored article whose
``extractor_version`` differs from the current one (or every article, with
``all_articles``) gets fresh sentences, stance and claims.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from extractors import EXTRACTOR_VERSION
from extractors.parallel import analyse_many
from storage.store import ArticleRecord, store_article


@dataclass
class ReextractSummary:
    articles: int = 0
    claims: int = 0
    sentences: int = 0


def reextract(
    db: sqlite_utils.Database, *, all_articles: bool = False, batch_size: int = 32, workers: int = 1
) -> ReextractSummary:
    """Re-extract stale (or, with ``all_articles``, all) stored articles, on ``workers`` processes.

    Articles are read and stored a batch at a time, in id order, by this process (SQLite has
    one writer); only the analysis runs in the workers.
    """
    where = "status = 'ok'" + ("" if all_articles else " and coalesce(extractor_version, '') != ?")
    params = [] if all_articles else [EXTRACTOR_VERSION]
    ids = [row["id"] for row in db.query(f"select id from articles where {where} order by id", params)]
    summary = ReextractSummary()
    records = _records(db, ids, batch_size)
    # ``analyse_many`` reads ahead of what it yields: the records go through a queue
    waiting: deque[ArticleRecord] = deque()

    def texts() -> Iterator[tuple[str, str | None]]:
        for record in records:
            waiting.append(record)
            yield record.text, record.title

    for analysis in analyse_many(texts(), workers=workers, batch_size=batch_size):
        record = waiting.popleft()
        store_article(db, record, analysis, extractor_version=EXTRACTOR_VERSION, force=all_articles)
        summary.articles += 1
        summary.claims += len(analysis.claims)
        summary.sentences += len(analysis.sentences)
    return summary


def _records(db: sqlite_utils.Database, ids: list[int], batch_size: int) -> Iterator[ArticleRecord]:
    """The stored articles of ``ids``, read ``batch_size`` rows at a time."""
    for start in range(0, len(ids), batch_size):
        batch_ids = ids[start : start + batch_size]
        marks = ",".join("?" for _ in batch_ids)
        for row in db.query(f"select * from articles where id in ({marks}) order by id", batch_ids):
            yield ArticleRecord(
                url=row["url"],
                text=row["text"] or "",
                feed_id=row["feed_id"],
                entry_id=row["entry_id"],
                title=row["title"],
                author=row["author"],
                published_at=row["published_at"],
                fetched_at=row["fetched_at"],
                http_status=row["http_status"],
                etag=row["etag"],
                last_modified=row["last_modified"],
            )
