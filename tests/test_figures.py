"""Figure parser: table of phrasings, tokenisation, and a property test (never crash, never NaN)."""

from __future__ import annotations

import math

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.figures import find_figures, parse_figure

# (text, surface, value, unit, qualifier)
CASES = [
    ("Earnings reached $2.45bn last year.", "$2.45bn", 2.45e9, "USD", "exact"),
    ("It paid £75m for the site.", "£75m", 75e6, "GBP", "exact"),
    ("Sales hit 3.2bn euros.", "3.2bn euros", 3.2e9, "EUR", "exact"),
    ("A cost of €40 million.", "€40 million", 40e6, "EUR", "exact"),
    ("The fund holds 7,250,000 dollars.", "7,250,000 dollars", 7.25e6, "USD", "exact"),
    ("Spending of 12 billion RMB is planned.", "12 billion RMB", 12e9, "CNY", "exact"),
    ("Revenue of RMB 3.4bn.", "RMB 3.4bn", 3.4e9, "CNY", "exact"),
    ("It earned 980m yuan.", "980m yuan", 980e6, "CNY", "exact"),
    ("Budget of 5 billion renminbi.", "5 billion renminbi", 5e9, "CNY", "exact"),
    ("A loss of ¥300bn.", "¥300bn", 300e9, "JPY", "exact"),
    ("It raised US$15m.", "US$15m", 15e6, "USD", "exact"),
    ("A deal worth A$2.1bn.", "A$2.1bn", 2.1e9, "AUD", "exact"),
    ("Valued at C$800m.", "C$800m", 800e6, "CAD", "exact"),
    ("Worth HK$9bn today.", "HK$9bn", 9e9, "HKD", "exact"),
    ("Fees of CHF 45 million.", "CHF 45 million", 45e6, "CHF", "exact"),
    ("A charge of 250 Swiss francs.", "250 Swiss francs", 250, "CHF", "exact"),
    ("Assets of 61bn roubles.", "61bn roubles", 61e9, "RUB", "exact"),
    ("Turnover rose to 41.2bn kronor.", "41.2bn kronor", 41.2e9, "SEK", "exact"),
    ("A profit of 900m Swedish krona.", "900m Swedish krona", 900e6, "SEK", "exact"),
    ("Sales of 3 trillion won were booked.", "3 trillion won", 3e12, "KRW", "exact"),
    ("It spent 12bn baht on the plant.", "12bn baht", 12e9, "THB", "exact"),
    ("A bill of 700 crore... no, 7bn rupees.", "7bn rupees", 7e9, "INR", "exact"),
    ("Profit of 300 USD.", "300 USD", 300, "USD", "exact"),
    ("Shares closed at 415p.", "415p", 4.15, "GBP", "exact"),
    # a scale word written onto the number
    ("They paid the £52.4million fee.", "£52.4million", 52.4e6, "GBP", "exact"),
    ("A $3.5billion rescue package.", "$3.5billion", 3.5e9, "USD", "exact"),
    ("A 250million euro loan.", "250million euro", 250e6, "EUR", "exact"),
    ("A rise of 12 pence.", "12 pence", 0.12, "GBP", "exact"),
    ("Down 35 cents.", "35 cents", 0.35, "USD", "exact"),
    ("Shares ended at 22 euro cents.", "22 euro cents", 0.22, "EUR", "exact"),
    ("A payout of 8 US cents a share.", "8 US cents", 0.08, "USD", "exact"),
    ("Costs of a billion dollars.", "a billion dollars", 1e9, "USD", "exact"),
    ("It needs two billion euros.", "two billion euros", 2e9, "EUR", "exact"),
    ("Sales of 1.5 billion yen.", "1.5 billion yen", 1.5e9, "JPY", "exact"),
    ("A payout of $12k.", "$12k", 12e3, "USD", "exact"),
    ("Debt of $3tn.", "$3tn", 3e12, "USD", "exact"),
    ("Output of $4 trillion.", "$4 trillion", 4e12, "USD", "exact"),
    ("Revenue of $250mn.", "$250mn", 250e6, "USD", "exact"),
    ("Margins grew 14%.", "14%", 14, "percent", "exact"),
    ("Margins grew 14 per cent.", "14 per cent", 14, "percent", "exact"),
    ("Margins grew 14 percent.", "14 percent", 14, "percent", "exact"),
    ("Margins grew ten per cent.", "ten per cent", 10, "percent", "exact"),
    ("It has nearly $90m in cash.", "nearly $90m", 90e6, "USD", "approximate"),
    ("It holds about £5bn.", "about £5bn", 5e9, "GBP", "approximate"),
    ("It spent some £45m.", "some £45m", 45e6, "GBP", "approximate"),
    ("It has more than $2bn.", "more than $2bn", 2e9, "USD", "at_least"),
    ("It has over 3 million users.", "over 3 million", 3e6, None, "at_least"),
    ("It may cost up to $7bn.", "up to $7bn", 7e9, "USD", "at_most"),
    ("It costs less than €1m.", "less than €1m", 1e6, "EUR", "at_most"),
    # the unit said twice ("$10 dollars"): the figure ends before the repeat
    ("It paid $10 dollars a share.", "$10", 10, "USD", "exact"),
    ("A fee of US$250m dollars.", "US$250m", 250e6, "USD", "exact"),
    ("Profit of $3m USD.", "$3m", 3e6, "USD", "exact"),
    ("Sales of 10 dollars a unit.", "10 dollars", 10, "USD", "exact"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "qualifier"), CASES)
