"""Storage: migrations from empty, idempotent upserts, atomic replacement."""

from __future__ import annotations

import sqlite3

import pytest

from extractors.model import ArticleAnalysis, Claim, Sentence
from storage.db import StorageError, open_database, open_existing
from storage.migrations import applied_migrations, migrations
from storage.store import ArticleRecord, record_article_failure, store_article, stored_ok_urls, upsert_feed

TEXT = "Acme Corp said revenue rose 5% to $10bn. Profit fell to $1bn."


def analysis_for(text: str, *, value: float = 10e9) -> ArticleAnalysis:
    first_end = text.index(".") + 1
    sentences = [
        Sentence(idx=0, start=0, end=first_end, text=text[:first_end]),
        Sentence(idx=1, start=first_end + 1, end=len(text), text=text[first_end + 1 :], stance="opinion"),
    ]
    surface_start = text.index("$")
    surface_end = text.index(".", surface_start + 3)
    claim = Claim(
        subject="Acme Corp",
        metric="revenue",
        value=value,
        unit="USD",
        qualifier="exact",
        modality="actual",
        period=None,
        change={"kind": "percent", "value": 5.0},
        surface=text[surface_start:surface_end],
        span=(surface_start, surface_end),
        sentence=sentences[0].text,
        sentence_idx=0,
    )
    return ArticleAnalysis(sentences=sentences, claims=[claim])


def counts(db) -> dict[str, int]:  # noqa: ANN001
    return {t: db[t].count for t in ("feeds", "articles", "sentences", "claims")}


def test_migrations_create_schema_from_empty(db_path):
    db = open_database(db_path)
    assert {"feeds", "articles", "sentences", "claims", "runs"} <= set(db.table_names())
    assert applied_migrations(db) == [m.name for m in migrations._migrations]
    assert db["articles"].detect_fts() == "articles_fts"
    assert db["sentences"].detect_fts() == "sentences_fts"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Columns come from the migration, not from a first insert.
    assert {"published_at", "content_hash", "status", "error", "extractor_version"} <= set(
        db["articles"].columns_dict
    )
    assert {"value_low", "value_high", "alternates", "span", "stance"} <= set(db["claims"].columns_dict)


def test_migrating_twice_is_a_no_op(db_path):
    open_database(db_path).close()
    db = open_database(db_path)
    assert len(applied_migrations(db)) == len(migrations._migrations)


def test_store_twice_adds_and_changes_nothing(db_path):
    db = open_database(db_path)
    feed_id = upsert_feed(db, name="Demo", url="https://example.com/feed.xml", tags=["a"])
    record = ArticleRecord(url="https://example.com/a", text=TEXT, title="Acme results", feed_id=feed_id)
    assert store_article(db, record, analysis_for(TEXT), extractor_version="t1") == "new"
    before = counts(db)
    rows_before = list(db.query("select * from claims")) + list(db.query("select * from articles"))
    assert upsert_feed(db, name="Demo", url="https://example.com/feed.xml", tags=["a"]) == feed_id
    assert store_article(db, record, analysis_for(TEXT), extractor_version="t1") == "unchanged"
    assert counts(db) == before == {"feeds": 1, "articles": 1, "sentences": 2, "claims": 1}
    assert list(db.query("select * from claims")) + list(db.query("select * from articles")) == rows_before


def test_changed_content_replaces_sentences_and_claims(db_path):
    db = open_database(db_path)
    record = ArticleRecord(url="https://example.com/a", text=TEXT, title="t")
    store_article(db, record, analysis_for(TEXT), extractor_version="t1")
    new_text = TEXT.replace("$10bn", "$12bn")
    changed = ArticleRecord(url="https://example.com/a", text=new_text, title="t")
    assert store_article(db, changed, analysis_for(new_text, value=12e9), extractor_version="t1") == "updated"
    assert [r["value"] for r in db.query("select value from claims")] == [12e9]
    assert db["sentences"].count == 2
    assert db["articles"].count == 1


def test_failed_replace_rolls_back_everything(db_path):
    db = open_database(db_path)
    record = ArticleRecord(url="https://example.com/a", text=TEXT, title="t")
    store_article(db, record, analysis_for(TEXT), extractor_version="t1")
    broken = analysis_for(TEXT.replace("Acme", "Acne"))
    broken.sentences.append(broken.sentences[0])  # duplicate (article_id, idx): violates the unique index
    changed = ArticleRecord(url="https://example.com/a", text=TEXT.replace("Acme", "Acne"), title="t")
    with pytest.raises(sqlite3.IntegrityError):
        store_article(db, changed, broken, extractor_version="t1")
    assert [r["subject"] for r in db.query("select subject from claims")] == ["Acme Corp"]
    assert db["sentences"].count == 2
    assert db.execute("select text from articles").fetchone()[0] == TEXT


