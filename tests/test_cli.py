"""The CLI through click's CliRunner: clear one-line errors, extract formats."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import FIXTURES


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(cli, list(args))


def test_every_command_has_help():
    result = run("--help")
    assert result.exit_code == 0
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert run(name, "--help").exit_code == 0


def test_extract_missing_file_is_one_clear_line():
    result = run("extract", "no-such-file.txt", "--format", "jsonl")
    assert result.exit_code == 1
    assert "no-such-file.txt: no such file" in result.output
    assert "Traceback" not in result.output


def test_extract_jsonl_has_every_claims_field():
    from extractors.model import CLAIM_FIELDS

    source = str(FIXTURES / "articles" / "kuaishou-keling-spin-off.txt")
    result = run("extract", source, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    text = (FIXTURES / "articles" / "kuaishou-keling-spin-off.txt").read_text(encoding="utf-8")
    for claim in lines:
        assert claim["doc"] == source
        assert set(CLAIM_FIELDS) <= set(claim)
        start, end = claim["span"]
        assert text[start:end] == claim["surface"]


def test_extract_html_and_text_give_the_same_figures():
    html = run("extract", str(FIXTURES / "articles" / "kling-ai-opinion.html"), "--format", "jsonl")
    txt = run("extract", str(FIXTURES / "articles" / "kling-ai-opinion.txt"), "--format", "jsonl")
    assert html.exit_code == txt.exit_code == 0

    def figures(output: str) -> set:
        return {(c["metric"], c["value"], c["unit"]) for c in map(json.loads, output.splitlines())}

    assert figures(html.output) == figures(txt.output)


def test_ingest_with_missing_feeds_file(tmp_path):
    result = run("ingest", "--feeds", str(tmp_path / "none.toml"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "feeds file not found" in result.output


def test_ingest_with_bad_feeds_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[feeds]]\nname = 'x'\n")
    result = run("ingest", "--feeds", str(bad), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "has no url" in result.output


def test_ingest_with_unusable_db(tmp_path):
    result = run("ingest", "--db", str(tmp_path / "missing-dir" / "x.db"))
    assert result.exit_code == 1
    assert "does not exist" in result.output
