"""Read claims the way analysts see them: the ``claims_enriched`` view, filtered.

``newsclaims claims`` uses this module; Datasette shows the same view, so the
terminal and the browser agree on columns and order (newest article first).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

VIEW = "claims_enriched"

# The columns of ``claims_enriched`` in view order (storage/migrations.py, m002; m005 adds
# ``claim_rowid``, the key of the claims' full-text search).
CLAIMS_ENRICHED_COLUMNS: tuple[str, ...] = (
    "claim_id",
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
    "stance",
    "sentence_stance",
    "surface",
    "sentence",
    "published_at",
    "published_month",
    "article_title",
    "article_url",
    "feed",
    "article_id",
    "sentence_id",
    "feed_id",
    "claim_rowid",
)

# Datasette's default sort for the view (metadata.yaml: sort_desc published_at);
# claim_id breaks ties so that output is stable.
ORDER_BY = "published_at desc, claim_id"
# Full-text index of claims (subject, surface, sentence; storage/migrations.py, m005), keyed
# by the rowid of claims, which the view carries as ``claim_rowid``.
FTS_TABLE = "claims_fts"


def fts_words(text: str) -> str:
    """An FTS query that matches rows holding every word of ``text``: each word quoted, so
    that user text never reads as FTS syntax ("AND", "-", a stray quote)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


class QueryError(Exception):
    """The database cannot answer a claims query (no schema, no claims)."""


@dataclass(frozen=True)
class ClaimFilters:
    """Filters of ``newsclaims claims``; ``None`` means "any".

    ``subject`` and ``feed`` match case-insensitively anywhere in the name
    ("keling" finds "Keling AI"); ``metric`` and ``stance`` match exactly;
    ``since`` keeps articles published on or after that day (UTC);
    ``min_value`` keeps claims whose value is at least that number;
    ``search`` keeps claims whose subject, figure or evidence sentence holds every
    word (full-text search, ``claims_fts``; "profit" also finds "profits").
    """

    search: str | None = None
    subject: str | None = None
    metric: str | None = None
    since: date | None = None
    stance: str | None = None
    feed: str | None = None
    min_value: float | None = None
    limit: int | None = None


def build_claims_query(filters: ClaimFilters) -> tuple[str, dict[str, Any]]:
    """The SQL (and its parameters) that selects ``claims_enriched`` rows."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if filters.search and filters.search.split():
        where.append(f"claim_rowid in (select rowid from {FTS_TABLE} where {FTS_TABLE} match :search)")
        params["search"] = fts_words(filters.search)
    if filters.subject:
        where.append("subject like '%' || :subject || '%'")
        params["subject"] = filters.subject
    if filters.metric:
        where.append("metric = :metric")
        params["metric"] = filters.metric
    if filters.since is not None:
        # published_at is UTC ISO-8601, so text order is time order.
        where.append("published_at >= :since")
        params["since"] = filters.since.isoformat()
    if filters.stance:
        where.append("stance = :stance")
        params["stance"] = filters.stance
    if filters.feed:
        where.append("feed like '%' || :feed || '%'")
        params["feed"] = filters.feed
    if filters.min_value is not None:
        where.append("value >= :min_value")
        params["min_value"] = filters.min_value
    columns = ", ".join(f"[{c}]" for c in CLAIMS_ENRICHED_COLUMNS)
    sql = f"select {columns} from {VIEW}"
    if where:
        sql += " where " + " and ".join(where)
    sql += f" order by {ORDER_BY}"
    if filters.limit is not None:
        sql += " limit :limit"
        params["limit"] = filters.limit
    return sql, params


def count_claims(db: sqlite_utils.Database) -> int:
    if "claims" not in db.table_names():
        raise QueryError("this is not a newsclaims database (no claims table)")
    return db["claims"].count


def fetch_claims(db: sqlite_utils.Database, filters: ClaimFilters | None = None) -> list[dict[str, Any]]:
    """The matching rows of ``claims_enriched``, newest article first."""
    if VIEW not in db.view_names():
        raise QueryError(f"the database has no {VIEW} view: open it with storage.db.open_database first")
    sql, params = build_claims_query(filters or ClaimFilters())
    return list(db.query(sql, params))


# -- output formats ------------------------------------------------------------


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    """A JSON array of objects, as Datasette's ``?_shape=array`` gives."""
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] = CLAIMS_ENRICHED_COLUMNS) -> str:
    """CSV with a header row, as Datasette's CSV export gives."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return out.getvalue()


def to_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str] = CLAIMS_ENRICHED_COLUMNS,
    *,
    max_width: int = 60,
) -> str:
    """A plain-text table; long cells are cut at ``max_width`` characters with "…"
    (Datasette also truncates long cells in its HTML table)."""
    from tabulate import tabulate

    def cell(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, float):  # as the Datasette plugin shows it
            return f"{int(value):,}" if value.is_integer() else f"{value:,.6g}"
        text = " ".join(str(value).split())
        return text if len(text) <= max_width else text[: max_width - 1] + "\u2026"

    body = [[cell(row.get(c)) for c in columns] for row in rows]
    return tabulate(body, headers=list(columns), tablefmt="simple", disable_numparse=True)
