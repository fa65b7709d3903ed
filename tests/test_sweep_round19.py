"""Claims generalisation round 19 (own invented articles, invented companies).

Modality: a company "preparing to" act, one that "sees" growth ahead and a change noun sized by
"will be" tell forecasts.
"""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp


def claims(text: str):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text))


def found_modal(text: str) -> list[tuple]:
    return [
        (
            c.subject,
            c.metric,
            c.value,
            c.modality,
            ((c.change or {}).get("kind"), (c.change or {}).get("value")),
        )
        for c in claims(text)
        if c.metric != "other"
    ]


# the modality (and the change) of each figure
SWEEP19_MODALITY = [
    (  # "is preparing to" cut jobs is not done yet
        "Zorbel is preparing to cut 2,000 jobs.",
        [("Zorbel", "employees", None, "forecast", ("absolute", -2000.0))],
    ),
    (  # "sees ... growth" is guidance
        "Looking ahead, Zorbel sees fiscal year 2021 sales growth of 1.5 percent.",
        [("Zorbel", "revenue", None, "forecast", ("percent", 1.5))],
    ),
    (  # a change noun sized by "will be" is a forecast change
        "Zorbel said like-for-like sales growth in 2021 will be 2.5%.",
        [("Zorbel", "revenue", None, "forecast", ("percent", 2.5))],
    ),
    (  # and "was" still tells a past change
        "Zorbel said sales growth at its 30 stores was 0.5%.",
        [("Zorbel", "revenue", None, "actual", ("percent", 0.5))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP19_MODALITY)
def test_sweep19_modality(text: str, expected: list[tuple]) -> None:
    assert found_modal(text) == expected
