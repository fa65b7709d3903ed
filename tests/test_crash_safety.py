"""Crash safety and idempotency: a SIGKILLed ingest leaves a sound database
that the next run completes, and reruns over unchanged sources change nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.robots import clear_shared_cache
from pipeline.settings import FetchSettings
from tests.faultserver import FaultServer

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]
N_ARTICLES = 40


def ingest_env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "NEWSCLAIMS_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
        "NEWSCLAIMS_RETRIES": "1",
        "NEWSCLAIMS_BACKOFF": "0.05",
        "PREFECT_TASKS_DISABLE_CACHING": "true",
        **extra,
    }
    env.setdefault("PREFECT_HOME", str(REPO / ".prefect"))  # shared: no Prefect migrations per run
    return env


def ingest_command(feeds: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "ingest", "--feeds", str(feeds), "--db", str(db), "-q"]


def count_ok(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from articles where status = 'ok'").fetchone()[0]
    except sqlite3.OperationalError:  # schema not there yet
        return 0


def assert_sound(db_path: Path, expected_articles: int) -> None:
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert conn.execute("select count(*) from articles").fetchone()[0] == expected_articles
    assert (
        conn.execute("select count(*) from articles where status = 'ok'").fetchone()[0] == expected_articles
    )
    assert conn.execute("select url from articles group by url having count(*) > 1").fetchall() == []
    dup_claims = conn.execute(
        "select article_id, span_start, span_end, metric, count(*) from claims"
        " group by article_id, span_start, span_end, metric, subject having count(*) > 1"
    ).fetchall()
    assert dup_claims == []
    per_article = conn.execute(
        "select a.id, a.sentence_count, a.claim_count,"
        " (select count(*) from sentences s where s.article_id = a.id),"
        " (select count(*) from claims c where c.article_id = a.id) from articles a"
    ).fetchall()
    for article_id, sentence_count, claim_count, sentences, claims in per_article:
        assert (sentence_count, claim_count) == (sentences, claims), article_id
    conn.close()


@pytest.fixture
def slow_site(tmp_path: Path) -> Iterator[tuple[FaultServer, Path]]:
    clear_shared_cache()
    with FaultServer(slow_delay=0.3) as server:
        server.feed_paths = [f"/slow/article-{i:02d}" for i in range(N_ARTICLES)]
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nname = "Slow"\nurl = "{server.url("/feed.xml")}"\n')
        yield server, feeds


def test_sigkill_mid_run_then_rerun_stores_every_article_once(slow_site, tmp_path):
    server, feeds = slow_site
    db = tmp_path / "crash.db"
    env = ingest_env(NEWSCLAIMS_CHUNK_SIZE="4", NEWSCLAIMS_PER_HOST_CONCURRENCY="2")
    proc = subprocess.Popen(
        ingest_command(feeds, db), cwd=REPO, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while count_ok(db) < 6 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        stored_before_kill = count_ok(db)
        assert proc.poll() is None, f"ingest ended before the kill: {proc.communicate()[1][-2000:]!r}"
        assert 0 < stored_before_kill < N_ARTICLES
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its temporary Prefect server
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select status from runs").fetchall() == [("running",)]  # the killed run
    conn.close()

    rerun = subprocess.run(
        ingest_command(feeds, db), cwd=REPO, env=env, capture_output=True, text=True, timeout=180
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert "database is locked" not in rerun.stderr
    assert_sound(db, N_ARTICLES)
    conn = sqlite3.connect(db)
    assert sorted(r[0] for r in conn.execute("select status from runs")) == ["completed", "interrupted"]
    conn.close()
    # Articles stored before the kill were not fetched again.
    fetched = [h.path for h in server.hits if h.path.startswith("/slow/")]
    assert len(fetched) <= N_ARTICLES + 2 * 4 + 2  # at most the interrupted chunk(s) twice


def snapshot(db_path: Path) -> dict[str, object]:
    conn = sqlite3.connect(db_path)
    tables = ("feeds", "articles", "sentences", "claims")
    snap: dict[str, object] = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    snap["articles"] = conn.execute(
        "select id, url, status, error, content_hash, sentence_count, claim_count from articles order by id"
    ).fetchall()
    snap["sentences"] = conn.execute("select id, text, stance from sentences order by id").fetchall()
    snap["claims"] = conn.execute(
        "select id, surface, value, unit, metric from claims order by id"
    ).fetchall()
    snap["feeds"] = conn.execute("select id, title, content_hash, etag, last_status from feeds").fetchall()
    conn.close()
    return snap


def test_reruns_over_unchanged_sources_are_idempotent(tmp_path):
    from pipeline.flow import ingest_flow

    clear_shared_cache()
    with FaultServer() as server:
        server.feed_paths = [f"/ok/{i}" for i in range(6)] + ["/pdf", "/nowhere", "/wrong-charset"]
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nname = "Steady"\nurl = "{server.url("/feed.xml")}"\n')
        db = tmp_path / "steady.db"
        settings = FetchSettings(allow_private_hosts=("127.0.0.1",), retries=0)
        first = ingest_flow(feeds_file=str(feeds), db_path=str(db), settings=settings)
        assert first.articles_new == 7 and first.articles_failed == 2
        reference = snapshot(db)
        for _ in range(3):
            again = ingest_flow(feeds_file=str(feeds), db_path=str(db), settings=settings)
            assert again.articles_new == again.articles_updated == again.articles_failed == 0
            assert snapshot(db) == reference
        assert len(list(sqlite3.connect(db).execute("select id from runs"))) == 4
