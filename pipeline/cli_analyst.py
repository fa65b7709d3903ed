"""Analyst commands: ``newsclaims claims`` (terminal) and ``newsclaims serve`` (Datasette).

Both read the ``claims_enriched`` view (storage/migrations.py, m002), so the
terminal and the browser show the same columns. ``pipeline.cli`` registers
the two commands; this module does not import it (no import cycle).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import storage
from extractors.model import METRICS, STANCES
from pipeline.cli_options import db_option
from storage.db import StorageError, open_existing
from storage.queries import ClaimFilters, QueryError, count_claims, fetch_claims, to_csv, to_json, to_table

if TYPE_CHECKING:
    from datasette.app import Datasette

DATABASE_NAME = "newsclaims"  # Datasette mounts the file under this name, whatever it is called
# Package data (pyproject: [tool.setuptools.package-data] storage = ["datasette/...", ...]).
DATASETTE_DIR = Path(storage.__file__).resolve().parent / "datasette"
STATIC_MOUNT = "newsclaims-static"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


# -- library -----------------------------------------------------------------


def open_for_reading(db_path: str | Path) -> Any:
    """Open an existing newsclaims database (applying pending migrations, such as
    the analyst views). Raises ``StorageError`` when it is missing or not ours."""
    target = Path(db_path)
    if target.exists() and target.is_file():
        try:
            with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as conn:
                names = {
                    row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")
                }
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{target} is not an SQLite database ({exc})") from exc
        if names and "claims" not in names:
            raise StorageError(f"{target} is not a newsclaims database (it has no claims table)")
    return open_existing(target)


def load_metadata() -> dict[str, Any]:
    """The Datasette metadata shipped with the package (storage/datasette/metadata.yaml)."""
    import yaml

    with (DATASETTE_DIR / "metadata.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def build_datasette(db_path: str | Path, *, settings: dict[str, Any] | None = None) -> Datasette:
    """A read-only Datasette over ``db_path``, mounted as ``/newsclaims``, with the
    package's metadata, templates, plugin and static files.

    Datasette opens a mutable file with ``mode=ro`` and ``PRAGMA query_only``
    for every query, and no stored query writes, so nothing here can change the
    database; an ingest may write to it at the same time (WAL).
    """
    from datasette.app import Datasette
    from datasette.database import Database

    ds = Datasette(
        files=[],
        metadata=load_metadata(),
        template_dir=str(DATASETTE_DIR / "templates"),
        plugins_dir=str(DATASETTE_DIR / "plugins"),
        static_mounts=[(STATIC_MOUNT, str(DATASETTE_DIR / "static"))],
        settings=settings,
    )
    ds.remove_database("_memory")  # added because files=[]; analysts only need newsclaims
    ds.add_database(Database(ds, path=str(Path(db_path).resolve()), is_mutable=True), name=DATABASE_NAME)
    return ds


# -- commands ----------------------------------------------------------------


@click.command("claims")
@db_option
@click.option(
    "--search",
    help="Every word in the subject, figure or evidence sentence (full-text; 'profit' finds 'profits').",
)
@click.option("--subject", help="Subject contains this text (any case): 'keling' finds 'Keling AI'.")
@click.option("--metric", type=click.Choice(METRICS), help="Metric (CLAIMS.md taxonomy).")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Articles published on or after this day (YYYY-MM-DD, UTC).",
)
@click.option("--stance", type=click.Choice(STANCES), help="Claim stance: fact or opinion.")
@click.option("--feed", help="Feed name contains this text (any case).")
@click.option("--min-value", type=float, help="Value at least this (in the claim's unit, full magnitude).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many claims.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table: readable, long cells cut; csv and json: every value in full.",
)
def claims_command(
    db_path: str,
    search: str | None,
    subject: str | None,
    metric: str | None,
    since: datetime | None,
    stance: str | None,
    feed: str | None,
    min_value: float | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored claims, newest article first.

    The columns are those of the claims_enriched view that `newsclaims serve`
    shows in Datasette.
    """
    filters = ClaimFilters(
        search=search,
        subject=subject,
        metric=metric,
        since=since.date() if since else None,
        stance=stance,
        feed=feed,
        min_value=min_value,
        limit=limit,
    )
    try:
        db = open_for_reading(db_path)
        try:
            if count_claims(db) == 0:
                hint = f"run `newsclaims ingest --db {db_path}` first"
                raise click.ClickException(f"the database {db_path} holds no claims yet: {hint}")
            rows = fetch_claims(db, filters)
        finally:
            db.close()
    except (StorageError, QueryError) as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(to_json(rows))
    elif fmt == "csv":
        click.echo(to_csv(rows), nl=False)
    elif rows:
        click.echo(to_table(rows))
    else:
        click.echo("No claims match these filters.", err=True)


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind. The default serves this machine only.",
)
@click.option(
    "--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
def serve_command(db_path: str, host: str, port: int) -> None:
    """Browse the claims in Datasette (read-only): facets, search, stored
    queries and a chart of a metric over time."""
    try:
        open_for_reading(db_path).close()  # exists, is ours, has the analyst views
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc
    import uvicorn

    ds = build_datasette(db_path)
    if host not in LOOPBACK_HOSTS:
        click.echo(
            f"Warning: serving on {host}: anyone who can reach this port can read the database.", err=True
        )
    url_host = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {db_path} at http://{url_host}:{port}/{DATABASE_NAME} (Ctrl+C to stop)", err=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
