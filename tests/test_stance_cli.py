"""``newsclaims stance`` and ``newsclaims train-stance`` through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extractors.stance import sentence_stance, use_stance_model
from pipeline.cli_stance import stance_command, train_stance_command

ARTICLE = (
    "Acme reported revenue of $4.1bn for the quarter, the company said on Tuesday. "
    "In my view, this is a staggering and frankly reckless bet. "
    "Why would anyone still trust the guidance?\n"
)
OPINIONS = [
    "I think this plan is a terrible mistake.",
    "Frankly, the strategy is absurd and reckless.",
    "In my view the board has been shockingly naive.",
    "This is a brilliant, bold and fascinating move.",
    "Personally, I find the whole affair disgraceful.",
    "What a spectacular waste of money!",
]
FACTS = [
    "Revenue rose 4% to $1.2bn in the second quarter.",
    "The company employs 3,000 people in 12 countries.",
    "Shares closed at 583p on Friday, the exchange said.",
    "The deal was announced on 3 March 2024.",
    "Profit fell to $186m, according to the filing.",
    "The factory opened in Leeds in 2019.",
]


@pytest.fixture(autouse=True)
def no_model(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("NEWSCLAIMS_STANCE_MODEL", raising=False)
    use_stance_model(None)
    yield
    use_stance_model(None)


def _tsv(path, rows: list[tuple[str, ...]], header: tuple[str, ...]):
    path.write_text("\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    return path


def test_article_jsonl(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(stance_command, [str(article)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [d["stance"] for d in lines[:2]] == ["fact", "opinion"]
    assert {"sentence", "stance", "score", "cues"} <= set(lines[0])
    assert any(c.startswith("first_person_judgement:") for c in lines[1]["cues"])


def test_html_article(tmp_path) -> None:
    page = tmp_path / "a.html"
    page.write_text(f"<html><body><article><p>{ARTICLE}</p></article></body></html>", encoding="utf-8")
    result = CliRunner().invoke(stance_command, [str(page)])
    assert result.exit_code == 0, result.output
    assert "<p>" not in result.output


def test_checkthat_format_finds_columns_by_name(tmp_path) -> None:
    # columns in the order of the CheckThat! 2025 test file: sentence, label, sentence_id
    rows = [(OPINIONS[0], "SUBJ", "id-1"), (FACTS[0], "OBJ", "id-2"), ('He said "no" twice.', "OBJ", "id-3")]
    tsv = _tsv(tmp_path / "t.tsv", rows, ("sentence", "label", "sentence_id"))
    result = CliRunner().invoke(stance_command, [str(tsv), "--format", "checkthat"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["id-1\tSUBJ", "id-2\tOBJ", "id-3\tOBJ"]


def test_missing_file_is_one_line_error(tmp_path) -> None:
    result = CliRunner().invoke(stance_command, [str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_tsv_without_sentence_column_is_an_error(tmp_path) -> None:
    tsv = _tsv(tmp_path / "bad.tsv", [("x", "y")], ("id", "text"))
    result = CliRunner().invoke(stance_command, [str(tsv)])
    assert result.exit_code == 1
    assert "no 'sentence' column" in result.output


def test_train_stance_and_use_model(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [(f"s{i}", s, "SUBJ") for i, s in enumerate(OPINIONS)] + [
        (f"o{i}", s, "OBJ") for i, s in enumerate(FACTS)
    ]
    tsv = _tsv(tmp_path / "train.tsv", rows, ("sentence_id", "sentence", "label"))
    out = tmp_path / "model"
    result = CliRunner().invoke(
        train_stance_command,
        [str(tsv), "--out", str(out), "--epochs", "2", "--arch", "bow", "--dev", str(tsv)],
    )
    assert result.exit_code == 0, result.output
    assert (out / "newsclaims_stance.json").is_file()

    scored = CliRunner().invoke(stance_command, [str(tsv), "--model", str(out)])
    assert scored.exit_code == 0, scored.output
    records = [json.loads(line) for line in scored.output.splitlines()]
    assert all(r["cues"][0] == "model:textcat" for r in records)

    monkeypatch.setenv("NEWSCLAIMS_STANCE_MODEL", str(out))
    assert sentence_stance(FACTS[0]).cues[0] == "model:textcat"


def test_train_stance_needs_labels(tmp_path) -> None:
    tsv = _tsv(tmp_path / "u.tsv", [("a", "Some sentence.")], ("sentence_id", "sentence"))
    result = CliRunner().invoke(train_stance_command, [str(tsv), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "no 'label' column" in result.output


def test_bad_model_dir_is_one_line_error(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(stance_command, [str(article), "--model", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert "not a newsclaims stance model" in result.output
