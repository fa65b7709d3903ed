"""Prefect settings for quiet, complete local runs (see DEPENDENCIES.md).

Import this module before ``prefect``: Prefect reads its settings from the
environment when it is first imported. A user's own settings always win.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "500",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE": "500",
    "PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS": "4",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "ERROR",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Wait on a busy prefect.db as long as Prefect's own busy_timeout pragma
    # (60 s) from the first statement of each connection, not the default 10 s.
    "PREFECT_SERVER_DATABASE_TIMEOUT": "60",
}


def default_prefect_home() -> Path:
    """A persistent home, so the temporary server does not re-run its
    migrations on every run (13 s against 7 s)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsclaims" / "prefect"


def configure() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if "PREFECT_HOME" not in os.environ:
        home = default_prefect_home()
        home.mkdir(parents=True, exist_ok=True)
        os.environ["PREFECT_HOME"] = str(home)


configure()
