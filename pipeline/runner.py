"""Run the ingest flow from Python or the CLI with errors mapped to clear messages."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import default_feeds_file, load_feeds
from storage.db import open_database


def run_ingest(*, feeds_file: str | None, db_path: str, refresh: bool = False):  # noqa: ANN201
    """Validate the inputs first (clear errors, no Prefect start-up), then run the flow."""
    feeds_path = Path(feeds_file) if feeds_file else default_feeds_file()
    load_feeds(feeds_path)  # raises ConfigError with the reason
    open_database(db_path).close()  # raises StorageError with the reason

    from pipeline.flow import ingest_flow
    from pipeline.prefect_server import start_temporary_server

    start_temporary_server()  # one start-up at a time per Prefect home
    return ingest_flow(feeds_file=str(feeds_path), db_path=str(db_path), refresh=refresh)
