"""Fast paths of round ``speed2`` equal the plain code they replace (invented inputs, edge cases)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import subjects as SJ


def _plain_title_starts(text: str) -> list[int]:
    out: list[int] = []
    for w in SJ._TITLE_STARTS:
        i = text.find(w)
        while i >= 0:
            out.append(i)
            i = text.find(w, i + 1)
    return sorted(out)


_TITLE_CASES = [
    "",
    "Mr",
    "Mrs Doe met Ms Roe and Miss Poe",
    "MrMsMissDrSirLordLadyProf",
    "MMr MsMs Mississippi DrDr Sirs Lords Ladyship Professor",
    "mr ms dr sir lord lady prof",
    "LordLady ProfProf SirSir",
    "Dr. Acme's Mr\tDoe",
    "é Mr’s Lady’s",
]


@pytest.mark.parametrize("text", _TITLE_CASES)
def test_title_starts_table(text: str) -> None:
    assert SJ._title_starts(text) == _plain_title_starts(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*SJ._TITLE_STARTS, "M", "s", "r", "iss", " ", "L", "a", "é"]), max_size=20).map(
        "".join
    )
)
def test_title_starts_equal_find_loop(text: str) -> None:
    assert SJ._title_starts(text) == _plain_title_starts(text)


_FRACTION_CASES = [
    "",
    "half of the market",
    "more than half of Acme's UK sales",
    "about a quarter of its output",
    "two-thirds of the world's exports",
    "a third of the MARKET",
    "half of the ſales",  # long s: IGNORECASE matches it to "s"
    "a quarter of the mar\u212aet",  # Kelvin sign
    "İ half of the market",  # lowercases to two characters
    "half of all, the rest of the market",
    "half of the shares rose; market " + "x" * 200,
    "quarter of " + "y" * 195 + " market",
    "quarter of " + "y" * 185 + " market",
    "three quarters of Acme Bexco Cora Dee sales",
    "nearly half of respondents",
    "a fifth of the stock-market",
    "one tenth of outputs",
]


def _fraction_shares(text: str) -> list[tuple[int, int, float | None, str]]:
    from extractors import claims as C

    return [(f.start, f.end, f.value, f.qualifier) for f in C._with_fraction_shares(text, [])]


@pytest.mark.pure_python
@pytest.mark.parametrize("text", _FRACTION_CASES)
def test_fraction_share_market_word_gate(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors import claims as C

    fast = _fraction_shares(text)
    # the plain code: no gate text, so the regex runs at every fraction word
    monkeypatch.setattr(C, "lower_for_words", lambda text: None)
    assert fast == _fraction_shares(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["half of ", "a quarter of ", "the ", "Acme's ", "market", "sales", "x" * 50, " ", "ſ", "-"]
        ),
        max_size=14,
    ).map("".join)
)
def test_fraction_share_gate_equals_plain(text: str) -> None:
    from extractors import claims as C

    fast = _fraction_shares(text)
    orig = C.lower_for_words
    try:
        C.lower_for_words = lambda text: None  # type: ignore[assignment]
        assert fast == _fraction_shares(text)
    finally:
        C.lower_for_words = orig


_NOT_MODAL_CASES = [
    "",
    "profits were better than expected",
    "Better Than Expected",
    "BETTER THAN HAD BEEN FORECAST",
    "sales rose as expected",
    "as  expected",  # two spaces: no literal, no match
    "higher than analysts expected",
    "more than\texpected",
    "worse tha\u0131n expected",
    "\u0130 better than expected",  # lowercases to two characters: the plain path
    "le\u017f\u017f than expected",  # long s: IGNORECASE reads it as "s"
    "will rise more than 5%",
    "than",
    "expected",
]


@pytest.mark.parametrize("text", _NOT_MODAL_CASES)
def test_not_modal_gate_equals_plain_sub(text: str) -> None:
    from extractors import cues as CU

    plain = CU.NOT_MODAL_RE.sub(" ", text)
    if not CU._NOT_MODAL_GATE.may_match(text):
        assert plain == text
    met = any(n in plain for n in CU._EXPECTATION_NOUNS)
    assert CU._not_modal(text) == (CU.MET_EXPECTATIONS_RE.sub(" ", plain) if met else plain)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["more", "better", " than ", "than", " ", "as", "expected", "had been ", "X", "ſ", "İ", "ı"]
        ),
        max_size=12,
    ).map("".join)
)
def test_not_modal_gate_is_safe(text: str) -> None:
    from extractors import cues as CU

    if not CU._NOT_MODAL_GATE.may_match(text):
        assert CU.NOT_MODAL_RE.search(text) is None


@pytest.mark.parametrize(
    ("pattern", "flags", "literals"),
    [
        ("abc|de", 0, None),  # "de" is shorter than 3
        ("(?:more|less) than x|as expected", re.I, (" than x", "as expected")),
        ("Acme[0-9]+Corp|Bexco", 0, ("acme", "bexco")),  # compared in lower case
        ("ACME|acme", re.I, ("acme",)),
        ("(?:a|b)cde", 0, ("cde",)),
        ("x(?:abc)?", 0, None),  # an optional group holds no required literal
        ("x(?:abc)+", 0, ("abc",)),
        ("(?:sales|exports) (?:rose|fell)", 0, ("exports", "sales")),  # the set with the longer words
        ("(?:user|users|member) ba", 0, ("member", "user")),  # "users" holds "user"
        ("(?=market)x", 0, None),  # a look-ahead's text may lie outside the match
        ("(?<=number of )pilots", 0, ("pilots",)),
        ("caf\u00e9s", 0, ("caf",)),  # only ASCII letters
        ("(?:a|bcd)efg", 0, ("efg",)),
    ],
)
def test_required_literals(pattern: str, flags: int, literals: tuple[str, ...] | None) -> None:
    from extractors.scan import required_literals

    assert required_literals(pattern, flags) == literals


def _plain_nearest_year(text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    from extractors import cues as CU

    best: tuple[int, str] | None = None
    for m in CU._YEAR_RE.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        d = start - m.end() if m.end() <= start else m.start() - end
        if best is None or d < best[0]:
            best = (d, m.group(0))
    return best[1] if best else None


_YEAR_CASES = [
    "",
    "profit rose 5% in 2004",
    "in 1999 and 2004 sales rose 5%",
    "sales of 2005m rose",  # "2005m": no year
    "up 20% from 1,999",
    "$2004 and .2003 and 2003",
    "19 20 1920 2050 1949 1950",
    "a 12004 figure, 2004%",
    "year 2 0 0 4 and 2\u200b004",
    "٢٠٠٤ and 2004",
]


@pytest.mark.parametrize("text", _YEAR_CASES)
def test_nearest_year_gate(text: str) -> None:
    from extractors import cues as CU

    n = len(text)
    for lo in range(0, n + 1, 3):
        for hi in range(lo, n + 1, 2):
            for start in (lo, (lo + hi) // 2, hi):
                end = min(hi, start + 3)
                assert CU._nearest_year(text, lo, hi, start, end) == _plain_nearest_year(
                    text, lo, hi, start, end
                )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["19", "20", "0", "4", "9", "5", " ", "$", ".", "m", "%", "bn", "a"]), max_size=15
    ).map("".join),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_nearest_year_gate_random(text: str, lo: int, width: int) -> None:
    from extractors import cues as CU

    hi = min(len(text), lo + width)
    lo = min(lo, hi)
    mid = (lo + hi) // 2
    assert CU._nearest_year(text, lo, hi, mid, mid + 1) == _plain_nearest_year(text, lo, hi, mid, mid + 1)


_CHANGE_BEFORE_CASES = [
    "",
    " ",
    "profits rose ",
    "profits rose",
    "profits rose by about ",
    "Profits ROSE BY ",
    "sales shot up ",
    "sales shot  up\t",
    "a growth of ",
    "a year-on-year rise of ",
    "an increase of some ",
    "arose by ",  # no verb: "arose" is not "rose"
    "pre-rise by ",  # a hyphen before the verb: no verb
    "(rose ",
    "rose, by ",  # a comma ends the verb's words
    "rose by 5 and ",
    "it fell\n",
    "it fell\n\n",
    "it fell by\u00a0",
    "it fell by\u2028",
    "it fell by\x1c",
    "it fell by\u200b",  # no whitespace: "by\u200b" is no linking word
    "it fell by\u0085",
    "sales were cut back a ",
    "the cut",
    "rises record whopping sharp ",
    "gains of an ",
    "fell ſome ",  # long s matches "s" under IGNORECASE
    "fell \u212a",
    "rallied, then fell further ",
    "boosted by",
    "the record ",
]


@pytest.mark.parametrize("before", _CHANGE_BEFORE_CASES)
def test_change_before_equals_regex(before: str) -> None:
    from extractors import cues as CU

    assert CU._VERBS_ARE_WORDS
    assert CU.change_before(before) == (CU.CHANGE_BEFORE_RE.search(before) is not None)


_CHANGE_BITS = [
    "rose",
    "shot",
    "up",
    "by",
    "of",
    "about",
    "a",
    "year-on-year",
    "growth",
    "cut",
    "arose",
    "-",
    "(",
    ",",
    "5",
]
_SPACE_BITS = [" ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "\u200b", ""]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CHANGE_BITS), st.sampled_from(_SPACE_BITS)), max_size=8))
def test_change_before_random(parts: list[tuple[str, str]]) -> None:
    from extractors import cues as CU

    before = "".join(w + s for w, s in parts)
    assert CU.change_before(before) == (CU.CHANGE_BEFORE_RE.search(before) is not None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_change_before_any_text(before: str) -> None:
    from extractors import cues as CU

    assert CU.change_before(before) == (CU.CHANGE_BEFORE_RE.search(before) is not None)


@pytest.mark.pure_python  # swaps a module constant (Final: compiled code reads its C static)
@pytest.mark.parametrize(
    ("verbs", "fast"),
    [("shot up|rose", True), ("pared back|rose", False), (r"rose\w*", False), ("r[a-z]+", False)],
)
def test_change_before_guard(verbs: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A verb list with a verb of several words whose last is no verb turns the fast path off."""
    from extractors import cues as CU

    monkeypatch.setattr(CU, "_CHANGE_VERB", verbs)
    assert CU._verbs_are_words() is fast


