"""Fast paths of round ``speed5`` in ``subjects`` equal the plain code they replace.

``_candidate`` (the word-level tests of a ``_NAME_RE`` match, cached) and ``_anchored`` (its context
tests, word-level ones first) must give what the inline code of ``find_mentions`` gave before; the
plain code is kept here, verbatim, as the reference. A ``_Candidate.plain`` name skips ``_anchored``
and ``_trim_words``: switched off, ``find_mentions`` must not change, and ``_trim_words`` must keep a
plain name whatever its context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import subjects as SJ

# words that reach the tests: stop words, titles, offices, role words, places, possessives, months,
# hyphenated place pairs, verbs after a name, unit nouns
_WORDS = [
    "The",
    "But",
    "Next",
    "Next's",
    "Next’s",
    "Next'",
    "Monday",
    "Monday's",
    "March's",
    "Mr",
    "Mr's",
    "Dr",
    "Sir",
    "Acme",
    "Acme's",
    "Bexco",
    "Jane",
    "Doe",
    "UK",
    "UK's",
    "Swiss",
    "German",
    "Germans",
    "CEO",
    "Chief",
    "Executive",
    "Chairman",
    "Vice",
    "Finance",
    "Minister",
    "Secretary",
    "Spokesman",
    "Analyst",
    "Airlines",
    "Group",
    "Anglo-Zedish",
    "Anglo-zedish",
    "Anglo-Zedish's",
    "Co-Op",
    "Jeweller",
    "Leading",
    "Inflation",
    "Imports",
    "Greater",
    "London",
    "High",
    "Street",
    "City",
    "National",
    "Europe",
    "Motors",
    "Keling",
    "AI",
    "Sky",
    "Shell",
    "Bank",
    "Corporation",
    "News",
    "Its",
    "American",
    "Eagle",
    "Re",
    "Hong",
    "Kong",
    "On",
    "March",
    "retailer",
    "unit",
    "has",
    "said",
    "group",
    "the",
    "of",
    "&",
    "3",
    ",",
    ".",
    ";",
    ")",
]
_SPACES = [" ", " ", " ", "\t", "\n"]
_SENTENCES = [
    "UK retailer Next said sales rose.",
    "Next's shares fell, and Next has said so; The Next said.",
    "Finance Minister Jane Doe and Spokesman Jan Doe met Analyst Jane Roe.",
    "Acme CEO Jane Doe and Vice Chairman Bob Lee said Chief Executive Acme.",
    "The firm is Anglo-Zedish, the miner; the Anglo-Zedish group; Anglo-Zedish has said.",
    "Monday's figures and March's sales from Swiss Re and the Germans.",
    "Mr's Doe, Dr Acme's and Sir Bexco said.",
    "Spokesman Acme Airlines said The Next has cut 500 jobs.",
    "Jeweller Acme said Leading Bexco and Greater London grew; Inflation is low.",
    "On March 3 Acme Motors Europe and Keling AI, Sky TV, News Corporation said.",
    "Its Acme Direct division and American Eagle Outfitters and Swiss Re, in Hong Kong.",
    "Shares of Bank of Acmeland rose at the High Street retailer Acme National.",
]
_DOC = " ".join(_SENTENCES) + " said Next and said Monday."


def _sentence(parts: list[tuple[str, str]]) -> str:
    return "".join(w + sp for w, sp in parts)


_SENTENCE = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SPACES)), max_size=12).map(_sentence)


def _plain(sentence: str, start: int, end: int, whole: str, doc_text: str) -> tuple[list[str], bool, bool]:
    """The words, the person test and ``anchored`` of one match, as ``find_mentions`` computed them
    inline before round speed5 (``titles`` and ``company_words`` are the data file's)."""
    stop = SJ._config()[0]
    titles, company_words = SJ._titles(), SJ._company_words()
    words = SJ._strip_possessive(whole).split()
    if len(words) > 1 and not titles.isdisjoint(words):
        cut = next((i for i, w in enumerate(words) if i and w in titles), None)
        if cut is not None:
            words = words[:cut]
            while words and words[-1] in titles:
                words.pop()
    person = not SJ._OFFICE_WORDS.isdisjoint(words) or (
        len(words) >= 2
        and words[0] in SJ._ROLE_WORDS
        and all(w.isalpha() and w not in company_words for w in words[1:])
    )
    anchored = (
        len(words) == 1
        and words[0] not in titles
        and not SJ.is_country(words[0])
        and (
            SJ._unit_before(sentence, start)
            or (
                whole[-2:] in ("'s", "’s")
                and words[0] not in SJ._TIME_WORDS
                and words[0] not in SJ._config()[1]
                and SJ._occurs(doc_text, " " + words[0], SJ._NAME_BEFORE)
            )
            or _plain_compound_name(words[0], sentence, end)
            or (
                SJ._VERBISH_RE.match(sentence, end) is not None
                and words[0] in stop
                and SJ._stop_word_named(words[0], doc_text)
            )
        )
    )
    return words, person, anchored


def _plain_compound_name(word: str, sentence: str, end: int) -> bool:
    """``_compound_name`` before it was split into a word-level and a context half
    (``_compound_form``, ``_compound_after``)."""
    if "-" not in word or word.endswith(("'s", "’s")):
        return False
    nxt = sentence[end : end + 1]
    return (nxt in ("", ",", ".", ";", ")") or SJ._COMPOUND_VERB_RE.match(sentence, end) is not None) and all(
        p[:1].isupper() for p in word.split("-")
    )


def _check(sentence: str, doc_text: str) -> None:
    for m in SJ._NAME_RE.finditer(sentence):
        whole = m.group(0)
        words, person, anchored = _plain(sentence, m.start(), m.end(), whole, doc_text)
        cand = SJ._candidate(whole)
        assert list(cand.words) == words, whole
        assert cand.person == person, whole
        if not person:  # find_mentions asks no context of a person
            fast = cand.may_anchor and SJ._anchored(cand, sentence, m.start(), m.end(), doc_text)
            assert fast == anchored, (whole, sentence)
        word = words[0] if words else ""
        split = SJ._compound_form(word) and SJ._compound_after(sentence, m.end())
        assert split == _plain_compound_name(word, sentence, m.end())


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_candidate_equals_plain(sentence: str) -> None:
    _check(sentence, _DOC)
    _check(sentence, "")


@settings(max_examples=500, deadline=None)
@given(_SENTENCE, st.lists(_SENTENCE, max_size=3))
def test_candidate_equals_plain_random(sentence: str, others: list[str]) -> None:
    _check(sentence, " ".join([*others, sentence]))


def test_candidate_cases() -> None:
    """The table reaches every verdict: a person, a title cut, each anchor kind, none."""
    assert SJ._candidate("Finance Minister Jane Doe").person
    assert SJ._candidate("Spokesman Jan Doe").person
    assert not SJ._candidate("Spokesman Acme Airlines").person
    assert SJ._candidate("Acme CEO Jane Doe").words == ("Acme",)
    assert SJ._candidate("Next's").possessive
    assert not SJ._candidate("Monday's").possessive
    assert SJ._candidate("Anglo-Zedish").compound
    assert not SJ._candidate("UK").may_anchor
    assert SJ._candidate("The").stop
    assert SJ._anchored(SJ._candidate("Next"), "UK retailer Next said", 12, 16, "")
    assert not SJ._anchored(SJ._candidate("Next"), "Next said", 0, 4, "")


_UNCACHED_CANDIDATE = SJ._candidate.__wrapped__


def _unplain(whole: str) -> SJ._Candidate:
    """``_candidate`` with the plain fast path switched off."""
    return _UNCACHED_CANDIDATE(whole)._replace(plain=False)


def _check_plain_path(sentence: str, doc_text: str) -> None:
    fast = [(m.start, m.end, m.name) for m in SJ.find_mentions(sentence, doc_text)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(SJ, "_candidate", _unplain)
        slow = [(m.start, m.end, m.name) for m in SJ.find_mentions(sentence, doc_text)]
    assert fast == slow, sentence
    gaz = SJ._config()[3]
    for m in SJ._NAME_RE.finditer(sentence):
        cand = SJ._candidate(m.group(0))
        if not cand.plain:
            continue
        assert cand.name == " ".join(cand.words)
        assert not SJ._lone_stop_word(list(cand.words), gaz)
        for anchored in (False, True):
            for at_lead in (False, True):
                kept = SJ._trim_words(list(cand.words), anchored, sentence, m.start(), at_lead, doc_text)
                assert kept == (list(cand.words), m.start(), 0), (m.group(0), anchored, at_lead)


@pytest.mark.pure_python
@pytest.mark.parametrize("sentence", _SENTENCES)
def test_plain_names_equal_trimmed(sentence: str) -> None:
    _check_plain_path(sentence, _DOC)
    _check_plain_path(sentence, "")


@pytest.mark.pure_python
@settings(max_examples=500, deadline=None)
@given(_SENTENCE, st.lists(_SENTENCE, max_size=3))
def test_plain_names_equal_trimmed_random(sentence: str, others: list[str]) -> None:
    _check_plain_path(sentence, " ".join([*others, sentence]))


def test_plain_cases() -> None:
    """Plain and not plain names of the table: a stop word, a title, a number, a descriptor word or
    a lone common noun at either end makes a name not plain."""
    assert SJ._candidate("Acme Motors").plain
    assert SJ._candidate("Acme Airlines").plain
    assert not SJ._candidate("Keling AI").plain  # a name tail is a stop word: kept, but not plain
    for whole in ("The Acme", "Acme Monday", "Dr Acme", "Jeweller Acme", "Inflation", "Greater London"):
        assert not SJ._candidate(whole).plain, whole


_APPOS_CASES = [
    "Zenco said its fast-growing payments unit, PayFlow, was thriving.",
    "Acme's chip division, Zeta Micro, grew.",
    "the company's retail arm, Bexco Stores, and its bank, Acme Bank, rose",
    "its unit ,Zed, fell",
    "its unit,Zed, fell",
    "its unit, Zed fell",
    "its Unit, Zed, fell",
    "their units, Zed, fell",
    "its group, Zed, and Acme's app, Zo,",
    "no comma here",
    "",
    ",",
    "unit,",
]
_APPOS_WORDS = [
    "its",
    "their",
    "Acme's",
    "the company's",
    "unit",
    "arm",
    "group",
    "bank",
    "Zed",
    "fast",
    ",",
    " ",
]


@pytest.mark.parametrize("sentence", _APPOS_CASES)
def test_apposition_equals_regex(sentence: str) -> None:
    m = SJ._APPOS_RE.search(sentence)
    assert SJ.apposition(sentence) == (m.group("name") if m else None)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_APPOS_WORDS), max_size=14).map(" ".join))
def test_apposition_equals_regex_random(sentence: str) -> None:
    m = SJ._APPOS_RE.search(sentence)
    assert SJ.apposition(sentence) == (m.group("name") if m else None)


@pytest.mark.parametrize(
    "name",
    [None, "", "World Bank", "World Bank's", "Bank of England", "Acme Department Stores", "Acme", "Acme's",
     "Office for National Statistics", "Acme Bank", "Federal Reserve", "CBI", "Acme Store"],
)  # fmt: skip
def test_is_institution_cache_equals_plain(name: str | None) -> None:
    assert SJ.is_institution(name) == SJ.is_institution.__wrapped__(name)
    assert SJ.is_institution(name) == SJ.is_institution.__wrapped__(name)  # a cache hit too
