"""Claims end to end on spacy.blank("en") + our components (own example sentences)."""

from __future__ import annotations

import pytest

from extractors.analyse import analyse_article
from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.textfile import split_title


def claims(text: str, title: str | None = None):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text), title=title)


# (text, [(metric, value, unit, qualifier, modality, change)])
CASES = [
    (
        "Zento said quarterly earnings jumped 40% to $2.2bn, while sales grew 5% to $30.4bn.",
        [
            ("profit", 2.2e9, "USD", "exact", "actual", {"kind": "percent", "value": 40.0}),
            ("revenue", 30.4e9, "USD", "exact", "actual", {"kind": "percent", "value": 5.0}),
        ],
    ),
    (
        "Korvex posted a net profit of 920m euros (£640m), down from 1.1bn euros a year earlier.",
        [
            ("profit", 920e6, "EUR", "exact", "actual", None),
            ("profit", 1.1e9, "EUR", "exact", "actual", None),
        ],
    ),
    (
        "Lumo Labs is seeking to raise $150m from investors.",
        [("funding", 150e6, "USD", "exact", "target", None)],
    ),
    (
        "Analysts expect Dravo's turnover to reach roughly £3bn.",
        [("revenue", 3e9, "GBP", "approximate", "forecast", None)],
    ),
    (
        "Pexa's operating profit fell 12%.",
        [("profit", None, None, "exact", "actual", {"kind": "percent", "value": -12.0})],
    ),
    (
        "Vantel will cut 1,500 jobs.",
        [("employees", None, "count", "exact", "forecast", {"kind": "absolute", "value": -1500.0})],
    ),
    (
        "Rendo, which employs almost 8,000 staff, is hiring.",
        [("employees", 8000.0, "count", "approximate", "actual", None)],
    ),
    (
        "Shares in Calder Mining rose 9% to 212p.",
        [("share_price", 2.12, "GBP", "exact", "actual", {"kind": "percent", "value": 9.0})],
    ),
    (
        "Strata controls 35% of the European cement market.",
        [("market_share", 35.0, "percent", "exact", "actual", None)],
    ),
    (
        "Fintro's paying subscribers passed 12 million in 2025.",
        [],  # no number + noun pattern: "passed 12 million" without a noun is not read as a count
    ),
    (
        "Yield Corp has more than 4 million monthly active users.",
        [("mau", 4e6, "users", "at_least", "actual", None)],
    ),
    (
        "The government said inflation rose to 3.1% and GDP grew by 2%.",
        [],
    ),
    (
        "Ambro was fined $40m and agreed a $10m settlement.",
        [],
    ),
    (
        "Orla owns a 12% stake in Pemberly.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_table(text: str, expected: list[tuple]) -> None:
    got = [(c.metric, c.value, c.unit, c.qualifier, c.modality, c.change) for c in claims(text)]
    assert got == [(m, pytest.approx(v) if v else v, u, q, mo, ch) for m, v, u, q, mo, ch in expected]


def test_alternates_and_span() -> None:
    text = "Brava's revenue rose to 2.5bn euros ($3.2bn; £2.1bn) last year."
    (c,) = claims(text)
    assert c.alternates == [{"value": 3.2e9, "unit": "USD"}, {"value": 2.1e9, "unit": "GBP"}]
    assert text[c.span[0] : c.span[1]] == c.surface == "2.5bn euros"
    assert c.sentence == text


def test_range_claim() -> None:
    (c,) = claims("Tolvo expects revenue of between $2bn and $3bn.")
    assert (c.qualifier, c.value_low, c.value_high, c.value) == ("range", 2e9, 3e9, 2.5e9)


def test_multiple_change_attaches_to_value() -> None:
    (c,) = claims("Nuvio's ARR grew threefold in a year to about $90 million.")
    assert (c.metric, c.value, c.qualifier) == ("arr", 90e6, "approximate")
    assert c.change == {"kind": "multiple", "value": 3.0, "over": "1 year"}  # "in a year"


def test_headline_repeat_is_one_claim() -> None:
    text = "Palo buys Quint for $2bn\n\nPalo has agreed to buy Quint for $2bn in cash."
    got = claims(text, title=split_title(text))
    assert len([c for c in got if c.value == 2e9]) == 1


def test_period() -> None:
    (c,) = claims("Ostra's capital expenditure will rise to $5bn in 2026.")
    assert c.period == "2026"


SENTENCES = [
    ("Profits at U.S. group Hamm Inc. rose 4% to $1.13bn. Mr. Lee was pleased.", 2),
    ("A headline without a stop\n\nThe body starts here. It ends here.", 3),
]


@pytest.mark.parametrize(("text", "n"), SENTENCES)
def test_sentence_boundaries(text: str, n: int) -> None:
    assert len(list(get_nlp()(text).sents)) == n


def test_analyse_article_spans_match_text() -> None:
    text = "Headline here\n\nKestrel said sales rose 3% to £400m. Its profit was £40m."
    a = analyse_article(text, split_title(text))
    assert a.claims
    for c in a.claims:
        assert text[c.span[0] : c.span[1]] == c.surface
        assert c.sentence_idx is not None and a.sentences[c.sentence_idx].start <= c.span[0]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "$", "100%", "£", "It rose 5% to."])
def test_degenerate_inputs(text: str) -> None:
    assert isinstance(claims(text), list)


def test_rounded_headline_figure_is_the_body_claim() -> None:
    text = "Palo agrees $3bn Quint deal\n\nPalo has agreed to buy Quint for $3.1bn in cash."
    got = claims(text, title=split_title(text))
    assert [(c.metric, c.value) for c in got] == [("deal_value", 3.1e9)]


