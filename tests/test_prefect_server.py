"""The temporary Prefect server starts one process at a time per Prefect home."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from pipeline import prefect_server
from pipeline.filelock import locked
from pipeline.prefect_server import LOCK_NAME

TRY_LOCK = textwrap.dedent(
    """
    import fcntl, sys
    with open(sys.argv[1], "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("busy")
        else:
            print("free")
    """
)


def other_process_sees(lock_path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(lock_path)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_start_up_lock_excludes_other_processes_and_is_released(tmp_path: Path):
    lock_path = tmp_path / "home" / LOCK_NAME
    with locked(lock_path):
        assert lock_path.exists()
        assert other_process_sees(lock_path) == "busy"
    assert other_process_sees(lock_path) == "free"


def test_start_up_lock_is_released_when_the_start_fails(tmp_path: Path):
    lock_path = tmp_path / LOCK_NAME
    try:
        with locked(lock_path):
            raise RuntimeError("server did not start")
    except RuntimeError:
        pass
    assert other_process_sees(lock_path) == "free"


def test_nothing_starts_when_a_server_is_configured():
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:1/api"}):
        assert prefect_server.start_temporary_server() is None


def test_the_started_server_is_the_one_prefect_uses(tmp_path: Path):
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: None}):
        url = prefect_server.start_temporary_server()
    assert url is not None and url == SubprocessASGIServer().api_url
    assert SubprocessASGIServer().running
