"""Options shared by several ``newsclaims`` commands."""

from __future__ import annotations

import click

DEFAULT_DB = "newsclaims.db"

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database file.",
)

feeds_option = click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(dir_okay=False),
    help="Feeds file (TOML). Default: the bundled demo feed.",
)

workers_option = click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for the extractors (one per CPU core pays off for hundreds of articles).",
)