_MONEY_MOVE_CASES = [
    "",
    " ",
    "shares fell ",
    "shares fell",
    "shares fell by ",
    "shares fell by",
    "shares FELL BY\t",
    "shares fell  by  \n",
    "it was up ",
    "(down ",
    "-down ",  # a hyphen is no word character: "\\b" holds
    "_down ",  # an underscore is one
    "markdown ",
    "rose by by ",
    "by ",
    "rises\u00a0",
    "rises\u200b",
    "gains\x1c",
    "fell by\u2028",
    "lo\u017fe ",  # long s: IGNORECASE reads it as "s"
    "added, ",
    "it rose 5% to ",
]


@pytest.mark.parametrize("before", _MONEY_MOVE_CASES)
def test_money_move_equals_regex(before: str) -> None:
    from extractors import claims as C

    assert C._money_move(before) == (C._MONEY_MOVE_RE.search(before) is not None)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["fell", "rose", "by", "BY", "up", "x", "-", "(", "_", ",", "5", "down"]),
            st.sampled_from(_SPACE_BITS),
        ),
        max_size=6,
    )
)
def test_money_move_random(parts: list[tuple[str, str]]) -> None:
    from extractors import claims as C

    before = "".join(w + s for w, s in parts)
    assert C._money_move(before) == (C._MONEY_MOVE_RE.search(before) is not None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_money_move_any_text(before: str) -> None:
    from extractors import claims as C

    assert C._money_move(before) == (C._MONEY_MOVE_RE.search(before) is not None)


def _plain_name_re() -> re.Pattern[str]:
    """``_NAME_RE`` as it was written first: the look-behind before the first word."""
    lead = rf"(?<![\w'’-]){SJ._WORD}"
    return re.compile(lead + SJ._NAME_RE.pattern.removeprefix(SJ._FIRST_WORD))


_NAME_CASES = [
    "",
    "A",
    "Acme Bank of Utopia's Foods",
    "eBay and iTunes, ebay, iPod's e",
    "McDonald's O'Neil's Anglo-Zedish re-Acme x-Acme _Acme 3Com",
    "M&S A.B. U.S. Acme. Pier 3 Imports",
    "’Acme ‘Acme 'Acme -Acme éAcme ÀAcme",
    "AcmeBexco eI iE eA- i",
    "Unity People's Bank\tAcme  Bexco",
]


@pytest.mark.parametrize("text", _NAME_CASES)
def test_name_re_first_word(text: str) -> None:
    plain = _plain_name_re()
    assert SJ._NAME_RE.pattern != plain.pattern
    assert [m.span() for m in SJ._NAME_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        a, b = SJ._NAME_RE.match(text, pos), plain.match(text, pos)
        assert (a and a.span()) == (b and b.span())


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Acme",
                "A",
                "eB",
                "iPod",
                "e",
                "i",
                "E",
                "of",
                "'s",
                "’",
                "-",
                "&",
                ".",
                " ",
                "\t",
                "3",
                "é",
                "_",
                "x",
            ]
        ),
        max_size=14,
    ).map("".join)
)
def test_name_re_first_word_random(text: str) -> None:
    plain = _plain_name_re()
    assert [m.span() for m in SJ._NAME_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


_GATE_BITS = [
    "the", "The", "UK's", "Acme's", "industry", "INDUSTRY", "sector", "economy", "government", "Treasury",
    "public", "spending", "on", "housing", "budget", "GDP", "tax", "revenues", "retail", "sales", "store",
    "Overall", "overall", ",", "promised", "by", "leaders", "debt", "customers", "customer base", "staff",
    "number of", "pilots", "rose", "to", "in", "at", "malls", "ſ", "\u212a", "İ", "ı", " ", "  ", "\t", "-",
    "bought", "sold", "a", "stake", "STAKES", "stakeholders", "for", "up to", ";",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_GATE_BITS), max_size=14).map(" ".join), st.integers(0, 20))
