"""Claims generalisation round 13 (own invented sentences, invented companies)."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp


def claims(text: str):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text))


def tuples(text: str) -> list[tuple]:
    return [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]


def expect(rows: list[tuple]) -> list[tuple]:
    return [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in rows]


# (text, [(subject, metric, value, unit, qualifier, modality, change)])
SWEEP13_RULES = [
    (  # a metric cue in an "on news that" cause is not the figure's own cue
        "Shares in builder Acme have jumped more than 12% on news that it is selling its stake in Bexco.",
        [("Acme", "share_price", None, None, "at_least", "actual", {"kind": "percent", "value": 12.0})],
    ),
    (  # "the sale of the 40% stake ... for £90m" is the price of a stake sold
        "The sale of the 40% stake to Bexco for £90m is a relief to Acme, which has debts of £300m.",
        [
            ("Bexco", "deal_value", 90e6, "GBP", "exact", "actual", None),
            ("Acme", "debt", 300e6, "GBP", "exact", "actual", None),
        ],
    ),
    (  # an opening participle with its object is no name: "the carrier" is the article's topic
        "Acme Air cut fares. Announcing its results for the year, the carrier made a profit of £40m.",
        [("Acme Air", "profit", 40e6, "GBP", "exact", "actual", None)],
    ),
    (  # a change after a level's bracketed conversions is that level's change
        "Bexco said its profit in 2004 was 12.5bn yen ($120m; £64m), up 8.2% on the previous year.",
        [
            (
                "Bexco",
                "profit",
                12.5e9,
                "JPY",
                "exact",
                "actual",
                {"kind": "percent", "value": 8.2, "over": "1 year"},
            )
        ],
    ),
    (  # a change in an apposition after the level and a time phrase
        "Bexco had revenues of $4.1bn in its last financial year, a 6% increase on the year before.",
        [
            (
                "Bexco",
                "revenue",
                4.1e9,
                "USD",
                "exact",
                "actual",
                {"kind": "percent", "value": 6.0, "over": "1 year"},
            )
        ],
    ),
    (  # two percents before a change noun are one expected change's range
        "Bexco had earlier forecast a 4% to 5% rise in full-year sales.",
        [("Bexco", "revenue", None, None, "range", "forecast", {"kind": "percent", "value": 4.5})],
    ),
    (  # a rise "to" a level stays a change and its level
        "Bexco said sales rose 4% to 5% of the market.",
        [("Bexco", "market_share", 5.0, "percent", "exact", "actual", {"kind": "percent", "value": 4.0})],
    ),
    (  # "the $80m it lost": the sum lost is a loss; money repaid to creditors is no deal
        "Cormo has offered to repay its creditors $30m of the $80m it lost on currency bets.",
        [("Cormo", "loss", 80e6, "USD", "exact", "actual", None)],
    ),
    (  # a loan to be repaid is still a debt
        "Cormo asked Bexco to repay a $90m loan that it had guaranteed.",
        [("Cormo", "debt", 90e6, "USD", "exact", "actual", None)],
    ),
    (  # a share told as a fraction word
        "Cormo is the biggest seller in Spain, with more than a quarter of the market.",
        [("Cormo", "market_share", 25.0, "percent", "at_least", "actual", None)],
    ),
    (  # a share of a country's sales is a market share
        "Cormo accounts for half of Spain's domestic car sales.",
        [("Cormo", "market_share", 50.0, "percent", "exact", "actual", None)],
    ),
    (
        "Cormo has almost two-thirds of the Spanish mobile market.",
        [("Cormo", "market_share", 200 / 3, "percent", "approximate", "actual", None)],
    ),
    (  # a headcount cut "by" a count is a change of staff, no level
        "Under its new boss, Dovra trimmed its workforce by about 4,000 in two years.",
        [
            (
                "Dovra",
                "employees",
                None,
                "count",
                "approximate",
                "actual",
                {"kind": "absolute", "value": -4000.0, "over": "2 years"},
            )
        ],
    ),
    (
        "Dovra has grown its staff by 300 this year.",
        [("Dovra", "employees", None, "count", "exact", "actual", {"kind": "absolute", "value": 300.0})],
    ),
    (  # "valued NAME - a dashed aside - at": still the valuation
        "That float valued Dovra - which owns the Zed brand - at about $3bn.",
        [("Dovra", "valuation", 3e9, "USD", "approximate", "actual", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP13_RULES)
def test_sweep13_rules(text: str, expected: list[tuple]) -> None:
    assert tuples(text) == expect(expected)


SWEEP13_NOT_CLAIMS = [
    # an industry named by an abstract noun in -ism is no company, even inside a longer name
    "The Acmeland Tourism Council met. Tourism is vital to the region, providing jobs for 2 million people.",
    # a public lender is no company, though its name ends in "Bank"
    "The World Bank said so in a report. Some 50,000 new jobs were created last year.",
    # a unit's part of its group's sales, or of another company's, is no market share
    "Cormo makes 30% of the group's sales in Spain.",
    "Cormo gets half of Bexco's sales from Spain.",
    "Cormo earns a third of its sales abroad.",
    # an offer's premium over a closing price is no move of the shares
    "Dovra has agreed to a takeover, a 9% premium to Friday's closing price.",
    "Dovra's offer is 12% higher than the market price.",
]


@pytest.mark.parametrize("text", SWEEP13_NOT_CLAIMS)
def test_sweep13_not_claims(text: str) -> None:
    assert tuples(text) == []
