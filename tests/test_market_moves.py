"""Market reports: a company moved by a percent in share talk is a share price move.

Invented articles and companies. Also the mechanisms the market-report sentences needed: dashed
asides that break no clause, "both" after an aside, a nationality that is part of a company's name,
move verbs in -ing, a "budget airline" that is no budget, losses told in currency words.
"""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.clauses import split_clauses
from extractors.market_moves import mover_before, share_talk_near
from extractors.nlp import get_nlp
from extractors.subjects import Mention, find_mentions

SHARE_LEAD = "Travel shares slide\n\nShares in travel firms fell sharply on Monday as investors fled.\n\n"
NO_SHARE_LEAD = "Travel firms gather\n\nTravel firms met in Utopolis on Monday to talk about the season.\n\n"


def claims(text: str) -> list[tuple]:
    doc = get_nlp()(text)
    return [
        (c.subject, c.metric, c.value, c.unit, c.change["value"] if c.change else None)
        for c in extract_claims_from_doc(doc, text.split("\n", 1)[0])
        if c.metric != "other"
    ]


# (body after the lead, expected claims)
MARKET_MOVES = [
    ("Acme Airways shed almost 4%.", [("Acme Airways", "share_price", None, None, -4.0)]),
    (
        "In Utopolis, Acme fell 2.1% to 17.58 euros, with Bexco Holdings dropping 1.7% to 16.87 euros.",
        [("Acme", "share_price", 17.58, "EUR", -2.1), ("Bexco Holdings", "share_price", 16.87, "EUR", -1.7)],
    ),
    (
        "Acme Steel lost 2.5% to 270 yen, with closest rival Bexco Holdings down 3.4%.",
        [
            ("Acme Steel", "share_price", 270.0, "JPY", -2.5),
            ("Bexco Holdings", "share_price", None, None, -3.4),
        ],
    ),
    (
        "Tour firms also took a hit, with Acme Tours sliding 1.5% and Bexco Travel dropping 3.3%.",
        [("Acme Tours", "share_price", None, None, -1.5), ("Bexco Travel", "share_price", None, None, -3.3)],
    ),
    ("Utopia's budget airline, Zedair fell 2.9%.", [("Zedair", "share_price", None, None, -2.9)]),
    ("Resort operator Acme Holdings rose 5%.", [("Acme Holdings", "share_price", None, None, 5.0)]),
]


@pytest.mark.parametrize(("body", "expected"), MARKET_MOVES)
def test_a_company_moved_in_share_talk_is_a_share_price_move(body: str, expected: list[tuple]):
    assert claims(SHARE_LEAD + body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Acme Airways shed almost 4%.",  # no share talk in the title, the lead or nearby
        "Resort operator Acme Holdings rose 5%.",
    ],
)
def test_without_share_talk_a_bare_move_is_no_share_price(body: str):
    assert [c for c in claims(NO_SHARE_LEAD + body) if c[1] == "share_price"] == []


@pytest.mark.parametrize(
    "body",
    [
        "The Nikkei fell 1.2%.",  # an index
        "The FTSE 100 index rose 0.4%.",
        "Utopia fell 2%.",  # a place
        "Sales at Acme fell 3%.",  # a metric of its own
    ],
)
def test_indices_places_and_other_metrics_are_no_share_moves(body: str):
    assert [c for c in claims(SHARE_LEAD + body) if c[1] == "share_price"] == []


def test_mover_is_the_name_right_before_the_move_verb():
    sentence = "With Acme sliding 1.5% and Bexco dropping 3.3%."
    mentions = [Mention(5, 9, "Acme"), Mention(27, 32, "Bexco")]
    assert mover_before(sentence, sentence.index("1.5%"), mentions) == mentions[0]
    assert mover_before(sentence, sentence.index("3.3%"), mentions) == mentions[1]
    said = "Acme said costs rose 3%."
    assert mover_before(said, said.index("3%"), [Mention(0, 4, "Acme")]) is None


def test_share_talk_reaches_from_the_title_the_lead_or_recent_sentences():
    text = "Plain title\n\nShares in Acme fell.\n\nA.\n\nB.\n\nC.\n\nD.\n\nE fell 2%."
    sents = []
    pos = 0
    for part in text.split("\n\n"):
        start = text.index(part, pos)
        sents.append((start, start + len(part)))
        pos = start + len(part)
    assert share_talk_near(text, sents, len(sents) - 1, "Plain title")  # the lead says shares
    quiet = text.replace("Shares in Acme fell", "Acme met")
    assert not share_talk_near(quiet, sents, len(sents) - 1, "Plain title")
    assert share_talk_near(quiet, sents, len(sents) - 1, "Acme shares fall")


# mechanisms the market sentences needed, each useful beyond them
def test_both_after_a_dashed_aside_shares_the_move():
    text = SHARE_LEAD + "Shares in Acme Re and Bexco Re - the two biggest insurers - both fell 1.7%."
    assert claims(text) == [
        ("Acme Re", "share_price", None, None, -1.7),
        ("Bexco Re", "share_price", None, None, -1.7),
    ]


def test_a_cue_inside_a_dashed_aside_is_no_cue_outside_it():
    text = "Acme Motors said its sale valued Bexco - which owns the Zeta brand - at 2.3bn euros."
    got = claims(text)
    assert [c[1] for c in got] == ["valuation"]


@pytest.mark.parametrize(
    ("sentence", "asides"),
    [
        ("Acme - the biggest maker - fell 2%.", 1),
        ("Acme - which holds half of it, they say - fell 2%.", 0),  # a comma inside: a real break
        ("Acme - the maker - fell 2% - a record.", 1),
        ("Acme - a maker of very many different kinds of things for many different markets - fell.", 0),
    ],
)
def test_short_dashed_asides_break_no_clause(sentence: str, asides: int):
    clauses = split_clauses(sentence)
    assert len(clauses.asides) == asides
    if asides:
        assert clauses.region(0) == clauses.region(sentence.index("fell"))


def test_an_aside_holding_a_figure_stays_a_clause_of_its_own():
    sentence = "Acme - which holds half of the market - aims to grow by 2010."
    start = sentence.index("half")
    assert split_clauses(sentence, [start]).asides == ()
    assert split_clauses(sentence).asides != ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in Swiss Acme Re fell. Swiss Acme Re said so.", "Swiss Acme Re"),
        ("Shares in Utopian Re fell 2%. Utopian Re is an insurer.", None),  # not a country word: kept as is
        ("Shares in Swiss Re fell. Swiss Re said so.", "Swiss Re"),  # the rest never stands alone
        ("Shares in Swiss Acme fell. Acme said so.", "Acme"),  # the rest stands alone: the place goes
    ],
)
def test_a_nationality_opening_a_name_stays_when_the_rest_never_stands_alone(text: str, name: str | None):
    first = find_mentions(text.split(". ")[0] + ".", text)
    if name is None:
        assert first and first[0].name == "Utopian Re"
    else:
        assert first and first[0].name == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Air lost 330m euros in 2003 as costs rose.", [("Acme Air", "loss", 330e6, "EUR", None)]),
        ("Acme Air made 20m pounds last year.", [("Acme Air", "profit", 20e6, "GBP", None)]),
        ("Acme Insurance has 2.4m policyholders.", [("Acme Insurance", "users", 2.4e6, "users", None)]),
        ("Acme Life has 3 million with-profits policyholders.", [("Acme Life", "users", 3e6, "users", None)]),
    ],
)
def test_currency_words_after_lost_and_made_and_policyholders(text: str, expected: list[tuple]):
    assert claims(text) == expected
