"""Versioned schema migrations (sqlite-utils ``Migrations``).

Each migration runs once, in a transaction, and is recorded in
``_sqlite_migrations``. The schema is written out here explicitly; it is
never inferred from the first inserted row. Add new migrations at the end;
never edit one that has shipped.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsclaims")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db["feeds"].create(
        {
            "id": str,
            "name": str,
            "url": str,
            "tags": str,  # JSON list
            "title": str,
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "last_checked_at": str,
            "last_success_at": str,
            "last_status": str,  # ok | not_modified | failed
            "last_error": str,
            "consecutive_failures": int,
            "entries_seen": int,
        },
        pk="id",
        not_null={"url", "name"},
        defaults={"consecutive_failures": 0, "entries_seen": 0},
    )
    db["feeds"].create_index(["url"], unique=True)
    db["articles"].create(
        {
            "id": str,
            "url": str,  # canonical URL
            "feed_id": str,
            "entry_id": str,
            "title": str,
            "author": str,
            "published_at": str,  # UTC ISO-8601
            "fetched_at": str,  # UTC ISO-8601
            "text": str,
            "content_hash": str,
            "status": str,  # ok | failed
            "error": str,
            "attempts": int,
            "http_status": int,
            "etag": str,
            "last_modified": str,
            "extractor_version": str,
            "sentence_count": int,
            "claim_count": int,
            "opinion_share": float,
        },
        pk="id",
        not_null={"url", "status"},
        foreign_keys=[("feed_id", "feeds", "id")],
        defaults={"attempts": 0},
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["feed_id"])
    db["articles"].create_index(["status"])
    db["articles"].create_index(["published_at"])
    db["sentences"].create(
        {
            "id": str,
            "article_id": str,
            "idx": int,
            "start": int,
            "end": int,
            "text": str,
            "stance": str,  # fact | opinion
            "stance_score": float,
            "cues": str,  # JSON list
        },
        pk="id",
        not_null={"article_id", "idx", "start", "end", "text"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["sentences"].create_index(["article_id", "idx"], unique=True)
    db["claims"].create(
        {
            "id": str,
            "article_id": str,
            "sentence_id": str,
            "subject": str,
            "metric": str,
            "value": float,
            "unit": str,
            "qualifier": str,
            "value_low": float,
            "value_high": float,
            "modality": str,
            "period": str,
            "change": str,  # JSON object or null
            "surface": str,
            "span": str,  # JSON [start, end] into articles.text
            "span_start": int,
            "span_end": int,
            "sentence": str,
            "stance": str,
            "alternates": str,  # JSON list
            "extractor_version": str,
        },
        pk="id",
        not_null={"article_id", "metric", "surface", "span_start", "span_end"},
        foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id")],
    )
    for cols in (["article_id"], ["subject", "metric"], ["metric"], ["sentence_id"]):
        db["claims"].create_index(cols)
    db["runs"].create(
        {
            "id": str,
            "started_at": str,
            "finished_at": str,
            "status": str,  # running | completed | failed
            "feeds_file": str,
            "feeds_read": int,
            "feeds_failed": int,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "articles_failed": int,
            "sentences": int,
            "claims": int,
            "opinion_share": float,
            "error": str,
        },
        pk="id",
    )
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply every pending migration; return the names applied now.

    The whole batch runs under ``BEGIN IMMEDIATE`` so that two processes
    opening a new database at once do not both try to create the schema.
    """
    if not migrations.pending(db):
        return []
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        pending = [m.name for m in migrations.pending(db)]
        migrations.apply(db)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return pending


# -- issue 5: analyst views ---------------------------------------------------

CLAIMS_ENRICHED_SQL = """
select
  c.id as claim_id,
  c.subject,
  c.metric,
  c.value,
  c.unit,
  c.qualifier,
  c.value_low,
  c.value_high,
  c.modality,
  c.period,
  c.change,
  c.stance,
  s.stance as sentence_stance,
  c.surface,
  coalesce(c.sentence, s.text) as sentence,
  a.published_at,
  substr(a.published_at, 1, 7) as published_month,
  a.title as article_title,
  a.url as article_url,
  f.name as feed,
  c.article_id,
  c.sentence_id,
  a.feed_id
from claims c
join articles a on a.id = c.article_id
left join sentences s on s.id = c.sentence_id
left join feeds f on f.id = a.feed_id
"""


@migrations()
def m002_views(db: sqlite_utils.Database) -> None:
    """``claims_enriched``: one row per claim with its evidence sentence, the
    article's title, URL and published date, and the feed's name (what
    Datasette and ``newsclaims claims`` show)."""
    db.create_view("claims_enriched", CLAIMS_ENRICHED_SQL.strip())


@migrations()
def m003_fetch_state(db: sqlite_utils.Database) -> None:
    """Whether a failed article is worth fetching again (1) or only with --refresh (0)."""
    if "retryable" not in db["articles"].columns_dict:
        db["articles"].add_column("retryable", int)


@migrations()
def m004_run_owner(db: sqlite_utils.Database) -> None:
    """Which process ran a run, so a run left ``running`` by a killed process
    can be marked ``interrupted`` by the next one."""
    for column in ("host", "pid"):
        if column not in db["runs"].columns_dict:
            db["runs"].add_column(column, str if column == "host" else int)


# m005: the view also carries the claim's rowid, the key of ``claims_fts``, so that Datasette
# can search the view (metadata.yaml: fts_table claims_fts, fts_pk claim_rowid)
CLAIMS_ENRICHED_SEARCHABLE_SQL = CLAIMS_ENRICHED_SQL.replace(
    "  a.feed_id\nfrom claims c", "  a.feed_id,\n  c.rowid as claim_rowid\nfrom claims c"
)


@migrations()
def m005_claims_search(db: sqlite_utils.Database) -> None:
    """Full-text search over claims (subject, surface and evidence sentence), kept up to
    date by triggers, and the ``claims_enriched`` view with the key that search uses."""
    db["claims"].enable_fts(["subject", "surface", "sentence"], create_triggers=True, tokenize="porter")
    db.create_view("claims_enriched", CLAIMS_ENRICHED_SEARCHABLE_SQL.strip(), replace=True)
