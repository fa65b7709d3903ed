"""``newsclaims schedule``: serve the ingest flow as a Prefect deployment on a schedule.

The process stays up (``flow.serve``): the Prefect server creates a flow run
at each cron (or interval) tick and this process executes it, one at a time.
Each run is recorded in the database's ``runs`` table like a manual ingest.
See docs/operations.md for a local Prefect server, work pools and Dask.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

from pipeline.cli_options import db_option, feeds_option
from pipeline.config import ConfigError, default_feeds_file, load_feeds
from storage.db import StorageError, open_database

DEPLOYMENT_NAME = "newsclaims-scheduled"


def check_cron(cron: str, timezone: str) -> None:
    """Raise ``click.BadParameter`` unless ``cron`` is a valid cron string."""
    from prefect.client.schemas.schedules import CronSchedule

    from pipeline import prefect_env  # noqa: F401  (settings before prefect is imported)

    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValueError as exc:
        match = re.search(r"Value error, (.*?)(?: \[type=|$)", str(exc), re.M)
        reason = match.group(1) if match else str(exc).splitlines()[-1]
        raise click.BadParameter(f"{reason} (cron {cron!r}, timezone {timezone!r})") from exc


@click.command("schedule")
@click.option("--cron", help='Cron schedule, e.g. "*/30 * * * *" (every 30 minutes).')
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    help="Run every N seconds instead of a cron schedule.",
)
@feeds_option
@db_option
@click.option("--name", default=DEPLOYMENT_NAME, show_default=True, help="Deployment name in Prefect.")
@click.option("--timezone", default="UTC", show_default=True, help="Time zone of the cron schedule.")
def schedule_command(
    cron: str | None,
    interval: float | None,
    feeds_file: str | None,
    db_path: str,
    name: str,
    timezone: str,
) -> None:
    """Serve the ingest flow as a Prefect deployment that runs on a schedule.

    Stays in the foreground; stop it with Ctrl+C. Point PREFECT_API_URL at a
    running Prefect server (`prefect server start --host 127.0.0.1`) to keep
    the schedule and watch the runs in the Prefect UI.
    """
    if (cron is None) == (interval is None):
        raise click.UsageError("give exactly one of --cron or --interval")
    if cron is not None:
        check_cron(cron, timezone)
    feeds_path = Path(feeds_file) if feeds_file else default_feeds_file()
    try:
        load_feeds(feeds_path)
        open_database(db_path).close()
    except (ConfigError, StorageError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not os.environ.get("PREFECT_API_URL"):
        click.echo(
            "Warning: PREFECT_API_URL is not set, so a temporary Prefect server runs inside this process "
            "and the UI is off. For a lasting schedule: `prefect server start --host 127.0.0.1` and "
            "export PREFECT_API_URL=http://127.0.0.1:4200/api",
            err=True,
        )

    from prefect.deployments.runner import EntrypointType

    from pipeline.flow import ingest_flow
    from pipeline.prefect_server import start_temporary_server

    start_temporary_server()  # one start-up at a time per Prefect home
    parameters = {"feeds_file": str(feeds_path.resolve()), "db_path": str(Path(db_path).resolve())}
    ingest_flow.serve(
        name=name,
        cron=cron,
        interval=interval,
        parameters=parameters,
        description=f"newsclaims ingest of {feeds_path.name} into {Path(db_path).name}",
        tags=["newsclaims"],
        limit=1,  # never two runs of this deployment at once
        enforce_parameter_schema=False,
        entrypoint_type=EntrypointType.MODULE_PATH,  # runs import pipeline.flow, whatever the cwd
    )
