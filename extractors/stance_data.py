"""CheckThat!-style subjectivity TSV files and the scores used to measure stance.

A file is tab-separated with a header row and no quoting. Columns are found by
name (``sentence_id``, ``sentence``, optionally ``label``), never by position:
the CheckThat! 2025 test file has them in another order than train/dev.
Labels are ``SUBJ`` (opinion) and ``OBJ`` (fact); ``opinion``/``fact`` are accepted too.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SUBJ, OBJ = "SUBJ", "OBJ"
_LABELS = {"subj": SUBJ, "opinion": SUBJ, "obj": OBJ, "fact": OBJ}


class StanceDataError(ValueError):
    """A TSV file that cannot be read as labelled or unlabelled sentences."""


@dataclass(frozen=True)
class LabelledSentence:
    sentence_id: str
    sentence: str
    label: str | None  # SUBJ / OBJ, or None in an unlabelled file


def looks_like_tsv(path: Path, head: str) -> bool:
    """Is this file a sentence TSV (by suffix, or a header line with a ``sentence`` column)?"""
    if path.suffix.lower() == ".tsv":
        return True
    first = head.split("\n", 1)[0]
    return "\t" in first and "sentence" in [c.strip().lower() for c in first.split("\t")]


def read_sentences(path: str | Path, *, require_labels: bool = False) -> list[LabelledSentence]:
    """Read a CheckThat!-format TSV; columns are located by header name."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise StanceDataError(f"cannot read {path}: {exc}") from exc
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        raise StanceDataError(f"{path} is empty")
    columns = {name.strip().lower(): i for i, name in enumerate(header)}
    if "sentence" not in columns:
        raise StanceDataError(f"{path}: no 'sentence' column in header {header!r}")
    if require_labels and "label" not in columns:
        raise StanceDataError(f"{path}: no 'label' column in header {header!r}")
    i_sent, i_id, i_label = columns["sentence"], columns.get("sentence_id"), columns.get("label")
    rows: list[LabelledSentence] = []
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(i for i in (i_sent, i_id, i_label) if i is not None):
            raise StanceDataError(f"{path}:{line_no}: expected {len(header)} columns, got {len(row)}")
        label = None
        if i_label is not None:
            raw = row[i_label].strip()
            label = _LABELS.get(raw.lower())
            if label is None:
                raise StanceDataError(f"{path}:{line_no}: unknown label {raw!r} (use SUBJ or OBJ)")
        sentence_id = row[i_id].strip() if i_id is not None else str(line_no - 1)
        rows.append(LabelledSentence(sentence_id, row[i_sent], label))
    return rows


@dataclass(frozen=True)
class Scores:
    macro_f1: float
    f1_subj: float
    f1_obj: float
    accuracy: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "macro_f1": round(self.macro_f1, 4),
            "f1_subj": round(self.f1_subj, 4),
            "f1_obj": round(self.f1_obj, 4),
            "accuracy": round(self.accuracy, 4),
            "n": self.n,
        }


def score_labels(gold: Sequence[str], predicted: Sequence[str]) -> Scores:
    """Macro-F1 over {SUBJ, OBJ} (the CheckThat! ranking metric) and per-class F1."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    f1 = {label: _f1(gold, predicted, label) for label in (SUBJ, OBJ)}
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return Scores(
        macro_f1=(f1[SUBJ] + f1[OBJ]) / 2,
        f1_subj=f1[SUBJ],
        f1_obj=f1[OBJ],
        accuracy=correct / len(gold) if gold else 0.0,
        n=len(gold),
    )


def _f1(gold: Sequence[str], predicted: Sequence[str], label: str) -> float:
    tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
    fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
    fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
