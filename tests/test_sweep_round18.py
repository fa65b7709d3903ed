"""Claims generalisation round 18 (own invented articles, invented companies).

A data provider that surveyed analysts is a source, "Rival" opening a sentence is no part of a name,
and a sentence that opens with a description of the article's company ("The garden-tools retailer
earned ...") gives that company all its clauses' figures and is the topic the next sentences inherit.
"""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp


def claims(text: str):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text))


def found(text: str) -> list[tuple]:
    return [
        (c.subject, c.metric, c.value, ((c.change or {}).get("kind"), (c.change or {}).get("value")))
        for c in claims(text)
        if c.metric != "other"
    ]


_LEAD = (
    "Quillon Stores reported results on Tuesday, and Quillon Stores shares fell. "
    "Rival Bexmart was also lower. "
)

# the subject each figure resolves to
SWEEP18_SUBJECTS = [
    (  # a data provider that surveyed or polled analysts is the source, not the subject
        "Quillon Stores said profits rose 5%. "
        "Economists polled by Zentra Data had expected revenue of $3.1bn.",
        [
            ("Quillon Stores", "profit", None, ("percent", 5.0)),
            ("Quillon Stores", "revenue", 3.1e9, (None, None)),
        ],
    ),
    (  # "Rival" opening the sentence describes the name, it is not part of it
        "Quillon Stores said sales rose 4%. Rival Bexmart's sales fell 2%.",
        [
            ("Quillon Stores", "revenue", None, ("percent", 4.0)),
            ("Bexmart", "revenue", None, ("percent", -2.0)),
        ],
    ),
    (  # an opening description is the subject of the "as ..." clause too, and of the next sentence
        _LEAD + "The garden-tools retailer earned $1.2 billion, as revenue rose 4 percent to $9.1 billion. "
        "Analysts surveyed by Zentra Data had expected revenue of $9.3 billion.",
        [
            ("Quillon Stores", "profit", 1.2e9, (None, None)),
            ("Quillon Stores", "revenue", 9.1e9, ("percent", 4.0)),
            ("Quillon Stores", "revenue", 9.3e9, (None, None)),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP18_SUBJECTS)
def test_sweep18_subjects(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected
