"""Claims generalisation round 12: table-driven rules on invented sentences and companies."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.subjects import find_mentions


def claims(text: str, title: str | None = None):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text), title=title)


def rows(text: str) -> list[tuple]:
    return [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]


def expected_rows(expected: list[tuple]) -> list[tuple]:
    return [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in expected]


# (text, names find_mentions gives for the last sentence, read with the whole text as the article)
MENTIONS = [
    # a word the article only writes before a place is part of that place, no name
    ("Prices rose fastest in Greater Paris. Greater Paris saw the slowest rise.", []),
    ("The shop is on the High Street. The High Street retailer said it was hopeful.", []),
    # ... and before a name adjective it is part of the name
    ("Zanto National has 900 branches. Bexco bought Zanto National.", ["Bexco", "Zanto National"]),
    # a stop word the article uses as a company's name ("Now's shares") keeps a longer name whole
    (
        "Now's shares fell. Sales rose, Now said. Its Now Direct mail order division did well.",
        ["Now Direct"],
    ),
]


MENTIONS += [
    # an economic common noun opening a sentence is no name
    ("Kelvo said so. Inflation is under control.", []),
    ("Kelvo said so. The Bonds are sold at post offices.", []),
    # a sentence-initial word before a plural modifier noun ("Education levels") is no name
    ("Kelvo said so. Education levels are rising.", []),
    # "The Government's", "Wall Street's": a possessive after a capitalised word names no company
    ("The Government's plan was costly. Government has said Zanto grew.", ["Zanto"]),
]


@pytest.mark.parametrize(("text", "names"), MENTIONS)
def test_round12_mentions(text: str, names: list[str]) -> None:
    last = text.split(". ")[-1]
    assert [m.name for m in find_mentions(last, text)] == names


def test_round12_possessive_after_a_name_word_is_no_name() -> None:
    # "Wall Street's": a possessive after another capitalised word does not make "Street" a name
    text = "Wall Street's mood was poor. The Wall Street Journal said Kelvo grew."
    assert "Street Journal" not in [m.name for m in find_mentions(text.split(". ")[-1], text)]


# (text, [(subject, metric, value, unit, qualifier, modality, change)])
RULES = [
    (  # "like-for-like store sales" are the company's own sales, not a kind of store's
        "Bexco's like-for-like store sales were up 2.9% on a year earlier.",
        [
            (
                "Bexco",
                "revenue",
                None,
                None,
                "exact",
                "actual",
                {"kind": "percent", "value": 2.9, "over": "1 year"},
            )
        ],
    ),
    (  # a pronoun after a short opening phrase: the topic told before, not the object named
        "Bexco runs hotels. It also owns Zanto Media, which makes discs. Last year it made profits of "
        "£21m from a switch from VHS tapes. A spokesman for the firm declined to comment. Analysts "
        "predict the firm will report a drop in profits to £170m from £194m last year.",
        [
            ("Bexco", "profit", 21e6, "GBP", "exact", "actual", None),
            ("Bexco", "profit", 170e6, "GBP", "exact", "forecast", None),
            ("Bexco", "profit", 194e6, "GBP", "exact", "actual", None),
        ],
    ),
    (  # the base a predicted move starts from is there now; the later level is the forecast
        "Bexco expects sales to rise to 5bn euros ($6bn) from 4bn euros.",
        [
            ("Bexco", "revenue", 5e9, "EUR", "exact", "forecast", None),
            ("Bexco", "revenue", 4e9, "EUR", "exact", "actual", None),
        ],
    ),
    (  # the place "High Street" is no name: the retailer named before is the subject
        "Kelvo has said its profit will be lower. The High Street retailer said it now expected "
        "annual profits of £400m.",
        [("Kelvo", "profit", 400e6, "GBP", "exact", "forecast", None)],
    ),
]


RULES += [
    (  # a company selling homes for a sum is still a deal
        "Bexco sold homes for £1bn.",
        [("Bexco", "deal_value", 1e9, "GBP", "exact", "actual", None)],
    ),
    (  # a company investing in its own plants keeps its capital spending
        "Bexco will invest $2bn in new plants over three years.",
        [("Bexco", "capex", 2e9, "USD", "exact", "forecast", None)],
    ),
]

RULES += [
    (  # the unit valued, named between "valued" and "at", is the subject, not the valuer
        "Advisers Kelvo Partners are understood to have valued its demerged Zanto Print unit at £250m.",
        [("Zanto Print", "valuation", 250e6, "GBP", "exact", "actual", None)],
    ),
    (
        "Bexco valued the Zanto business at about $2bn.",
        [("Zanto", "valuation", 2e9, "USD", "approximate", "actual", None)],
    ),
    (  # a company floated on an exchange for a sum: its market value then
        "Bexco, which floated on the Utopia Stock Exchange for £120m ($220m) in 1996, is owned by Zed.",
        [("Bexco", "market_cap", 120e6, "GBP", "exact", "actual", None)],
    ),
    (  # money raised when it floated stays funding
        "Bexco raised £50m when it floated in 1995.",
        [("Bexco", "funding", 50e6, "GBP", "exact", "actual", None)],
    ),
    (  # "It was sold ... for": the thing sold, told before, not the buyers listed between
        "Analysts cited the sale of Polish steel maker Kelvostal. It was sold in May 2003 to a group that "
        "included Jan Pinko, a banker, and Rafe Akko, the country's richest man, for $600m (£320m).",
        [("Kelvostal", "deal_value", 600e6, "USD", "exact", "actual", None)],
    ),
    (
        "Zanto was sold to Bexco in 2003 for $2bn.",
        [("Zanto", "deal_value", 2e9, "USD", "exact", "actual", None)],
    ),
]

RULES += [
    (  # a change noun, then its size after "was": a change of the metric the noun phrase names
        "Bexco said sales rose. Like-for-like sales growth at the 40 Bexco stores near openings was 0.5%.",
        [("Bexco", "revenue", None, None, "exact", "actual", {"kind": "percent", "value": 0.5})],
    ),
    (
        "The decline in Bexco's sales was 3%.",
        [("Bexco", "revenue", None, None, "exact", "actual", {"kind": "percent", "value": -3.0})],
    ),
    (  # a stop word the article uses as its company's name opens a sentence as that name
        'Now has said its profit will be £5m lower. "Rates were poor," the company said. The High Street '
        "retailer said it now expected profits of between £415m and £425m. Now's shares fell 3%, Now said.",
        [
            ("Now", "profit", 420e6, "GBP", "range", "forecast", None),
            ("Now", "share_price", None, None, "exact", "actual", {"kind": "percent", "value": -3.0}),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_round12_rules(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected_rows(expected)


NOT_CLAIMS = [
    # a price of goods: homes, flats or cars told by what they cost
    "Bexco said 300 homes over £1m were sold in the capital, against 350 a year earlier.",
    "Kelvo Motors sells cars costing more than $80,000.",
    "Bexco Estates sold 20 flats worth more than £2m each last year.",
    # a savings product's terms: minimum or maximum sums and multiples
    "Kelvo Bonds are sold by Bexco. The minimum for each purchase is £50, sold in multiples of £5.",
    "The Bexco Saver account pays 4% on a minimum balance of £1.",
    # a country drawing foreign investment is no company's capital spending
    "Bexco is big. Taxes will be cut next year to attract $12bn of foreign investment over three years.",
    "Bexco is big. The reforms aim to bring in $3bn in foreign direct investment.",
    # a passive with no sale or purchase is no deal
    "Zanto was fined in 2003 for $2bn.",
    # "the country's" owning a figure is still a macro owner
    "Zanto said the country's exports rose to $5bn.",
    # economic growth told with "was" has no company metric
    "Economic growth in the quarter was 3%.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_round12_not_claims(text: str) -> None:
    assert rows(text) == []
