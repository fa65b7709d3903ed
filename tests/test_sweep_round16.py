"""Claims generalisation round 16 (own invented articles, invented companies).

Subjects told by a description (a relative clause after "the group", "the unit", "the club"), job
cuts "lost at" a company in their own clause, an article's company that is never a person, hyphenated
names, headcounts told as a strength, and share moves whose cause names staff.
"""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.subjects import find_mentions


def claims(text: str):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text))


def subjects(text: str) -> list[tuple[str | None, str, float | None]]:
    return [(c.subject, c.metric, c.value) for c in claims(text) if c.metric != "other"]


# (text, [(subject, metric, value)])
SWEEP16_SUBJECTS = [
    (  # a relative clause told of "the group": the article's group, not the family before it
        "Zorbel Holdings is Utopia's biggest conglomerate. Zorbel Holdings said it was calm. "
        "The Kandra family controls 40% of the group, which is worth $12bn.",
        [("Zorbel Holdings", "valuation", 12e9)],
    ),
    (  # "the unit" sold: the unit the article named, not its parent
        "Vexon Oil has sold assets before. Its Pelmar unit was put up for auction last year. "
        "The unit was sold for $3.2bn to Quorra Energy.",
        [("Pelmar", "deal_value", 3.2e9)],
    ),
    (  # "its production unit, Pelmar" and a verb between: the unit still owns the sale
        "Vexon Oil wanted to keep its main production unit, Pelmar. "
        "The unit was however sold for $3.2bn to Quorra Energy.",
        [("Pelmar", "deal_value", 3.2e9)],
    ),
    (  # "the club" is the article's club; a rival club introduced as one is not
        "Brindle Rovers has been the target of Mr Hask. Brindle Rovers said it had received a letter. "
        "Rival club Stamworth Town said nothing. The DTI said it would look at it. "
        "Mr Hask's offer values the club at £600m.",
        [("Brindle Rovers", "valuation", 6e8), ("Brindle Rovers", "deal_value", 6e8)],
    ),
    (  # a cut told in its own clause "at" a company after the figure
        "Ostrava Bank said it would cut 1,500 jobs at home while as many as 200 jobs will be lost at "
        "Pemberton Securities.",
        [("Ostrava Bank", "employees", None), ("Pemberton Securities", "employees", None)],
    ),
    (  # an apposition before the relative clause names the owner
        "One firm with a plan is Zedco Mining, the international mining company, which estimates an "
        "infection rate of 20% among its 90,000-strong workforce.",
        [("Zedco Mining", "employees", 90000.0)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP16_SUBJECTS)
def test_sweep16_subjects(text: str, expected: list[tuple]) -> None:
    assert subjects(text) == expected


# a person written "Mr Hask" is never the article's company, however often the article names him
def test_sweep16_article_company_is_no_person() -> None:
    text = (
        "Hask bid for Brindle Rovers\n\n"
        "Brindle Rovers has rejected an offer from US tycoon Lon Hask. Mr Hask's offer was his third. "
        "Mr Hask's plan was called aggressive. Brindle Rovers shares fell. The DTI said it would act. "
        "Mr Hask's offer values the club at £600m."
    )
    got = [
        (c.subject, c.metric) for c in extract_claims_from_doc(get_nlp()(text), "Hask bid for Brindle Rovers")
    ]
    assert ("Brindle Rovers", "valuation") in got
    assert all(s != "Hask" for s, _ in got)


# a cut whose clause names its own company before the figure keeps that company
def test_sweep16_lost_at_needs_an_unnamed_clause() -> None:
    got = subjects("Ostrava Bank will cut 500 jobs at Pemberton Securities.")
    assert got and got[0][0] == "Ostrava Bank"


# (text, [(metric, value, change)])
SWEEP16_FIGURES = [
    (
        "Kelvar Mining, which employs many, said its 4,500-strong workforce would stay.",
        [("employees", 4500.0, None)],
    ),
    ("Zedco said its 1,200-strong Utopian staff would be kept.", [("employees", 1200.0, None)]),
    (  # staff named in the cause of a share move do not make it a headcount change
        "Shares in Zentrix have fallen 5.5% after employees and early investors sold their holdings.",
        [("share_price", None, ("percent", -5.5))],
    ),
    (  # a staff change stays one
        "Staff numbers at Zentrix have fallen 5.5% after the closure.",
        [("employees", None, ("percent", -5.5))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP16_FIGURES)
def test_sweep16_figures(text: str, expected: list[tuple]) -> None:
    got = [
        (
            c.metric,
            c.value,
            ((c.change or {}).get("kind"), (c.change or {}).get("value")) if c.change else None,
        )
        for c in claims(text)
        if c.metric != "other"
    ]
    assert got == expected


# "500-strong" counts nothing without a staff noun after it
def test_sweep16_strong_needs_staff_noun() -> None:
    assert subjects("Zedco sent a 500-strong delegation to the fair.") == []


SWEEP16_MENTIONS = [
    ("One company with a plan is Anglo-Swiss, the mining company, which said so.", ["Anglo-Swiss"]),
    ("Anglo-Swiss said profits rose.", ["Anglo-Swiss"]),
    ("The Anglo-Swiss group Bexco rose.", ["Bexco"]),
    ("Franco-German talks failed.", []),
    ("It was a Franco-German deal.", []),
]


@pytest.mark.parametrize(("sentence", "names"), SWEEP16_MENTIONS)
def test_sweep16_mentions(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence)] == names


# (text, [(subject, metric, value, change)])
SWEEP16_SHARE_MOVES = [
    (  # a market report moves companies by a sum to a level, with no word for shares in the clause
        "Zentrix shares fell sharply. Zentrix finished down $12.40 at $9, while Morix fell $20.10 to $41.20.",
        [
            ("Zentrix", "share_price", 9.0, ("absolute", -12.4)),
            ("Morix", "share_price", 41.2, ("absolute", -20.1)),
        ],
    ),
    (  # "slipped back": a change verb with "back" before the percent
        "Zentrix shares rose on Friday, but the stock slipped back 7% on Monday.",
        [("Zentrix", "share_price", None, ("percent", -7.0))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP16_SHARE_MOVES)
def test_sweep16_share_moves(text: str, expected: list[tuple]) -> None:
    got = [
        (c.subject, c.metric, c.value, ((c.change or {}).get("kind"), (c.change or {}).get("value")))
        for c in claims(text)
        if c.metric != "other"
    ]
    assert got == expected


# without share talk nearby, or for a company's sales, a move by a sum is no share price
@pytest.mark.parametrize(
    "text",
    [
        "In London, Zentrix fell 2p to 55p.",
        "Zentrix shares rose. Zentrix fell $2m to $40m.",
    ],
)
def test_sweep16_money_moves_need_share_talk(text: str) -> None:
    assert all(c.metric != "share_price" for c in claims(text))
