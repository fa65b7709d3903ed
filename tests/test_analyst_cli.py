"""`newsclaims claims`: filters, formats, errors, and agreement with Datasette."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fixtures_db import SCRIPT_MARKUP, WIRE_URL, build_fixture_db

from pipeline.cli_analyst import build_datasette, claims_command
from storage.db import open_database
from storage.queries import CLAIMS_ENRICHED_COLUMNS, ClaimFilters, build_claims_query


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("cli") / "claims.db")


def run(db_path: Path, *args: str) -> Result:
    return CliRunner().invoke(claims_command, ["--db", str(db_path), *args])


def run_json(db_path: Path, *args: str) -> list[dict]:
    result = run(db_path, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_registered_on_the_main_cli() -> None:
    from pipeline.cli import cli

    assert {"claims", "serve"} <= set(cli.commands)
    result = CliRunner().invoke(cli, ["claims", "--help"])
    assert result.exit_code == 0
    for option in (
        "--search",
        "--subject",
        "--metric",
        "--since",
        "--stance",
        "--feed",
        "--min-value",
        "--format",
    ):
        assert option in result.output


def test_columns_are_those_of_the_view(db_path: Path) -> None:
    rows = run_json(db_path)
    assert rows and all(list(r) == list(CLAIMS_ENRICHED_COLUMNS) for r in rows)
    with sqlite3.connect(db_path) as conn:
        view_columns = [c[1] for c in conn.execute("pragma table_info(claims_enriched)")]
    assert view_columns == list(CLAIMS_ENRICHED_COLUMNS)


def test_output_matches_what_datasette_shows(db_path: Path) -> None:
    ds = build_datasette(db_path)
    loop = asyncio.new_event_loop()
    try:
        response = loop.run_until_complete(
            ds.client.get("/newsclaims/claims_enriched.json?_shape=array&_size=max&feed=Other+Wire")
        )
    finally:
        loop.close()
    shown = response.json()
    ours = run_json(db_path, "--feed", "Other Wire")
    key = lambda row: row["claim_id"]  # noqa: E731
    assert sorted(ours, key=key) == sorted(shown, key=key)
    assert [r["published_at"] for r in ours] == [r["published_at"] for r in shown]


def test_default_is_a_table_newest_first(db_path: Path) -> None:
    result = run(db_path)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["claim_id", "subject", "metric", "value"]
    assert "40,000,000,000" in result.output  # numbers readable
    assert lines[2].split()[1:3] == ["Keling", "AI"]  # newest article (14 March) first
    assert "\u2026" in result.output  # long sentences are cut in the table


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--subject", "keling"], lambda r: "keling" in r["subject"].lower()),
        (["--metric", "arr"], lambda r: r["metric"] == "arr"),
        (["--since", "2026-03-14"], lambda r: r["published_at"] >= "2026-03-14"),
        (["--stance", "opinion"], lambda r: r["stance"] == "opinion"),
        (["--feed", "wire"], lambda r: r["feed"] == "Other Wire"),
        (["--min-value", "1e10"], lambda r: r["value"] is not None and r["value"] >= 1e10),
        # full-text: every word somewhere in subject, figure or sentence, in any case
        (["--search", "Recurring KELING"], lambda r: _holds(r, "recurring", "keling")),
        (["--search", "valuations"], lambda r: _holds(r, "valuation")),  # stemmed: the plural finds it
    ],
)
def test_each_filter(db_path: Path, args: list[str], check) -> None:  # noqa: ANN001
    everything = run_json(db_path)
    kept = run_json(db_path, *args)
    assert kept, args
    assert all(check(r) for r in kept), args
    assert [r for r in everything if check(r)] == kept, args
    assert len(kept) < len(everything), args


def _holds(row: dict, *words: str) -> bool:
    text = " ".join(str(row[c]) for c in ("subject", "surface", "sentence")).lower()
    return all(w in text for w in words)


@pytest.mark.parametrize("text", ['AND "', "NOT", "-", "revenue OR", "*", "a:b", "'", "$"])
def test_search_text_never_reads_as_fts_syntax(db_path: Path, text: str) -> None:
    result = run(db_path, "--format", "json", "--search", text)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), list)


def test_search_matches_what_datasette_search_shows(db_path: Path) -> None:
    ds = build_datasette(db_path)
    loop = asyncio.new_event_loop()
    try:
        response = loop.run_until_complete(
            ds.client.get("/newsclaims/claims_enriched.json?_shape=array&_size=max&_search=revenue")
        )
    finally:
        loop.close()
    shown = {r["claim_id"] for r in response.json()}
    ours = {r["claim_id"] for r in run_json(db_path, "--search", "revenue")}
    assert shown and ours == shown
    assert len(ours) < len(run_json(db_path))


def test_filters_combine(db_path: Path) -> None:
    rows = run_json(db_path, "--subject", "Keling AI", "--metric", "valuation", "--min-value", "3e10")
    assert [(r["surface"], r["feed"], r["article_url"]) for r in rows] == [
        ("$40 billion", "Other Wire", WIRE_URL)
    ]


def test_csv_is_complete_and_parses(db_path: Path) -> None:
    result = run(db_path, "--format", "csv", "--feed", "Other Wire")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == list(CLAIMS_ENRICHED_COLUMNS)
    funding = next(r for r in rows if r["metric"] == "funding")
    assert SCRIPT_MARKUP in funding["sentence"]  # data, not HTML: kept as written
    assert float(funding["value"]) == 1e9 and funding["value_low"] == ""


def test_no_match_is_not_an_error(db_path: Path) -> None:
    result = run(db_path, "--subject", "nobody at all")
    assert result.exit_code == 0
    assert "No claims match these filters." in result.output
    assert run_json(db_path, "--subject", "nobody at all") == []


def test_missing_database(tmp_path: Path) -> None:
    result = run(tmp_path / "missing.db")
    assert result.exit_code == 1
    missing = tmp_path / "missing.db"
    assert result.output.strip().splitlines() == [
        f"Error: no database at {missing}: run `newsclaims ingest --db {missing}` first"
    ]
    assert not (tmp_path / "missing.db").exists()


def test_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    open_database(path).close()
    result = run(path)
    assert result.exit_code == 1
    assert "holds no claims yet" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_not_a_newsclaims_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table notes (x)")
    result = run(path)
    assert result.exit_code == 1
    assert "not a newsclaims database" in result.output
    with sqlite3.connect(path) as conn:  # and it was left alone
        assert [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")] == [
            "notes"
        ]


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some text, long enough to not be an empty database file " * 4)
    result = run(path)
    assert result.exit_code == 1
    assert "is not an SQLite database" in result.output


def test_bad_option_values_are_usage_errors(db_path: Path) -> None:
    assert run(db_path, "--metric", "vibes").exit_code == 2
    assert run(db_path, "--since", "last week").exit_code == 2
    assert run(db_path, "--format", "xml").exit_code == 2


def test_query_uses_parameters_not_string_formatting() -> None:
    sql, params = build_claims_query(ClaimFilters(subject="x'; drop table claims; --", min_value=5))
    assert "drop table" not in sql
    assert params == {"subject": "x'; drop table claims; --", "min_value": 5}
