"""Train and load a spaCy textcat model for sentence stance from the user's own labels.

Training runs offline on ``spacy.blank("en")`` (no vectors, nothing downloaded). The model
directory is a normal spaCy pipeline plus ``newsclaims_stance.json`` (labels, threshold,
training summary). Point ``NEWSCLAIMS_STANCE_MODEL`` at the directory to make the pipeline
use it (see extractors/stance.py).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import compounding, minibatch

from extractors.stance_data import OBJ, SUBJ, LabelledSentence, score_labels

OPINION_LABEL, FACT_LABEL = "opinion", "fact"
META_FILE = "newsclaims_stance.json"
ARCHITECTURES = ("bow", "ensemble")

_BOW_MODEL = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 262144,
    "nO": None,
}


class StanceModelError(RuntimeError):
    """A model directory that cannot be trained, saved or loaded."""


@dataclass
class TrainReport:
    n_train: int
    n_dev: int
    epochs: int
    best_epoch: int
    architecture: str
    dev_macro_f1: float | None = None
    losses: list[float] = field(default_factory=list)


class StanceModel:
    """A loaded textcat pipeline that scores sentences as opinion."""

    def __init__(self, nlp: Language, threshold: float = 0.5) -> None:
        self.nlp = nlp
        self.threshold = threshold

    def opinion_scores(self, sentences: Sequence[str], batch_size: int = 256) -> list[float]:
        return [
            float(doc.cats.get(OPINION_LABEL, 0.0)) for doc in self.nlp.pipe(sentences, batch_size=batch_size)
        ]


def build_pipeline(architecture: str = "bow") -> Language:
    if architecture not in ARCHITECTURES:
        raise StanceModelError(
            f"unknown architecture {architecture!r} (use one of {', '.join(ARCHITECTURES)})"
        )
    nlp = spacy.blank("en")
    config = {"model": _BOW_MODEL} if architecture == "bow" else {}
    textcat = nlp.add_pipe("textcat", config=config)
    textcat.add_label(OPINION_LABEL)
    textcat.add_label(FACT_LABEL)
    return nlp


def _example(nlp: Language, row: LabelledSentence) -> Example:
    opinion = 1.0 if row.label == SUBJ else 0.0
    return Example.from_dict(
        nlp.make_doc(row.sentence), {"cats": {OPINION_LABEL: opinion, FACT_LABEL: 1.0 - opinion}}
    )


def train_stance_model(
    rows: Sequence[LabelledSentence],
    out_dir: str | Path,
    *,
    dev_rows: Sequence[LabelledSentence] = (),
    epochs: int = 10,
    architecture: str = "bow",
    seed: int = 0,
    dropout: float = 0.2,
) -> TrainReport:
    """Train on labelled sentences and save the pipeline to ``out_dir``.

    With ``dev_rows`` the epoch with the best dev macro-F1 is kept; otherwise the last one.
    """
    labelled = [r for r in rows if r.label in (SUBJ, OBJ)]
    if len({r.label for r in labelled}) < 2:
        raise StanceModelError("training needs labelled sentences of both classes (SUBJ and OBJ)")
    if epochs < 1:
        raise StanceModelError("epochs must be at least 1")
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = build_pipeline(architecture)
    train = [_example(nlp, r) for r in labelled]
    optimizer = nlp.initialize(lambda: train)
    out = Path(out_dir)
    report = TrainReport(len(train), len(dev_rows), epochs, 0, architecture)
    best = -1.0
    for epoch in range(1, epochs + 1):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        report.losses.append(round(losses.get("textcat", 0.0), 4))
        if dev_rows:
            model = StanceModel(nlp)
            predicted = [
                SUBJ if p >= model.threshold else OBJ
                for p in model.opinion_scores([r.sentence for r in dev_rows])
            ]
            f1 = score_labels([r.label or "" for r in dev_rows], predicted).macro_f1
            if f1 > best:
                best, report.best_epoch, report.dev_macro_f1 = f1, epoch, round(f1, 4)
                _save(nlp, out, report)
    if not dev_rows:
        report.best_epoch = epochs
        _save(nlp, out, report)
    else:
        _save_meta(out, report)
    return report


def _save(nlp: Language, out: Path, report: TrainReport) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(out)
    except OSError as exc:
        raise StanceModelError(f"cannot write model to {out}: {exc}") from exc
    _save_meta(out, report)


def _save_meta(out: Path, report: TrainReport) -> None:
    meta = {"labels": [OPINION_LABEL, FACT_LABEL], "threshold": 0.5, "training": asdict(report)}
    (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


@lru_cache(maxsize=2)
def load_stance_model(path: str) -> StanceModel:
    """Load a model directory written by ``train_stance_model`` (cached per path)."""
    folder = Path(path)
    meta_path = folder / META_FILE
    if not meta_path.is_file():
        raise StanceModelError(f"{folder} is not a newsclaims stance model (no {META_FILE})")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        nlp = spacy.load(folder)
    except (OSError, ValueError) as exc:
        raise StanceModelError(f"cannot load stance model from {folder}: {exc}") from exc
    if "textcat" not in nlp.pipe_names:
        raise StanceModelError(f"{folder} has no textcat component")
    return StanceModel(nlp, float(meta.get("threshold", 0.5)))