def test_figure_table(text: str, surface: str, value: float, unit: str | None, qualifier: str) -> None:
    figs = [f for f in find_figures(text) if f.surface == surface]
    assert figs, [f.surface for f in find_figures(text)]
    f = figs[0]
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.qualifier == qualifier
    assert text[f.start : f.end] == f.surface


RANGES = [
    ("A price of $1bn-$2bn.", 1e9, 2e9, "USD"),
    ("It sought $3-4bn.", 3e9, 4e9, "USD"),
    ("Sales of between 3 and 4 billion euros.", 3e9, 4e9, "EUR"),
    ("Sales of between £20m and £30m.", 20e6, 30e6, "GBP"),
    ("Growth of 5-6%.", 5, 6, "percent"),
    ("Shares at 50-60p.", 0.5, 0.6, "GBP"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGES)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    f = parse_figure(text)
    assert f is not None and f.qualifier == "range"
    assert (f.value_low, f.value_high, f.unit) == (pytest.approx(low), pytest.approx(high), unit)
    assert f.value == pytest.approx((low + high) / 2)
    assert text[f.start : f.end] == f.surface


def test_from_to_is_not_a_range() -> None:
    figs = find_figures("The shares fell from 120p to 95p.")
    assert [f.qualifier for f in figs] == ["exact", "exact"]


@pytest.mark.parametrize(
    "text",
    [
        "Turnover slipped 9% from £4.1bn in 2003 to £3.7bn in 2004.",
        "Its sales climbed in 2004 to 615m euros.",
        "Profit has risen since 2001 to $80m.",
    ],
)
def test_year_then_to_level_is_not_a_range(text: str) -> None:
    # "in 2003 to £3.7bn": a year and the later level, not a range from 2003 to 3.7bn
    assert all(f.qualifier != "range" for f in find_figures(text))
    money = [f for f in find_figures(text) if f.kind == "money"]
    assert money[-1].value < 1e10


MULTIPLES = [
    ("Sales rose fivefold.", "fivefold", 5.0),
    ("Users grew 3x.", "3x", 3.0),
    ("Profit grew three times over.", "three times", 3.0),
    ("Sales doubled.", "doubled", 2.0),
    ("Output tripled.", "tripled", 3.0),
    ("Costs were halved.", "halved", 0.5),
    ("A 6-fold jump.", "6-fold", 6.0),
]


@pytest.mark.parametrize(("text", "surface", "value"), MULTIPLES)
def test_multiples(text: str, surface: str, value: float) -> None:
    figs = [f for f in find_figures(text) if f.kind == "multiple"]
    assert [(f.surface, f.value) for f in figs] == [(surface, value)]


NOT_FIGURES = [
    "He flew an A380 at 5pm.",
    "A five-cent coin.",
    "The year 2003 ended.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_no_money_or_percent(text: str) -> None:
    assert not [f for f in find_figures(text) if f.kind in ("money", "percent", "multiple")]


TOKENS = [
    ("$1.5bn", ["$", "1.5bn"]),
    ("£600m", ["£", "600", "m"]),
    ("14.96bn euros", ["14.96bn", "euros"]),
    ("583p", ["583p"]),
    ("US$5m", ["US$", "5", "m"]),
]


@pytest.mark.parametrize(("text", "tokens"), TOKENS)
def test_tokenisation_is_what_the_parser_assumes_nothing_about(text: str, tokens: list[str]) -> None:
    """The parser reads characters, not tokens: pin how spaCy splits these so span mapping stays sane."""
    nlp = spacy.blank("en")
    assert [t.text for t in nlp(text)] == tokens
    f = parse_figure(text)
    assert f is not None and (f.start, f.end) == (0, len(text))


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789.,-$£€¥%pcmkbnt xfoldbillionper cent\n()USDRMBA")),
        max_size=60,
    )
)
def test_never_crashes_or_nan_on_figure_like_text(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.surface
        for v in (f.value, f.value_low, f.value_high):
            assert v is None or math.isfinite(v)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_on_any_text(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.surface
        assert f.value is None or math.isfinite(f.value)


# --- fast paths must equal the plain regexes they stand in for ---------------------------------

_FRAGMENTS = [
    "1", "25", "3.5", "1,200", " ", "  ", "\n", "-", ",", ".", "(", "$", "£", "US$", "HK$", "Rs.", "USD",
    "RMB", "a", "two", "ten", "x", "X", "5x", "fold", "Fold", "-fold", "times", "TIMES", "doubled", "Tripled",
    "halve", "trebles", "quadrupling", "million", "Billion", "TRILLION", "thousand", "hundred", "bn", "m",
    "per", "per cent", "Per Cent", "percent", "PERCENT", "cent", "_", "é", "\u0130", "\u0131", "\u017f",
    "\u212a", "İllion", "ſ",
]  # fmt: skip
_FIGURE_TEXT = st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map("".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None)
@given(_FIGURE_TEXT)
def test_anchor_fast_paths_equal_plain_regexes(text: str) -> None:
    import re

    from extractors import figures as F

    low = F.lower_for_words(text)
    for rx, words in (
        (F._SCALE_ANCHOR_RE, F._SCALE_WORDS),
        (F._PCT_ANCHOR_RE, F._PCT_WORDS),
        (F._MULT_ANCHOR_RE, F._MULT_WORDS),
    ):
        fast = [m.span() for m in F._anchor_matches(rx, text, low, words)]
        assert fast == [m.span() for m in rx.finditer(text)], rx.pattern
    plain_x = re.compile(r"(?<=\d)x\b")
    assert [m.span() for m in F._X_ANCHOR_RE.finditer(text)] == [m.span() for m in plain_x.finditer(text)]
    for m in F._NUMBER_RE.finditer(text):
        s = m.start()
        p = F._PREFIX_RE.search(text, max(0, s - 6), s)
        assert F._number_anchor(text, s) == (p.start() if p else s)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Mr", "U.S", "Inc", "word", "A", "1", ".", "..", "!", "?", '"', "’", ")", " ", "\n", "  "]
        ),
        max_size=30,
    ).map("".join)
    | st.text(max_size=80)
)
def test_sentence_boundary_regex_equals_plain(text: str) -> None:
    import re

    from extractors.sentences import _BOUNDARY_RE

    plain = re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£$€])|\n\s*(?=\S)")
    assert [m.span() for m in _BOUNDARY_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


# sweep 10: numbers in words with a scale word and a currency name (own sentences)
WORD_NUMBER_CASES = [
    ("Lenders agreed a three billion euro rescue for Varo.", "three billion euro", 3e9, "EUR"),
    ("Varo got a two trillion won loan.", "two trillion won", 2e12, "KRW"),
    ("It cost one million pounds.", "one million pounds", 1e6, "GBP"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), WORD_NUMBER_CASES)
def test_word_numbers_with_scale_and_currency(text: str, surface: str, value: float, unit: str) -> None:
    figs = [f for f in find_figures(text) if f.kind == "money"]
    assert [(f.surface, f.unit) for f in figs] == [(surface, unit)]
    assert figs[0].value == pytest.approx(value)


# sweep 11: "euros cents" is cents too
def test_sweep11_euros_cents() -> None:
    (fig,) = find_figures("The new shares are priced at 8 euros cents each.")
    assert (fig.value, fig.unit) == (pytest.approx(0.08), "EUR")
