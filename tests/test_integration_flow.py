"""The real Prefect ingest flow against a loopback HTTP server serving the fixtures."""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import SHARED

pytestmark = pytest.mark.integration


def loopback_settings():  # noqa: ANN201
    from pipeline.settings import FetchSettings

    return FetchSettings(
        allow_private_hosts=("127.0.0.1", "localhost"), retries=1, backoff=0.01, respect_robots=False
    )


def test_flow_ingests_fixtures_then_reruns_without_changes(demo_site, tmp_path):
    from pipeline.flow import ingest_flow
    from storage.db import open_database

    db_path = tmp_path / "flow.db"
    first = ingest_flow(feeds_file=str(demo_site), db_path=str(db_path), settings=loopback_settings())
    assert (first.feeds_read, first.feeds_failed) == (1, 1)
    assert first.articles_new == 2 and first.articles_failed == 0
    db = open_database(db_path)
    articles = list(db.query("select * from articles order by url"))
    assert [a["status"] for a in articles] == ["ok", "ok"]
    for article in articles:
        assert article["title"] and article["author"]
        assert article["published_at"].endswith("+00:00")
        assert "Privacy policy" not in article["text"]  # boilerplate removed
        assert article["sentence_count"] == db["sentences"].count_where("article_id = ?", [article["id"]])
    for claim in db.query("select c.*, a.text from claims c join articles a on a.id = c.article_id"):
        assert claim["text"][claim["span_start"] : claim["span_end"]] == claim["surface"]
    feeds = {f["name"]: f for f in db.query("select * from feeds")}
    assert feeds["Broken"]["last_status"] == "failed" and "500" in feeds["Broken"]["last_error"]
    runs = list(db.query("select * from runs"))
    assert runs[0]["status"] == "completed" and runs[0]["articles_new"] == 2
    snapshot = {
        t: list(db.query(f"select * from {t} order by id")) for t in ("articles", "sentences", "claims")
    }
    db.close()

    second = ingest_flow(feeds_file=str(demo_site), db_path=str(db_path), settings=loopback_settings())
    assert second.articles_new == 0 and second.articles_unchanged == 2
    db = open_database(db_path)
    assert snapshot == {t: list(db.query(f"select * from {t} order by id")) for t in snapshot}
    assert db["runs"].count == 2


def test_flow_finds_the_seed_claims(demo_site, tmp_path):
    gold_path = SHARED / "data" / "gold" / "seeds.jsonl"
    if not gold_path.exists():
        pytest.skip("../shared absent")
    sys.path.insert(0, str(SHARED / "tools"))
    import score_claims  # the shared scorer decides what matches

    from pipeline.flow import ingest_flow
    from storage.db import open_database

    db_path = tmp_path / "seeds.db"
    ingest_flow(feeds_file=str(demo_site), db_path=str(db_path), settings=loopback_settings())
    db = open_database(db_path)
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if '"metric"' in line]
    claims = [
        {**row, "change": json.loads(row["change"]) if row["change"] else None}
        for row in db.query("select * from claims")
    ]
    found = [g for g in gold if any(score_claims.level_match("attributed", g, c) for c in claims)]
    assert len(found) == len(gold), [g["evidence"][:60] for g in gold if g not in found]
