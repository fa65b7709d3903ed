"""Claims generalisation round 17 (own invented articles, invented companies).

Non-company owners recognised positively: a market, an industry or firms in general as the actor,
a country as a spender after "said", a treasury or ministry, a newspaper reporting without "the";
deal terms per share in pence, gaps to expectations, and users changes told as a net loss or gain.
"""

from __future__ import annotations

import pytest
from sweep_helpers import claims, found

# no company owns these figures: nothing is a claim
SWEEP17_NO_CLAIM = [
    # a market in general makes the profit; the newspaper is only the source
    "Utopia Daily said the market was enjoying steady growth, making 210bn yuan in profits last year.",
    # firms of a country in general, told as the actor
    "French firms created 337,000 jobs last month, twice the amount expected.",
    "With non-store retailers seeing sales rise by 4.1%, the shops had a quiet month.",
    "The industry made a profit of $2bn last year.",
    # a country as the spender after "said"
    "Analysts said Brazil could spend up to $35bn on new planes over the next 20 years.",
    # a treasury or a ministry as the spender
    "It says the Utopian Treasury has allocated £7.5bn for the rail project.",
    "He could not confirm whether the Treasury was planning to invest £7.5bn in the line.",
    "The finance ministry will spend $2bn on new roads.",
    # a deal's term per share in pence is no deal value
    "The board of Zorbel United also considered a management buyout at just over 300p but did not go ahead.",
    # a gap to expectations is no change
    "Zorbel said profits would be 15% lower than analysts had expected.",
    "Quanta said sales would be 3% below forecasts.",
]


@pytest.mark.parametrize("text", SWEEP17_NO_CLAIM)
def test_sweep17_no_company_claim(text: str) -> None:
    assert found(text) == []


# the same shapes with a company as owner keep their claims
SWEEP17_KEPT = [
    (  # the market expected the company's figure: the company owns it
        "Zorbel said the market was expecting it to make a profit of $3bn.",
        [("Zorbel", "profit", 3e9, (None, None))],
    ),
    (  # a company named after the market's verb owns the figure
        "Zorbel said the market had valued Quanta at $3bn.",
        [("Quanta", "valuation", 3e9, (None, None))],
    ),
    (  # a company's own sales while the market grew
        "Zorbel Motors said its sales rose 5% to $3bn, while the market grew 2%.",
        [("Zorbel Motors", "revenue", 3e9, ("percent", 5.0))],
    ),
    (  # "Retailers" as part of a company's name is no kind of firm
        "Acme Retailers saw sales rise 5%.",
        [("Acme Retailers", "revenue", None, ("percent", 5.0))],
    ),
    (  # two particular firms' combined sales are no aggregate
        "Zorbel and Quanta said the two firms had combined sales of $5bn.",
        [("Quanta", "revenue", 5e9, (None, None))],
    ),
    (  # a change from a year earlier is still a change
        "Zorbel said profits fell 15% from a year earlier.",
        [("Zorbel", "profit", None, ("percent", -15.0))],
    ),
    (  # a newspaper reporting a named company's figure: the company is the subject
        "Utopia Daily said Zorbel made a profit of $3bn.",
        [("Zorbel", "profit", 3e9, (None, None))],
    ),
    (  # a publisher telling its own profit is its subject
        "Zorbel Times said its profit rose to $3bn.",
        [("Zorbel Times", "profit", 3e9, (None, None))],
    ),
    (  # a newspaper reporting a described company: the company named before
        "Zorbel Motors is struggling. Utopia Daily said the carmaker would cut 3,000 jobs.",
        [("Zorbel Motors", "employees", None, ("absolute", -3000.0))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP17_KEPT)
def test_sweep17_company_claims_kept(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


# users changes told as a noun ("a net loss of 45,000 customers")
SWEEP17_USERS = [
    (
        "Zentel Mobile said its subscriber base shrank. It suffered a net loss of over 45,000 customers.",
        [("Zentel Mobile", "users", None, ("absolute", -45000.0))],
    ),
    (
        "Zentel Mobile reported a net gain of 12,000 subscribers in May.",
        [("Zentel Mobile", "users", None, ("absolute", 12000.0))],
    ),
    (  # the verb form keeps working
        "Zentel Mobile lost 12,000 subscribers in May.",
        [("Zentel Mobile", "users", None, ("absolute", -12000.0))],
    ),
    (  # a plain count is a level
        "Zentel Mobile has 12,000 subscribers.",
        [("Zentel Mobile", "users", 12000.0, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP17_USERS)
def test_sweep17_users_changes(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


# the level a share move reached told as a high or low, money for shares sold to investors, a deal to build
SWEEP17_METRICS = [
    (
        "Zorbel shares were strong. Zorbel saw its shares surge 4.9% to a new high of 583p.",
        [("Zorbel", "share_price", 5.83, ("percent", 4.9))],
    ),
    (
        "Zorbel shares were weak. Its shares fell 3% to a 52-week low of 120p.",
        [("Zorbel", "share_price", 1.2, ("percent", -3.0))],
    ),
    (
        "Zorbel had been expected to offer 22.5bn yuan worth of shares to investors.",
        [("Zorbel", "funding", 22.5e9, (None, None))],
    ),
    (
        "Zorbel will sell $2bn of shares to institutional investors.",
        [("Zorbel", "funding", 2e9, (None, None))],
    ),
    (  # shares in another company: a stake sale stays a deal
        "Zorbel sold $3bn of shares in Quanta.",
        [("Zorbel", "deal_value", 3e9, (None, None))],
    ),
    (
        "Zorbel could bail out of a $3bn deal to build a mobile network in Brazil.",
        [("Zorbel", "capex", 3e9, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP17_METRICS)
def test_sweep17_metrics(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


def test_sweep17_contract_to_build_is_no_claim() -> None:
    # a contract won to build for a client is no investment of the builder (not in the v1 taxonomy)
    assert all(
        c.metric != "capex" for c in claims("Quanta won a $3bn contract to build a network in Brazil.")
    )


# a loan given to a company is funding; one it must repay stays debt; a loan told with a currency word
SWEEP17_LOANS = [
    (
        "Zorbel Air is weak. Officials study the state's provision of a 400m euro loan to the carrier.",
        [("Zorbel Air", "funding", 400e6, (None, None))],
    ),
    ("Zorbel Air received a 400m euro loan.", [("Zorbel Air", "funding", 400e6, (None, None))]),
    ("Zorbel Air has to repay a 400m euro loan.", [("Zorbel Air", "debt", 400e6, (None, None))]),
    ("Zorbel Air took out a $2bn loan.", [("Zorbel Air", "debt", 2e9, (None, None))]),
    (
        "Menatep asked Zorbel to repay a $900m loan that Pelmar had secured on its assets.",
        [("Pelmar", "debt", 900e6, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP17_LOANS)
def test_sweep17_loans(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected
