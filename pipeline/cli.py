"""The ``newsclaims`` command line: a thin layer over the library.

Commands parse options, call the library and turn domain errors into one
clear line on stderr with a non-zero exit code (``click.ClickException``).
"""

from __future__ import annotations

import json
import sys

import click

from pipeline import __version__
from pipeline.cli_options import db_option, feeds_option, workers_option
from pipeline.config import ConfigError
from storage.db import StorageError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclaims")
def cli() -> None:
    """newsclaims: news feeds -> articles -> business claims in SQLite."""


@cli.command()
@feeds_option
@db_option
@click.option("--refresh", is_flag=True, help="Re-fetch articles already stored (conditional GET).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def ingest(feeds_file: str | None, db_path: str, refresh: bool, quiet: bool) -> None:
    """Run the Prefect ingest flow: fetch feeds and articles, extract, store."""
    from pipeline.runner import run_ingest

    try:
        summary = run_ingest(feeds_file=feeds_file, db_path=db_path, refresh=refresh)
    except (ConfigError, StorageError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        from pipeline.summary import format_summary

        click.echo(format_summary(summary))


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="table",
    show_default=True,
    help="jsonl: one CLAIMS.md object a line; table: a readable table.",
)
@workers_option
def extract(sources: tuple[str, ...], fmt: str, workers: int) -> None:
    """Extract claims from text or HTML files or URLs (no database).

    Plain .txt files are read as article text, first line the headline.
    """
    from pipeline.extract_cli import SourceError, claims_for_sources, format_claims_table

    failed = False

    def report(exc: SourceError) -> None:
        nonlocal failed
        click.echo(f"Error: {exc}", err=True)
        failed = True

    rows: list[dict] = []
    for _source, doc_claims in claims_for_sources(list(sources), workers=workers, on_error=report):
        if fmt == "jsonl":
            for claim in doc_claims:
                click.echo(json.dumps(claim, ensure_ascii=False))
        else:
            rows.extend(doc_claims)
    if fmt == "table":
        click.echo(format_claims_table(rows))
    if failed:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--all", "all_articles", is_flag=True, help="Re-extract every article, not only stale ones.")
@workers_option
def reextract(db_path: str, all_articles: bool, workers: int) -> None:
    """Re-run the extractors over stored articles (after an upgrade); no fetching."""
    from pipeline.reextract import reextract as run_reextract
    from storage.db import open_existing

    try:
        db = open_existing(db_path)
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc
    summary = run_reextract(db, all_articles=all_articles, workers=workers)
    click.echo(
        f"re-extracted {summary.articles} articles: {summary.sentences} sentences, {summary.claims} claims"
    )


def _register_optional_commands() -> None:
    """Commands that live in their own modules (one feature each)."""
    import importlib

    for module_name, attrs in (
        ("pipeline.cli_stance", ("stance_command", "train_stance_command")),
        ("pipeline.cli_analyst", ("claims_command", "serve_command")),
        ("pipeline.cli_schedule", ("schedule_command",)),
    ):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        for attr in attrs:
            command = getattr(module, attr, None)
            if command is not None:
                cli.add_command(command)


_register_optional_commands()


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
