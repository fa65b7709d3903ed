"""Claims generalisation round 15 (own invented articles, invented companies).

Moves told in money beside their level, level ranges told with "to", modality scoped to the
figure's own clause, and subjects that are no company.
"""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.subjects import find_mentions


def claims(text: str):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text))


def rows(text: str) -> list[tuple]:
    out = []
    for c in claims(text):
        if c.metric == "other":
            continue
        change = (c.change or {}).get("kind"), (c.change or {}).get("value")
        out.append((c.metric, c.value, c.qualifier, change if c.change else None))
    return out


# (text, [(metric, value, qualifier, (change kind, change value) or None)])
SWEEP15_MONEY_MOVES = [
    (  # a time phrase and a closing verb between the move and the level
        "Acme shares fell $3.10 on Monday to close at $41.20.",
        [("share_price", 41.2, "exact", ("absolute", -3.1))],
    ),
    (
        "Shares in Bexco rose 4p in early trading to a new high of 312p.",
        [("share_price", 3.12, "exact", ("absolute", 0.04))],
    ),
    (  # the level first, then the size of its move
        "Acme shares closed at 150.5p on Thursday, down 2.25p.",
        [("share_price", 1.505, "exact", ("absolute", -0.0225))],
    ),
    (  # a verb of change, then "by" the move, then "to" the level
        "Strong demand helped Acme lift operating profit by 30m euros to 410m euros.",
        [("profit", 410e6, "exact", ("absolute", 30e6))],
    ),
    (  # "by" a sum with no level: a change with a null value
        "Acme said revenue would fall by at least $12m because of the strike.",
        [("revenue", None, "at_least", ("absolute", -12e6))],
    ),
    (  # a level after "to" that is not the move's level stays a claim of its own
        "Acme shares fell $2 on Monday to close at $40 while Bexco shares rose to $12.",
        [("share_price", 40.0, "exact", ("absolute", -2.0)), ("share_price", 12.0, "exact", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP15_MONEY_MOVES)
def test_sweep15_money_moves(text: str, expected: list[tuple]) -> None:
    got = rows(text)
    assert [(m, q) for m, _, q, _ in got] == [(m, q) for m, _, q, _ in expected]
    assert [v for _, v, _, _ in got] == [pytest.approx(v) if v else v for _, v, _, _ in expected]
    assert [c and (c[0], pytest.approx(c[1])) for *_, c in got] == [c for *_, c in expected]


# (text, [(metric, value low, value high)])
SWEEP15_RANGES = [
    ("Acme expects revenue of $2.1bn to $2.3bn next year.", [("revenue", 2.1e9, 2.3e9)]),
    ("Analysts have valued Bexco at £30m to £40m.", [("valuation", 30e6, 40e6)]),
    ("Acme said profits would be between 5% to 10% lower this year.", [("profit", 5.0, 10.0)]),
    ("Acme said its sales would be 3% to 4% higher.", [("revenue", 3.0, 4.0)]),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP15_RANGES)
def test_sweep15_ranges(text: str, expected: list[tuple]) -> None:
    got = [c for c in claims(text) if c.metric != "other"]
    assert [c.metric for c in got] == [m for m, _, _ in expected]
    assert all(c.qualifier == "range" for c in got)
    if got[0].value is not None:
        assert (got[0].value_low, got[0].value_high) == (expected[0][1], expected[0][2])


# two amounts after "to" that are a move and its level, or far apart: no level range
SWEEP15_NOT_RANGES = [
    "Acme's profit rose from $2.1bn to $2.3bn.",
    "Acme reported a rise of $1bn to $1.5bn in profit.",
    "Acme put the cost of $1bn to $5bn on its rivals.",
]


@pytest.mark.parametrize("text", SWEEP15_NOT_RANGES)
def test_sweep15_not_ranges(text: str) -> None:
    assert all(c.qualifier != "range" for c in claims(text))


def test_sweep15_per_share_range_is_no_claim() -> None:
    # a range of earnings per share: the range carries the "a share" of its second end
    got = claims("Acme expects earnings of $1.10 to $1.20 a share.")
    assert [c for c in got if c.metric != "other"] == []


def modalities(text: str) -> list[tuple[str, str]]:
    return [(c.metric, c.modality) for c in claims(text) if c.metric != "other"]


# (text, [(metric, modality)])
SWEEP15_MODALITY = [
    # "expectations" met, beaten or missed is no forecast of the figure
    ("Results were in line with expectations and shares in Acme rose 2%.", [("share_price", "actual")]),
    ("Acme sells toys. Acme beat forecasts as its sales rose 4% to $2bn.", [("revenue", "actual")]),
    # ... but the expected figure itself is one
    ("Acme's profit was below analyst expectations of $90m.", [("profit", "forecast")]),
    # a modal verb in a clause of its own after the figure
    ("Acme shares jumped 9% on hopes that it will be bought by Bexco.", [("share_price", "actual")]),
    # a figure said to be possible
    ("Acme has a new drug. Analysts said sales of $400m a year were possible.", [("revenue", "forecast")]),
    # a describing clause shares the forecast of the clause before ...
    ("Acme is to buy Bexco. The new firm will run 500 shops, with sales of $9bn.", [("revenue", "forecast")]),
    ("A merger of Acme and Bexco would create a group valued at $12bn.", [("valuation", "forecast")]),
    # ... never its aim: what the clause describes is there now
    ("Acme plans to float its Bexco unit, valued at $3bn.", [("valuation", "actual")]),
    # job cuts a company "is to" make, and a change it is "on course for"
    ("Acme is to cut 1,200 jobs in Europe.", [("employees", "forecast")]),
    ("Acme said it was on course for a 5% rise in profit this year.", [("profit", "forecast")]),
    # "raise its bid to £2bn": "bid to" before a figure is no aim word ("in a bid to cut costs")
    ("Acme may raise its bid to £2bn.", [("deal_value", "forecast")]),
    # "plans a joint venture ... with an investment of $5m"
    ("Acme plans a joint venture in Utopia, with an initial investment of $5m.", [("capex", "target")]),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP15_MODALITY)
def test_sweep15_modality(text: str, expected: list[tuple[str, str]]) -> None:
    assert modalities(text) == expected


# (sentence, mention names): a legal suffix is never left alone by dropping the word before it
SWEEP15_MENTIONS = [
    ("News Corporation is to buy Bexco.", ["News Corporation", "Bexco"]),
    ("Times Corp shares fell.", ["Times Corp"]),
    ("Years Group said sales rose.", ["Years Group"]),
]


@pytest.mark.parametrize(("sentence", "names"), SWEEP15_MENTIONS)
def test_sweep15_mentions(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, sentence)] == names


# (text, [(metric, change value)]): jobs moved away are jobs cut where they are; unit sales are volumes
SWEEP15_CHANGES = [
    ("Acme said it may transfer as many as 2,000 jobs out of Utopia.", [("employees", -2000.0)]),
    ("Acme said 900 jobs could shift overseas next year.", [("employees", -900.0)]),
    ("Acme said up to 400 jobs would be moved to Zedburg.", [("employees", -400.0)]),
    ("Acme will create 500 new jobs.", [("employees", 500.0)]),
    ("Acme enjoyed a 5% annual increase in unit sales while revenues rose 10%.", [("revenue", 10.0)]),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP15_CHANGES)
def test_sweep15_changes(text: str, expected: list[tuple[str, float]]) -> None:
    got = [(c.metric, (c.change or {}).get("value")) for c in claims(text) if c.metric != "other"]
    assert got == expected
