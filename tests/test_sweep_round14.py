"""Claims generalisation round 14: subject attribution (own invented articles, invented companies).

How an article uses a name tells a company from a junk capitalised word; a description the article
never introduces by its noun, a weak fallback topic and a quote's speaker resolve to the company
the article is about.
"""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.subjects import company_like, find_mentions


def claims(text: str):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text))


def subjects(text: str) -> list[tuple]:
    return [(c.subject, c.metric, c.value) for c in claims(text) if c.metric != "other"]


# (text, [(subject, metric, value)])
SWEEP14_SUBJECTS = [
    (  # a description the article never introduces by its noun is the group named as the parent
        "A slump at luxury brand Bexco has hit profits at parent Acme Motors. "
        "The German-US carmaker saw operating profits fall to $2bn. Acme Motors said it would recover.",
        [("Acme Motors", "profit", 2e9)],
    ),
    (  # ... or the article's main company (title or lead, named as a company, most often)
        "Shares in Acme Air have fallen after the firm warned on costs. Acme Air also said it would "
        "cut routes. Failure to cut costs may push it to sell planes, the group said. Shares in the "
        "third biggest US carrier had fallen 5% to $10.20.",
        [("Acme Air", "share_price", 10.2)],
    ),
    (  # a possessive name's figure passes to the one it helped
        "Acme Motors has reported its annual results. Acme Motors owns the Bexco marque. Bexco's "
        "strong sales helped the world's third largest carmaker boost net income to $3bn.",
        [("Acme Motors", "profit", 3e9)],
    ),
    (  # "it" after a parent and its unit: the helped name when named
        "Acme said sales were strong. Bexco's new model helped Acme lift profit to $4m.",
        [("Acme", "profit", 4e6)],
    ),
    (  # the parent, not the unit the lead sentence opens with
        "Weak sales at Bexco have hit profits at parent Acme. The German carmaker saw its profits "
        "fall to $1bn. Bexco's profits fell to $2m. Acme said Bexco would recover.",
        [("Acme", "profit", 1e9), ("Bexco", "profit", 2e6)],
    ),
    (  # a place named in passing is no fallback topic: the main company is
        "Acme has opened a new plant in Zedpur. Acme said demand was strong. The new plant will be "
        "built next to the old one in Zedpur. The company - which controls half of the Utopian "
        "market - aims to grow.",
        [("Acme", "market_share", 50.0)],
    ),
    (  # a word inside an example list is no fallback topic either
        "Acme has launched a new burger. Acme said sales were strong. As well as burgers like the "
        "Zed Max and Big Bun with Cheese, the company now sells salads. Chief executive Jan Doe "
        "attributed a 6% rise in sales to the menu.",
        [("Acme", "revenue", None)],
    ),
    (  # a quote's "our sales" is the company the speaker speaks for, never the speaker
        "Shoppers flocked to malls on Saturday. It was a similar story at Zed Mall in Kent. "
        'Spokesman Jan Doe said he expected big crowds. "Our sales so far are 3% up on last year," '
        "he said.",
        [("Zed Mall", "revenue", None)],
    ),
    (  # a place that owns a name ("Zedford's Acme Centre") leaves the figure to the name
        "Shoppers flocked to malls on Saturday. A spokesman for Zedford's Acme Centre said it was a "
        "record day with sales up 4%.",
        [("Acme Centre", "revenue", None)],
    ),
    (  # a newspaper cited as the source is no subject
        "Acme is in talks with lenders. The Weekly Herald says the firm made a profit of £5m last year.",
        [("Acme", "profit", 5e6)],
    ),
    (  # "the club": a description of the club the article is about
        "Acme Football Club has agreed a rescue plan with creditors. The club posted a loss of "
        "60m euros last year.",
        [("Acme Football Club", "loss", 60e6)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP14_SUBJECTS)
def test_sweep14_subjects(text: str, expected: list[tuple]) -> None:
    got = subjects(text)
    assert [(s, m) for s, m, _ in got] == [(s, m) for s, m, _ in expected]
    assert [v for _, _, v in got] == [pytest.approx(v) if v else v for _, _, v in expected]


# (sentence, mention names)
SWEEP14_MENTIONS = [
    ("The United States is a big market for Acme.", ["Acme"]),  # a place of several words
    ("Analyst Jane Roe said Acme would gain.", ["Acme"]),  # a role word opens a person's name
    ("Spokeswoman Ann Poe said Bexco was busy.", ["Bexco"]),
    ("The Sunday Courier says Bexco will bid.", ["Bexco"]),  # a newspaper is a source
    ("Shares in Bexco rose, the Daily Gazette said.", ["Bexco"]),
    ("Acme Post Office sales rose.", ["Acme Post Office"]),  # no newspaper without "the"
]


@pytest.mark.parametrize(("sentence", "names"), SWEEP14_MENTIONS)
def test_sweep14_mentions(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


# (article, name, is the name used as a company?)
SWEEP14_COMPANY_LIKE = [
    ("Acme said sales rose.", "Acme", True),  # the actor of a business verb
    ("Shares in Acme fell.", "Acme", True),  # shares in it
    ("Acme's profits fell.", "Acme", True),  # owns a business thing
    ("Demand rose at carmaker Acme.", "Acme", True),  # a descriptor before it
    ("Bexco, the world's biggest toy chain, grew.", "Bexco", True),  # a descriptor apposition
    ("Acme Airlines grew.", "Acme Airlines", True),  # a company word in the name
    ("The plant is in Zedpur.", "Zedpur", False),  # a place
    ("Failure to act may hurt it.", "Failure", False),  # a sentence-opening common word
    ("It sells a burger with Cheese and fries.", "Cheese", False),
    ("The Acme Council said rates rose.", "Acme Council", False),  # a public body
]


@pytest.mark.parametrize(("text", "name", "expected"), SWEEP14_COMPANY_LIKE)
def test_sweep14_company_like(text: str, name: str, expected: bool) -> None:
    assert company_like(name, text) is expected


# (text, [(subject, metric, value, unit)])
SWEEP14_RULES = [
    (  # a verb after "and" shares the first clause's subject: its price is a share price too
        "Acme made a profit. Shares fell 1% to 410.5 pence in London, and dropped by 1.5% to 6.10 "
        "euros in Zedburg.",
        [("Acme", "share_price", 4.105, "GBP"), ("Acme", "share_price", 6.10, "EUR")],
    ),
    (  # a sentence-opening "Nor" is no name; nor is the Kremlin a company
        "Acme said it would grow. Nor could Bexco, which had sales of $3m, keep up.",
        [("Bexco", "revenue", 3e6, "USD")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP14_RULES)
def test_sweep14_rules(text: str, expected: list[tuple]) -> None:
    got = [(c.subject, c.metric, c.value, c.unit) for c in claims(text) if c.metric != "other"]
    assert [(s, m, u) for s, m, _, u in got] == [(s, m, u) for s, m, _, u in expected]
    assert [v for _, _, v, _ in got] == [pytest.approx(v) for _, _, v, _ in expected]


def test_sweep14_kremlin_is_no_company() -> None:
    assert [m.name for m in find_mentions("The Kremlin said Acme sold Bexco.", "")] == [
        "Kremlin",
        "Acme",
        "Bexco",
    ]
    assert not company_like("Kremlin", "The Kremlin said it would act.")
