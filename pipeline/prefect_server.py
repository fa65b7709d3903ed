"""Start Prefect's temporary server one process at a time per Prefect home.

With no ``PREFECT_API_URL``, every ingest starts its own temporary Prefect
server, and each server migrates the shared ``prefect.db`` in ``PREFECT_HOME``
when it starts. Two ingests that start together (cron overlap, a schedule
beside a manual run, a fresh machine) then race on those migrations, and one
server fails with "database is locked" before Prefect restarts it. A file lock
in the Prefect home makes the start-ups take turns; once started, the servers
share the database as Prefect intends (WAL, busy timeout).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline import prefect_env

LOCK_NAME = "newsclaims-server-start.lock"


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no flock on this platform: Prefect's own restart is the fallback
        yield
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start_temporary_server() -> str | None:
    """Start this process's temporary Prefect server now, under the start-up
    lock, and return its API URL; return None when a server is configured
    (``PREFECT_API_URL``) and nothing needs starting."""
    prefect_env.configure()
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None  # a configured server (env or profile), or none allowed: Prefect decides

    server = SubprocessASGIServer()  # the instance Prefect's own client uses
    with _exclusive(Path(PREFECT_HOME.value()).expanduser() / LOCK_NAME):
        server.start()
    return server.api_url
