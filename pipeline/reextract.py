"""Re-run the extractors over stored articles without fetching them again.

Used after an upgrade of the extractors: every stored article whose
``extractor_version`` differs from the current one (or every article, with
``all_articles``) gets fresh sentences, stance and claims.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from extractors import EXTRACTOR_VERSION
from extractors.analyse import analyse_articles
from storage.store import ArticleRecord, store_article


@dataclass
class ReextractSummary:
    articles: int = 0
    claims: int = 0
    sentences: int = 0


def reextract(
    db: sqlite_utils.Database, *, all_articles: bool = False, batch_size: int = 32
) -> ReextractSummary:
    where = "status = 'ok'" + ("" if all_articles else " and coalesce(extractor_version, '') != ?")
    params = [] if all_articles else [EXTRACTOR_VERSION]
    ids = [row["id"] for row in db.query(f"select id from articles where {where} order by id", params)]
    summary = ReextractSummary()
    for start in range(0, len(ids), batch_size):
        batch_ids = ids[start : start + batch_size]
        marks = ",".join("?" for _ in batch_ids)
        rows = list(db.query(f"select * from articles where id in ({marks}) order by id", batch_ids))
        records = [
            ArticleRecord(
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
            for row in rows
        ]
        analyses = analyse_articles([(r.text, r.title) for r in records])
        for record, analysis in zip(records, analyses, strict=True):
            store_article(db, record, analysis, extractor_version=EXTRACTOR_VERSION, force=all_articles)
            summary.articles += 1
            summary.claims += len(analysis.claims)
            summary.sentences += len(analysis.sentences)
    return summary
