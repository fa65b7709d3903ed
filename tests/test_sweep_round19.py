"""Claims generalisation round 19 (own invented articles, invented companies).

Modality: a company "preparing to" act, one that "sees" growth ahead and a change noun sized by
"will be" tell forecasts. Share moves: an opening word before a description of a name ("Toy company
Acme") that the article writes elsewhere only as the tail of a longer name is no name, and a sentence
opening with "The stock" is about the company told before, not a name in its "after" clause.
"""

from __future__ import annotations

import pytest
from sweep_helpers import claims

from extractors.subjects import find_mentions


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
    (  # a relative clause on the figure's noun that tells an expectation: a forecast
        "Zorbel said like-for-like sales rose 3.1 percent, missing the 4.2 percent gain that was expected.",
        [
            ("Zorbel", "revenue", None, "actual", ("percent", 3.1)),
            ("Zorbel", "revenue", None, "forecast", ("percent", 4.2)),
        ],
    ),
    (  # a relative clause on something else keeps the figure actual
        "Zorbel shares jumped 15% on speculation that it will be bought.",
        [("Zorbel", "share_price", None, "actual", ("percent", 15.0))],
    ),
    (  # abandoned plans are no aim: the figure after them happened
        "Zorbel scrapped plans to list and saw its valuation cut to $2 billion.",
        [("Zorbel", "valuation", 2e9, "actual", (None, None))],
    ),
    (  # plans that stand are an aim
        "Zorbel plans to raise $2 billion.",
        [("Zorbel", "funding", 2e9, "target", (None, None))],
    ),
    (  # and "was" still tells a past change
        "Zorbel said sales growth at its 30 stores was 0.5%.",
        [("Zorbel", "revenue", None, "actual", ("percent", 0.5))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP19_MODALITY)
def test_sweep19_modality(text: str, expected: list[tuple]) -> None:
    assert found_modal(text) == expected


def found(text: str) -> list[tuple]:
    return [
        (c.subject, c.metric, c.value, ((c.change or {}).get("kind"), (c.change or {}).get("value")))
        for c in claims(text)
        if c.metric != "other"
    ]


SWEEP19_SHARE_MOVES = [
    (  # "Garden company Quillon": "Garden" is written elsewhere only inside "Vexa Garden"
        "Garden company Quillon is breaking out.\n\n"
        "The stock added more than 3% on Monday after the garden brand bought a stake in Pelham Seeds. "
        "Rival Vexa Garden sells its tools in the same stores.",
        [("Quillon", "share_price", None, ("percent", 3.0))],
    ),
    (  # a later sentence on "shares" inherits the company, not the name of the "after" clause
        "Quillon is breaking out.\n\n"
        "The stock added more than 3% after the garden brand bought a stake in Pelham Seeds. "
        "Those gains add to a major gain for shares, climbing more than 40% so far this year.",
        [
            ("Quillon", "share_price", None, ("percent", 3.0)),
            ("Quillon", "share_price", None, ("percent", 40.0)),
        ],
    ),
    (  # "The shares of" a company named after them stay that company's
        "Quillon is breaking out. The shares of Pelham Seeds rose 4% on Monday.",
        [("Pelham Seeds", "share_price", None, ("percent", 4.0))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP19_SHARE_MOVES)
def test_sweep19_share_moves(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


def test_sweep19_opening_word_written_alone_stays_a_name() -> None:
    doc = "Vexa company Quillon said sales rose 2%. Analysts said Vexa shares fell."
    names = [m.name for m in find_mentions("Vexa company Quillon said sales rose 2%.", doc)]
    assert names == ["Vexa", "Quillon"]
    doc = "Vexa company Quillon said sales rose 2%. Analysts said Zeta Vexa shares fell."
    names = [m.name for m in find_mentions("Vexa company Quillon said sales rose 2%.", doc)]
    assert names == ["Quillon"]


# "X, which Y bought for $N": the deal's subject is X, the company bought
SWEEP19_RELATIVE_BOUGHT = [
    (
        "Zorbel is cutting costs, including layoffs at Kintal, which it acquired for $150 million in 2016.",
        [("Kintal", "deal_value", 1.5e8, (None, None))],
    ),
    (
        "Quanta is closing stores at Kintal Labs, which Zorbel Group bought for about $90 million.",
        [("Kintal Labs", "deal_value", 9e7, (None, None))],
    ),
    (  # the relative clause before its main verb
        "Kintal, which Zorbel bought last year for $40 million, has 300 staff.",
        [("Kintal", "deal_value", 4e7, (None, None)), ("Kintal", "employees", 300.0, (None, None))],
    ),
    (  # a buyer that bought for a sum without a relative clause keeps the bought name after "for"
        "Zorbel paid $40 million for Kintal.",
        [("Kintal", "deal_value", 4e7, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP19_RELATIVE_BOUGHT)
def test_sweep19_relative_bought(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


# a lifeline or rescue is funding of the company rescued, not of the investor it comes from
SWEEP19_LIFELINES = [
    (
        "Zorbel is in trouble. After its founder left in May, Quanta, its largest investor, committed to "
        "a $4.5 billion lifeline to bail out the company.",
        [("Zorbel", "funding", 4.5e9, (None, None))],
    ),
    (
        "After receiving a lifeline from investor Quanta worth up to $2 billion, Zorbel is cutting costs.",
        [("Zorbel", "funding", 2e9, (None, None))],
    ),
    (
        "Zorbel received a $300 million lifeline from Quanta.",
        [("Zorbel", "funding", 3e8, (None, None))],
    ),
    (  # a bail-out with its purpose after the noun
        "Zorbel is in trouble. Quanta agreed a $4.5 billion bailout to save the company.",
        [("Zorbel", "funding", 4.5e9, (None, None))],
    ),
    (  # a sale that "is a lifeline" stays a deal
        "The sale of the Pelham stake to Vexa for $146 million is a lifeline to Zorbel.",
        [("Pelham", "deal_value", 1.46e8, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP19_LIFELINES)
def test_sweep19_lifelines(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


_ORDER_LEAD = (
    "Zorbel Air inks $9 billion order for 30 Vexa X9 jets\n\n"
    "Zorbel Air finalized a deal to purchase 30 of Vexa's X9 jets, executives said on Wednesday. "
)

# an order's value is the buyer's capex: "the order is valued at" is no valuation, and the maker of
# the goods ("30 Vexa jets") is not the buyer
SWEEP19_ORDERS = [
    (
        _ORDER_LEAD + "The X9 jet is a longer variant of Vexa's Skyliner. "
        "The order is valued at $8.8 billion at list prices.",
        [("Zorbel Air", "capex", 9e9, (None, None)), ("Zorbel Air", "capex", 8.8e9, (None, None))],
    ),
    (
        _ORDER_LEAD + "Vexa has struggled this year.\n\nIn addition to its order of 30 Vexa jets, it "
        "announced an order of 50 Quanta Q5 jets on Monday at a value of $16 billion at list prices.",
        [("Zorbel Air", "capex", 9e9, (None, None)), ("Zorbel Air", "capex", 1.6e10, (None, None))],
    ),
    (  # a maker's own investment stays its capex
        "Vexa makes the X9 jets. Vexa invested $2 billion in its X9 jets programme.",
        [("Vexa", "capex", 2e9, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP19_ORDERS)
def test_sweep19_orders(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


# a staff count that a cutting verb takes as its object is a job cut (a negative change)
SWEEP19_STAFF_CUTS = [
    (
        "Earlier this year, Zorbel Media reportedly laid off more than 60 employees.",
        [("Zorbel Media", "employees", None, ("absolute", -60.0))],
    ),
    ("Zorbel Media cut 450 staff in May.", [("Zorbel Media", "employees", None, ("absolute", -450.0))]),
    (
        "Zorbel Media said it would lay off 600 workers.",
        [("Zorbel Media", "employees", None, ("absolute", -600.0))],
    ),
    (  # a headcount and hiring stay as they were
        "Zorbel Media employs 6,000 workers.",
        [("Zorbel Media", "employees", 6000.0, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP19_STAFF_CUTS)
def test_sweep19_staff_cuts(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected
