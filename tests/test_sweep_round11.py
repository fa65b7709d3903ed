"""Claims generalisation round 11 (own invented sentences; table-driven)."""

from __future__ import annotations

import pytest

from extractors.analyse import analyse_article
from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp


def claims(text: str, title: str | None = None):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text), title=title)


def got(text: str) -> list[tuple]:
    return [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]


def want(expected: list[tuple]) -> list[tuple]:
    return [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in expected]


def pct(v: float) -> dict:
    return {"kind": "percent", "value": v}


# (text, [(subject, metric, value, unit, qualifier, modality, change)])
ROUND11_RULES = [
    # a cue in a cause, an earlier event or a purpose told after the figure is not its own
    (
        "Shares in Bexco Mining have closed down 12% after a poor drilling report and a warning over tax.",
        [("Bexco Mining", "share_price", None, None, "exact", "actual", pct(-12.0))],
    ),
    (
        "Acme sold its Bexco Foods business to Zedco for $2bn to pay off a large tax bill.",
        [("Bexco Foods", "deal_value", 2e9, "USD", "exact", "actual", None)],
    ),
    # "sunk" is a fall
    (
        "Shares in toy maker Bexco have sunk by more than 20% after the firm cut its outlook.",
        [("Bexco", "share_price", None, None, "at_least", "actual", pct(-20.0))],
    ),
    (  # "sold NAME to BUYER for $N": the thing sold is the subject, not the seller
        "The state seized and sold Acme's main refining arm, Zedco, to rival group Bexco for $3bn.",
        [("Zedco", "deal_value", 3e9, "USD", "exact", "actual", None)],
    ),
    (  # "a $N loan that NAME had secured": the borrower named in the relative clause
        "Zedco wants Acme to repay a $400m loan that Bexco had taken out on its plants.",
        [("Bexco", "debt", 400e6, "USD", "exact", "actual", None)],
    ),
    (  # "lift its earnings by more than 30%": verb, the owner's noun, "by", then the change
        "Cheaper fuel helped Bexco lift its earnings by more than 30% in 2003.",
        [("Bexco", "profit", None, None, "at_least", "actual", pct(30.0))],
    ),
    (
        "Bexco has cut its annual losses by 30%.",
        [("Bexco", "loss", None, None, "exact", "actual", pct(-30.0))],
    ),
    (  # a change of the staff count told with "by": a job cut or addition
        "Bexco said it would aim to reduce its workforce by between 400 and 600 annually.",
        [("Bexco", "employees", None, "count", "range", "target", {"kind": "absolute", "value": -500.0})],
    ),
    (
        "Bexco will increase its headcount by 500 next year.",
        [("Bexco", "employees", None, "count", "exact", "forecast", {"kind": "absolute", "value": 500.0})],
    ),
    (  # a move that may come starts from today's level: the "from" end is actual
        "Bexco said so. The plan could see its workforce trimmed from 9,000 to 7,500 staff by 2008.",
        [
            ("Bexco", "employees", 9000.0, "count", "exact", "actual", None),
            ("Bexco", "employees", 7500.0, "count", "exact", "forecast", None),
        ],
    ),
    (  # ... unless a forecast itself moves
        "A broker has raised its target for Bexco's share price from $35 to $38.",
        [
            ("Bexco", "share_price", 35.0, "USD", "exact", "forecast", None),
            ("Bexco", "share_price", 38.0, "USD", "exact", "forecast", None),
        ],
    ),
    (  # a share price told with no company's name is the article's company's (a country is no owner)
        "Shares in Bexco Homes fell 15% on Friday. The property firm, which dominates Kenya's stock "
        "exchange, ended the day down at $8.10.",
        [
            ("Bexco Homes", "share_price", None, None, "exact", "actual", pct(-15.0)),
            ("Bexco Homes", "share_price", 8.1, "USD", "exact", "actual", None),
        ],
    ),
    (  # ... the company named most often so far, not the one a quote named last
        "Shares in Bexco Energy fell sharply. Bexco Energy said its drilling had failed and Bexco Energy "
        "would pay the tax. Mr Lamb said Zedco would appeal. The shares closed down 24p, or 8%, "
        "at 276 pence.",
        [("Bexco Energy", "share_price", 2.76, "GBP", "exact", "actual", pct(-8.0))],
    ),
    (  # the holder's pronoun, the shares of the company held: "its Bexco holding ... its shares"
        "Zedco said the value of its Bexco holding had gone from $4bn to almost nothing since the state's "
        "raid, as its shares have fallen 90%.",
        [("Bexco", "share_price", None, None, "exact", "actual", pct(-90.0))],
    ),
    (  # "its shares" after a government's action: still a company's shares, no macro figure
        "Zedco said the government's plan had hurt, and its shares fell 5%.",
        [("Zedco", "share_price", None, None, "exact", "actual", pct(-5.0))],
    ),
    (  # "a bid for the club after buying X's stake": the name after "after buying" is not the target
        "Tom Lamb, chairman of Bexco United, has launched a £1.5m bid for the club after buying "
        "broadcaster Zedco's stake.",
        [("Bexco United", "deal_value", 1.5e6, "GBP", "exact", "actual", None)],
    ),
    (  # "a maximum of" is a bound: at_most; "a minimum of": at_least
        "Bexco United said so. If the offer is accepted, Mr Lamb expects to pay a maximum of £2m for "
        "the remaining shares.",
        [("Bexco United", "deal_value", 2e6, "GBP", "at_most", "forecast", None)],
    ),
    (
        "Bexco said it would employ a minimum of 500 staff.",
        [("Bexco", "employees", 500.0, "count", "at_least", "forecast", None)],
    ),
    (  # a region after a company's name names its unit
        "The fourth-quarter losses at Bexco Motors Europe totalled $345m, up from $66m a year earlier.",
        [
            ("Bexco Motors Europe", "loss", 345e6, "USD", "exact", "actual", None),
            ("Bexco Motors Europe", "loss", 66e6, "USD", "exact", "actual", None),
        ],
    ),
    (  # "income from continuing operations" is a profit line
        "Excluding special items, Bexco's global income from continuing operations totalled $569m.",
        [("Bexco", "profit", 569e6, "USD", "exact", "actual", None)],
    ),
    (  # ... a count a metric counts keeps its change
        "At Bexco, the number of customers rose 5%.",
        [("Bexco", "users", None, None, "exact", "actual", pct(5.0))],
    ),
    (
        "Bexco has 20% of Kenya's mobile market.",
        [("Bexco", "market_share", 20.0, "percent", "exact", "actual", None)],
    ),
    (  # the company bought ("once the acquisition of X was completed") is no sentence's topic
        "Bexco Steel could cut 4,000 jobs. Mr Lamb told investors that once the acquisition of Zedco Metals "
        "was completed, the company would aim to reduce its workforce by 900 a year. This could see its "
        "workforce trimmed from 15,000 to 11,000 staff.",
        [
            (
                "Bexco Steel",
                "employees",
                None,
                "count",
                "exact",
                "forecast",
                {"kind": "absolute", "value": -4000.0},
            ),
            (
                "Bexco Steel",
                "employees",
                None,
                "count",
                "exact",
                "target",
                {"kind": "absolute", "value": -900.0},
            ),
            ("Bexco Steel", "employees", 15000.0, "count", "exact", "actual", None),
            ("Bexco Steel", "employees", 11000.0, "count", "exact", "forecast", None),
        ],
    ),
    (  # a price "for the remaining shares" buys out the article's company, not the last-named seller
        "Bexco United said so. Bexco United's chairman owns 40% of Bexco United after buying Zedco's "
        "holding. He must make an offer for the rest at the price paid for the Zedco holding. "
        "If the offer is accepted, he expects to pay a maximum of £2m for the remaining shares.",
        [("Bexco United", "deal_value", 2e6, "GBP", "at_most", "forecast", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROUND11_RULES)
def test_round11_rules(text: str, expected: list[tuple]) -> None:
    assert got(text) == want(expected)


ROUND11_NOT_CLAIMS = [
    # an offer's terms per share are no share price
    "Bexco plans to swap 0.41 of its shares and $1.50 in cash for each Zedco share.",
    "Bexco will pay $12 for every Zedco share it does not own.",
    # jobs told of a country are a macro figure, whichever way the country is named
    "The trade deficit of the United States soared. A report issued on Tuesday said almost 1.5 million "
    "posts disappeared between 1989 and 2003.",
    # a change of "the number of X" for an X no metric counts
    "Bexco said so. This means fewer workers at a time when the number of elderly will have almost doubled.",
    # "the figures represent 1% of a country's exports": statistics, no company's market share
    "Bexco said trade rose. Nonetheless, the figures represent less than 1% of Kenya's overall exports.",
]


@pytest.mark.parametrize("text", ROUND11_NOT_CLAIMS)
def test_round11_not_claims(text: str) -> None:
    assert got(text) == []


def test_a_change_of_a_noun_no_metric_counts_is_no_claim() -> None:
    # "reduced its overheads by 20%": the workforce cue later in the sentence is not the figure's
    claims = analyse_article(
        "Zedco reduced its overheads by 20% and trimmed its workforce by about 2,000 jobs last year.", None
    ).claims
    assert [(c.metric, c.surface, (c.change or {}).get("value")) for c in claims] == [
        ("employees", "about 2,000", -2000.0)
    ]
