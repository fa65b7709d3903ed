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

from pathlib import Path

from pipeline import prefect_env
from pipeline.filelock import locked

LOCK_NAME = "newsclaims-server-start.lock"


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
    with locked(Path(PREFECT_HOME.value()).expanduser() / LOCK_NAME):
        server.start()
    return server.api_url
