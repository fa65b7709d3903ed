"""Gates of round ``speed6`` in ``subjects`` skip only regex calls that could not have matched.

Each gate (a character or a literal that every match of its regex needs) is checked against the
ungated regex on tables of invented text and on hypothesis strings built from the words the regexes
look for (with the characters that ``re`` folds case-blind to ASCII letters, Unicode digits and
spaces); ``_lower_tail_end`` (``_LOWER_TAIL_RE`` read without the regex) must give the regex's
match. End to end, ``find_mentions``, ``SubjectResolver.resolve``, ``topic`` and ``company_like``
must not change when every gate is switched off (the plain regex calls restored by monkeypatching).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import subjects as SJ
from extractors.clauses import split_clauses
from extractors.scan import lower_for_words

# tokens the gated regexes look for, and their near misses
_TOKENS = [
    "Acme",
    "Bexco",
    "Next",
    "The",
    "the",
    "THE",
    "It",
    "Its",
    "They",
    "Their",
    "it",
    "its",
    "their",
    "a",
    "an",
    "analyst",
    "analysts",
    "economist",
    "strategists",
    "Analyst",
    "chief",
    "economist,",
    "chairman",
    "spokesman",
    "board",
    "shares",
    "shares in",
    "stake in",
    "parent",
    "rival",
    "rivals",
    "Rival",
    "competitors",
    "including",
    "such as",
    "like",
    "notably",
    "owner of",
    "which owns",
    "known",
    "Known",
    "famous",
    "noted",
    "for",
    "FOR",
    "which",
    "Which",
    "who",
    "WHOSE",
    "that",
    "valued",
    "worth",
    "priced",
    "acquisition",
    "takeover",
    "purchase",
    "of",
    "help",
    "helped",
    "helps",
    "enabled",
    "allowed",
    "and",
    "as well as",
    "plant",
    "factory",
    "works",
    "workers",
    "mill",
    "refinery",
    "unit",
    "division",
    "arm",
    "subsidiary",
    "retailer",
    "carmaker",
    "company",
    "group",
    "firm",
    "telecoms firm",
    "bank",
    "saw",
    "has",
    "said",
    "says",
    "was",
    "posted",
    "cut",
    "to",
    "London-based",
    "-based",
    "Acmeville",
    "'s",
    "’s",
    "'",
    "’",
    "card",
    "cards",
    "ab",
    "abc",
    "abc_d",
    "abcé",
    "5",
    "12",
    "2,000",
    "3.5",
    "٣",
    "²",
    "In",
    "In 2003,",
    "after",
    "DVDs",
    "PCs",
    "ſ",
    "İ",
    "ı",
    "K",
    "x",
    '"',
    "“",
    "(",
    "(ACME)",
    ")",
    ",",
    ".",
    ";",
    "-",
    "_",
]
_SEPS = [" ", " ", " ", "", "\t", "\n", ", ", "  ", "\u2003", "\xa0"]


def _join(parts: list[tuple[str, str]]) -> str:
    return "".join(w + sp for w, sp in parts)


_TEXT = st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPS)), max_size=14).map(_join)
# any characters, with those the gates read more often than chance
_CHARS = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \t\n\u2003\xa0,.'’\"“(s_-5٣²ſİıKabcxyzAZ")),
        st.characters(),
    ),
    max_size=30,
)

_TABLE = [
    "UK retailer Next said sales rose 5% to £2bn.",
    "Brands including Acme, Bexco and Cora grew; rival Bexco reported a 3% fall.",
    "Acme Securities analyst Jane Doe said Acme's economists expect growth.",
    "The Acmeville, Utopia-based firm, best known for its Zeta brand, cut 500 jobs.",
    "Acme card's creditors met Acme Card, whose debts total 3.5bn euros.",
    "The 2,000 Acme staff and 12 Bexco stores, in 2003, Acme said.",
    "Zenco, which employs 800 staff, said its brokerage unit saw profits fall 5%.",
    "It was a similar story at Acme, where its oil unit, Pelmar, earned $3m.",
    "Following the acquisition of Bexco, Acme's sales helped the carmaker boost profit by $2m.",
    "With Acme rising 5% and Bexco gaining 4%, the Acme plant at Zed employs 900 workers.",
    "The retailer earned $2bn, as the home-goods retailer's revenue rose 3%.",
    "Industrial and Commercial Bank (ICBC) lent 5bn yuan to Acme Motors.",
    "Jane Doe, chief economist at Acme Bank, said DVDs and PCs sold 12% more.",
    "However, the company said Acme - which owns Zeta - would pay 200m euros.",
    '"Fizzo" drink maker Acme, the world\'s largest drinks firm, has 5 plants.',
    "After the purchase of the Bexco refinery, Acme's factory works and the Zed mill closed.",
    "The telecoms firm, whose staff strategists enabled Acme to grow, allowed 4 bids.",
    "Sales at rival Bexco rose. the carmaker's profit, and the bank's, fell 3%.",
    "Rival carmaker Bexco fell. Shares in the carmaker rose 5%.",
]


def _window_texts(text: str) -> Iterator[int]:
    return iter(range(len(text) + 1))


# --- gates against their regexes -----------------------------------------------------------------


def _check_text(text: str) -> None:
    low = lower_for_words(text)
    if SJ._NUMBER_BEFORE_RE.search(text):
        assert SJ._digit_before_space(text), text
    for rx, gate in (
        (SJ._EXAMPLE_RE, SJ._EXAMPLE_GATE),
        (SJ._KNOWN_FOR_RE, SJ._KNOWN_FOR_GATE),
        (SJ._PERSON_RE, SJ._PERSON_GATE),
        (SJ._SOURCE_BEFORE_RE, SJ._SOURCE_BEFORE_GATE),
    ):
        if rx.search(text):
            assert gate.may_match_lowered(low, text), (rx.pattern[:40], text)
    if SJ._INITIALS_PLURAL_RE.fullmatch(text):
        assert text.endswith("s")
    if SJ._SUBORDINATE_RE.match(text):
        assert "," in text
    assert SJ._anaphor_start(text) == (SJ._ANAPHOR_START_RE.match(text) is not None), text
    for pos in _window_texts(text):
        assert SJ._verbish_after(text, pos) == (SJ._VERBISH_RE.match(text, pos) is not None), (text, pos)
        assert SJ._source_after(text, pos) == (SJ._SOURCE_AFTER_RE.match(text, pos) is not None), (text, pos)
        assert SJ._based_after(text, pos) == (SJ._BASED_AFTER_RE.match(text, pos) is not None), (text, pos)
        m = SJ._LOWER_TAIL_RE.match(text, pos)
        assert SJ._lower_tail_end(text, pos) == (m.end(1) if m else -1), (text, pos)
        if SJ._ROLE_AFTER_RE.match(text, pos) or SJ._RELATIVE_AFTER_RE.match(text, pos):
            assert SJ._comma_next(text, pos), (text, pos)
        if SJ._ACRONYM_AFTER_RE.match(text, pos):
            assert SJ._paren_next(text, pos), (text, pos)
        plain_unit = (
            pos > 0 and text[pos - 1] in " \t\n" and SJ._UNIT_BEFORE_RE.search(text, max(0, pos - 30), pos)
        )
        assert SJ._unit_before(text, pos) == bool(plain_unit), (text, pos)
        assert SJ._deal_object_before(text, pos) == (
            SJ._DEAL_OBJECT_RE.search(text, max(0, pos - 50), pos) is not None
        ), (text, pos)
        site = SJ._SITE_AFTER_RE.match(text, pos)
        fast_site = SJ._site_after(text, pos)
        assert (site and site.span(1)) == (fast_site and fast_site.span(1)), (text, pos)
        assert SJ._company_use_at(text, max(0, pos - 4), pos) == _plain_company_use(
            text, max(0, pos - 4), pos
        )
        assert SJ._rival_before(text, pos) == (
            SJ._RIVAL_BEFORE_RE.search(text, max(0, pos - 30), pos) is not None
        )
        for lo in (0, max(0, pos - 7), max(0, pos - 20)):
            assert SJ._relative_start(text, lo, pos) == (SJ._RELATIVE_RE.match(text[lo:pos]) is not None), (
                text,
                lo,
                pos,
            )
            helped = SJ._HELPED_RE.search(text, lo, pos)
            fast = SJ._helped_between(text, lo, pos)
            assert (helped and helped.span()) == (fast and fast.span()), (text, lo, pos)
            if any(SJ._AND_AFTER_FIGURE_RE.finditer(text, lo, pos)):
                assert SJ._and_between(text, lo, pos), (text, lo, pos)
            d = SJ._DESCRIPTION_RE.search(text, lo, pos)
            fd = SJ._description_in(text, lo, pos)
            assert (d and d.span("noun")) == (fd and fd.span("noun")), (text, lo, pos)
            assert SJ._own_unit(text, lo, pos, [], SJ._relative_start(text, lo, pos)) == _plain_own_unit(
                text, lo, pos
            ), (text, lo, pos)
        if text[pos:].startswith(("the", "The")) or SJ._DESCRIPTION_RE.match(text, pos):
            assert text.startswith(("the", "The"), pos)


def _plain_company_use(text: str, i: int, e: int) -> bool:
    """The test of one occurrence in ``company_like`` before round speed6."""
    return bool(
        SJ._BIZ_AFTER_RE.match(text, e)
        or SJ._BIZ_POSS_RE.match(text, e)
        or SJ._ROLE_AFTER_NAME_RE.match(text, e)
        or SJ._appos_descriptor_re().match(text, e)
        or SJ._BIZ_BEFORE_RE.search(text, max(0, i - 30), i)
        or SJ._describes_before_re().search(text, max(0, i - 30), i)
    )


def _plain_own_unit(sentence: str, cs: int, start: int) -> str | None:
    """``_own_unit`` before round speed6, with no mention."""
    if SJ._RELATIVE_RE.match(sentence[cs:start]):
        m = SJ._OWN_UNIT_RELATIVE_RE.search(sentence, max(0, cs - 60), cs)
        return m.group("u") if m is not None else None
    m = SJ._OWN_UNIT_SUBJECT_RE.search(sentence, cs, start)
    return m.group("u") if m is not None else None


@pytest.mark.parametrize("text", _TABLE)
def test_gates_on_table(text: str) -> None:
    _check_text(text)
    for k in range(0, len(text), 9):  # the windows before a name that find_mentions reads
        _check_text(text[max(0, k - 40) : k])


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_gates_on_words(text: str) -> None:
    _check_text(text)


@settings(max_examples=400, deadline=None)
@given(_CHARS)
def test_gates_on_characters(text: str) -> None:
    _check_text(text)


def test_relative_first_letters() -> None:
    """Case-blind, only the letters of ``_RELATIVE_FIRST`` match the first letters of the words of
    ``_RELATIVE_RE`` (no other character of Unicode folds to them)."""
    rx = re.compile("[wtvp]", re.IGNORECASE)
    found = {chr(c) for c in range(sys.maxunicode + 1) if rx.match(chr(c))}
    assert found == set(SJ._RELATIVE_FIRST)


def test_unicode_digits_and_spaces() -> None:
    """``\\d`` is ``str.isdecimal`` and ``\\s`` ``str.isspace`` (what ``str.rstrip`` strips)."""
    digit, space = re.compile(r"\d"), re.compile(r"\s")
    for c in map(chr, range(sys.maxunicode + 1)):
        assert bool(digit.fullmatch(c)) == c.isdecimal(), hex(ord(c))
        assert bool(space.fullmatch(c)) == c.isspace() == (c.rstrip() == ""), hex(ord(c))


def test_gate_cases() -> None:
    """Each gate says no where its regex cannot match, and lets a match through."""
    assert SJ._digit_before_space("sold 5 ") and not SJ._digit_before_space("in 2003, ")
    assert SJ._digit_before_space("sold ٣\u2003")
    assert SJ._lower_tail_end("Acme card's", 4) == 9
    assert SJ._lower_tail_end("Acme cardé", 4) == -1 and SJ._lower_tail_end("Acme ca", 4) == -1
    assert SJ._source_after("Acme Securities analyst", 15) and not SJ._source_after("Acme, analyst", 4)
    assert SJ._based_after("Acmeville, Utopia-based firm", 9) and not SJ._based_after("Acmeville said", 9)
    assert SJ._relative_start("Acme, which has", 5, 15) and not SJ._relative_start("Acme, whose", 0, 11)
    assert SJ._anaphor_start(' "The company said') and not SJ._anaphor_start("Acme said")
    assert SJ._unit_before("UK retailer Next", 12) and SJ._unit_before("retailer \nNext", 10)
    assert not SJ._unit_before("UK retailers Next", 13)
    assert (
        SJ._site_after("the Acme plant at Zed", 8) is not None and SJ._site_after("Acme planted", 4) is None
    )
    assert SJ._deal_object_before("the takeover of Acme", 16) and not SJ._deal_object_before(
        "sale of Acme", 8
    )
    assert SJ._comma_after_possessive("Acme's , the", 4) and not SJ._comma_after_possessive("Acme's the", 4)
    assert SJ._paren_next("Bank (ICBC)", 4) and not SJ._paren_next("Bank ICBC", 4)
    text = "Shares in Acme, the carmaker, rose. the carmaker earned $2bn."
    res = SJ.SubjectResolver(text, [(0, 35), (36, len(text))])
    assert res.opening_description(1) == "Acme"  # a lower-case "the" opens a description too


# --- end to end: every gate off -------------------------------------------------------------------


class _Open:
    """A gate that always says yes."""

    def may_match(self, text: str, lo: int = 0, hi: int | None = None) -> bool:
        return True

    def may_match_lowered(self, low: str | None, text: str, lo: int = 0, hi: int | None = None) -> bool:
        return True


def _plain_lower_tail_end(sentence: str, pos: int) -> int:
    m = SJ._LOWER_TAIL_RE.match(sentence, pos)
    return m.end(1) if m else -1


_UNCACHED_CANDIDATE = SJ._candidate.__wrapped__


def _plain_candidate(whole: str) -> SJ._Candidate:
    cand = _UNCACHED_CANDIDATE(whole)
    return cand._replace(named_stop=cand.stop)


def _plain_company_like(name: str, text: str) -> bool:
    words = SJ._POSS_RE.sub("", name).split()
    if not words or all(SJ.is_country(w) for w in words) or SJ.is_institution(name):
        return False
    if name in SJ._config()[3] or any(
        w in SJ._company_words() or w in SJ._COMPANY_SUFFIXES for w in words[1:]
    ):
        return True
    n = len(name)
    return any(_plain_company_use(text, i, i + n) for i in SJ._word_starts(text, name))


@contextmanager
def _gates_off() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        for gate in (
            "_EXAMPLE_GATE",
            "_KNOWN_FOR_GATE",
            "_PERSON_GATE",
            "_SOURCE_BEFORE_GATE",
            "_OWN_UNIT_SUBJECT_GATE",
            "_UNIT_NOUN_GATE",
            "_DESCRIPTION_GATE",
        ):
            mp.setattr(SJ, gate, _Open())
        mp.setattr(SJ, "_digit_before_space", lambda before: True)
        mp.setattr(SJ, "_comma_next", lambda text, pos: True)
        mp.setattr(SJ, "_paren_next", lambda text, pos: True)
        mp.setattr(SJ, "_unit_noun_before_blanks", lambda text, end: True)
        mp.setattr(SJ, "_verbish_after", lambda s, e: SJ._VERBISH_RE.match(s, e) is not None)
        mp.setattr(SJ, "_source_after", lambda s, e: SJ._SOURCE_AFTER_RE.match(s, e) is not None)
        mp.setattr(SJ, "_based_after", lambda s, e: SJ._BASED_AFTER_RE.match(s, e) is not None)
        mp.setattr(SJ, "_lower_tail_end", _plain_lower_tail_end)
        mp.setattr(SJ, "_candidate", _plain_candidate)
        mp.setattr(SJ, "_relative_start", lambda s, cs, st: SJ._RELATIVE_RE.match(s[cs:st]) is not None)
        mp.setattr(
            SJ,
            "_deal_object_before",
            lambda s, st: SJ._DEAL_OBJECT_RE.search(s, max(0, st - 50), st) is not None,
        )
        mp.setattr(SJ, "_helped_between", lambda s, lo, hi: SJ._HELPED_RE.search(s, lo, hi))
        mp.setattr(SJ, "_and_between", lambda s, lo, hi: True)
        mp.setattr(SJ, "_site_after", lambda s, e: SJ._SITE_AFTER_RE.match(s, e))
        mp.setattr(SJ, "_description_in", lambda t, lo, hi: SJ._DESCRIPTION_RE.search(t, lo, hi))
        mp.setattr(SJ, "_anaphor_start", lambda s: SJ._ANAPHOR_START_RE.match(s) is not None)
        mp.setattr(
            SJ, "_rival_before", lambda t, a: SJ._RIVAL_BEFORE_RE.search(t, max(0, a - 30), a) is not None
        )
        mp.setattr(SJ, "company_like", _plain_company_like)
        yield


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.;])\s+", text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _attributions(text: str) -> list[object]:
    """Mentions and topics of each sentence, the subject of each digit, the company-likeness of each
    name, from a fresh resolver."""
    spans = _sentences(text)
    res = SJ.SubjectResolver(text, spans, title=text[spans[0][0] : spans[0][1]] if spans else None)
    out: list[object] = []
    for idx, (s, e) in enumerate(spans):
        sentence = text[s:e]
        out.append([(m.start, m.end, m.name) for m in res.mentions(idx)])
        out.append(res.topic(idx))
        out.append(res.opening_description(idx))
        clauses = split_clauses(sentence)
        for k, ch in enumerate(sentence):
            if ch.isdigit() and (k == 0 or not sentence[k - 1].isdigit()):
                out.append(res.resolve(idx, k, clauses))
        for m in res.mentions(idx):
            out.append(SJ.company_like(m.name, text))
    out.append(SJ.salient_company(res))
    return out


def _check_end_to_end(text: str) -> None:
    SJ._candidate.cache_clear()
    fast = _attributions(text)
    with _gates_off():
        slow = _attributions(text)
    SJ._candidate.cache_clear()
    assert fast == slow, text


@pytest.mark.pure_python
def test_end_to_end_table() -> None:
    for text in _TABLE:
        _check_end_to_end(text)
    _check_end_to_end(" ".join(_TABLE))


_SENTENCE = _TEXT.map(lambda t: t.strip() + ".")


@pytest.mark.pure_python
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TABLE), _SENTENCE), min_size=1, max_size=5))
def test_end_to_end_random(sentences: list[str]) -> None:
    _check_end_to_end(" ".join(sentences))
