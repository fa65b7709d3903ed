"""What the claims sweep tables (tests/test_sweep_round*.py) read: claims of one invented text."""

from __future__ import annotations

from extractors.claims import extract_claims_from_doc
from extractors.model import Claim
from extractors.nlp import get_nlp


def claims(text: str) -> list[Claim]:
    return extract_claims_from_doc(get_nlp()(text))


def found(text: str) -> list[tuple]:
    """(subject, metric, value, (change kind, change value)) of each claim in the taxonomy."""
    return [
        (c.subject, c.metric, c.value, ((c.change or {}).get("kind"), (c.change or {}).get("value")))
        for c in claims(text)
        if c.metric != "other"
    ]
