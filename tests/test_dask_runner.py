"""The same ingest flow on a Dask cluster of worker processes (prefect-dask).

The tasks take and return plain data and open their own DB connections, so the
``analyse`` batches can run in other processes. This runs them there for real,
in a separate Python process as a deployment would (a local cluster of two
worker processes), and checks that the database ends up exactly as with
Prefect's default runner.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_integration_flow import loopback_settings

pytestmark = pytest.mark.integration
# (find_spec, not importorskip: importing prefect while pytest collects binds its log handler
# to a capture stream that is closed by the time the temporary API server logs its shutdown)
if importlib.util.find_spec("prefect_dask") is None:
    pytest.skip("prefect-dask not installed (pip install '.[dask]')", allow_module_level=True)

ON_DASK = """
import sys
from prefect_dask import DaskTaskRunner
from pipeline.flow import ingest_flow

runner = DaskTaskRunner(
    cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
)
flow = ingest_flow.with_options(task_runner=runner)
summary = flow(feeds_file=sys.argv[1], db_path=sys.argv[2], batch_size=1)
print(summary.articles_new, summary.sentences, summary.claims)
"""

TABLES = {
    "articles": "id, url, title, text, content_hash, sentence_count, claim_count, status",
    "sentences": 'id, article_id, idx, start, "end", text, stance, stance_score',
    "claims": "id, article_id, subject, metric, value, unit, qualifier, modality, period, surface",
}


def _contents(db_path: Path) -> dict[str, list[tuple]]:
    from storage.db import open_database

    db = open_database(db_path)
    out = {
        table: [tuple(row.values()) for row in db.query(f"select {cols} from {table} order by 1, 2")]
        for table, cols in TABLES.items()
    }
    db.close()
    return out


def test_dask_workers_store_what_the_default_runner_stores(demo_site, tmp_path):
    from pipeline.flow import ingest_flow

    env = {
        **os.environ,
        "NEWSCLAIMS_ALLOW_PRIVATE_HOSTS": "127.0.0.1,localhost",
        "NEWSCLAIMS_RESPECT_ROBOTS": "false",
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-c", ON_DASK, str(demo_site), str(tmp_path / "dask.db")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    default = ingest_flow(
        feeds_file=str(demo_site),
        db_path=str(tmp_path / "default.db"),
        batch_size=1,
        settings=loopback_settings(),
    )
    new, sentences, claims = map(int, done.stdout.split()[-3:])
    assert (new, sentences, claims) == (default.articles_new, default.sentences, default.claims)
    assert default.articles_new == 2 and claims > 0
    assert _contents(tmp_path / "dask.db") == _contents(tmp_path / "default.db")
