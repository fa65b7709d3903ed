"""Claims generalisation round 21 (own invented sentences, invented companies and products).

- Plain digits written right after a capitalised word mid-sentence are part of a name (a product's
  model, an index), no count: "Zphone 11 users" holds no user count. A month or a day before the
  number, or a capitalised word opening the sentence ("Some 300 staff"), is no name.
- "prices as low as $1,299", "prices starting at $24,000": what goods cost, no company money.
- A product category written as one capitalised word ("SUV", "Truck") is no company.
"""

from __future__ import annotations

import pytest
from sweep_helpers import found

from extractors.claims import _model_number
from extractors.figures import find_figures
from extractors.subjects import find_mentions

SWEEP21_COUNTS = [
    (  # a product's model number before a user noun is no count
        "Quorra said many Zphone 11 users will upgrade this year.",
        [],
    ),
    ("Quorra said its Blitzpad 360 customers can return the device.", []),
    (  # an index of companies
        "Quorra joined the Fortune 500 companies last year.",
        [],
    ),
    (  # a count after a verb, a determiner or a qualifier stays a count
        "Quorra has 500 staff in Utopia.",
        [("Quorra", "employees", 500.0, (None, None))],
    ),
    ("Some 300 workers at Quorra will lose their jobs.", [("Quorra", "employees", 300.0, (None, None))]),
    (  # a month or a day before the number is a date, not a name: the count after it stays
        "Quorra said that in March 200 jobs went.",
        [("Quorra", "employees", None, ("absolute", 200.0))],
    ),
    ("Quorra said that on Monday 150 jobs were cut.", [("Quorra", "employees", None, ("absolute", 150.0))]),
]


@pytest.mark.parametrize("text,expected", SWEEP21_COUNTS)
def test_model_numbers_are_no_counts(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


MODEL_NUMBERS = [
    ("the Zphone 11 users", "11", True),
    ("many Windows 10 customers", "10", True),
    ("a Boeing 747 pilot", "747", True),
    ("Quorra's 500 users", "500", False),  # a possessive owner, then a count
    ("has 500 users", "500", False),
    ("in March 200 jobs", "200", False),
    ("on Friday 150 jobs", "150", False),
    ("Quorra 300 workers", "300", False),  # the sentence's first word
    ("It fell. Bexco 300 workers", "300", False),
    ("the Zphone 1,100 users", "1,100", False),  # separators: a count, not a model
    ("the Zphone 11.5 users", "11.5", False),
]


@pytest.mark.parametrize("text,surface,expected", MODEL_NUMBERS)
def test_model_number(text: str, surface: str, expected: bool) -> None:
    fig = next(f for f in find_figures(text) if f.surface == surface)
    assert _model_number(text, fig) is expected


SWEEP21_PRICES = [
    (  # what goods cost is no deal
        "Quorra is offering discounts on laptops, with prices as low as $1,299.",
        [],
    ),
    ("Quorra sells cars at prices from $24,000, matching Bexco.", []),
    (  # a sum written out in full that is no price of goods stays
        "Quorra bought the plant for $4,500,000.",
        [("Quorra", "deal_value", 4500000.0, (None, None))],
    ),
]


@pytest.mark.parametrize("text,expected", SWEEP21_PRICES)
def test_goods_prices_are_no_company_money(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "sentence,names",
    [
        ("Truck and SUV sales are down 2.6 percent at Quorra.", ["Quorra"]),
        ("SUVs made up half of Quorra's sales.", ["Quorra"]),
        ("Quorra Trucks sold 500 vehicles.", ["Quorra Trucks"]),  # a name's last word stays
    ],
)
def test_product_categories_are_no_names(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence)] == names


SWEEP21_REPORTED = [
    (  # the name right after a reporting verb is the actor of the reported clause
        "Quorra said Bexco would cut 500 jobs.",
        [("Bexco", "employees", None, ("absolute", -500.0))],
    ),
    (  # a surname that opens the sentence only tells who said it
        "Smith said on Monday that Quorra employs about 450 workers.",
        [("Quorra", "employees", 450.0, (None, None))],
    ),
    (  # a deal's subject is the company bought, named after the bidder's "said that"
        "Quorra said on Wednesday that Bexco had rejected a deal worth $8bn.",
        [("Bexco", "deal_value", 8_000_000_000.0, (None, None))],
    ),
    (  # the reported clause's actor stays where an aside follows it
        "Smith said Bexco, a rival of Quorra, employs 450 workers.",
        [("Bexco", "employees", 450.0, (None, None))],
    ),
    (  # a buyer after the verb pays for what the teller sells
        "Quorra said Bexco will pay 200m euros, once regulators approve the deal.",
        [("Quorra", "deal_value", 200_000_000.0, (None, None))],
    ),
    (  # a place after the verb is no actor
        "Quorra said UK sales rose 5% to £20m.",
        [("Quorra", "revenue", 20_000_000.0, ("percent", 5.0))],
    ),
]


@pytest.mark.parametrize("text,expected", SWEEP21_REPORTED)
def test_reported_clause_actor(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


SPEAKERS = [
    (  # a surname alone that speaks, introduced by a role and a first name: a person
        "Shares in Quorra fell after chief executive Tim Vance quit. Vance said the firm would cut 500 jobs.",
        "Vance said the firm would cut 500 jobs.",
        [],
    ),
    (
        "Quorra boss Ann Pell defended the plan. Pell told reporters Quorra would cut 500 jobs.",
        "Pell told reporters Quorra would cut 500 jobs.",
        ["Quorra"],
    ),
    (  # the same word written as a company's name elsewhere stays a name ("Pell chairman Ann Pell")
        "Pell chairman Ann Pell spoke on Monday. Pell said it would cut 500 jobs.",
        "Pell said it would cut 500 jobs.",
        ["Pell"],
    ),
    (  # a speaker the article never introduces by role and first name: unknown, kept
        "Shares in Quorra fell. Vance said the firm would cut 500 jobs.",
        "Vance said the firm would cut 500 jobs.",
        ["Vance"],
    ),
    (  # introduced, but not speaking here: left to the other rules
        "Quorra said chief executive Tim Vance would stay. Vance shares were sold.",
        "Vance shares were sold.",
        ["Vance"],
    ),
]


@pytest.mark.parametrize("doc_text,sentence,names", SPEAKERS)
def test_named_speaker_is_no_name(doc_text: str, sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, doc_text)] == names


def test_think_tank_projection_is_no_company_claim() -> None:
    # a foundation (a think tank) projecting the economy's jobs tells no company's figure
    text = "The Quorra Foundation projected that the tariffs would reduce employment by 195,600 jobs."
    assert found(text) == []
