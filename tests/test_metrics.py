"""Metric linker: the cue nearest the figure inside its clause wins (own example sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.clauses import split_clauses
from extractors.figures import find_figures
from extractors.metrics import MONEY_METRICS, choose_metric, find_cues, load_cues

CASES = [
    ("Operating profit climbed 12% to $4.2bn, while turnover rose 3% to $20.5bn.", "$4.2bn", "profit"),
    ("Operating profit climbed 12% to $4.2bn, while turnover rose 3% to $20.5bn.", "$20.5bn", "revenue"),
    ("Acme reported annual recurring revenue of $80m.", "$80m", "arr"),
    ("The start-up raised $40m in a Series C round.", "$40m", "funding"),
    ("Its market capitalisation stands at £9bn.", "£9bn", "market_cap"),
    ("The chain was valued at €1.2bn by investors.", "€1.2bn", "valuation"),
    ("Zeta agreed to buy the brewer for $3bn.", "$3bn", "deal_value"),
    ("The carrier ordered 40 jets for $5bn in a deal worth more later.", "$5bn", "capex"),
    ("Sales of its stake in the bank brought in £400m.", "£400m", "deal_value"),
    ("It will invest £250m in new plants.", "£250m", "capex"),
    ("Net debt fell to 8bn euros.", "8bn euros", "debt"),
    ("It swung to a net loss of $75m.", "$75m", "loss"),
    ("The firm was fined $20m by regulators.", "$20m", "skip"),
    ("It must pay a $2bn tax bill.", "$2bn", "skip"),
    ("Crude oil closed at $41 a barrel.", "$41", "skip"),
    ("Prosecutors asked the banks to forfeit $3bn.", "$3bn", "skip"),
    ("Export earnings of $7bn are expected.", "$7bn", "skip"),
    ("A bid would value the group at $6bn.", "$6bn", "valuation"),
    ("Velmar will spend $500m on new mills.", "$500m", "capex"),
    ("Tarvo paid $2bn for the toolmaker.", "$2bn", "deal_value"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), CASES)
def test_money_metric(sentence: str, surface: str, metric: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface.endswith(surface))
    got = choose_metric(find_cues(sentence), split_clauses(sentence), fig.start, fig.end, MONEY_METRICS)
    assert got == metric


def test_cue_file_is_valid() -> None:
    cues = load_cues()
    assert cues and all(c.pattern for c in cues)


def test_clauses_do_not_split_numbers_or_brackets() -> None:
    s = "Sales rose to $1,200m ($2bn; £1bn), while profit fell."
    c = split_clauses(s)
    assert c.clause(s.index("$2bn")) == c.clause(s.index("$1,200m"))
    assert c.region(s.index("profit")) != c.region(s.index("Sales"))


_WORDS = [
    "sales",
    "Profit",
    "net loss",
    "valued at",
    "market share",
    "of Acme's output",
    "-workers",
    "ſales",
    "\u212aelvin",
    "staff",
    " ",
    ",",
    "’s",
    "raised",
    "4",
    "$",
    "DAUs",
    "tax",
    "é",
]


@given(st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join) | st.text(max_size=60))
def test_cue_scanner_finds_what_the_plain_regex_finds(text: str) -> None:
    from extractors.metrics import _compiled

    scanner, _ = _compiled()
    plain = [(m.start(), m.end(), m.lastgroup) for m in scanner.full.finditer(text)]
    assert list(scanner.finditer(text)) == plain


# a company that "lost" millions made a loss; shareholders or price moves that "lost" are no loss
LOST_MONEY = [
    ("Quillon, which lost $310m in the first half, is cutting costs.", "$310m", "loss"),
    ("The carrier loses about £45m a year on the route.", "£45m", "loss"),
    ("Shareholders lost about $60bn when Brontec collapsed.", "$60bn", "skip"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), LOST_MONEY)
def test_lost_money_is_a_loss(sentence: str, surface: str, metric: str) -> None:
    test_money_metric(sentence, surface, metric)


# sweep 5: cue words (own sentences)
SWEEP5_CUES = [
    ("Holders of Quenta have sued to block a $4.1bn buyout by Marlo.", "$4.1bn", "deal_value"),
    ("Talks ended after Marlo's £2.2bn offer was turned down in May.", "£2.2bn", "deal_value"),
    ("For the year as a whole, Quenta earned $412m on sales of $2.9bn.", "$412m", "profit"),
    ("For the year as a whole, Quenta earned $412m on sales of $2.9bn.", "$2.9bn", "revenue"),
    ("With assets of $90m and liabilities of $310m, Quenta needs its lenders.", "$90m", "skip"),
    ("Marlo has put down a deposit of about $600m for the refinery.", "$600m", "skip"),
    ("The plan lifts the tax-free threshold to 150,000 rupees.", "150,000 rupees", "skip"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), SWEEP5_CUES)
def test_sweep5_cues(sentence: str, surface: str, metric: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface.endswith(surface))
    got = choose_metric(find_cues(sentence), split_clauses(sentence), fig.start, fig.end, MONEY_METRICS)
    assert got == metric


# sweep 6: cue words (own sentences)
SWEEP6_CUES = [
    ("Dorvan, which has a capitalisation of £3.2bn, is the bigger of the two.", "£3.2bn", "market_cap"),
    ("Her family controls 40% of the group, which is worth $11bn.", "$11bn", "valuation"),
    ("Tesko has cut the debt it took on to fund the Belmo purchase to 2.1bn euros.", "2.1bn euros", "debt"),
    ("It spurned an offer from Quenta, which the firm raised to A$6.2bn.", "A$6.2bn", "deal_value"),
    ("Quenta raised $40m from investors to fund its expansion.", "$40m", "funding"),
    ("The insurer has paid out about 200 million euros to cover storm damage.", "200 million euros", "skip"),
    ("Most bids were at the top of the price range of 900-950 rupees.", "900-950 rupees", "skip"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), SWEEP6_CUES)
def test_sweep6_cues(sentence: str, surface: str, metric: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface.endswith(surface))
    got = choose_metric(find_cues(sentence), split_clauses(sentence), fig.start, fig.end, MONEY_METRICS)
    assert got == metric


# sweep 8: cue words (own sentences)
SWEEP8_CUES = [
    ("Bexco is offering $900m for the chain.", "$900m", "deal_value"),
    ("Staff are suspected of misusing $8m to fund a buyout.", "$8m", "skip"),
    ("Directors embezzled £3m before the takeover.", "£3m", "skip"),
    ("Quenta restated its profits by $400m.", "$400m", "skip"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), SWEEP8_CUES)
def test_sweep8_cues(sentence: str, surface: str, metric: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface.endswith(surface))
    got = choose_metric(find_cues(sentence), split_clauses(sentence), fig.start, fig.end, MONEY_METRICS)
    assert got == metric


# sweep 9: cue words (own sentences)
SWEEP9_CUES = [
    ("Quenta's revenue over the last nine months rose to $2bn because of lower costs.", "$2bn", "revenue"),
    ("Marlo got a $900m rescue package from its lenders.", "$900m", "funding"),
    ("Marlo raised cash by selling new shares worth £300m.", "£300m", "funding"),
    ("Quenta intends to buy back shares worth $500m.", "$500m", "skip"),
    ("Marlo sold 3bn euros of government bonds to investors.", "3bn euros", "skip"),
    ("Taxpayers funded a $9bn state bail-out of the two lenders.", "$9bn", "skip"),
    ("The pact lets Marlo sell 12 jets to Quenta Air in a deal worth $700m.", "$700m", "capex"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), SWEEP9_CUES)
def test_sweep9_cues(sentence: str, surface: str, metric: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface.endswith(surface))
    got = choose_metric(find_cues(sentence), split_clauses(sentence), fig.start, fig.end, MONEY_METRICS)
    assert got == metric


# sweep 10: cue words (own sentences)
SWEEP10_CUES = [
    ("Marlo chose Frankfurt for its $2.3bn (£1.2bn) stock market debut in May.", "$2.3bn", "funding"),
    ("Quenta's 400m euro IPO was priced last week.", "400m euro", "funding"),
    ("The flotation of Marlo raised about £800m.", "£800m", "funding"),
    ("Two banks have each put up $300m to keep Quenta afloat.", "$300m", "funding"),
    ("Quenta's trading arm had been losing nearly $2m a month.", "$2m", "loss"),
    ("Marlo handed 50,000 savers a windfall of £400.", "£400", "skip"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), SWEEP10_CUES)
def test_sweep10_cues(sentence: str, surface: str, metric: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface.endswith(surface))
    got = choose_metric(find_cues(sentence), split_clauses(sentence), fig.start, fig.end, MONEY_METRICS)
    assert got == metric


# sweep 11: cue words (own sentences)
SWEEP11_CUES = [
    ("Velmar must pay back a $300m (£160m) loan to its former owner.", "$300m", "debt"),
    ("Velmar already faces a $200m repayment demand from its lenders.", "$200m", "debt"),
    ("The regulator approved the construction of a $900m gas pipeline by Velmar.", "$900m", "capex"),
]


@pytest.mark.parametrize(("sentence", "surface", "metric"), SWEEP11_CUES)
def test_sweep11_cues(sentence: str, surface: str, metric: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface.endswith(surface))
    got = choose_metric(find_cues(sentence), split_clauses(sentence), fig.start, fig.end, MONEY_METRICS)
    assert got == metric


def test_sweep11_bank_loans_are_no_debt() -> None:
    sentence = "Bad loans fell to 12% of its loans, down 2 points."
    assert not [h for h in find_cues(sentence) if h.metric == "debt"]
