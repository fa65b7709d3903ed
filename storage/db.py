"""Open a newsclaims SQLite database with the settings every writer needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


class StorageError(Exception):
    """A database that cannot be opened or is not a newsclaims database."""


def open_database(path: str | Path | sqlite_utils.Database, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (and by default migrate) the database at ``path``.

    WAL mode lets readers (Datasette, the CLI) work while an ingest writes; the
    busy timeout lets two writers queue instead of failing with "database is
    locked".
    """
    if isinstance(path, sqlite_utils.Database):
        db = path
    else:
        target = Path(path)
        if target.exists() and target.is_dir():
            raise StorageError(f"{target} is a directory, not a database file")
        if not target.parent.exists():
            raise StorageError(f"folder {target.parent} does not exist")
        try:
            conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            db = sqlite_utils.Database(conn)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"cannot open {target} as SQLite: {exc}") from exc
    if migrate:
        from storage.migrations import migrate as run_migrations

        try:
            run_migrations(db)
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"cannot prepare the database: {exc}") from exc
    return db


def open_existing(path: str | Path) -> sqlite_utils.Database:
    """Open a database that must already exist (for readers such as ``claims``)."""
    target = Path(path)
    if not target.exists():
        raise StorageError(f"no database at {target}: run `newsclaims ingest --db {target}` first")
    return open_database(target)