# Figures with a metric cue that are no company claim (CLAIMS.md rules of thumb), own sentences.
NOT_CLAIMS = [
    "Skyra ordered 12 jets at $90m each.",  # price per item
    "Brenlow's board backed the 240p a share offer from Tamco.",  # an offer's per-share terms
    "Portugal's stock market has fallen about 4% this week.",  # an index, not a company's shares
    "Portugal may lose $2bn in earnings from tourism this year.",  # a country's figure
    "Peru's fishing industry posted record earnings of $3bn.",  # an industry's figure
    "Regulators want the lenders to surrender $5bn in profits.",  # a legal demand
    "Vexa's sales rose 4% to 1.2 million cars.",  # a change in volume, not revenue
    "Officials said the industry expects to see investment worth $8bn.",  # an industry's figure
    # market, country and public-sector figures (sweep 3)
    "Officials said retail sales rose 1.2% in March.",  # a market's sales
    "Analysts said new car sales fell 4% last month.",
    "Spending on schools will rise by 6% next year.",  # public spending
    "Officials said Turkey's gross debt fell to $150bn.",  # a country's debt
    "The defence budget was raised 5% to $20bn.",
    "Some 3.2 million people are out of work, the highest jobless figure in a decade.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text: str) -> None:
    assert claims(text) == []


# a figure whose subject is a trade body, statistics office or public body is stored as `other`
INSTITUTION_FIGURES = [
    "The Grocers Federation said sales fell 3% in May.",
    "The Trade Ministry said the sector's sales rose 2% to $9bn.",
    "Figures from the Statistics Bureau showed sales rose 2% to $9bn.",
]


@pytest.mark.parametrize("text", INSTITUTION_FIGURES)
def test_institution_figures_are_other(text: str) -> None:
    assert [c.metric for c in claims(text)] in ([], ["other"])


# (text, [(metric, value, unit, qualifier, modality, change)])
PATTERNS = [
    (  # a move in money restated as a percent: the percent is the change
        "Shares in Dornick rose 12 cents - 2.5% - in New York.",
        [("share_price", None, None, "exact", "actual", {"kind": "percent", "value": 2.5})],
    ),
    (  # "to reach" leads to the level like "to"
        "Pre-tax profit at Halvor rose 12% from a year ago to reach £300m.",
        [("profit", 300e6, "GBP", "exact", "actual", {"kind": "percent", "value": 12.0, "over": "1 year"})],
    ),
    (
        "Some 3,000 job losses had been expected at Quorra.",
        [("employees", None, "count", "approximate", "forecast", {"kind": "absolute", "value": -3000.0})],
    ),
    (
        "Mirelo will spend about $2bn on new plants.",
        [("capex", 2e9, "USD", "approximate", "forecast", None)],
    ),
    (  # an offer valuing a company holds a valuation and a deal_value claim
        "A bid at that price would value Quillon at $4bn.",
        [
            ("valuation", 4e9, "USD", "exact", "forecast", None),
            ("deal_value", 4e9, "USD", "exact", "forecast", None),
        ],
    ),
    (  # a money move followed by the level: the level is the claim
        "Lumo's shares fell 8p to 120p.",
        [("share_price", 1.2, "GBP", "exact", "actual", None)],
    ),
    (  # money spent to buy a company is a deal, not capital spending
        "Kavo said it would spend $3bn to buy a rival bank in Utopia.",
        [("deal_value", 3e9, "USD", "exact", "forecast", None)],
    ),
    (  # spending on a share buy-back is no claim
        "Kavo plans to spend 500m euros this year buying back shares.",
        [],
    ),
    (  # spending to buy equipment stays capital spending
        "Kavo will spend $2bn to buy new turbines.",
        [("capex", 2e9, "USD", "exact", "forecast", None)],
    ),
    (  # a "planned" or "proposed" offer is sought: target
        "Tarco dropped its planned $2bn offer for Vessel.",
        [("deal_value", 2e9, "USD", "exact", "target", None)],
    ),
    (  # a company's own car sales stay a claim
        "Vexa said its car sales rose 4% to $3bn.",
        [("revenue", 3e9, "USD", "exact", "actual", {"kind": "percent", "value": 4.0})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_claim_patterns(text: str, expected: list[tuple]) -> None:
    got = [(c.metric, c.value, c.unit, c.qualifier, c.modality, c.change) for c in claims(text)]
    assert got == [(m, pytest.approx(v) if v else v, u, q, mo, ch) for m, v, u, q, mo, ch in expected]


def test_headline_change_repeated_in_body_is_one_claim() -> None:
    text = "Marlo's profits jump 20%\n\nMarlo said annual profits rose 20% to £90m."
    got = claims(text, title=split_title(text))
    assert [(c.metric, c.value) for c in got] == [("profit", 90e6)]


# General rules that came from dev misses, each pinned with invented sentences:
# (text, [(subject, metric, value, unit, surface)])
RULES = [
    # a contract's value is not a valuation of the contractor (or of its client)
    ("Brantix has won two supply contracts valued at $1.2bn.", []),
    ("Brantix won two contracts to build ferries, valued at £900m.", []),
    ("Brantix won contracts to build ferries for Kelvar, valued at £900m.", []),
    (
        "Brantix was valued at £900m in its last funding round.",
        [("Brantix", "valuation", 900e6, "GBP", "£900m")],
    ),
    # "11bn euros higher": a difference between two levels, not a level
    ("Velda's sales were 11bn euros higher than a year earlier.", []),
    ("Velda's profit was $3m lower than in 2023.", []),
    ("Velda's sales were 11bn euros last year.", [("Velda", "revenue", 11e9, "EUR", "11bn euros")]),
    # "the number of cars / vehicles / homes" is not a count of users or staff
    ("The number of cars bought by Kavo customers rose 15%.", []),
    ("Kavo said the number of vehicles leased to its customers rose by 20%.", []),
    ("Kavo tripled the number of vehicles it exports.", []),
    ("The number of Kavo customers rose 15%.", [("Kavo", "users", None, None, "15%")]),
    # a share of one company's output is no market share; a share of a country's output is
    ("Glenmor supplies 60% of Dunhill's output.", []),
    ("Glenmor makes 60% of Dunhill's engines.", []),
    (
        "Ostrov Oil pumps 20% of Russia's oil output.",
        [("Ostrov Oil", "market_share", 20.0, "percent", "20%")],
    ),
    ("Glenmor has 35% of the UK market.", [("Glenmor", "market_share", 35.0, "percent", "35%")]),
    # "its X unit, NAME, valued at": the valuation belongs to the unit, not the parent
    (
        "Tessaro is spinning off its cloud unit, Nimbra, valued at $4bn.",
        [("Nimbra", "valuation", 4e9, "USD", "$4bn")],
    ),
    (
        "Tessaro said its payments unit, Quickpay, valued at $4bn, would list.",
        [("Quickpay", "valuation", 4e9, "USD", "$4bn")],
    ),
    # a leading "After ...," clause does not give the sentence its topic
    (
        "After a tough year at Pellmark, Orsino Foods said it would close plants. "
        "Its revenue fell 8% to $2bn.",
        [("Orsino Foods", "revenue", 2e9, "USD", "$2bn")],
    ),
    (
        "Following talks with Pellmark, Orsino Foods cut prices. The company's revenue rose 3% to $2bn.",
        [("Orsino Foods", "revenue", 2e9, "USD", "$2bn")],
    ),
    # without the subordinate clause the first name is still the topic
    (
        "Pellmark said Orsino Foods cut prices. The company's revenue rose 3% to $2bn.",
        [("Pellmark", "revenue", 2e9, "USD", "$2bn")],
    ),
    # "$5m dollars": the unit said twice; the figure ends before the repeat
    (
        "Pemco Holdings said its revenue was $5m dollars.",
        [("Pemco Holdings", "revenue", 5e6, "USD", "$5m")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_general_rules(text: str, expected: list[tuple]) -> None:
    got = [(c.subject, c.metric, c.value, c.unit, c.surface) for c in claims(text)]
    assert got == [(s, m, pytest.approx(v) if v else v, u, sf) for s, m, v, u, sf in expected]
    for c in claims(text):
        assert text[c.span[0] : c.span[1]] == c.surface


# CLAIMS.md change.over: the span of a change when the sentence states it, else no "over"
# (text, [(value, change)])
CHANGE_SPANS = [
    (
        "Vantor's ARR jumped threefold in a single year to $90m.",
        [(90e6, {"kind": "multiple", "value": 3.0, "over": "1 year"})],
    ),
    (
        "Vantor's sales rose 8% year-on-year to $2bn.",
        [(2e9, {"kind": "percent", "value": 8.0, "over": "1 year"})],
    ),
    (
        "Vantor's profit rose 4% to $1bn from a year earlier.",
        [(1e9, {"kind": "percent", "value": 4.0, "over": "1 year"})],
    ),
    (
        "Vantor reported annual growth of 6% in sales to $3bn.",
        [(3e9, {"kind": "percent", "value": 6.0, "over": "1 year"})],
    ),
    (
        "Vantor's revenue has doubled over five years to $4bn.",
        [(4e9, {"kind": "multiple", "value": 2.0, "over": "5 years"})],
    ),
    (
        "Vantor's sales rose 5% in three months to $4bn.",
        [(4e9, {"kind": "percent", "value": 5.0, "over": "3 months"})],
    ),
    (
        "Vantor's revenue rose 2% quarter-on-quarter to $900m.",
        [(9e8, {"kind": "percent", "value": 2.0, "over": "3 months"})],
    ),
    (
        "In the past two years, Vantor's sales tripled to $6bn.",
        [(6e9, {"kind": "multiple", "value": 3.0, "over": "2 years"})],
    ),
    (
        "Vantor expects 1,200 new jobs to be created over the next four years.",
        [(None, {"kind": "absolute", "value": 1200.0, "over": "4 years"})],
    ),
    (  # a named base year: a full-year result against the year before
        "For the full year, Vantor made a profit of $2bn, up 9% from its 2011 performance.",
        [(2e9, {"kind": "percent", "value": 9.0, "over": "1 year"})],
    ),
    (
        "Vantor's profit rose 10% to $1bn in 2015 from 2012.",
        [(1e9, {"kind": "percent", "value": 10.0, "over": "3 years"})],
    ),
    # no span stated, or the words name a period or a record rather than the span of the change
    ("Vantor's sales rose 5% to $1bn.", [(1e9, {"kind": "percent", "value": 5.0})]),
    ("Vantor's sales rose 5% to $1bn in the year to March.", [(1e9, {"kind": "percent", "value": 5.0})]),
    (
        "Vantor's sales rose 5% to $1bn in the last three months of 2014.",
        [(1e9, {"kind": "percent", "value": 5.0})],
    ),
    (
        "Vantor's sales rose 5% to $1bn, the biggest rise in five years.",
        [(1e9, {"kind": "percent", "value": 5.0})],
    ),
    ("Vantor's annual recurring revenue rose 5% to $1bn.", [(1e9, {"kind": "percent", "value": 5.0})]),
    (  # each change reads its own span
        "Vantor's sales rose 4% to $1bn over the past year, while profit fell 2% to $100m.",
        [
            (1e9, {"kind": "percent", "value": 4.0, "over": "1 year"}),
            (1e8, {"kind": "percent", "value": -2.0}),
        ],
    ),
    (  # a span before the change counts only as the opening phrase of its clause
        "Vantor said spending over the past year helped profit rise 1% to $40m.",
        [(4e7, {"kind": "percent", "value": 1.0})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHANGE_SPANS)
def test_change_over(text: str, expected: list[tuple]) -> None:
    got = [(c.value, c.change) for c in claims(text)]
    assert got == [(pytest.approx(v) if v else v, ch) for v, ch in expected]


def test_named_base_year_is_not_the_period() -> None:
    (c,) = claims("For the full year, Vantor made a profit of $2bn, up 9% from its 2011 performance.")
    assert c.period == "2012"


# analyse_article never yields an empty or whitespace-only sentence (leading or trailing blank lines)
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n",
        "\n\n \n",
        "\u00a0\n",
        "Vantor's sales rose 5% to $1bn.\n",
        "\n\nVantor's sales rose 5% to $1bn.\n \n",
        "  Vantor grew.\n\n\n\nIts sales rose 5% to $1bn.\n\t\n",
    ],
)
def test_no_blank_sentences(text: str) -> None:
    a = analyse_article(text)
    for n, s in enumerate(a.sentences):
        assert s.idx == n and s.text and s.text == s.text.strip() and text[s.start : s.end] == s.text
    for c in a.claims:
        assert c.sentence_idx is not None
        sent = a.sentences[c.sentence_idx]
        assert sent.start <= c.span[0] and c.span[1] <= sent.end


# "up 4% at 230p", "down 5p, or 2%, at 245p": the change belongs to the level it led to, one claim
CHANGE_AT_LEVEL = [
    (
        "Shares in Dorvel were up 4.2% at 230.5p in early trade.",
        [("share_price", 2.305, "GBP", {"kind": "percent", "value": 4.2})],
    ),
    (
        "Kestrin shares closed down 12 pence, or 4.7%, at 245 pence.",
        [("share_price", 2.45, "GBP", {"kind": "percent", "value": -4.7})],
    ),
    (
        "Net profit at Ombra was up 8% at $3.3bn.",
        [("profit", 3.3e9, "USD", {"kind": "percent", "value": 8.0})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHANGE_AT_LEVEL)
def test_change_at_level_is_one_claim(text: str, expected: list[tuple]) -> None:
    got = [(c.metric, round(c.value, 4) if c.value else c.value, c.unit, c.change) for c in claims(text)]
    assert got == expected


# sweep 4: general value and kind errors (own sentences)
# (text, [(metric, value, unit, qualifier, modality, change)])
SWEEP4_RULES = [
    (  # a fall told after the figure ("closed 9% down") is negative
        "Tarvel's shares closed 9% down on Friday.",
        [("share_price", None, None, "exact", "actual", {"kind": "percent", "value": -9.0})],
    ),
    (  # "from X to Y": the later end keeps the earlier end's metric, whatever cue follows
        "Brisko has cut its losses from £30.5m to £2.1m after selling two stores.",
        [("loss", 30.5e6, "GBP", "exact", "actual", None), ("loss", 2.1e6, "GBP", "exact", "actual", None)],
    ),
    (  # a lost share of stock value is a share-price change, not a stake
        "Pendro has lost 60% of its stock value this year.",
        [("share_price", None, None, "exact", "actual", {"kind": "percent", "value": -60.0})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP4_RULES)
def test_sweep4_rules(text: str, expected: list[tuple]) -> None:
    got = [(c.metric, c.value, c.unit, c.qualifier, c.modality, c.change) for c in claims(text)]
    assert got == [(m, pytest.approx(v) if v else v, u, q, mo, ch) for m, v, u, q, mo, ch in expected]


SWEEP4_NOT_CLAIMS = [
    "Regulators asked about investors holding 5% or more of the bank's shares.",  # a stake
    "Analysts expect Quorvo to report earnings of $2.40 per share.",  # earnings per share
    "Quorvo will pay a dividend of 12p a share.",  # dividend per share
    "The fee was raised from £3.50 to £6 a flight.",  # a price per item, at both ends
    "Exporters now face a euro that buys $1.40.",  # an exchange rate
    "The dollar fell to 98.2 yen against the euro.",
    "Quorvo said tax revenues were £3bn below forecasts.",  # a difference, not a level
    "Quorvo's sales came in $200m above estimates.",
    "The dollar was buying 104.5 yen in late trade.",  # an exchange rate
    "Overall investment in fixed assets was up 12.5% from the previous year.",  # nobody's figure
    "Seasonally adjusted sales rose 1.4% in the month.",
]


@pytest.mark.parametrize("text", SWEEP4_NOT_CLAIMS)
def test_sweep4_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


# sweep 5: general value, sign, per-share and modality rules (own sentences)
# (text, [(metric, value, unit, qualifier, modality, change)])
SWEEP5_RULES = [
    (  # a fall noun after the percent gives the sign; the level "to" is up to eight words on
        "Harvo blamed higher costs for a 3% fall in profits at its retail arm to £2.4bn.",
        [("profit", 2.4e9, "GBP", "exact", "actual", {"kind": "percent", "value": -3.0})],
    ),
    (  # a later "4% gain" is a rise even after "shares down"; a percent move is never a deal value
        "Reports of stalled talks sent Bexco shares down 1.2% on Tuesday, after Monday's 4% gain on hopes "
        "of a payoff.",
        [
            ("share_price", None, None, "exact", "actual", {"kind": "percent", "value": -1.2}),
            ("share_price", None, None, "exact", "actual", {"kind": "percent", "value": 4.0}),
        ],
    ),
    (  # shares "jumped" on takeover talk: a share move, not a deal
        "Shares of Corlo have jumped 15% on talk of a bid from Vantek.",
        [("share_price", None, None, "exact", "actual", {"kind": "percent", "value": 15.0})],
    ),
    (  # a year before "to" is no range end
        "Pemba said revenues slipped 9% from £4.1bn in 2003 to £3.7bn in 2004.",
        [
            ("revenue", 4.1e9, "GBP", "exact", "actual", None),
            ("revenue", 3.7e9, "GBP", "exact", "actual", {"kind": "percent", "value": -9.0}),
        ],
    ),
    (  # "is cutting N jobs": an announced cut still to come
        "Harvo has announced it is cutting about 3,000 jobs after buying Bexco.",
        [("employees", None, "count", "approximate", "forecast", {"kind": "absolute", "value": -3000.0})],
    ),
    (  # "of the 42,000 staff": a headcount that exists now, though the cuts "will" come
        "Harvo is merging with Bexco. The cuts will affect about 7% of the 42,000 staff of the merged group.",
        [("employees", 42000.0, "count", "exact", "actual", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP5_RULES)
def test_sweep5_rules(text: str, expected: list[tuple]) -> None:
    got = [(c.metric, c.value, c.unit, c.qualifier, c.modality, c.change) for c in claims(text)]
    got = [g for g in got if g[0] != "other"]
    assert got == [(m, pytest.approx(v) if v else v, u, q, mo, ch) for m, v, u, q, mo, ch in expected]


SWEEP5_NOT_CLAIMS = [
    "Last month, Bexco tabled a 450 pence-per-share offer for Harvo.",  # an offer's terms per share
    "A proposal was sent to Harvo's chairman, pitched at about 280p a share.",
    "An adviser's report values Harvo shares at A$5.10 to A$5.90.",  # a value per share
    "Harvo said the strong euro would knock 80m euros off its operating profits.",  # the size of a cut
    "Harvo said sales in shopping malls in the week to 25 December were 4.3% higher than a year ago.",
    "The Utopia Stock Exchange recorded its largest single-day gain, surging 3.5% to a new high.",  # an index
]


@pytest.mark.parametrize("text", SWEEP5_NOT_CLAIMS)
def test_sweep5_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


SWEEP6_RULES = [
    (  # a change verb with a hyphenated adjective before the percent
        "Homeware chain Dellos saw its sales sink by a worse-than-feared 6.1% in December.",
        [("revenue", None, None, "exact", "actual", {"kind": "percent", "value": -6.1})],
    ),
    (  # the move told again in money is no level; the closing price is, with the change
        "Shares in Parvo slid 9.5% - or $1.20 - to close at $11.40 on Friday.",
        [("share_price", 11.4, "USD", "exact", "actual", {"kind": "percent", "value": -9.5})],
    ),
    (  # a list of the same change at two names
        "Sales fell 3% at Ardo, and 4% at Bexco.",
        [
            ("revenue", None, None, "exact", "actual", {"kind": "percent", "value": -3.0}),
            ("revenue", None, None, "exact", "actual", {"kind": "percent", "value": -4.0}),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP6_RULES)
def test_sweep6_rules(text: str, expected: list[tuple]) -> None:
    got = [(c.metric, c.value, c.unit, c.qualifier, c.modality, c.change) for c in claims(text)]
    got = [g for g in got if g[0] != "other"]
    assert got == [(m, pytest.approx(v) if v else v, u, q, mo, ch) for m, v, u, q, mo, ch in expected]


SWEEP6_NOT_CLAIMS = [
    "Weak export data weighed on shares, with the Nikkei down 1.4% by midday.",  # a stock index
    "Bexco said so. Overall, January sales are forecast to rise by 3.5% to $180bn.",  # a market's sales
    "The summit failed to create the 10 million new jobs promised by EU leaders in 2001.",  # a pledge
    "The insurer Harvo has paid out about 250 million euros to cover flood damage.",  # a payout
    "Most bids for Jetto were at the top of the price range of 900-950 rupees.",  # an IPO price range
]


@pytest.mark.parametrize("text", SWEEP6_NOT_CLAIMS)
def test_sweep6_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


# (text, [(subject, metric, value, unit, qualifier, modality, change)]), other-metric claims left out
SWEEP7_RULES = [
    (  # a count noun before the number: "its subscriber base grew to N"
        "Velto said its subscriber base grew to 3.2 million by June.",
        [("Velto", "users", 3.2e6, "users", "exact", "actual", None)],
    ),
    (  # ... with a participle after a comma
        "Corvan's mobile customers also increased, rising to 4.4 million across Asia.",
        [("Corvan", "users", 4.4e6, "users", "exact", "actual", None)],
    ),
    (  # a workforce total told after the noun; a cut that "could be lost" is negative and a forecast
        "Some 2,000 jobs - out of a total workforce of 7,400 - could be lost at Brisco.",
        [
            (
                "Brisco",
                "employees",
                None,
                "count",
                "approximate",
                "forecast",
                {"kind": "absolute", "value": -2000.0},
            ),
            ("Brisco", "employees", 7400.0, "count", "exact", "actual", None),
        ],
    ),
    (  # a newspaper quoted with "according to the" is the source, not the subject
        "Brisco is in trouble. According to the Courier, 2,000 jobs could be lost.",
        [("Brisco", "employees", None, "count", "exact", "forecast", {"kind": "absolute", "value": -2000.0})],
    ),
    (  # money spent on buying out minority holders is a deal; the company bought into is the subject
        "Harvo is to spend 300m euros on buying out minority shareholders in its software unit Delco.",
        [("Delco", "deal_value", 300e6, "EUR", "exact", "actual", None)],
    ),
    (  # an investment in a named company is a stake purchase, not capex
        "Bexco's proposed £2bn investment in Trumo is awaiting approval.",
        [("Trumo", "deal_value", 2e9, "GBP", "exact", "target", None)],
    ),
    (  # an investment in a country stays capex
        "Bexco will make a £2bn investment in China.",
        [("Bexco", "capex", 2e9, "GBP", "exact", "forecast", None)],
    ),
    (  # a fall that a move will "reverse" has happened
        "The board hopes the move will reverse a 13% fall in Velto's shares since May.",
        [("Velto", "share_price", None, None, "exact", "actual", {"kind": "percent", "value": -13.0})],
    ),
    (  # "in a bid to raise" is funding, not a takeover bid
        "Velto sold 20% of its equity in a bid to raise up to $400m.",
        [("Velto", "funding", 4e8, "USD", "at_most", "target", None)],
    ),
    (  # "had made $X" with no other cue is a profit, and so is the earlier figure it is compared to
        "In a late filing, Velto said it had made $434m (£231m), compared to the previously reported $732m.",
        [
            ("Velto", "profit", 434e6, "USD", "exact", "actual", None),
            ("Velto", "profit", 732e6, "USD", "exact", "actual", None),
        ],
    ),
    (  # an opening "In terms of METRIC," names the metric of a figure set off by dashes
        "In terms of market value, Velto - at 7.5bn euros ($9.7bn) - is about 9% smaller than Bexco.",
        [("Velto", "market_cap", 7.5e9, "EUR", "exact", "actual", None)],
    ),
    (  # "ready to raise" is a sought amount
        "Bexco is reported to be ready to raise £1.4bn to fund a bid.",
        [("Bexco", "funding", 1.4e9, "GBP", "exact", "target", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP7_RULES)
def test_sweep7_rules(text: str, expected: list[tuple]) -> None:
    got = [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]
    assert got == [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in expected]


SWEEP7_NOT_CLAIMS = [
    "Trumo planned to offer subscriptions for about $180, well below Bexco's $500 price tag.",  # goods prices
    "The takeover meant Harvo's sales by volume grew 40% in 2004.",  # a volume, not revenue
    "Harvo's European business saw volume sales fall 2.5%.",
    "Velto in $200m profit revision",  # the size of a revision, not a profit level
    # a central bank's data on the economy
    "Economists cautioned against data from the Federal Reserve showing an unexpected $8.7bn drop in "
    "consumer debt.",
    # a state's income
    "In contrast, oil revenues were expected to fall to $14.1bn from $16bn, the Majlis said.",
]


@pytest.mark.parametrize("text", SWEEP7_NOT_CLAIMS)
def test_sweep7_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


# sweep 8 (own sentences): counts with no noun, deal prices paid, supply deals, modality of events
SWEEP8_RULES = [
    (  # a headcount after "employs" with no noun, in a "while" clause
        "Dorvo employs 9,000 people while Kessa employs 3,200.",
        [
            ("Dorvo", "employees", 9000.0, "count", "exact", "actual", None),
            ("Kessa", "employees", 3200.0, "count", "exact", "actual", None),
        ],
    ),
    (  # posts that "would go" are a cut to come
        "Harlen said 2,400 positions would go as part of the restructuring.",
        [("Harlen", "employees", None, "count", "exact", "forecast", {"kind": "absolute", "value": -2400.0})],
    ),
    (  # a bare count that "will go" after jobs were told, and the counts listed after it
        "Harlen said 2,400 positions would go. Another 800 will go from its retail arm, 500 from "
        "logistics and 300 across marketing and finance.",
        [
            ("Harlen", "employees", None, "count", "exact", "forecast", {"kind": "absolute", "value": v})
            for v in (-2400.0, -800.0, -500.0, -300.0)
        ],
    ),
    (  # a threatened cut is sought, not done
        "Brano is threatening to cut 700 jobs.",
        [("Brano", "employees", None, "count", "exact", "target", {"kind": "absolute", "value": -700.0})],
    ),
    (  # the forecast word belongs to the cut; the takeover "following" it has happened
        "Kessa expects to shed about 1,000 jobs following its $4bn takeover of Dunmore.",
        [
            (
                "Kessa",
                "employees",
                None,
                "count",
                "approximate",
                "forecast",
                {"kind": "absolute", "value": -1000.0},
            ),
            ("Dunmore", "deal_value", 4e9, "USD", "exact", "actual", None),
        ],
    ),
    (  # a figure in an "after ... rose" phrase has happened, whatever the outlook before it
        "Pavo stayed upbeat about its outlook after sales in the first half rose 6% to $2.1bn.",
        [("Pavo", "revenue", 2.1e9, "USD", "exact", "actual", {"kind": "percent", "value": 6.0})],
    ),
    (  # "plans for a bid" is sought; a bid for an owner's unit is for the unit
        "Lenko backed Pavo's plans for a $3bn bid for Kessa unit Trell.",
        [("Trell", "deal_value", 3e9, "USD", "exact", "target", None)],
    ),
    (  # a price paid in a deal told in the same sentence; "will pay" in an agreed deal is actual
        "Dorvo said Pavo will pay 200m euros (£140m), once regulators approve the deal.",
        [("Dorvo", "deal_value", 200e6, "EUR", "exact", "actual", None)],
    ),
    (  # ... or in the sentence before
        "Pavo agreed to buy 30% of Trell from Lenko. Pavo will pay $50m.",
        [("Pavo", "deal_value", 50e6, "USD", "exact", "actual", None)],
    ),
    (  # money offered to leave an alliance is a deal's price
        "Pavo is thought to be offering about $1bn (£530m) to get out of the alliance.",
        [("Pavo", "deal_value", 1e9, "USD", "approximate", "actual", None)],
    ),
    (  # "which" after a verb phrase refers to the clause, not the place before it
        "Dorvo said exploration in Nevada had been disappointing, which caused its shares to fall 12%.",
        [("Dorvo", "share_price", None, None, "exact", "actual", {"kind": "percent", "value": -12.0})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP8_RULES)
def test_sweep8_rules(text: str, expected: list[tuple]) -> None:
    got = [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]
    assert got == [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in expected]


SWEEP8_NOT_CLAIMS = [
    "Pavo agreed to buy Trell last year. Pavo will pay $20m in compensation to customers.",  # no deal price
    "Pavo signed a deal with Kessa last week. Pavo will pay a $5m tax bill.",
    "Dorvo signed a $2bn deal with Utopia to supply gas to Europe.",  # a supply contract
    "Dorvo will supply gas for 20 years. Kessa signed up for a $3bn deal on Sunday.",
    "Executives are accused of misusing $30m of company funds to finance a buyout.",  # misused funds
    "Managers embezzled $12m to pay for the takeover.",
    "Pavo restated its earnings by $1.2bn last year.",  # the size of a restatement
    "Trell, which accounts for 40% of its parent's output, is for sale.",  # a unit's share of its owner
    "Trell, which provides 35% of its output, is for sale.",
]


@pytest.mark.parametrize("text", SWEEP8_NOT_CLAIMS)
def test_sweep8_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


# sweep 9 (own sentences): offers' paired claims, rescues, customer counts, stakes, share issues,
# buy-backs, bonds, goods sold, changes told after a level, agreed deals
SWEEP9_RULES = [
    (  # a proposal "that values" a company: a valuation and a deal value, both as told (actual)
        "The board of Dunmore will meet on Monday to discuss the latest proposal from Pavo that values "
        "the firm at £600m ($1.1bn).",
        [
            ("Dunmore", "valuation", 600e6, "GBP", "exact", "actual", None),
            ("Dunmore", "deal_value", 600e6, "GBP", "exact", "actual", None),
        ],
    ),
    (  # "would value" is a price that may come
        "Kessa's board is expected to reject the approach, which would value the firm at $2bn.",
        [
            ("Kessa", "valuation", 2e9, "USD", "exact", "forecast", None),
            ("Kessa", "deal_value", 2e9, "USD", "exact", "forecast", None),
        ],
    ),
    (  # a bail-out is money the rescued company gets
        "Pavo avoided collapse thanks to a $3bn bail-out in March.",
        [("Pavo", "funding", 3e9, "USD", "exact", "actual", None)],
    ),
    (  # ... the company rescued is named after the rescue
        "Lenders agreed a $2bn bail-out of Dunmore Bank on Friday.",
        [("Dunmore Bank", "funding", 2e9, "USD", "exact", "actual", None)],
    ),
    (  # people who use a company's products are its customers
        "At least four million people in Brazil use Pavo Card's services.",
        [("Pavo Card", "users", 4e6, "users", "at_least", "actual", None)],
    ),
    (  # a kind of customer before the noun
        "Dunmore is the third largest lender, with 2 million retail customers and 300 branches.",
        [("Dunmore", "users", 2e6, "users", "exact", "actual", None)],
    ),
    (  # a stake bought "for" a price: the company the stake is in
        "Kessa has agreed to buy Lenko's stake in Trell, Spain's biggest brewer, for up to 150.5m euros.",
        [("Trell", "deal_value", 150.5e6, "EUR", "at_most", "actual", None)],
    ),
    (  # a cue in the cause after a change is not the change's metric
        "Pavo said earnings during the last three months of 2004 dropped by 60% because of costs.",
        [("Pavo", "profit", None, None, "exact", "actual", {"kind": "percent", "value": -60.0})],
    ),
    (  # new shares sold to raise money are funding; the share move in the same sentence stays a share move
        "Dunmore agreed to buy Kessa. Its shares fell 2% as the bank raised funds for the takeover by "
        "selling new shares worth £700m.",
        [
            ("Dunmore", "share_price", None, None, "exact", "actual", {"kind": "percent", "value": -2.0}),
            ("Dunmore", "funding", 700e6, "GBP", "exact", "actual", None),
        ],
    ),
    (  # a multiple told after a level with "more than" is the level's change
        "Pavo said operating profits were at 250m euros, six times more than in 2003.",
        [("Pavo", "profit", 250e6, "EUR", "exact", "actual", {"kind": "multiple", "value": 6.0})],
    ),
    (  # planes sold in a deal: the buyer's capital spending
        "The minister began a visit on Monday by signing a deal worth 2bn euros for Kessa to sell 20 new "
        "planes to Dunmore Air, officials said.",
        [("Dunmore Air", "capex", 2e9, "EUR", "exact", "actual", None)],
    ),
    (  # "would spend ... to buy" in an article that says the deal is agreed: actual
        "Pavo said it would spend $2bn to buy one of Spain's biggest banks. The boards of both firms "
        "agreed the terms on Monday.",
        [("Pavo", "deal_value", 2e9, "USD", "exact", "actual", None)],
    ),
    (  # ... in a hypothetical it stays a forecast
        "If the talks succeed, Pavo would spend $2bn to buy Kessa. Pavo agreed to talk.",
        [("Pavo", "deal_value", 2e9, "USD", "exact", "forecast", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP9_RULES)
def test_sweep9_rules(text: str, expected: list[tuple]) -> None:
    got = [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]
    assert got == [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in expected]


SWEEP9_NOT_CLAIMS = [
    "Pavo plans to buy back shares worth 2bn Swiss francs.",  # a share buy-back
    "Pavo bought back 300m euros of its own bonds last month.",
    "The auction saw the sale of 9bn euros of government bonds in a few minutes.",  # bonds are no deal
    "The IMF approved a $5bn bail-out of Argentina.",  # a country's rescue loan
    "Dunmore and Kessa shared a $40bn state bail-out in 2003.",  # state aid
    "Utopia's $8bn loan agreement with the International Monetary Fund expires in March.",
]


@pytest.mark.parametrize("text", SWEEP9_NOT_CLAIMS)
def test_sweep9_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


# sweep 10 (own sentences): structural rules
SWEEP10_RULES = [
    (  # "is to buy X for $N": an agreed deal, actual
        "Retailer Pavo Stores is to buy rival Kessa Stores for $4bn (£2.1bn).",
        [("Pavo Stores", "deal_value", 4e9, "USD", "exact", "actual", None)],
    ),
    (  # a capitalised "May" inside a sentence is no modal verb
        "Pavo Stores agreed to buy May Stores. Pavo has sales of $9bn, while May's sales are $4bn.",
        [
            ("Pavo", "revenue", 9e9, "USD", "exact", "actual", None),
            ("May", "revenue", 4e9, "USD", "exact", "actual", None),
        ],
    ),
    (  # debt a buyer takes on is there now
        "Pavo Stores will assume $2bn of Kessa's debt.",
        [("Kessa", "debt", 2e9, "USD", "exact", "actual", None)],
    ),
    (  # a conversion after a colon is an alternate, not a claim
        "Pavo is to buy 20% of Kessa Foods in a deal worth 3bn rupees ($69m:£36m).",
        [("Pavo", "deal_value", 3e9, "INR", "exact", "actual", None)],
    ),
    (  # staff told by their trade, moved "from N to M"
        "Dunmore Air raised the number of cabin crew based in Paris from 240 to 610.",
        [
            ("Dunmore Air", "employees", 240.0, "count", "exact", "actual", None),
            ("Dunmore Air", "employees", 610.0, "count", "exact", "actual", None),
        ],
    ),
    (  # a company cutting jobs in a country keeps its claim
        "Dunmore Motors said. It will cut 800 jobs in France.",
        [
            (
                "Dunmore Motors",
                "employees",
                None,
                "count",
                "exact",
                "forecast",
                {"kind": "absolute", "value": -800.0},
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP10_RULES)
def test_sweep10_rules(text: str, expected: list[tuple]) -> None:
    got = [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]
    assert got == [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in expected]


SWEEP10_NOT_CLAIMS = [
    "Kessa Bank said so. About 150,000 jobs a year have been created in Brazil since 2001.",  # macro jobs
    "Kessa Bank said so. Some 90,000 jobs were created nationwide last year.",
    "Kessa Bank said so. A further 2 million people are on state employment schemes.",
    "A former trader at Kessa Bank has lost her £4.5m unfair dismissal case against the bank.",  # a lawsuit
    "Kessa Bank was sued for $8m by a former partner.",
    "Members of Kessa Building Society will share £30m, with 5,000 receiving a windfall of more than £200.",
]


@pytest.mark.parametrize("text", SWEEP10_NOT_CLAIMS)
def test_sweep10_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


# sweep 11: sector-wide sales, dividends, "or" conversions, "estimated" figures
SWEEP11_NOT_CLAIMS = [
    # a kind of store or outlet, told by its goods: a sector's sales, no company's
    "Kessa Bank said so. Sales at furniture and hardware stores fell 0.4% in May.",
    "Kessa Bank said so. Sales at pubs, bars and cafes jumped 1.1%, while grocery store sales rose 0.2%.",
    "Kessa Bank said so. Department store sales rose by 0.9%.",
    # a dividend per share and its earlier level are no share price
    "Pavo Stores is cutting its dividend to 10 cents a share from 25 cents, a move that saves $50m.",
    "Pavo Stores raised its payout to 40p a share from 32p.",
    # a settlement's share paid by insurers is no deal's price
    "Pavo Stores agreed to settle the lawsuit. The remaining $30m will be paid by the directors' insurers.",
]


@pytest.mark.parametrize("text", SWEEP11_NOT_CLAIMS)
def test_sweep11_not_claims(text: str) -> None:
    assert [c for c in claims(text) if c.metric != "other"] == []


# (text, [(subject, metric, value, unit, qualifier, modality, change)])
SWEEP11_RULES = [
    (  # a company's own store sales stay its revenue
        "Pavo Stores said sales at its stores rose 3%.",
        [("Pavo Stores", "revenue", None, None, "exact", "actual", {"kind": "percent", "value": 3.0})],
    ),
    (
        "Shares in Pavo rose. Pavo store sales rose 3%.",
        [("Pavo", "revenue", None, None, "exact", "actual", {"kind": "percent", "value": 3.0})],
    ),
    (  # a share price next to a dividend cut in another clause stays
        "Pavo shares fell 5 cents to 95 cents after it cut its dividend.",
        [("Pavo", "share_price", 0.95, "USD", "exact", "actual", None)],
    ),
    (  # "or" inside the brackets joins two conversions of one figure
        "Kessa Air has debts of 4.2 billion reais ($1.5bn or £800m).",
        [("Kessa Air", "debt", 4.2e9, "BRL", "exact", "actual", None)],
    ),
    (  # "estimated" is a forecast word (CLAIMS.md)
        "Kessa Air is struggling under an estimated debt of 4.2 billion reais.",
        [("Kessa Air", "debt", 4.2e9, "BRL", "exact", "forecast", None)],
    ),
    (  # a company selling new shares of its own raises money: funding it seeks
        "Belko Parks has said it will sell 250m euros (£170m) of new shares to stay afloat.",
        [("Belko Parks", "funding", 250e6, "EUR", "exact", "target", None)],
    ),
    (  # the price of each new share is no claim ("euros cents" is cents too)
        "Belko Parks will sell the new shares priced at 8 euros cents each.",
        [],
    ),
    (  # a debt to be restructured or refinanced is there now
        "The sale is the last step in a plan to restructure 2.1bn euros-worth of debts at Belko Parks.",
        [("Belko Parks", "debt", 2.1e9, "EUR", "exact", "actual", None)],
    ),
    (
        "Belko Parks intends to refinance $400m of loans.",
        [("Belko Parks", "debt", 400e6, "USD", "exact", "actual", None)],
    ),
    (  # a takeover that did not go through: a price only sought
        "Tarvo holds a stake in Belko and last year came close to buying the firm in a £250m takeover deal.",
        [("Belko", "deal_value", 250e6, "GBP", "exact", "target", None)],
    ),
    (
        "Tarvo had offered £250m for Belko, but the bid failed.",
        [("Belko", "deal_value", 250e6, "GBP", "exact", "target", None)],
    ),
    (  # a deal done stays actual
        "Tarvo bought Belko for £250m.",
        [("Belko", "deal_value", 250e6, "GBP", "exact", "actual", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP11_RULES)
def test_sweep11_rules(text: str, expected: list[tuple]) -> None:
    got = [
        (c.subject, c.metric, c.value, c.unit, c.qualifier, c.modality, c.change)
        for c in claims(text)
        if c.metric != "other"
    ]
    assert got == [(s, m, pytest.approx(v) if v else v, u, q, mo, ch) for s, m, v, u, q, mo, ch in expected]
