"""``newsclaims stance`` and ``newsclaims train-stance``: opinion vs fact on the command line.

Registered on the main group by pipeline/cli.py (``cli.add_command(...)``).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from extractors.stance import OPINION, StanceResult, sentence_stances, use_stance_model
from extractors.stance_data import OBJ, SUBJ, StanceDataError, looks_like_tsv, read_sentences

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

model_option = click.option(
    "--model",
    "model_path",
    type=click.Path(file_okay=False),
    envvar="NEWSCLAIMS_STANCE_MODEL",
    help="Textcat model directory from train-stance (default: $NEWSCLAIMS_STANCE_MODEL, else cue scorer).",
)


@click.command("stance")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "checkthat"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per sentence; checkthat: sentence_id<TAB>SUBJ|OBJ per sentence.",
)
@model_option
def stance_command(file: str, fmt: str, model_path: str | None) -> None:
    """Opinion or fact for each sentence of FILE.

    FILE is an article (plain text or HTML) or a CheckThat!-style TSV with a header
    row holding 'sentence_id' and 'sentence' columns (any order). Opinion = SUBJ.
    """
    path = Path(file)
    if not path.is_file():
        raise click.ClickException(f"{file}: no such file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{file}: {exc.strerror or exc}") from exc
    head = raw[:4096].decode("utf-8", errors="replace")
    try:
        if looks_like_tsv(path, head):
            rows = read_sentences(path)
            ids, sentences = [r.sentence_id for r in rows], [r.sentence for r in rows]
        else:
            sentences = article_sentences(_article_text(path, raw))
            ids = [str(i) for i in range(len(sentences))]
    except StanceDataError as exc:
        raise click.ClickException(str(exc)) from exc
    results = _stances(sentences, model_path)
    for sentence_id, sentence, result in zip(ids, sentences, results, strict=True):
        if fmt == "checkthat":
            click.echo(f"{sentence_id}\t{SUBJ if result.stance == OPINION else OBJ}")
        else:
            record = {
                "sentence_id": sentence_id,
                "sentence": sentence,
                "stance": result.stance,
                "score": result.score,
                "cues": result.cues,
            }
            click.echo(json.dumps(record, ensure_ascii=False))


@click.command("train-stance")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory to write the model to (then set NEWSCLAIMS_STANCE_MODEL to it).",
)
@click.option(
    "--dev", "dev_file", type=click.Path(dir_okay=False), help="Labelled TSV to pick the best epoch on."
)
@click.option("--epochs", type=click.IntRange(min=1), default=10, show_default=True)
@click.option(
    "--arch",
    type=click.Choice(["bow", "ensemble"]),
    default="ensemble",
    show_default=True,
    help="bow: fast bag of n-grams; ensemble: n-grams plus a small CNN (slower, usually better).",
)
@click.option("--seed", type=int, default=0, show_default=True)
def train_stance_command(
    files: tuple[str, ...], out_dir: str, dev_file: str | None, epochs: int, arch: str, seed: int
) -> None:
    """Train a spaCy textcat stance model from labelled sentences.

    FILES are TSVs with a header row holding 'sentence' and 'label' columns
    (label SUBJ = opinion, OBJ = fact), e.g. CheckThat! subjectivity files.
    Training runs offline on a blank English pipeline.
    """
    from extractors.stance_model import StanceModelError, train_stance_model

    try:
        rows = [row for f in files for row in read_sentences(f, require_labels=True)]
        dev_rows = read_sentences(dev_file, require_labels=True) if dev_file else []
        report = train_stance_model(
            rows, out_dir, dev_rows=dev_rows, epochs=epochs, architecture=arch, seed=seed
        )
    except (StanceDataError, StanceModelError) as exc:
        raise click.ClickException(str(exc)) from exc
    dev = f", dev macro-F1 {report.dev_macro_f1:.4f} at epoch {report.best_epoch}" if dev_rows else ""
    click.echo(f"trained on {report.n_train} sentences ({arch}, {epochs} epochs){dev}; model in {out_dir}")
    click.echo(f"use it with: NEWSCLAIMS_STANCE_MODEL={out_dir} newsclaims ...")


def article_sentences(text: str) -> list[str]:
    """The sentences of an article as the project pipeline splits them (blank ones left out)."""
    from extractors.nlp import get_nlp

    return [s.text.strip() for s in get_nlp()(text).sents if s.text.strip()]


def _article_text(path: Path, raw: bytes) -> str:
    from extractors.textfile import decode_bytes

    text = decode_bytes(raw)
    if path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:1] == "<":
        return _html_text(text)
    return text.replace("\r\n", "\n")


def _html_text(html: str) -> str:
    try:
        from extractors.html import extract_article
    except ImportError:  # the HTML extractor's dependencies are missing: plain text of the page
        from bs4 import BeautifulSoup

        return BeautifulSoup(html, "lxml").get_text("\n")
    page = extract_article(html)
    return page.text or ""


def _stances(sentences: list[str], model_path: str | None) -> list[StanceResult]:
    if not model_path:
        return sentence_stances(sentences)
    from extractors.stance_model import StanceModelError

    use_stance_model(model_path)
    try:
        return sentence_stances(sentences)
    except StanceModelError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        use_stance_model(None)
