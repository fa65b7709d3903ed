"""Two ingest processes on one database at once: both finish, no "database is
locked", no duplicates (WAL, busy timeout, short BEGIN IMMEDIATE writes)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from pipeline.robots import clear_shared_cache
from tests.faultserver import FaultServer
from tests.test_crash_safety import REPO, assert_sound, ingest_command, ingest_env

pytestmark = [pytest.mark.integration, pytest.mark.slow]

N_ARTICLES = 32


def test_two_ingests_on_one_database_both_finish_without_duplicates(tmp_path: Path):
    clear_shared_cache()
    # slow enough that the first run is still going when the second, which waits on startup for a
    # few seconds (Prefect, the shared database), begins: the test is about the overlap
    with FaultServer(slow_delay=0.5) as server:
        server.feed_paths = [f"/slow/shared-{i:02d}" for i in range(N_ARTICLES)]
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nname = "Shared"\nurl = "{server.url("/feed.xml")}"\n')
        db = tmp_path / "shared.db"
        env = ingest_env(NEWSCLAIMS_CHUNK_SIZE="4")
        procs = [
            subprocess.Popen(
                ingest_command(feeds, db),
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            for _ in range(2)
        ]
        outputs = [proc.communicate(timeout=180) for proc in procs]
    for proc, (_, stderr) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, stderr[-2000:]
        assert "database is locked" not in stderr
    assert_sound(db, N_ARTICLES)
    conn = sqlite3.connect(db)
    runs = conn.execute("select status, articles_new, started_at, finished_at from runs").fetchall()
    conn.close()
    assert [r[0] for r in runs] == ["completed", "completed"]
    assert sum(r[1] for r in runs) == N_ARTICLES  # each article was new to exactly one run
    (_, _, start_a, end_a), (_, _, start_b, end_b) = runs
    assert start_a <= end_b and start_b <= end_a  # the two runs really overlapped
