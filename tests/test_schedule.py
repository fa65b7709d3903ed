"""``newsclaims schedule``: clear errors for bad input, and a real served
deployment against a local Prefect server on 127.0.0.1 that records runs."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

REPO = Path(__file__).resolve().parents[1]


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(cli, ["schedule", *args])


def test_schedule_is_registered_with_help():
    result = run("--help")
    assert result.exit_code == 0 and "--cron" in result.output and "--interval" in result.output


def test_bad_cron_is_one_clear_error():
    result = run("--cron", "every half hour")
    assert result.exit_code == 2 and "Invalid cron string" in result.output
    assert "Traceback" not in result.output


def test_needs_exactly_one_schedule():
    assert "exactly one of --cron or --interval" in run().output
    assert run("--cron", "* * * * *", "--interval", "60").exit_code == 2


def test_missing_feeds_file_is_reported_before_serving(tmp_path):
    result = run(
        "--cron", "*/30 * * * *", "--feeds", str(tmp_path / "none.toml"), "--db", str(tmp_path / "x.db")
    )
    assert result.exit_code == 1 and "feeds file not found" in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@pytest.fixture
def prefect_server() -> Iterator[str]:
    """A Prefect server on 127.0.0.1 (its own process group, stopped afterwards)."""
    port = _free_port()
    env = {**os.environ, "PREFECT_UI_ENABLED": "false", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.setdefault("PREFECT_HOME", str(REPO / ".prefect"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the Prefect server did not start within 90 s")
        yield api
    finally:
        _stop(proc)


def _completed_runs(db: Path) -> list[tuple]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(
                "select status, articles_new, articles_unchanged from runs where status = 'completed'"
                " order by started_at"
            ).fetchall()
    except sqlite3.OperationalError:
        return []


@pytest.mark.integration
@pytest.mark.slow
def test_served_deployment_runs_on_its_schedule_and_records_runs(prefect_server, tmp_path):
    db = tmp_path / "scheduled.db"
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_server,
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        "PREFECT_TASKS_DISABLE_CACHING": "true",
    }
    env.setdefault("PREFECT_HOME", str(REPO / ".prefect"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "schedule", "--interval", "3", "--db", str(db),
         "--name", f"test-{os.getpid()}"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while len(_completed_runs(db)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
        runs = _completed_runs(db)
    finally:
        _stop(proc)
    assert len(runs) >= 2, proc.stderr.read().decode()[-2000:] if proc.stderr else ""
    assert runs[0][1] == 2  # the demo feed's two articles, stored by the first scheduled run
    assert runs[1][1] == 0 and runs[1][2] == 2  # the next run finds nothing new