def test_failure_is_recorded_and_keeps_a_good_copy(db_path):
    db = open_database(db_path)
    record_article_failure(db, "https://example.com/b", error="HTTP 503 Service Unavailable", http_status=503)
    record_article_failure(db, "https://example.com/b", error="timeout (ReadTimeout)")
    row = db.execute("select status, error, attempts from articles").fetchone()
    assert row == ("failed", "timeout (ReadTimeout)", 2)
    assert stored_ok_urls(db, ["https://example.com/b"]) == set()
    record = ArticleRecord(url="https://example.com/b", text=TEXT, title="t")
    assert store_article(db, record, analysis_for(TEXT), extractor_version="t1") == "new"
    record_article_failure(db, "https://example.com/b", error="HTTP 500")
    row = db.execute("select status, text is not null, error from articles").fetchone()
    assert row == ("ok", 1, "HTTP 500")
    assert stored_ok_urls(db, ["https://example.com/b", "https://example.com/c"]) == {"https://example.com/b"}


def test_fts_finds_stored_text(db_path):
    db = open_database(db_path)
    store_article(db, ArticleRecord(url="https://e.com/a", text=TEXT, title="Acme results"),
                  analysis_for(TEXT), extractor_version="t1")  # fmt: skip
    assert [r["title"] for r in db["articles"].search("revenue")] == ["Acme results"]
    assert len(list(db["sentences"].search("profit"))) == 1


def claim_search(db, words: str) -> list[str]:  # noqa: ANN001
    sql = (
        "select c.subject from claims c join claims_fts on claims_fts.rowid = c.rowid"
        " where claims_fts match ?"
    )
    return [row[0] for row in db.execute(sql, [words]).fetchall()]


def test_claims_fts_follows_stored_claims(db_path):
    db = open_database(db_path)
    assert db["claims"].detect_fts() == "claims_fts"
    record = ArticleRecord(url="https://e.com/a", text=TEXT, title="Acme results")
    store_article(db, record, analysis_for(TEXT), extractor_version="t1")
    assert claim_search(db, "acme") == ["Acme Corp"]  # subject
    assert claim_search(db, "revenues") == ["Acme Corp"]  # the sentence, stemmed (porter)
    assert claim_search(db, '"10bn"') == ["Acme Corp"]  # the figure
    assert claim_search(db, "profit") == []  # a word of another sentence of the article
    edited = TEXT.replace("Acme Corp", "Bexco Ltd")
    changed = analysis_for(edited)
    changed.claims[0].subject = "Bexco Ltd"
    store_article(
        db, ArticleRecord(url="https://e.com/a", text=edited, title="Bexco"), changed, extractor_version="t1"
    )
    assert claim_search(db, "acme") == []  # replaced claims leave the index
    assert claim_search(db, "bexco") == ["Bexco Ltd"]
    view = db.execute("select claim_rowid from claims_enriched").fetchall()
    assert view == db.execute("select rowid from claims").fetchall()


def test_upgrading_an_older_database_indexes_its_claims(db_path):
    db = open_database(db_path)
    store_article(db, ArticleRecord(url="https://e.com/a", text=TEXT, title="t"), analysis_for(TEXT),
                  extractor_version="t1")  # fmt: skip
    # back to the schema before m005: no claims index, the view without claim_rowid
    db["claims_fts"].drop()
    for trigger in [t.name for t in db.triggers if t.table == "claims"]:
        db.execute(f"drop trigger [{trigger}]")
    db.execute("delete from _sqlite_migrations where name = 'm005_claims_search'")
    db.conn.commit()
    db.close()
    db = open_database(db_path)
    assert "m005_claims_search" in applied_migrations(db)
    assert claim_search(db, "acme") == ["Acme Corp"]
    assert "claim_rowid" in db["claims_enriched"].columns_dict


def test_open_existing_refuses_a_missing_file(tmp_path):
    with pytest.raises(StorageError, match="no database"):
        open_existing(tmp_path / "missing.db")


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError):
        open_database(bogus)


def test_reextract_refreshes_stale_articles_only(db_path):
    from extractors import EXTRACTOR_VERSION
    from pipeline.reextract import reextract

    db = open_database(db_path)
    store_article(db, ArticleRecord(url="https://e.com/old", text=TEXT, title="Old"),
                  analysis_for(TEXT), extractor_version="0.0.0-old")  # fmt: skip
    store_article(db, ArticleRecord(url="https://e.com/new", text=TEXT, title="New"),
                  analysis_for(TEXT), extractor_version=EXTRACTOR_VERSION)  # fmt: skip
    summary = reextract(db)
    assert summary.articles == 1
    versions = {
        r["title"]: r["extractor_version"] for r in db.query("select title, extractor_version from articles")
    }
    assert versions == {"Old": EXTRACTOR_VERSION, "New": EXTRACTOR_VERSION}
    assert reextract(db).articles == 0
    assert reextract(db, all_articles=True).articles == 2
    assert db["articles"].count == 2


def test_a_run_left_running_by_a_dead_process_is_marked_interrupted(db_path):
    from storage.store import finish_run, start_run

    db = open_database(db_path)
    start_run(db, "old", feeds_file=None)
    db["runs"].update("old", {"pid": 2**22 + 12345})  # above Linux's largest pid: no such process
    start_run(db, "live", feeds_file=None)  # this process: still alive
    start_run(db, "new", feeds_file=None)
    statuses = {r["id"]: r["status"] for r in db.query("select id, status from runs")}
    assert statuses == {"old": "interrupted", "live": "running", "new": "running"}
    finish_run(db, "live", status="completed", counts={})
