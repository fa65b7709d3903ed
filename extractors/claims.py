"""Claims from a processed spaCy Doc. Placeholder until the extraction issue lands."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.model import Claim


def extract_claims_from_doc(doc: Doc, title: str | None = None) -> list[Claim]:
    return []