def test_drop_rule_gates_are_safe(text: str, lo: int) -> None:
    """A gate says no only where its regex finds nothing (``search(text, lo)`` looks at ``text[lo:]``)."""
    from extractors import claims as C

    for gate, rx in (
        (C._MARKET_SALES_GATE, C._MARKET_SALES_RE),
        (C._PLEDGE_GATE, C._PLEDGE_RE),
        (C._COUNTRY_POSSESSOR_GATE, C._COUNTRY_POSSESSOR_RE),
        (C._PUBLIC_GATE, C._PUBLIC_RE),
        (C._MACRO_OWNER_GATE, C._MACRO_OWNER_RE),
        (C._COUNT_BEFORE_GATE, C._COUNT_BEFORE_RE),
        (C._STAKE_BOUGHT_GATE, C._STAKE_BOUGHT_RE),
    ):
        assert gate.literals is not None
        if not gate.may_match(text, lo):
            assert rx.search(text, lo) is None, (rx.pattern[:40], text)


_SHARE_TALK_CASES = [
    "",
    "Shares in Acme fell",
    "SHARES",
    "the stockmarket rose",
    "the FTSE 100",
    "ftse",
    "Dow Jones",
    "the Dow jones",
    "shareholders",  # no word boundary after "share"
    "sharesx shares",
    "bourses and equities",
    "\u017fhares",  # long s: IGNORECASE reads it as "s"
    "S\u0130nsex",
    "the Nasdaq's",
    "profits rose",
]


@pytest.mark.parametrize("text", _SHARE_TALK_CASES)
def test_share_talk_gate(text: str) -> None:
    from extractors import market_moves as MM

    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            assert MM._share_talk(text, lo, hi) == (MM.SHARE_TALK_RE.search(text, lo, hi) is not None)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "survey",
                "SURVEY",
                "by",
                "analysts",
                "at",
                "the",
                "according",
                "to",
                "told",
                "ſurvey",
                "İ",
                " ",
                "\t",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_source_before_gate_is_safe(before: str) -> None:
    assert SJ._SOURCE_BEFORE_GATE.literals is not None
    if not SJ._SOURCE_BEFORE_GATE.may_match(before):
        assert SJ._SOURCE_BEFORE_RE.search(before) is None
