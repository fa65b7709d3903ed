"""Fast paths of round ``speed3`` in ``subjects`` equal the plain code they replace: each is switched
off in turn (the plain behaviour restored by monkeypatching) and ``find_mentions`` must not change."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import subjects as SJ

# words that reach the gated tests: stop words, titles, unit nouns, places, company words, numbers,
# source and example words, possessives and punctuation
_WORDS = [
    "The",
    "But",
    "Next",
    "Next's",
    "Monday",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Dr.",
    "Sir",
    "MR",
    "Acme",
    "Acme's",
    "Bexco",
    "Jane",
    "Doe",
    "Doe's",
    "UK",
    "Swiss",
    "Re",
    "Greater",
    "London",
    "High",
    "Street",
    "National",
    "Airlines",
    "Group",
    "retailer",
    "unit",
    "drugmaker",
    "chief",
    "executive",
    "chairman",
    "co-chairman",
    "analyst",
    "analysts",
    "at",
    "by",
    "survey",
    "such",
    "as",
    "including",
    "rival",
    "known",
    "for",
    "its",
    "the",
    "of",
    "and",
    "said",
    "has",
    "is",
    "shares",
    "5",
    "2003,",
    ",",
    "(",
    ")",
    '"',
    "items",
    "hundred",
]
_SPACES = [" ", " ", " ", "  ", "\t", "\n"]

_SENTENCES = [
    "The firm said Next has cut 500 jobs.",
    "UK retailer Next said sales rose.",
    "Mr Doe said Acme's shares rose; Jane Doe, chief analyst at Bexco, said so.",
    "drugmaker Dr Acme's sales rose, while Dr Acme has said profits fell.",
    "The chief executive Jane Doe and chairman Sir John Roe met Ms Roe.",
    "Shares in co-chairman Bob Lee's firm rose by 5 Acme units.",
    "a survey by Acme Bank and analysts at Bexco Securities found",
    "brands such as Zeta and rival Bexco reported losses",
    "The unit \nAcme, known for its Zeta brand, grew.",
    "Monday's figures from Swiss Re and Greater London Airlines",
]


def _sentence(parts: list[tuple[str, str]]) -> str:
    return "".join(w + sp for w, sp in parts)


_SENTENCE = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SPACES)), max_size=14).map(_sentence)


class _Everything:
    """A set that holds every word: the gate it stands in for never rejects."""

    def __contains__(self, item: object) -> bool:
        return True


def _switch_off_fast_paths(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(SJ, "_lone_stop_word", lambda words, gaz: False)
    mp.setattr(
        SJ,
        "_unit_before",
        lambda sentence, start: SJ._UNIT_BEFORE_RE.search(sentence, max(0, start - 30), start) is not None,
    )
    mp.setattr(SJ, "_PERSON_TITLE_SET", _Everything())
    mp.setattr(SJ._PERSON_GATE, "may_match", lambda text, lo=0, hi=None: True)


def _mentions(sentence: str, doc: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.name) for m in SJ.find_mentions(sentence, doc)]


def _check_plain(sentence: str, doc: str) -> None:
    fast = _mentions(sentence, doc)
    with pytest.MonkeyPatch.context() as mp:
        _switch_off_fast_paths(mp)
        plain = _mentions(sentence, doc)
    assert fast == plain


@pytest.mark.pure_python
@pytest.mark.parametrize("sentence", _SENTENCES)
def test_find_mentions_equals_plain(sentence: str) -> None:
    doc = " ".join(_SENTENCES)
    _check_plain(sentence, doc)
    _check_plain(sentence, "")


@pytest.mark.pure_python
@settings(max_examples=400, deadline=None)
@given(_SENTENCE, st.lists(_SENTENCE, max_size=3))
def test_find_mentions_equals_plain_random(sentence: str, others: list[str]) -> None:
    _check_plain(sentence, " ".join([*others, sentence]))


def test_fast_paths_are_used() -> None:
    """The switches above reach live code: a lone stop word and a name after a title are skipped."""
    assert SJ._lone_stop_word(["The"], SJ._config()[3])
    assert not SJ._lone_stop_word(["Acme"], SJ._config()[3])
    assert not SJ._lone_stop_word(["The", "Acme"], SJ._config()[3])
    assert _mentions("said Mr Doe today", "") == []
    assert _mentions("UK retailer Next said", "")[-1][2] == "Next"


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("UK retailer Next", 12),
        ("UK retailer\tNext", 12),
        ("the unit \nAcme", 10),
        ("the unit\nAcme", 9),
        ("retailerNext", 8),
        ("Next", 0),
        ("a unit, Acme", 8),
    ],
)
def test_unit_before_equals_regex(sentence: str, start: int) -> None:
    plain = SJ._UNIT_BEFORE_RE.search(sentence, max(0, start - 30), start) is not None
    assert SJ._unit_before(sentence, start) == plain


@settings(max_examples=300, deadline=None)
@given(_SENTENCE, st.integers(min_value=0, max_value=200))
def test_unit_before_random(sentence: str, start: int) -> None:
    start = min(start, len(sentence))
    plain = SJ._UNIT_BEFORE_RE.search(sentence, max(0, start - 30), start) is not None
    assert SJ._unit_before(sentence, start) == plain


_PERSON_BEFORE_CASES = [
    "said Mr ",
    "said MR. ",
    "said mr ",
    "co-chairman Bob ",
    "the chief executive ",
    "chief  executive ",
    "the ſir ",  # long s: IGNORECASE matches it to "s"
    "items and terms ",
    "hundred ",
    "",
    " ",
]


@pytest.mark.parametrize("before", _PERSON_BEFORE_CASES)
def test_person_gate_is_safe(before: str) -> None:
    if SJ._PERSON_RE.search(before):
        assert SJ._PERSON_GATE.may_match(before)


@settings(max_examples=400, deadline=None)
@given(_SENTENCE)
def test_person_gate_random(before: str) -> None:
    before = before[-40:]
    if SJ._PERSON_RE.search(before):
        assert SJ._PERSON_GATE.may_match(before)


def _plain_titled(text: str) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    companies: dict[str, set[str]] = {}
    for m in SJ._TITLED_COMPANY_RE.finditer(text):
        t, n = (m.group("t1"), m.group("n1")) if m.group("t1") else (m.group("t2"), m.group("n2"))
        companies.setdefault(n, set()).add(t)
    found = {re.sub(r"['’]s?$", "", m.group(1)) for m in SJ._TITLED_PERSON_RE.finditer(text)}
    return frozenset(found - set(companies)), {k: tuple(sorted(v)) for k, v in companies.items()}


@pytest.mark.parametrize("text", [*_SENTENCES, " ".join(_SENTENCES), ""])
def test_titled_names_equal_plain(text: str) -> None:
    people, companies = SJ._titled_names(text)
    assert (people, {k: tuple(sorted(v)) for k, v in companies.items()}) == _plain_titled(text)
    assert SJ._titled_people(text) == people
    assert SJ._titled_companies(text) == companies


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCE, max_size=3).map(" ".join))
def test_titled_names_random(text: str) -> None:
    people, companies = SJ._titled_names(text)
    assert (people, {k: tuple(sorted(v)) for k, v in companies.items()}) == _plain_titled(text)


def test_titled_names_examples() -> None:
    people, companies = SJ._titled_names("Mr Doe's bid. drugmaker Dr Acme said. Dr Acme's has grown.")
    assert people == frozenset({"Doe"})
    assert companies == {"Acme": ("Dr",)}


@pytest.mark.parametrize(
    ("title", "text", "first"),
    [
        ("Acme buys Bexco", "Acme buys Bexco\n\nThe deal values Bexco at $2bn.", (0, 15)),
        ("Acme buys Bexco", "Acme buys Bexco for $2bn, Cora said.", (0, 36)),
        ("Mr Doe quits Acme", "Mr Doe quits Acme\n\nAcme said so.", (0, 17)),
        ("", "Acme buys Bexco.", (0, 16)),
    ],
)
def test_title_mentions_equal_find_mentions(title: str, text: str, first: tuple[int, int]) -> None:
    """The headline's names are the first sentence's when the text opens with the headline as a
    sentence of its own; else they are found in the headline."""
    resolver = SJ.SubjectResolver(text, [first], title)
    expected = SJ.find_mentions(title, text) if title else []
    assert resolver.title_mentions() == expected
    assert (resolver.title_mentions() is resolver.mentions(0)) == (text[first[0] : first[1]] == title != "")
