"""Hostile input, nothing lost: the real ingest flow against the fault server.

Every fault ends as a recorded failure with its reason (the run completes);
a second run retries exactly what can be retried. docs/faults.md has the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.robots import clear_shared_cache
from pipeline.settings import FetchSettings
from tests.faultserver import FaultServer

pytestmark = [pytest.mark.integration, pytest.mark.slow]

# article path -> (status after run 1, words in the error, retried by run 2, status after run 2)
ARTICLES = {
    "/ok/one": ("ok", None, False, "ok"),
    "/gzip-ok": ("ok", None, False, "ok"),
    "/redirect-to-ok": ("ok", None, False, "ok"),
    "/wrong-charset": ("ok", None, False, "ok"),
    "/500": ("failed", "HTTP 500", True, "failed"),
    "/503-then-200": ("failed", "HTTP 503", True, "ok"),
    "/429-then-200": ("failed", "HTTP 429", True, "ok"),
    "/429-long": ("failed", "HTTP 429", True, "failed"),
    "/slow-drip": ("failed", "ReadTimeout", True, "failed"),
    "/truncated": ("failed", "RemoteProtocolError", True, "failed"),
    "/bad-gzip": ("failed", "invalid compressed body", False, "failed"),
    "/gzip-bomb": ("failed", "decompressed body larger than", False, "failed"),
    "/loop-a": ("failed", "redirect loop", False, "failed"),
    "/big-script": ("failed", "larger than 5000000 bytes", False, "failed"),
    "/big-stream": ("failed", "larger than 5000000 bytes", False, "failed"),
    "/empty": ("failed", "empty body", True, "failed"),
    "/pdf": ("failed", "unwanted content-type application/pdf", False, "failed"),
    "/private/page": ("failed", "disallowed by robots.txt", False, "failed"),
    "/redirect-to-metadata": ("failed", "non-public address 169.254.169.254", False, "failed"),
    "/nowhere": ("failed", "HTTP 404", False, "failed"),
}
# feed path -> words in the feed's last_error
BAD_FEEDS = {
    "/500?as=feed": "HTTP 500",
    "/gzip-bomb?as=feed": "decompressed body larger than",
    "/empty?as=feed": "empty body",
    "/pdf?as=feed": "unwanted content-type application/pdf",
    "/ok/not-a-feed": "not a feed",
}


@pytest.fixture
def server() -> Iterator[FaultServer]:
    clear_shared_cache()
    with FaultServer(drip_gap=1.0) as srv:
        srv.feed_paths = list(ARTICLES)
        yield srv


def settings() -> FetchSettings:
    return FetchSettings(
        allow_private_hosts=("127.0.0.1",),
        retries=0,  # so that run 2, not an in-call retry, is what recovers 503 and 429
        backoff=0.01,
        read_timeout=0.5,
        connect_timeout=1.0,
        total_timeout=5.0,
        max_retry_after=2.0,
    )


def feeds_file(server: FaultServer, tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    lines = [f'[[feeds]]\nname = "Fault feed"\nurl = "{server.url("/feed.xml")}"\n']
    lines += [f'[[feeds]]\nname = "Bad {p}"\nurl = "{server.url(p)}"\n' for p in BAD_FEEDS]
    path.write_text("\n".join(lines))
    return path


def test_every_fault_is_recorded_and_what_can_be_retried_is(server, tmp_path):
    from pipeline.flow import ingest_flow
    from storage.db import open_database

    db_path = str(tmp_path / "faults.db")
    first = ingest_flow(feeds_file=str(feeds_file(server, tmp_path)), db_path=db_path, settings=settings())
    assert first.status == "completed"
    assert first.feeds_read == 1 and first.feeds_failed == len(BAD_FEEDS)
    assert first.articles_new == 4 and first.articles_failed == len(ARTICLES) - 4

    db = open_database(db_path)
    rows = {r["url"].removeprefix(server.base): r for r in db.query("select * from articles")}
    assert set(rows) == set(ARTICLES)  # every entry is recorded, good or bad
    for path, (status, words, retried, _) in ARTICLES.items():
        row = rows[path]
        assert row["status"] == status, (path, row["error"])
        if words:
            assert words in row["error"], (path, row["error"])
            assert row["retryable"] == int(retried), path
    assert "caf\u00e9 and cr\u00e8me" in rows["/wrong-charset"]["text"]
    feeds = {f["url"].removeprefix(server.base): f for f in db.query("select * from feeds")}
    for path, words in BAD_FEEDS.items():
        assert feeds[path]["last_status"] == "failed" and words in feeds[path]["last_error"], path
    run = db["runs"].get(first.run_id)
    assert run["status"] == "completed" and run["articles_failed"] == first.articles_failed
    db.close()

    before = dict(server.counts)
    second = ingest_flow(feeds_file=str(feeds_file(server, tmp_path)), db_path=db_path, settings=settings())
    assert second.status == "completed"
    for path, (_, _, retried, _) in ARTICLES.items():
        asked_again = server.counts[path] > before.get(path, 0)
        assert asked_again == retried, path
    db = open_database(db_path)
    for path, (_, _, _, status) in ARTICLES.items():
        row = db["articles"].get(rows[path]["id"])
        assert row["status"] == status, (path, row["error"])
    assert db["articles"].count == len(ARTICLES)
    assert second.articles_new == 2  # 503-then-200 and 429-then-200


def test_refresh_retries_permanent_failures_and_uses_conditional_get(server, tmp_path):
    from pipeline.flow import ingest_flow

    db_path = str(tmp_path / "refresh.db")
    server.feed_paths = ["/ok/one", "/ok/two", "/pdf"]
    feeds = tmp_path / "one.toml"
    feeds.write_text(f'[[feeds]]\nname = "F"\nurl = "{server.url("/feed.xml")}"\n')
    first = ingest_flow(feeds_file=str(feeds), db_path=db_path, settings=settings())
    assert (first.articles_new, first.articles_failed) == (2, 1)
    hits_before = len(server.hits)
    refreshed = ingest_flow(feeds_file=str(feeds), db_path=db_path, refresh=True, settings=settings())
    assert refreshed.articles_unchanged == 2 and refreshed.articles_failed == 1
    page_hits = [h for h in server.hits[hits_before:] if h.path.startswith("/ok/")]
    assert len(page_hits) == 2 and all("if-none-match" in h.headers for h in page_hits)
