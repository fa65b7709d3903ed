"""Who a figure is about: proper-name mentions, appositions, salience.

No statistical model: mentions are capitalised sequences (with ``&``, ``of``,
company suffixes) filtered by a stop list (``data/subjects.json``: countries,
nationalities, months, sentence adverbs, titles) and extended by a gazetteer in
spaCy ``entity_ruler`` format (``data/gazetteer.jsonl``; string patterns).

``SubjectResolver`` resolves a figure's subject, in this order:
1. a relative clause ("Doubao, which has surpassed ...") takes its antecedent;
2. the first mention in the figure's clause before it (possessives included:
   "Kuaishou's capital expenditure", "EA's $17.8bn");
3. the first mention in the sentence before the figure;
4. the topic of the nearest earlier sentence (an apposition "its ... unit,
   Keling AI," makes Keling AI the topic; else its first mention): this is how
   "it", "its", "the company" and "the firm" are resolved;
5. the headline's topic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Final, NamedTuple

from extractors.clauses import Clauses
from extractors.scan import LiteralGate, lower_for_words, matches_at
from extractors.values import by_fields


@dataclass(slots=True, unsafe_hash=True)
class Mention:
    # (a written ``__init__``, not frozen: see ``extractors.figures.Figure``)
    start: int  # offsets into the sentence text
    end: int
    name: str

    def __init__(self, start: int, end: int, name: str) -> None:
        self.start = start
        self.end = end
        self.name = name

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # (pickle: see ``extractors.values``)


@lru_cache(maxsize=1)
def _subject_data() -> dict:
    """``data/subjects.json``, read once."""
    root = resources.files("extractors").joinpath("data")
    return json.loads(root.joinpath("subjects.json").read_text(encoding="utf-8"))


@cache
def _word_set(key: str) -> frozenset[str]:
    """One word list of ``data/subjects.json`` (empty when the file has none)."""
    return frozenset(_subject_data().get(key, []))


# the ``places`` of the data file: ``is_country`` asks it for most words it meets
_PLACES: Final = _word_set("places")


@lru_cache(maxsize=1)
def _config() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    root = resources.files("extractors").joinpath("data")
    data = _subject_data()
    gaz: set[str] = set()
    for line in root.joinpath("gazetteer.jsonl").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            obj = json.loads(line)
            if isinstance(obj.get("pattern"), str):
                gaz.add(obj["pattern"])
    return (
        frozenset(data["stop"]),
        tuple(data["person_titles"]),
        tuple(data["unit_nouns"]),
        frozenset(gaz),
    )


# a capitalised word ("Acme", "A", "M&S") or a word like "eBay", "iTunes"
_CAP_TAIL: Final = r"[A-Za-z0-9&.\-]*[A-Za-z0-9&]"
_LOWER_LED_TAIL: Final = r"[A-Z][A-Za-z0-9]*"
_WORD: Final = rf"(?:[A-Z]{_CAP_TAIL}|[A-Z]|[ei]{_LOWER_LED_TAIL})"
# ``(?<![\w'’-]){_WORD}`` with its first character first and the look-behind tested after it: a
# pattern that starts with a character class lets ``re`` skip to the next candidate in C instead
# of trying every offset (same matches, in the same order of alternatives: the longer capitalised
# word, the single capital, the lower-case-led word)
_FIRST_WORD: Final = rf"[A-Zei](?<![\w'’-].)(?:(?<=[A-Z])(?:{_CAP_TAIL})?|(?<=[ei]){_LOWER_LED_TAIL})"
# "Unity People's Bank": a possessive inside a name, before a company word, stays in the name
_INNER_POSS: Final = (
    r"(?:['’]s(?=[ \t]+(?:"
    + "|".join(
        re.escape(w) for w in ("Bank", "Laboratories", "Stores", "Airlines", "Brewery", "Breweries", "Foods")
    )
    + r")\b))?"
)
_NAME_RE: Final = re.compile(
    rf"{_FIRST_WORD}{_INNER_POSS}"
    # "Pier 3 Imports": a one- or two-digit number between two capitalised words is part of the name
    rf"(?:[ \t]+(?:(?:of|de|du|van|von|der|&)[ \t]+|[1-9]\d?[ \t]+(?=[A-Z][a-z]))?{_WORD}{_INNER_POSS})*"
    r"(?:['’]s?)?"
)
_POSS_RE: Final = re.compile(r"['’]s?$")


def _build_context_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    _, titles, units, _ = _config()
    title_alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    person = re.compile(rf"(?:\b(?i:{title_alt})\.?\s+(?:[A-Z][\w'-]*\s+)?)$")
    example = re.compile(
        r"(?:\b(?:including|includes|include|such as|like|particularly|notably|especially|"
        # "Bexco - owner of the Acme and Zed chains -": the brands an owner holds are no subject
        r"owners? of|which owns|that owns|who owns|"
        r"(?P<rival>rivals?|competitors?))\s+(?:the\s+)?"
        # "drugs such as painkiller Zorax", "particularly anti-depressants Zorax": a product word between
        r"(?:[a-z][\w-]*\s+){0,2}?(?:[A-Z][\w-]*['’]s?\s+)?)$"
    )
    # "5 Acme" but not "in 2003, Acme": a comma ends the number
    number_before = re.compile(r"\d(?:[\d,.]*\d)?\s+$")
    appos = re.compile(
        rf"\b(?:its|their|the (?:company|firm|group)['’]s|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){{0,5}}?"
        rf"(?:{unit_alt}),\s+(?P<name>{_WORD}(?:\s+{_WORD})*),"
    )
    return person, example, number_before, appos


_PERSON_RE, _EXAMPLE_RE, _NUMBER_BEFORE_RE, _APPOS_RE = _build_context_res()
# every match names a title ("mr", "chief executive"): without one, no search (the regex, tried at
# every offset with all its titles, is the slowest test of a name's context)
_PERSON_GATE: Final = LiteralGate(_PERSON_RE.pattern, _PERSON_RE.flags, min_len=2)
# every match of ``_EXAMPLE_RE`` names its cue ("including", "such as", "rival", ...)
_EXAMPLE_GATE: Final = LiteralGate(_EXAMPLE_RE.pattern, _EXAMPLE_RE.flags)


def _digit_before_space(before: str) -> bool:
    """Can ``_NUMBER_BEFORE_RE`` (``\\d(...)?\\s+$``) match ``before``? Its last character that is no
    space must be a digit: ``re``'s ``\\s`` is ``str.isspace`` (what ``str.rstrip`` strips) and its
    ``\\d`` ``str.isdecimal``; a ``$`` before a final line break leaves only spaces after the digit too."""
    return before.rstrip()[-1:].isdecimal()


_UNIT_BEFORE_RE: Final = re.compile(
    rf"\b(?:{'|'.join(re.escape(u) for u in sorted(_config()[2], key=len, reverse=True))})[ \t]+$"
)
# the unit nouns of ``_UNIT_BEFORE_RE`` (and of ``_APPOS_RE``)
_UNIT_NOUN_ENDS: Final = tuple(_config()[2])
# the word sets ``find_mentions`` asks for each candidate name, read once here (``_config`` and
# ``_word_set`` are cached calls: each one a call through Python's machinery)
_GAZ: Final = _config()[3]
_COMPANY_WORDS: Final = _word_set("company_words")
_PLACE_NAMES: Final = _word_set("place_names")
_PUBLICATION_WORDS: Final = _word_set("publication_words")
_REPORTING_PUBLICATION_WORDS: Final = _word_set("reporting_publication_words")


def _lone_stop_word(words: list[str], gaz: frozenset[str]) -> bool:
    """A single stop word ("The", "But", "Monday"), no gazetteer name: unless anchored, the drop
    loop of ``find_mentions`` leaves nothing of it, so it is no name, and the rest of the tests
    need not run."""
    return len(words) == 1 and words[0] not in gaz and _is_stop(words[0])


def _unit_before(sentence: str, start: int) -> bool:
    """Does a unit noun end right before ``start`` ("UK retailer Next")? Every match of
    ``_UNIT_BEFORE_RE`` ends in a space or a tab, maybe before a line break, with a unit noun right
    before those blanks: without one, no search."""
    return (
        start > 0
        and sentence[start - 1] in " \t\n"
        and _unit_noun_before_blanks(sentence, start)
        and _UNIT_BEFORE_RE.search(sentence, max(0, start - 30), start) is not None
    )


def _unit_noun_before_blanks(sentence: str, end: int) -> bool:
    """Does a unit noun end right before the spaces and tabs that end at ``end``, or at ``end - 1``
    before a line break (where ``$`` also matches)? A unit noun ends in a letter, so the blanks of a
    match of ``_UNIT_BEFORE_RE`` are all those before ``end`` (or ``end - 1``)."""
    k = end
    while k > 0 and sentence[k - 1] in " \t":
        k -= 1
    if k < end and sentence.endswith(_UNIT_NOUN_ENDS, 0, k):
        return True
    if end > 0 and sentence[end - 1] == "\n":
        k = end - 1
        while k > 0 and sentence[k - 1] in " \t":
            k -= 1
        return k < end - 1 and sentence.endswith(_UNIT_NOUN_ENDS, 0, k)
    return False


_RELATIVE_RE: Final = re.compile(r"\s*(?:which|who|whose|that|valued|worth|priced)\b", re.IGNORECASE)
_ANTECEDENT_GAP_RE: Final = re.compile(r"^(?:\s+[\w-]+){0,3}\s*[,\-–—]?\s*$")
# "drilling in Acmeland had been disappointing, which ...": a verb between the name and "which" makes
# the whole clause the antecedent, not the name
_VERB_GAP_RE: Final = re.compile(
    r"\b(?:is|was|were|are|be|been|had|has|have|will|would|could|did|does)\b", re.I
)
_SUBORDINATE_RE: Final = re.compile(
    r"^\W*(?:after|before|when|while|although|though|since|despite|as|if|because|until|once|"
    r"less than|more than|"
    r"by|with|for|in|during|following|according to)\b[^,]*,",
    re.IGNORECASE,
)
_AND_AFTER_FIGURE_RE: Final = re.compile(r"\d[^,;]*?\s(?:and|as well as)\s")
_BASED_AFTER_RE: Final = re.compile(r"[ \t]*,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?-based\b")
_DESCRIPTION_RE: Final = re.compile(
    r"\b[Tt]he[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?P<noun>"
    + "|".join(
        re.escape(n)
        for n in sorted(
            json.loads(
                resources.files("extractors").joinpath("data", "subjects.json").read_text("utf-8")
            ).get("descriptor_nouns", []),
            key=len,
            reverse=True,
        )
    )
    + r")\b(?![ \t]+[A-Z])"
)
# "Acme, which employs 800 staff, ...": a sentence-initial word with a relative clause is a name
# a sentence that opens on a pronoun or "the company": its topic is the one told before
_ANAPHOR_START_RE: Final = re.compile(
    r"[\s\"'“‘(]*(?:It|Its|They|Their|The\s+(?:[a-z][\w-]*\s+)?(?:company|group|firm|bank|business|retailer|"
    r"airline|carrier|operator|giant|insurer|chain|maker|producer|manufacturer)|"
    r"The\s+(?:stock|shares)(?!\s+(?:of|in)\b))\b(?![-'’])"
)
# "It was a similar story at Acme", "It is the same picture at Bexco": an "it" that is no company;
# the name the sentence tells is its topic
_EXPLETIVE_IT_RE: Final = re.compile(
    r"[\s\"'“‘(]*It[ \t]+(?:was|is|has[ \t]+been)[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?:story|picture|case|tale|trend|pattern|situation)\b"
)
# "Last year it made ...", "However, the company said ...": a pronoun after a short opening phrase
_OPENING_ANAPHOR_RE: Final = re.compile(
    r"[\s\"'“‘(]*(?P<w>[A-Z][a-z]+)(?:[ \t]+(?:[a-z]+|\d+))?,?[ \t]+"
    r"(?:it|they|its|their|the[ \t]+(?:company|group|firm))\b(?![-'’])"
)


# ``_ANAPHOR_START_RE`` skips these, then needs "It..." or "The..." ("They", "Their", "The company")
_OPENERS: Final = "\"'“‘("


def _anaphor_start(sentence: str) -> bool:
    """``_ANAPHOR_START_RE.match(sentence) is not None``: after the spaces (``\\s``: ``str.isspace``)
    and quotes it skips, each match starts with "It" or "The"; without them, no match."""
    j = 0
    n = len(sentence)
    while j < n and (sentence[j].isspace() or sentence[j] in _OPENERS):
        j += 1
    return sentence.startswith(("It", "The"), j) and _ANAPHOR_START_RE.match(sentence) is not None


def _opening_anaphor(sentence: str) -> bool:
    m = _OPENING_ANAPHOR_RE.match(sentence)
    return m is not None and m.group("w") in _config()[0] and not is_country(m.group("w"))


_RELATIVE_AFTER_RE: Final = re.compile(r"[ \t]*,[ \t]+(?:which|who|whose)\b")
_LIST_GAP_RE: Final = re.compile(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_ACTOR_AFTER_RE: Final = re.compile(
    r"(?:['’]s?)?\s+(?:has|had|is|was|said|says|will|would|reported|posted|made|announced|saw|earned|"
    r"lost|sold|raised|cut|paid|bought|made|expects|[a-z]+ed|"
    # a market report's move: "with rival Bexco down 3%", "rival Bexco fell 2%", "Bexco sliding 1%"
    r"fell|rose|shed|slid|sank|grew|down|up|falling|rising|dropping|sliding|slipping|gaining|losing)\b"
)
_INITIALS_PLURAL_RE: Final = re.compile(r"[A-Z]{2,}s")
_VERBISH_RE: Final = re.compile(
    r"\s+(?:has|have|had|is|was|were|are|said|says|will|would|could|can|may|plans|posted|reported|made|"
    r"announced|bought|sold|expects|[a-z]+ed|[a-z]+s|"
    # headline verbs: "Acme hit by drug failure", "Acme to cut 500 jobs", "Acme set to buy Bexco"
    r"hit|cut|set|quit|bid|beat|win|buy|sell|face|eye|see|axe|slash|to)\b|['’]s\b"
)


class _Candidate(NamedTuple):
    """What ``find_mentions`` tells of a match of ``_NAME_RE`` from its text alone (no context)."""

    words: tuple[str, ...]  # the name's words, possessive stripped, cut before a person's title
    person: bool  # an office holder ("Finance Minister Jane Doe") or a role word before a person
    may_anchor: bool  # one word, neither a title nor a country: the context may make it a name
    possessive: bool  # ... written with a possessive, no month, day or person's title ("Next's")
    compound: bool  # ... a hyphenated pair of capitalised words ("Anglo-Zedish")
    stop: bool  # ... a word of the stop list
    # ... one that the article may use as a company's name (``_stop_word_may_name``): only then
    # does ``_anchored`` ask the context and the article (``_stop_word_named``)
    named_stop: bool
    # no stop word, title, number, descriptor or lone common noun at either end: nothing of the
    # name is dropped whatever its context, so ``find_mentions`` skips ``_anchored`` and
    # ``_trim_words`` (``_plain_name`` tells why)
    plain: bool
    name: str  # the words joined


@lru_cache(maxsize=8192)
def _candidate(whole: str) -> _Candidate:
    """The word-level tests of ``find_mentions`` for one match: names recur in an article and
    across articles, and these tests were run again for every occurrence."""
    titles, company_words = _titles(), _company_words()
    words = _strip_possessive(whole).split()
    # "Acme CEO Jane Doe": a title after a name word ends the name; the person is no subject
    if len(words) > 1 and not titles.isdisjoint(words):
        cut = next((i for i, w in enumerate(words) if i and w in titles), None)
        if cut is not None:
            words = words[:cut]
            while words and words[-1] in titles:  # "Vice Chairman Jane Doe"
                words.pop()
    # "Finance Minister Jane Doe", "Trade Secretary": an office holder is no subject;
    # "Spokesman Jan Doe said", "Analyst Jane Roe": a role word before plain words is a person
    person = not _OFFICE_WORDS.isdisjoint(words) or (
        len(words) >= 2
        and words[0] in _ROLE_WORDS
        and all(w.isalpha() and w not in company_words for w in words[1:])
    )
    one = words[0] if len(words) == 1 else ""
    may_anchor = bool(one) and one not in titles and not is_country(one)
    return _Candidate(
        words=tuple(words),
        person=person,
        may_anchor=may_anchor,
        possessive=may_anchor
        and whole[-2:] in ("'s", "’s")
        and one not in _TIME_WORDS
        and one not in _config()[1],
        compound=may_anchor and _compound_form(one),
        stop=may_anchor and one in _config()[0],
        named_stop=may_anchor and one in _config()[0] and _stop_word_may_name(one),
        plain=not person and _plain_name(words),
        name=" ".join(words),
    )


def _plain_name(words: list[str]) -> bool:
    """Does ``_trim_words`` keep ``words`` as they are, whatever the anchor, the sentence and the
    article (and ``_lone_stop_word`` say no)? Step by step: no title opens them (no titled company
    name), the first word is no stop word (no drop loop, no lone stop word) and no number, nor a
    descriptor word (no opening descriptor); with nothing dropped no connector is dropped; the last
    word is no stop word (no tail trimmed), so the branches after it keep the same words (``full``);
    no common noun stands alone."""
    if not words:
        return False
    gaz = _config()[3]
    first, last = words[0], words[-1]
    return (
        first not in _PERSON_TITLE_SET
        and not (_is_stop(first) and first not in gaz)
        and not first.isdigit()
        and first.lower() not in _descriptor_words()
        and not (_is_stop(last) and last not in gaz)
        and not (len(words) == 1 and first in _common_nouns())
    )


def _anchored(cand: _Candidate, sentence: str, start: int, end: int, doc_text: str) -> bool:
    """The context tests of a one-word candidate (``cand.may_anchor``) at ``sentence[start:end]``.

    "UK retailer Next": a capitalised word right after a unit noun is a name, stop word or not; so
    is a stop word with a possessive ("Next's shares") that the article writes mid-sentence. The
    tests are pure: each word-level one (``cand``) is asked before the context test it guards."""
    return (
        _unit_before(sentence, start)
        or (cand.possessive and _occurs(doc_text, " " + cand.words[0], _NAME_BEFORE))
        or (cand.compound and _compound_after(sentence, end))
        # "Acme has said ..." where the stop word is the article's company ("Acme's shares")
        or (cand.named_stop and _verbish_after(sentence, end) and _stop_word_named(cand.words[0], doc_text))
    )


def _verbish_after(sentence: str, end: int) -> bool:
    """``_VERBISH_RE.match(sentence, end) is not None``. Each match starts with a space (``\\s``:
    ``str.isspace``) or an apostrophe: without one, no match."""
    c = sentence[end : end + 1]
    return (c.isspace() or c == "'" or c == "’") and _VERBISH_RE.match(sentence, end) is not None


def _comma_next(text: str, pos: int) -> bool:
    """Is the first character from ``pos`` on that is no space or tab a comma? Each match of
    ``_ROLE_AFTER_RE``, ``_RELATIVE_AFTER_RE`` and ``_BASED_AFTER_RE`` starts so (``[ \\t]*,``)."""
    return text.startswith(",", _skip_space(text, pos))


def _source_after(sentence: str, end: int) -> bool:
    """``_SOURCE_AFTER_RE.match(sentence, end) is not None``. Each match starts with a space, a tab
    or an apostrophe and holds one of ``_SOURCE_AFTER_WORDS``: without them, no match."""
    c = sentence[end : end + 1]
    if not (c == " " or c == "\t" or c == "'" or c == "’"):
        return False
    for w in _SOURCE_AFTER_WORDS:
        if sentence.find(w, end) >= 0:
            return _SOURCE_AFTER_RE.match(sentence, end) is not None
    return False


def _based_after(sentence: str, end: int) -> bool:
    """``_BASED_AFTER_RE.match(sentence, end) is not None``; each match starts with a comma after
    blanks and holds "-based": without them, no match."""
    return (
        _comma_next(sentence, end)
        and sentence.find("-based", end) >= 0
        and _BASED_AFTER_RE.match(sentence, end) is not None
    )


def _lower_tail_end(sentence: str, pos: int) -> int:
    """Where group 1 of ``_LOWER_TAIL_RE.match(sentence, pos)`` ends; -1 without a match. A match is a
    space and then three or more letters a-z with no word character after them (``\\b``: a word
    character is what ``str.isalnum`` says or "_"): a shorter run than the whole one has a letter
    after it, where neither ``\\b`` nor ``['’]s`` holds, and ``['’]s`` holds only where ``\\b`` does."""
    n = len(sentence)
    if pos >= n or sentence[pos] != " ":
        return -1
    j = pos + 1
    while j < n and "a" <= sentence[j] <= "z":
        j += 1
    if j - pos <= 3:
        return -1
    if j < n and (sentence[j].isalnum() or sentence[j] == "_"):
        return -1
    return j


def _trim_words(
    words: list[str], anchored: bool, sentence: str, start: int, at_lead: bool, doc_text: str
) -> tuple[list[str], int, int] | None:
    """The words of a candidate name (``words`` at ``start`` of ``sentence``) less the stop words and
    numbers around it: the words kept, their start and the number of words dropped before them;
    None when no name is left. A ``_Candidate.plain`` name loses none of its words."""
    gaz = _config()[3]
    tails, company_words = _name_tails(), _company_words()
    # "drugmaker Dr Acme's": a title word that the article uses as part of a company's name
    if (
        len(words) > 1
        and words[0] in _PERSON_TITLE_SET
        and words[0] in _titled_companies(doc_text).get(words[1], ())
    ):
        anchored = True
    dropped = 0
    lead_dropped: list[tuple[int, str]] = []
    while words and not anchored and (_is_stop(words[0]) and words[0] not in gaz):
        if len(words) >= 2 and is_country(words[0]) and _place_led_name(words, doc_text):
            break  # "American Eagle Outfitters", "Swiss Re": never written without the place
        if (
            len(words) >= 2
            and all(w in _DETERMINERS for _, w in lead_dropped)
            and _stop_word_named(words[0], doc_text)
        ):
            break  # "its Acme Direct division" where the article writes "Next's shares": a name
        if _suffix_left(words):
            break  # "News Corporation", "Times Group": a legal suffix alone is no name
        lead_dropped.append((start, words[0]))
        start += len(words[0])
        start = _skip_space(sentence, start)
        words.pop(0)
        dropped += 1
    while words and words[0].isdigit():  # "On March 3 Acme said": the date's number is no name
        start = _skip_space(sentence, start + len(words[0]))
        words.pop(0)
        dropped += 1
    # "Jeweller Acme said ...", "Leading Acme ...": a descriptor word opening the sentence is no name
    if at_lead and not anchored and words and words[0].lower() in _descriptor_words():
        if len(words) == 1:
            return None
        if words[1] not in _CONNECTORS:
            start = _skip_space(sentence, start + len(words[0]))
            words.pop(0)
            dropped += 1
    while dropped and words and words[0] in _CONNECTORS:  # "Sales of Acme's brands": no "of Acme"
        start = _skip_space(sentence, start + len(words[0]))
        words.pop(0)
    full = list(words)
    # "Keling AI", "Sky TV": a name tail after a name word stays; "Acme Monday" loses "Monday"
    while (
        len(words) > anchored
        and _is_stop(words[-1])
        and words[-1] not in gaz
        and not (words[-1] in tails and any(not _is_stop(w) or w in gaz for w in words[:-1]))
    ):
        words.pop()
    if words and words[-1] in _CONNECTORS:  # "Bank of Acmeland": the place ends the name
        words = full
    elif (
        len(words) == 1 < len(full)
        and not anchored
        and doc_text
        and words[0] not in gaz
        and words[0] not in company_words
        and not _stands_alone(words[0], full[1], doc_text)
    ):
        # a word the article writes only before the stop word cut off after it is no name alone:
        # a street or a place prefix makes the two a place ("Greater Paris", "the High Street
        # retailer"); with a name adjective, the two are the name ("Acme National")
        if full[1] in _STREET_WORDS or (words[0] in _PLACE_PREFIXES and is_country(full[1])):
            return None
        if full[1] in _NAME_ADJECTIVES:
            words = full[:2]
    elif len(words) >= 2 and len(full) == len(words) + 1 and full[-1] in _UNIT_REGIONS:
        words = full  # "Acme Motors Europe totalled ...": a region after a company's name is its unit
    if words and all(w in company_words for w in words):
        # "Acmeland Airlines", "Air Acmeland": a place word is part of a generic company name
        if all(is_country(w) for w in full[len(words) :]):
            words = full
        while lead_dropped and is_country(lead_dropped[-1][1]):
            start, word = lead_dropped.pop()
            words.insert(0, word)
            dropped -= 1
    if not words or (len(words) == 1 and not anchored and words[0] in _common_nouns()):
        return None  # "Inflation is under control": an economic common noun is no name
    return words, start, dropped


def find_mentions(sentence: str, doc_text: str = "") -> list[Mention]:
    """Candidate subject names in one sentence, in order."""
    gaz = _GAZ
    out: list[Mention] = []
    lead = len(sentence) - len(sentence.lstrip(" \t\n\"'“‘(-–—•*"))
    example_end = -1
    words: Sequence[str]  # the candidate's words: a plain name's are shared, read only
    for m in _NAME_RE.finditer(sentence):
        whole = m.group(0)
        cand = _candidate(whole)
        if cand.person:
            continue
        start = m.start()
        if cand.plain:  # no stop word to drop: no context can change the name
            words, dropped, name = cand.words, 0, cand.name
        else:
            words = list(cand.words)
            anchored = cand.may_anchor and _anchored(cand, sentence, start, m.end(), doc_text)
            if not anchored and _lone_stop_word(words, gaz):
                continue
            trimmed = _trim_words(words, anchored, sentence, start, m.start() <= lead, doc_text)
            if trimmed is None:
                continue
            words, start, dropped = trimmed
            name = " ".join(words)
        # "the United States", "the Middle East": a place of several words
        if name in _PLACE_NAMES:
            continue
        # "The Sunday Times says", "told the Daily Gazette": a newspaper is a source, no subject
        if words[-1] in _PUBLICATION_WORDS and (
            whole.startswith("The ") or sentence.endswith(("the ", "The "), 0, m.start())
        ):
            continue
        if words[-1] in _REPORTING_PUBLICATION_WORDS and _REPORTED_AFTER_RE.match(
            sentence, start + len(name)
        ):
            continue  # "Utopia Daily said ...": a newspaper reporting is a source, no subject
        before = sentence[max(0, start - 40) : start]
        # the regexes read before the name end with whitespace at the end: without it none can
        # match; each has its gate (the literals it needs, in ``before`` lower-cased once)
        spaced = before[-1:].isspace()
        low = lower_for_words(before) if spaced else None
        if spaced and (
            (_PERSON_GATE.may_match_lowered(low, before) and _PERSON_RE.search(before))
            or (_digit_before_space(before) and _NUMBER_BEFORE_RE.search(before))
        ):
            continue
        ex = _EXAMPLE_RE.search(before) if spaced and _EXAMPLE_GATE.may_match_lowered(low, before) else None
        # "rival Bexco reported ...": a rival that is the clause's actor is its figure's subject
        if ex and not (ex.group("rival") and _ACTOR_AFTER_RE.match(sentence, start + len(name))):
            example_end = start + len(name)
            continue
        # "brands include Acme, Bexco and Cora": the rest of an example list is no subject either
        if example_end >= 0 and _LIST_GAP_RE.fullmatch(sentence, example_end, start):
            example_end = start + len(name)
            continue
        # "a survey by Acme Bank", "Acme Securities analyst Jane Doe said": a source, no subject
        end = start + len(name)
        if (
            spaced and _SOURCE_BEFORE_GATE.may_match_lowered(low, before) and _SOURCE_BEFORE_RE.search(before)
        ) or _source_after(sentence, end):
            example_end = start + len(name)
            continue
        end = start + len(name)
        # a product name in quotes ('"Fizzo" drink'), a plural of initials ("DVDs", "PCs"), a person
        # the article calls "Mr Surname": no company
        if start and sentence[start - 1] in '"“' and sentence[end : end + 1] in ('"', "”"):
            continue
        if len(words) == 1 and name.endswith("s") and _INITIALS_PLURAL_RE.fullmatch(name):
            continue
        if _is_person(words, sentence, end, doc_text) or _named_speaker(words, sentence, end, doc_text):
            continue
        # "Tourism is ...": a sentence-initial abstract noun in -ism is no name, even where the article
        # writes it inside a longer name ("the Acme Tourism Council")
        if (
            m.start() <= lead
            and dropped == 0
            and len(words) == 1
            and _abstract_noun(name)
            and name not in gaz
        ):
            continue
        # sentence-initial single word: a name when the article also writes it mid-sentence, or
        # when it is no common word of the article and a verb follows ("Acme has ..."); a
        # modifier noun after it ("Total sales were ...") shows a modifier, not a name
        if (
            m.start() <= lead
            and dropped == 0
            and len(words) == 1
            and name not in gaz
            and not _occurs(doc_text, " " + name, _NAME_BEFORE)
            and not (
                _comma_next(sentence, start + len(name))
                and _RELATIVE_AFTER_RE.match(sentence, start + len(name))
            )
            and (
                name.endswith("ly")
                or _occurs(doc_text, name.lower())
                or not _verbish_after(sentence, start + len(name))
                or _modifier_noun_re().match(sentence, start + len(name))
                or _describes_name_re().match(sentence, start + len(name))
                or _common_opener(name, sentence, start + len(name))
            )
        ):
            continue
        # "Beauty company Acme is ...": an opening word before a description of a name, that the
        # article writes mid-sentence only as the tail of a longer name ("Zeta Beauty"), describes it
        if (
            m.start() <= lead
            and dropped == 0
            and len(words) == 1
            and name not in gaz
            and _describes_name_re().match(sentence, start + len(name))
            and not _written_alone(doc_text, name)
        ):
            continue
        # "The Acmeville, Utopia-based firm": a place before "X-based" is no subject
        if _based_after(sentence, start + len(name)):
            continue
        # "the unit, best known for its Zeta brand,": a brand the subject is known for is no subject
        if spaced and _KNOWN_FOR_GATE.may_match_lowered(low, before) and _KNOWN_FOR_RE.search(before):
            continue
        # "Acme card's creditors" where the article writes "Acme Card": the name with its common noun
        # (``_lower_tail_end``: where ``_LOWER_TAIL_RE`` matches, without the regex)
        end = start + len(name)
        tail_end = _lower_tail_end(sentence, end) if doc_text else -1
        if tail_end >= 0 and _occurs(doc_text, f"{name} {sentence[end + 1 : tail_end].capitalize()}"):
            name = f"{name} {sentence[end + 1 : tail_end].capitalize()}"
            out.append(Mention(start, tail_end, name))
            continue
        out.append(Mention(start, start + len(name), name))
    return _join_and_names(sentence, out) if "(" in sentence else out


_AND_BEFORE_RE: Final = re.compile(r"(?<![\w'’-])((?:[A-Z][\w-]*[ \t]+)+)(?:and|&)[ \t]+$")
_ACRONYM_AFTER_RE: Final = re.compile(r"[ \t]*\((?P<a>[A-Z][A-Z&]{1,9})\)")


_COMPOUND_VERB_RE: Final = re.compile(
    r"[ \t]+(?:has|have|had|is|was|said|says|will|would|employs|reported)\b"
)


def _compound_form(word: str) -> bool:
    """A hyphenated word of capitalised parts: with ``_compound_after``, a hyphenated pair of place
    words standing alone ("... is Anglo-Zedish, the mining company,") is a name; with a noun after it
    ("the Anglo-Zedish group") it is an adjective. This half asks the word alone (``_candidate``)."""
    if "-" not in word or word.endswith(("'s", "’s")):
        return False
    return all(p[:1].isupper() for p in word.split("-"))


def _compound_after(sentence: str, end: int) -> bool:
    """The context half of ``_compound_form``: the word ends a clause or a verb follows it."""
    nxt = sentence[end : end + 1]
    return nxt in ("", ",", ".", ";", ")") or _COMPOUND_VERB_RE.match(sentence, end) is not None


def _paren_next(text: str, pos: int) -> bool:
    """Is the first character from ``pos`` on that is no space or tab a "("? Each match of
    ``_ACRONYM_AFTER_RE`` starts so (``[ \\t]*\\(``)."""
    return text.startswith("(", _skip_space(text, pos))


def _join_and_names(sentence: str, out: list[Mention]) -> list[Mention]:
    """'Industrial and Commercial Bank (ICBC)': a name with "and" inside, when the bracketed
    initials after it spell the words on both sides of the "and"."""
    res: list[Mention] = []
    for m in out:
        acro = _ACRONYM_AFTER_RE.match(sentence, m.end) if _paren_next(sentence, m.end) else None
        head = _AND_BEFORE_RE.search(sentence, max(0, m.start - 60), m.start) if acro else None
        if acro is not None and head is not None:
            words = head.group(1).split() + m.name.split()
            initials = "".join(w[0] for w in words if w not in _CONNECTORS)
            letters = acro.group("a").replace("&", "")
            if len(initials) >= 2 and letters.startswith(initials):
                a = head.start(1)
                res = [x for x in res if x.end <= a]
                name = sentence[a : m.end]
                res.append(Mention(a, m.end, " ".join(name.split())))
                continue
        res.append(m)
    return res


_OPENING_PHRASE_RE: Final = re.compile(
    r"\W*(?:Beyond|Besides|Apart from|Aside from|On top of|As well as|In addition to|Despite|Following|"
    r"After|Before|Including|Excluding|Along with)\b",
    re.I,
)
_KNOWN_FOR_RE: Final = re.compile(r"\b(?:known|famous|renowned|noted)\s+for\s+(?:its|their|the)\s+$", re.I)
_KNOWN_FOR_GATE: Final = LiteralGate(_KNOWN_FOR_RE.pattern, _KNOWN_FOR_RE.flags)
_LOWER_TAIL_RE: Final = re.compile(r" ([a-z]{3,})(?=['’]s\b|\b)")
_TIME_WORDS: Final = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Christmas",
        "Easter",
    ]
)
_PERSON_TITLE_WORDS: Final = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Prof")
_PERSON_TITLES: Final = rf"(?:{'|'.join(_PERSON_TITLE_WORDS)})"
# the title of every titled company name ("Dr Acme"): a name that opens with another word is none
_PERSON_TITLE_SET: Final = frozenset(_PERSON_TITLE_WORDS)


_TITLED_PERSON_RE: Final = re.compile(rf"\b{_PERSON_TITLES}\.?[ \t]+([A-Z][\w'-]*[a-z])\b")
_TITLED_COMPANY_RE: Final = re.compile(
    rf"(?:\b[a-z]*(?:maker|firm|company|group|retailer|chain|giant|producer)[ \t]+"
    rf"(?P<t1>{_PERSON_TITLES})[ \t]+(?P<n1>[A-Z][\w-]*)\b)|"
    rf"(?:\b(?P<t2>{_PERSON_TITLES})[ \t]+(?P<n2>[A-Z][\w-]*)['’]s[ \t]+"
    rf"(?:has|have|is|was|said|says|will|fell|rose|reported|posted|made)\b)"
)
# every match of the two regexes above holds a title of _PERSON_TITLES, which starts with one of
# these ("Mrs" with "Mr")
_TITLE_STARTS: Final = ("Mr", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Prof")
# one scan for all of them, faster than a ``str.find`` loop per word: it finds the same offsets,
# since no occurrence of one can overlap another's (each starts with a capital, and none holds a
# capital after its first letter)
_TITLE_START_RE: Final = re.compile("|".join(_TITLE_STARTS))


def _title_starts(text: str) -> list[int]:
    """Offsets of ``text`` where a personal title can start, in order."""
    return list(map(re.Match.start, _TITLE_START_RE.finditer(text)))


def _titled_company_matches(text: str, title_starts: list[int] | None = None) -> list[re.Match[str]]:
    """``list(_TITLED_COMPANY_RE.finditer(text))``: tried only at a title (``_title_starts(text)``,
    unless given) and at the start of the lower-case word before it (the ``[a-z]*maker`` of
    "drugmaker Dr Acme")."""
    cands: set[int] = set()
    for t in _title_starts(text) if title_starts is None else title_starts:
        cands.add(t)
        j = t
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == t:
            continue
        k = j
        while k > 0 and "a" <= text[k - 1] <= "z":
            k -= 1
        if k < j:
            cands.add(k)
    return matches_at(_TITLED_COMPANY_RE, text, sorted(cands))


def _titled_people(doc_text: str) -> frozenset[str]:
    """Surnames the article writes after a personal title ("Mr Doe"), less titled company names."""
    return _titled_names(doc_text)[0]


def _titled_companies(doc_text: str) -> dict[str, tuple[str, ...]]:
    """'drugmaker Dr Acme', "Dr Acme's has ...": a title word that is part of a company's name."""
    return _titled_names(doc_text)[1]


@lru_cache(maxsize=8)
def _titled_names(doc_text: str) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """``_titled_people`` and ``_titled_companies`` of an article, from one scan for its titles."""
    starts = _title_starts(doc_text)
    companies: dict[str, set[str]] = {}
    for m in _titled_company_matches(doc_text, starts):
        t, n = (m.group("t1"), m.group("n1")) if m.group("t1") else (m.group("t2"), m.group("n2"))
        companies.setdefault(n, set()).add(t)
    found = {m.group(1) for m in matches_at(_TITLED_PERSON_RE, doc_text, starts)}
    found = {_POSS_RE.sub("", w) for w in found}  # "Mr Doe's offer": Doe
    return frozenset(found - set(companies)), {k: tuple(v) for k, v in companies.items()}


# "chief executive Tim Cook", "Acme boss Jane Doe": a person introduced by a role and a first name
_ROLE_AND_FIRST_NAME_BEFORE_RE: Final = re.compile(
    r"\b(?:chief executive|chief financial officer|chief operating officer|CEO|boss|chairman|chairwoman|"
    r"founder|co-founder|president|director|spokesman|spokeswoman|analyst|economist|head)"
    r"[ \t]+[A-Z][a-z]+[ \t]+$",
    re.IGNORECASE,
)
# "Acme chairman", "Acme Motor", "Acme's shares": the word names a company too ("Ford chairman Bill Ford")
_COMPANY_USE_AFTER_RE: Final = re.compile(
    r"(?:['’]s)?[ \t]+(?:chief|boss|chairman|chairwoman|founder|president|director|spokes\w+|shares|stock|"
    r"profits?|sales|revenues?|Motors?|Group|Inc|Corp|plc|Ltd)\b"
)
_SPEECH_AFTER: Final = (" said", " says", " told", " added", " argued", " explained")


def _named_speaker(words: Sequence[str], sentence: str, end: int, doc_text: str) -> bool:
    """A surname alone that speaks ("Cook said on Monday ..."), where the article introduces its person
    by a role and a first name ("chief executive Tim Cook") and never writes it as a company's name."""
    if len(words) != 1 or not doc_text or not sentence.startswith(_SPEECH_AFTER, end):
        return False
    word = words[0]
    introduced = False
    i = doc_text.find(word)
    while i >= 0:
        after = i + len(word)
        if (i == 0 or not doc_text[i - 1].isalnum()) and not doc_text[after : after + 1].isalnum():
            if _COMPANY_USE_AFTER_RE.match(doc_text, after):
                return False
            introduced = (
                introduced or _ROLE_AND_FIRST_NAME_BEFORE_RE.search(doc_text, max(0, i - 60), i) is not None
            )
        i = doc_text.find(word, after)
    return introduced


def _is_person(words: Sequence[str], sentence: str, end: int, doc_text: str) -> bool:
    """Two or three plain words that name a person, no subject: 'Jane Doe' where the article also
    writes 'Ms Doe', or with a person's role after them ('Jane Doe, US chief economist at Acme Bank,')."""
    if not 2 <= len(words) <= 3 or any(not w.isalpha() or w in _COMPANY_WORDS for w in words):
        return False
    if doc_text and words[-1] in _titled_people(doc_text):
        return True
    return _comma_next(sentence, end) and _ROLE_AFTER_RE.match(sentence, end) is not None


# capitalised role words that open a person's name ("Spokesman Jan Doe")
_ROLE_WORDS: Final = frozenset(
    (
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Analyst",
        "Economist",
        "Strategist",
        "Chairman",
        "Chairwoman",
        "Director",
        "Founder",
        "Boss",
        "Trader",
        "Professor",
        "Lawyer",
        "Judge",
    )
)
_OFFICE_WORDS: Final = frozenset(
    (
        "Minister",
        "Ministers",
        "Secretary",
        "Governor",
        "Chancellor",
        "Commissioner",
        "Senator",
        "Mayor",
        "Premier",
    )
)
# "Jane Doe, chief economist at Acme Bank, said": a name told with a person's role after it
_ROLE_AFTER_RE: Final = re.compile(
    r"[ \t]*,[ \t]+(?:(?:the|a|an|its)[ \t]+)?(?:(?:[A-Z][\w&.-]*|chief|senior|deputy|lead|head|former|"
    r"managing|vice|assistant|executive|financial|investment|bond|equity|market|retail|economic|industry|"
    r"research|general|founding|joint)[ \t]+){0,4}?"
    r"(?:economist|analyst|strategist|spokes(?:man|woman|person)|chief executive|chairman|chairwoman|"
    r"president|director|lawyer|attorney|professor|minister|secretary|founder|boss|trader|consultant|"
    r"partner|manager|officer)s?\b"
)


@lru_cache(maxsize=4096)
def is_institution(name: str | None) -> bool:
    """A public body, trade body or statistics office ('institution_words' of the data file); a
    pure test of the name, asked again for each claim and candidate subject, so cached."""
    if not name:
        return False
    words = _institution_words()
    parts = _POSS_RE.sub("", name).split()
    if " ".join(parts) in _word_set("institution_names"):
        return True  # "the World Bank": a public lender, though its name ends in a company word
    if parts[-1] in ("Store", "Stores") or parts[-1] in _company_words():
        return False  # "Acme Department Stores"
    return any(w in words for w in parts)


def _institution_words() -> frozenset[str]:
    return _word_set("institution_words")


def is_place(word: str) -> bool:
    """A country, nationality, city or other non-company capitalised word of the stop list."""
    return word in _config()[0]


def _places() -> frozenset[str]:
    return _PLACES


def _company_words() -> frozenset[str]:
    return _word_set("company_words")


def _common_nouns() -> frozenset[str]:
    return _word_set("common_nouns")


def _name_tails() -> frozenset[str]:
    return _word_set("name_tails")


def _titles() -> frozenset[str]:
    return _word_set("titles")


@lru_cache(maxsize=1)
def _modifier_noun_re() -> re.Pattern[str]:
    nouns = sorted(_word_set("modifier_nouns"), key=len, reverse=True)
    return re.compile(rf"[ \t]+(?:{'|'.join(re.escape(n) for n in nouns) or '(?!)'})\b")


_DEAL_OBJECT_RE: Final = re.compile(
    r"\b(?:acquisition|takeover|purchase)\s+of\s+(?:the\s+)?(?:(?!by\b|from\b|for\b|and\b)[A-Za-z][\w-]*\s+){0,2}$"
)
_CONNECTORS: Final = frozenset({"of", "de", "du", "van", "von", "der", "&"})
_UNIT_REGIONS: Final = frozenset({"Europe", "Asia", "International"})
# "a survey by Acme", "analysts at Acme Securities": the mention is the figure's source
_SOURCE_BEFORE_RE: Final = re.compile(
    r"\b(?:(?:survey|study|poll|research)[ \t]+(?:by|from|of|for)|"
    r"(?:analysts?|economists?|strategists?|brokers?)[ \t]+(?:at|with|from))[ \t]+(?:the[ \t]+)?$|"
    # "analysts surveyed by Acme Data", "economists polled by Bexco": the data provider is the source
    r"\b(?:surveyed|polled|compiled)[ \t]+by[ \t]+(?:the[ \t]+)?$|"
    # "according to the Courier", "told the Gazette": a newspaper is the source, no subject
    r"\b(?:according[ \t]+to|told|reported[ \t]+by|quoted[ \t]+by|interview[ \t]+with)[ \t]+the[ \t]+$",
    re.IGNORECASE,
)
# every match names its source word ("survey", "analysts", "according", "told"): without one, no search
_SOURCE_BEFORE_GATE: Final = LiteralGate(_SOURCE_BEFORE_RE.pattern, _SOURCE_BEFORE_RE.flags)
# "... said ..." but not "... said its profit": a publisher telling its own figures is their subject
_REPORTED_AFTER_RE: Final = re.compile(
    r"[ \t]+(?:said|says|reported|reports|quoted|cited|claimed|claims)\b(?![ \t]+(?:that[ \t]+)?(?:its|it)\b)"
)
_SOURCE_AFTER_RE: Final = re.compile(
    r"(?:['’]s)?[ \t]+(?:[a-z]+[ \t]+)?(?:analysts?|economists?|strategists?)\b"
)
# one of these is in every match of ``_SOURCE_AFTER_RE``
_SOURCE_AFTER_WORDS: Final = ("analyst", "economist", "strategist")


# "Reporting its results, the airline ...": an opening participle takes a determiner or a possessive
_PARTICIPLE_OBJECT_RE: Final = re.compile(r"[ \t]+(?:its|their|the|a|an|his|her|our|this|these|those)\b")


def _abstract_noun(name: str) -> bool:
    """'Tourism', 'Protectionism': a capitalised abstract noun in -ism."""
    return len(name) > 5 and name.endswith("ism") and name[1:].islower()


def _common_opener(name: str, sentence: str, end: int) -> bool:
    """A sentence-initial word that is no name by its form: a participle before its object
    ("Reporting its results, ...")."""
    return (
        name.endswith("ing") and name[1:].islower() and _PARTICIPLE_OBJECT_RE.match(sentence, end) is not None
    )


def _descriptor_words() -> frozenset[str]:
    """Lower-case words that describe a company before its name ('descriptor_words' of the data
    file): 'Jeweller Acme said', 'Leading Acme'."""
    return _word_set("descriptor_words")


@lru_cache(maxsize=1)
def _describes_name_re() -> re.Pattern[str]:
    """'Leading electronics chain Acme': lower-case words ending in a descriptor noun, then a name."""
    words = _word_set("descriptor_nouns") | _word_set("unit_nouns") | _descriptor_words()
    nouns = sorted(words, key=len, reverse=True)
    alt = "|".join(map(re.escape, nouns))
    return re.compile(rf"[ \t]+(?:[a-z][\w'’-]*[ \t]+){{0,3}}?(?:{alt})[ \t]+[A-Z]")


def is_country(word: str) -> bool:
    """A country, nationality, region or city (``places`` of the data file), never a company."""
    if "'" not in word and "’" not in word:
        return word in _PLACES  # no apostrophe: nothing for ``_POSS_RE`` to strip
    return _POSS_RE.sub("", word) in _PLACES


@lru_cache(maxsize=4096)
def _is_stop(word: str) -> bool:
    """A word of the stop list (``stop`` of the data file), or a form of one; asked several times
    for each candidate name's words, so cached."""
    stop = _config()[0]
    if word in stop or word.rstrip(".") in stop:
        return True
    if len(word) > 3 and word.endswith("s") and word[:-1] in _places():
        return True  # "the Germans", "Canadians": a nationality's plural
    if "-" in word:
        parts = word.split("-")
        if any(p in stop for p in parts) or any(p[:1].islower() for p in parts[1:]):
            return True
    return False


_CAPITALISED_BEFORE_RE: Final = re.compile(r"[A-Z][\w&.'’-]*[ \t]+$")


def _place_led_name(words: list[str], doc_text: str) -> bool:
    """A place word opening a name is part of it when the rest of the name ("Eagle Outfitters",
    "Re" of "Swiss Re") never stands alone in the article (a one-word rest counted as a word)."""
    if not doc_text or any(is_country(w) or _is_stop(w) for w in words[1:]):
        return False
    rest = " ".join(words[1:])
    if len(words) == 2:  # the word never written without a capitalised word before it ("Munich Re")
        alone = (
            i
            for i in _word_starts(doc_text, rest)
            if not _CAPITALISED_BEFORE_RE.search(doc_text, max(0, i - 40), i)
        )
        return next(alone, None) is None
    return doc_text.count(rest) == doc_text.count(f"{words[0]} {rest}") > 0


def _strip_possessive(name: str) -> str:
    """``_POSS_RE.sub("", name)`` for a match of ``_NAME_RE`` (no line break at its end)."""
    if name.endswith(("'s", "’s")):
        return name[:-2]
    if name.endswith(("'", "’")):
        return name[:-1]
    return name


_DETERMINERS: Final = frozenset(("The", "Its", "Their", "A", "An", "This", "That", "Our", "His", "Her"))
_LEGAL_SUFFIXES: Final = frozenset(
    ("Corp", "Corp.", "Corporation", "Inc", "Inc.", "Group", "Holdings", "plc", "Plc", "Ltd", "Limited")
)


def _suffix_left(words: list[str]) -> bool:
    """Dropping ``words[0]`` would leave a legal suffix alone ("News Corporation")."""
    return len(words) == 2 and words[1] in _LEGAL_SUFFIXES and words[0] not in _DETERMINERS


_NAME_BEFORE_POSS: Final = frozenset(".!?\"“”'‘’(")


def _stop_word_may_name(word: str) -> bool:
    """The tests of ``_stop_word_named`` that ask the word alone: no month or day, place, personal or
    other title, or institution word names a company."""
    return (
        word.isalpha()
        and word not in _TIME_WORDS
        and not is_country(word)
        and word not in _config()[1]
        and word not in _titles()
        and word not in _institution_words()
    )


def _stop_word_named(word: str, doc_text: str) -> bool:
    """A stop word the article uses as a company's name: it writes the word with a possessive
    ("Next's shares", not "Wall Street's") and also mid-sentence ("said Next")."""
    if not doc_text or not _stop_word_may_name(word) or not _occurs(doc_text, " " + word, _NAME_BEFORE):
        return False
    for poss in (word + "'s", word + "’s"):
        i = doc_text.find(poss)
        while i >= 0:
            if _at_boundary(doc_text, i + len(poss)):
                j = i
                while j > 0 and doc_text[j - 1] in " \t\n":
                    j -= 1
                k = j
                while k > 0 and doc_text[k - 1].isalpha():
                    k -= 1
                # at the start of the text or of a sentence, or after a lower-case word
                if j == 0 or doc_text[j - 1] in _NAME_BEFORE_POSS or (k < j < i and doc_text[k].islower()):
                    return True
            i = doc_text.find(poss, i + 1)
    return False


# stop words that end a company's name when a name word stands before them ("Acme National")
_NAME_ADJECTIVES: Final = frozenset(("National", "International", "Global", "Federal", "Central"))
# "the High Street", "Kansas City", "Greater Paris", "Inner Acmeland": a street or a part of a place
_STREET_WORDS: Final = frozenset(("Street", "City"))
_PLACE_PREFIXES: Final = frozenset(("Greater", "Great", "Upper", "Lower", "Inner", "Outer", "Little", "Old"))


def _stands_alone(word: str, nxt: str, text: str) -> bool:
    """Does ``text`` write ``word`` (as a whole word) anywhere but right before " ``nxt``"?"""
    return any(not text.startswith(" " + nxt, i + len(word)) for i in _word_starts(text, word))


def _written_alone(text: str, word: str) -> bool:
    """Does ``text`` write ``word`` mid-sentence after a lower-case word or a comma (not only as the
    tail of a longer capitalised name, "Zeta Beauty")?"""
    for i in _word_starts(text, word):
        j = i
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == i or j == 0:
            continue
        if text[j - 1] in ",;(":
            return True
        k = j
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
            k -= 1
        if k < j and text[k].islower():
            return True
    return False


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def apposition(sentence: str) -> str | None:
    """'its ... unit, NAME,' -> NAME."""
    if not _unit_before_comma(sentence):
        return None
    m = _APPOS_RE.search(sentence)
    return m.group("name") if m else None


# every match of ``_APPOS_RE`` holds one of these unit nouns (``_UNIT_NOUN_ENDS``) right before a comma


def _unit_before_comma(sentence: str) -> bool:
    """Does a unit noun end right before a comma of ``sentence``? Without one ``_APPOS_RE`` cannot
    match, and a few ``str`` tests per comma are far cheaper than its search at every offset (most
    sentences name no unit, nor a company with a possessive)."""
    i = sentence.find(",")
    while i >= 0:
        if sentence.endswith(_UNIT_NOUN_ENDS, 0, i):
            return True
        i = sentence.find(",", i + 1)
    return False


@dataclass
class SubjectResolver:
    """Resolves subjects within one article; caches mentions per sentence."""

    text: str
    sentences: list[tuple[int, int]]
    title: str | None = None
    _mentions: dict[int, list[Mention]] = field(default_factory=dict)
    _topics: dict[int, str | None] = field(default_factory=dict)
    _company_like: dict[str, bool] = field(default_factory=dict)
    _salient: list[str | None] = field(default_factory=list)
    _title_mentions: list[Mention] | None = None

    def mentions(self, idx: int) -> list[Mention]:
        if idx not in self._mentions:
            s, e = self.sentences[idx]
            self._mentions[idx] = find_mentions(self.text[s:e], self.text)
        return self._mentions[idx]

    def topic(self, idx: int) -> str | None:
        if idx not in self._topics:
            s, e = self.sentences[idx]
            sentence = self.text[s:e]
            app = apposition(sentence)
            # "told investors that once the acquisition of Acme was completed, ...": the company bought
            # is the object of a deal, not the sentence's topic
            ms = [m for m in self.mentions(idx) if not _deal_object_before(sentence, m.start)]
            sub = _SUBORDINATE_RE.match(sentence) if "," in sentence else None
            main = [m for m in ms if m.start >= sub.end()] if sub else []
            topic = app or (main[0].name if main else ms[0].name if ms else None)
            opening = None if topic is not None else self.opening_description(idx)
            if opening is not None:
                topic = opening  # "The home-goods retailer earned $2bn": the company described
            elif (
                topic is not None
                and not app
                and (_anaphor_start(sentence) or _opening_anaphor(sentence))
                and not _EXPLETIVE_IT_RE.match(sentence)
            ):
                # "The group is to set up a new Acme Services division": the group, told before, is
                # the topic; the name the sentence introduces is its object
                topic = self.previous_topic(idx) or topic
            self._topics[idx] = topic
        return self._topics[idx]

    def previous_topic(self, idx: int) -> str | None:
        """The topic of the nearest earlier sentence that has one (up to 7 back)."""
        return next((t for j in range(idx - 1, max(-1, idx - 8), -1) if (t := self.topic(j))), None)

    def title_mentions(self) -> list[Mention]:
        """The names of the headline (found once; the first sentence's, when that is the headline)."""
        if self._title_mentions is None:
            if not self.title:
                self._title_mentions = []
            elif self.sentences and self.text[self.sentences[0][0] : self.sentences[0][1]] == self.title:
                self._title_mentions = self.mentions(0)  # a text that opens with its headline
            else:
                self._title_mentions = find_mentions(self.title, self.text)
        return self._title_mentions

    def salient(self, idx: int) -> str | None:
        """The company the article is about, as of sentence ``idx``: among the topics of the 8
        sentences before it and the headline's first name, the one named most often so far (on a
        tie, the most recent). "The shares closed down 5%" after a quote that names another firm
        is about the article's company."""
        found: list[str] = []
        for j in range(idx - 1, max(-1, idx - 9), -1):
            t = self.topic(j)
            if t and not is_country(t) and t not in found:
                found.append(t)
        if self.title:
            tm = [m.name for m in self.title_mentions() if not is_country(m.name)]
            if tm and tm[0] not in found:
                found.append(tm[0])
        people = _titled_people(self.text)  # "Hariri" where the article writes "Mr Hariri": a person
        found = [n for n in found if n.split()[-1] not in people]
        if not found:
            return None
        seen = self.text[: self.sentences[idx][0]]
        return max(found, key=lambda n: (seen.count(n), -found.index(n)))

    def described(self, idx: int, cs: int, start: int) -> str | None:
        """'shares in the retailer' -> the most recent name introduced as a retailer
        ('US retailer Acme', 'Acme, the UK's biggest retailer,'), in this or the 15 earlier sentences;
        among several, the one named most often so far."""
        s0, _ = self.sentences[idx]
        d = _description_in(self.text, s0 + cs, s0 + start)
        if d is None:
            return None
        noun = d.group("noun").lower()
        intro_before = re.compile(rf"\b{re.escape(noun)}[ \t]+$", re.I)
        intro_after = re.compile(
            rf"[ \t]*,[ \t]+(?:the|a|an|[A-Z][\w-]*['’]s)[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?{re.escape(noun)}\b",
            re.I,
        )
        found: list[str] = []
        for j in range(idx, max(-1, idx - 16), -1):
            sj, _ = self.sentences[j]
            limit = d.start() - sj if j == idx else None
            for m in reversed(self.mentions(j)):
                if limit is not None and m.end > limit:
                    continue
                a, b = sj + m.start, sj + m.end
                if _rival_before(self.text, a):
                    continue  # "rival club Bexco": a name introduced as a rival is not the article's one
                if intro_before.search(self.text, max(0, a - 40), a) or intro_after.match(self.text, b):
                    found.append(m.name)
        if not found:
            # "The German-US carmaker saw profits fall", "shares in the fifth biggest US carrier": a
            # description of a company that the article never introduces by the noun is its main
            # company (a watchdog or a regulator is no company)
            if noun in _word_set("non_company_descriptors"):
                return None
            return self.main_company()
        # several names introduced with the noun ("Acme, the bank ... Bexco, the biggest bank"):
        # the one the article names most often so far; on a tie the most recent
        seen = self.text[: d.start()]
        return max(found, key=lambda n: (seen.count(n), -found.index(n)))

    def opening_description(self, idx: int) -> str | None:
        """The company a sentence that names none opens with as a description ("The home-goods
        retailer earned $2bn, as sales rose 3%"): the subject of all its clauses."""
        s0, e0 = self.sentences[idx]
        if self.mentions(idx):  # (asked first: the sentence's names are found once, the regex each time)
            return None
        lead = _OPENING_DESCRIPTION_RE.match(self.text, s0, e0)
        # (each match of ``_DESCRIPTION_RE`` starts with "the" or "The")
        if (
            lead is None
            or not self.text.startswith(("The", "the"), lead.end(), e0)
            or _DESCRIPTION_RE.match(self.text, lead.end(), e0) is None
        ):
            return None
        return self.described(idx, lead.end() - s0, e0 - s0)

    def _relative_reference(self, idx: int, cs: int, start: int) -> str | None:
        """A relative clause told of a description is the described company's ("Kandra controls 40% of
        the group, which is worth $12bn": a generic "the group" is the article's company)."""
        sentence = self.text[self.sentences[idx][0] : self.sentences[idx][1]]
        d = _RELATIVE_DESCRIPTION_RE.search(sentence, max(0, cs - 50), cs)
        if d is None:
            return None
        noun = d.group("noun").lower()
        appos = [m for m in self.mentions(idx) if _APPOS_GAP_RE.fullmatch(sentence, m.end, d.start())]
        if appos:
            return appos[-1].name  # "Acme, the mining company, which employs 9,000"
        if noun == "group":
            return self.main_company()  # "of the group, which is worth": the article's group
        if noun in _GENERIC_NOUNS:
            return None
        return self.described(idx, d.start(), start)

    def unit_named(self, idx: int, cs: int, start: int) -> str | None:
        """The unit "the unit" means ("The unit was sold for $3bn"): the one the article named last
        ("its Pelmar unit", "its oil unit, Pelmar", "subsidiary Pelmar"), here or 8 sentences back."""
        sentence = self.text[self.sentences[idx][0] : self.sentences[idx][1]]
        if "the " not in sentence[cs:start].lower() or not _THE_UNIT_RE.search(sentence, cs, start):
            return None
        if any(cs <= m.start and m.end <= start for m in self.mentions(idx)):
            return None
        for j in range(idx, max(-1, idx - 9), -1):
            sj, _ = self.sentences[j]
            limit = sj + cs if j == idx else None
            for m in reversed(self.mentions(j)):
                a, b = sj + m.start, sj + m.end
                if limit is not None and b > limit:
                    continue
                if _UNIT_AFTER_NAME_RE.match(self.text, b) or _UNIT_BEFORE_NAME_RE.search(
                    self.text, max(0, a - 30), a
                ):
                    return m.name
        return None

    def company_like(self, name: str) -> bool:
        """Does the article use ``name`` as a company anywhere (``company_like`` below)?"""
        if name not in self._company_like:
            self._company_like[name] = company_like(name, self.text)
        return self._company_like[name]

    def weak(self, name: str) -> bool:
        """A name the article never uses as a company ("Failure to act", "in Zedpur", "with Cheese"):
        no fallback subject when the article has a salient company."""
        return not self.company_like(name)

    def article_company(self) -> str | None:
        """The article's main company: the name of the title or the lead the article uses most as
        a company (``salient_company``); None when no such name is told there."""
        if not self._salient:
            self._salient.append(salient_company(self))
        return self._salient[0]

    def _possessed(self, ms: list[Mention], m: Mention, sentence: str) -> Mention:
        """A possessor ("Zedford's Acme Centre said sales rose") the article never uses as a company
        (a place) before a name; the name it owns is the subject."""
        if sentence.startswith(("'s ", "’s ", "' ", "’ "), m.end) and self.weak(m.name):
            nxt = [x for x in ms if x.start > m.end and not sentence[m.end : x.start].strip(" '’s")]
            if nxt:
                return nxt[0]
        return m

    def main_company(self) -> str | None:
        """The company a description ("the carmaker") means when the article never introduces one
        by the noun: the group named as a parent ("at parent Acme"), else the salient company."""
        parent = parent_company(self.text)
        if parent is not None and self.company_like(parent):
            return parent
        return self.article_company()

    def _earlier_topic(self, idx: int) -> str | None:
        """The topic of the nearest earlier sentence (up to 7 back); a weak topic ("Failure to ...")
        is passed over when the article has a salient company, which is the last resort."""
        weak_seen: str | None = None
        for j in range(idx - 1, max(-1, idx - 8), -1):
            t = self.topic(j)
            if not t:
                continue
            if self.weak(t) and self.article_company() is not None:
                weak_seen = weak_seen or t
                continue
            return t
        if weak_seen is not None:
            return self.article_company()
        return None

    def resolve(self, idx: int, start: int, clauses: Clauses) -> str | None:
        """Subject for a figure starting at ``start`` (offset into sentence ``idx``)."""
        ms = self.mentions(idx)
        cs, _ = clauses.clause(start)
        sentence = clauses.text
        relative = _relative_start(sentence, cs, start)
        unit = _own_unit(sentence, cs, start, ms, relative)
        if unit is not None:
            return unit
        if relative:
            ante = [
                m
                for m in ms
                if m.end <= cs
                and _ANTECEDENT_GAP_RE.match(sentence[m.end : cs])
                and not _VERB_GAP_RE.search(sentence, m.end, cs)
            ]
            if ante:
                return ante[-1].name
            ref = self._relative_reference(idx, cs, start)
            if ref is not None:
                return ref
        in_clause = [m for m in ms if cs <= m.start and m.end <= start]
        helped = _helped_between(sentence, in_clause[0].end, start) if in_clause else None
        if helped is not None:
            # "Bexco's sales helped the carmaker boost profit by $2m": the figure is the helped one's
            obj = helped.end()
            named = [m for m in ms if m.start == obj]
            if named:
                return named[0].name
            if _PRONOUN_OBJECT_RE.match(sentence, obj):
                return self._earlier_topic(idx) or in_clause[0].name
            s0 = self.sentences[idx][0]
            if _DESCRIPTION_RE.match(self.text, s0 + obj):
                return self.described(idx, obj, start) or in_clause[0].name
        if in_clause:
            in_clause = _reported_actor(sentence, in_clause)
            # "with Acme rising 5% and Bexco gaining 4%": after a figure and "and", the next name
            if _and_between(sentence, in_clause[0].end, start):
                for k in _AND_AFTER_FIGURE_RE.finditer(sentence, in_clause[0].end, start):
                    later = [m for m in in_clause if m.start >= k.end()]
                    if later:
                        return later[0].name
            site = _site_after(sentence, in_clause[0].end)
            if site is not None:
                return f"{in_clause[0].name} {site.group(1)}"  # "the Acme plant at Zed employs 900"
            return self._possessed(ms, in_clause[0], sentence).name
        unit = self.unit_named(idx, cs, start)
        if unit is not None:
            return unit
        described = self.described(idx, cs, start)
        if described:
            return described
        before = [m for m in ms if m.end <= start and not _deal_object_before(sentence, m.start)]
        if before:
            before = _reported_actor(sentence, before)
            site = _site_after(sentence, before[0].end)
            if site is not None:
                return f"{before[0].name} {site.group(1)}"  # "the Acme plant at Zed ... employs 900"
            return self._possessed(ms, before[0], sentence).name
        if cs and (opening := self.opening_description(idx)):
            return opening  # "The retailer earned $2bn, as revenue rose 3%": the opener's clauses too
        if _OPENING_PHRASE_RE.match(sentence, 0, cs + 1 if cs else len(sentence)):
            # "Beyond the 12,000 job cuts at its plants, Acme is ...": the opening phrase's figure
            # belongs to the main clause's subject, named right after the phrase's comma
            _, ce = clauses.clause(start)
            if sentence.startswith(",", ce):
                nxt = [m for m in ms if m.start > ce and not sentence[ce + 1 : m.start].strip()]
                if nxt:
                    return nxt[0].name
        t = self._earlier_topic(idx)
        if t:
            return t
        if self.title:
            tm = self.title_mentions()
            if tm:
                return tm[0].name
        if idx <= 2 and _LEAD_DESCRIPTION_RE.search(sentence, 0, start):
            # "Utopia's largest card firm has been rescued ..." opening the article, named only in the
            # next sentence ("Acme Card had been ..."): the company the description introduces
            for j in range(idx + 1, min(len(self.sentences), idx + 3)):
                if t := self.topic(j):
                    return t
        return None


# "Acme said Bexco would cut 500 jobs", "Cook said on Monday that Acme employs 450": a name right after
# a reporting verb is the reported clause's actor; the name before the verb only tells who said it
_REPORTED_GAP_RE: Final = re.compile(
    r"[ \t]+(?:said|says|announced|reported|added|warned|confirmed|stated)"
    r"(?:[ \t]+(?:on|late on|early on)[ \t]+[A-Z][a-z]+day)?(?:[ \t]+that)?[ \t]+"
)


# "Acme said Bexco will pay 200m euros": the payer is the buyer; what it buys is the teller's
_PAYER_AFTER_RE: Final = re.compile(
    r"[ \t]+(?:(?:will|would|is to|has agreed to|agreed to|is set to|plans to)[ \t]+)?"
    r"(?:pay|pays|paid|buy|buys|bought|acquire|acquires|acquired|purchase|purchased|offer|offers|offered|"
    r"bid|bids)\b"
)


def _reported_actor(sentence: str, in_clause: list[Mention]) -> list[Mention]:
    """``in_clause`` from the last name that a reporting verb puts right after an earlier one
    ("Acme said Bexco ..." -> from Bexco); a place after the verb ("Acme said UK sales") is no actor,
    and a buyer ("Acme said Bexco will pay ...") pays for what the teller sells."""
    for k in range(len(in_clause) - 1, 0, -1):
        later = in_clause[k]
        if (
            not is_country(later.name)
            and _REPORTED_GAP_RE.fullmatch(sentence, in_clause[k - 1].end, later.start)
            and not _PAYER_AFTER_RE.match(sentence, later.end)
        ):
            return in_clause[k:]
    return in_clause


# "The home-goods retailer earned ...": a sentence that opens with a description as its subject
_OPENING_DESCRIPTION_RE: Final = re.compile(r"[\s\"'“‘(]*")
# "of the group, which is worth $12bn", "the retailer - which employs 900 -": a description right before
# a relative clause is its antecedent
_GENERIC_NOUNS: Final = frozenset(("company", "group", "firm", "business"))
_APPOS_GAP_RE: Final = re.compile(r"['’]?[ \t]*,[ \t]*")
_RELATIVE_DESCRIPTION_RE: Final = re.compile(
    r"\b[Tt]he[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?P<noun>company|group|firm|business|"
    + "|".join(
        re.escape(n) for n in sorted(_subject_data().get("descriptor_nouns", []), key=len, reverse=True)
    )
    + r")[ \t]*[,\-–—]?[ \t]*$"
)
# "The unit was sold", "the division's sales": a unit told by its noun alone; named before as "its Pelmar
# unit", "its oil unit, Pelmar" or "subsidiary Pelmar"
_UNIT_WORDS: Final = r"unit|division|subsidiary|arm"
_THE_UNIT_RE: Final = re.compile(rf"\b[Tt]he[ \t]+(?:[a-z][\w-]*[ \t]+)?(?:{_UNIT_WORDS})\b(?![-'’])")
_UNIT_AFTER_NAME_RE: Final = re.compile(rf"[ \t]+(?:{_UNIT_WORDS})\b")
_UNIT_BEFORE_NAME_RE: Final = re.compile(rf"\b(?:{_UNIT_WORDS})[ \t]*,?[ \t]+$")
_RIVAL_BEFORE_RE: Final = re.compile(r"\b[Rr]ivals?\b[^,.;]*$")


def _rival_before(text: str, a: int) -> bool:
    """``_RIVAL_BEFORE_RE.search(text, max(0, a - 30), a) is not None``; each match holds "ival"."""
    lo = max(0, a - 30)
    return text.find("ival", lo, a) >= 0 and _RIVAL_BEFORE_RE.search(text, lo, a) is not None


# "Bexco's results helped the carmaker (to) boost profit": the helped one owns the figure after it
_HELPED_RE: Final = re.compile(r"\b(?:help(?:ed|s)?|enabled|allowed)[ \t]+")
_PRONOUN_OBJECT_RE: Final = re.compile(r"(?:it|them|the[ \t]+(?:company|firm|group))\b")

# "its brokerage unit, which employs 4,000 staff", "its film division saw profits fall 5%": the unit
# the text names as the figure's owner, in its own words
_UNIT_NOUNS: Final = r"unit|division|arm|subsidiary|plant|factory|mill|refinery"
_OWN_UNIT_RELATIVE_RE: Final = re.compile(
    rf"\b(?:its|their)[ \t]+(?P<u>(?:[a-z][\w-]*[ \t]+){{1,2}}?(?:{_UNIT_NOUNS}))[ \t]*,?[ \t]*$"
)
_OWN_UNIT_SUBJECT_RE: Final = re.compile(
    rf"\b(?:its|their)[ \t]+"
    rf"(?P<u>(?:[a-z][\w-]*[ \t]+){{1,2}}?(?:{_UNIT_NOUNS}))[ \t]+"
    r"(?:saw|has|had|posted|reported|made|employs|employed|earned|lost|grew|increased|cut|is|was)\b",
    re.IGNORECASE,
)
_SITE_AFTER_RE: Final = re.compile(
    r"[ \t]+(plant|factory|mill|refinery|works)\b(?![ \t]+(?:workers|staff|closures?))"
)
_SITE_WORDS: Final = ("plant", "factory", "mill", "refinery", "works")
# every match of ``_OWN_UNIT_SUBJECT_RE`` holds "its" or "their" and one of its unit nouns
_OWN_UNIT_SUBJECT_GATE: Final = LiteralGate(_OWN_UNIT_SUBJECT_RE.pattern, _OWN_UNIT_SUBJECT_RE.flags)
_UNIT_NOUN_GATE: Final = LiteralGate(rf"(?:{_UNIT_NOUNS})", _OWN_UNIT_SUBJECT_RE.flags)


def _site_after(sentence: str, end: int) -> re.Match[str] | None:
    """``_SITE_AFTER_RE.match(sentence, end)``: each match is blanks and then one of ``_SITE_WORDS``;
    without them, no match."""
    j = _skip_space(sentence, end)
    if j == end or not sentence.startswith(_SITE_WORDS, j):
        return None
    return _SITE_AFTER_RE.match(sentence, end)


# the first letters of the words of ``_RELATIVE_RE``: case-blind, only these characters match them
_RELATIVE_FIRST: Final = "wWtTvVpP"


def _relative_start(sentence: str, cs: int, start: int) -> bool:
    """``_RELATIVE_RE.match(sentence[cs:start]) is not None``: after the spaces (``\\s``:
    ``str.isspace``) each match starts with a letter of ``_RELATIVE_FIRST``; without one, no match."""
    j = cs
    while j < start and sentence[j].isspace():
        j += 1
    return j < start and sentence[j] in _RELATIVE_FIRST and _RELATIVE_RE.match(sentence[cs:start]) is not None


# each match of ``_DEAL_OBJECT_RE`` holds one of these
_DEAL_WORDS: Final = ("acquisition", "takeover", "purchase")


def _deal_object_before(sentence: str, start: int) -> bool:
    """``_DEAL_OBJECT_RE.search(sentence, max(0, start - 50), start) is not None``; without one of
    ``_DEAL_WORDS`` in that window, no match."""
    lo = max(0, start - 50)
    for w in _DEAL_WORDS:
        if sentence.find(w, lo, start) >= 0:
            return _DEAL_OBJECT_RE.search(sentence, lo, start) is not None
    return False


_HELPED_WORDS: Final = ("help", "enabled", "allowed")


def _helped_between(sentence: str, lo: int, hi: int) -> re.Match[str] | None:
    """``_HELPED_RE.search(sentence, lo, hi)``; without one of ``_HELPED_WORDS`` there, no match."""
    for w in _HELPED_WORDS:
        if sentence.find(w, lo, hi) >= 0:
            return _HELPED_RE.search(sentence, lo, hi)
    return None


def _and_between(sentence: str, lo: int, hi: int) -> bool:
    """Can ``_AND_AFTER_FIGURE_RE`` match in ``sentence[lo:hi]``? Each match holds "and" or
    "as well as"."""
    return sentence.find("and", lo, hi) >= 0 or sentence.find("as well as", lo, hi) >= 0


# each match of ``_DESCRIPTION_RE`` holds one of its nouns (after "the" and a blank)
_DESCRIPTION_GATE: Final = LiteralGate(_DESCRIPTION_RE.pattern, _DESCRIPTION_RE.flags)


def _description_in(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``_DESCRIPTION_RE.search(text, lo, hi)``; without "he" and a blank (of ``[Tt]he[ \\t]+``) and
    one of its nouns there, no match."""
    if text.find("he ", lo, hi) < 0 and text.find("he\t", lo, hi) < 0:
        return None
    if not _DESCRIPTION_GATE.may_match(text, lo, hi):
        return None
    return _DESCRIPTION_RE.search(text, lo, hi)


def _own_unit(sentence: str, cs: int, start: int, ms: list[Mention], relative: bool) -> str | None:
    """'brokerage unit' for a figure its clause gives to "its brokerage unit" (no name in between);
    ``relative``: the clause opens with a relative word (``_relative_start``)."""
    if relative:
        m = _OWN_UNIT_RELATIVE_RE.search(sentence, max(0, cs - 60), cs)
        if m is not None and not any(m.start() <= x.start < start for x in ms):
            return m.group("u")
        return None
    seg = sentence[cs:start]
    low = lower_for_words(seg)
    if not (
        _OWN_UNIT_SUBJECT_GATE.may_match_lowered(low, seg) and _UNIT_NOUN_GATE.may_match_lowered(low, seg)
    ):
        return None
    m = _OWN_UNIT_SUBJECT_RE.search(sentence, cs, start)
    if m is not None and not any(m.start() <= x.start < start for x in ms):
        return m.group("u")
    return None


_LEAD_DESCRIPTION_RE: Final = re.compile(
    r"\b(?:[Tt]he|[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?['’]s?)[ \t]+(?:[\w-]+[ \t]+){0,4}?"
    r"(?:firm|company|group|bank|lender|carrier|airline|retailer|maker|producer|operator|insurer|"
    r"brewer|chain|giant|conglomerate)[ \t]+(?:has|had|is|was|will|have|said|says)\b"
)


# plain string checks for the sentence-initial name test of ``find_mentions``: a regex per name
# would be compiled for each sentence (and churn ``re``'s cache)
_NAME_BEFORE: Final = frozenset("abcdefghijklmnopqrstuvwxyz,;(")


def _at_boundary(text: str, i: int) -> bool:
    """``\\b`` at offset ``i`` of ``text``, as ``re`` reads it (a word character is alphanumeric or "_")."""
    left = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    right = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return left != right


def _word_starts(text: str, word: str) -> Iterator[int]:
    """Offsets where ``text`` writes ``word`` as whole words (``\\b`` on both sides)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if _at_boundary(text, i) and _at_boundary(text, i + n):
            yield i
        i = text.find(word, i + 1)


def _occurs(text: str, needle: str, before: frozenset[str] | None = None) -> bool:
    """``re.search(rf"\\b{re.escape(needle)}\\b", text)``; with ``before``, one of those characters
    instead of the first ``\\b``: ``re.search(rf"[{before}]{re.escape(needle)}\\b", text)``."""
    n = len(needle)
    i = text.find(needle)
    while i >= 0:
        start_ok = _at_boundary(text, i) if before is None else i > 0 and text[i - 1] in before
        if start_ok and _at_boundary(text, i + n):
            return True
        i = text.find(needle, i + 1)
    return False


# --- company-likeness and salience -------------------------------------------------------------
# How an article uses a name tells a company from a junk capitalised word: a company is the actor of
# business verbs ("Acme said", "Acme has"), owns business things ("Acme's shares", "Acme's chairman"),
# is described as one ("carmaker Acme", "shares in Acme", "Acme, the retailer,"), or has a company
# word in its name. A place ("in Chennai"), a sentence-opening common word ("Failure to act"), a
# disease or a product is used in none of these ways.
_BIZ_AFTER_RE: Final = re.compile(
    r"(?:['’]s?)?[ \t]+(?:(?:also|now|then|still|last[ \t]+\w+|has|have|had)[ \t]+)?"
    r"(?:has|have|had|is|was|were|will|would|could|said|says|reported|reports|posted|made|makes|"
    r"announced|saw|sees|sold|sells|bought|buys|raised|cut|cuts|expects|expected|plans|planned|agreed|"
    r"warned|employs|employed|owns|owned|operates|runs|launched|took|beat|enjoyed|suffered|controls|"
    r"added|earned|lost|filed|hopes|aims|wants|faces|needs|offered|paid|pays|revealed|confirmed|"
    r"reckons|estimates|blamed|managed|shed|spent|invested|signed|won|opened|closed)\b"
)
_BIZ_POSS_RE: Final = re.compile(
    r"['’]s?[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?"
    r"(?:shares?|stock|profits?|sales|revenues?|turnover|earnings|results|chairman|chairwoman|chief|"
    r"boss|board|shareholders|stake|customers|subscribers|staff|workforce|employees|workers|debts?|"
    r"stores|shops|brands?|products|division|unit|subsidiary|plants?|factories|operations|business|"
    r"accounts|management|executives?|spokes(?:man|woman|person)|bid|offer|takeover|market[ \t]+share)\b"
)
_ROLE_AFTER_NAME_RE: Final = re.compile(
    r"[ \t]+(?:spokes(?:man|woman|person)|chief[ \t]+executive|chairman|chairwoman|boss|shares|"
    r"shareholders|board)\b"
)
_BIZ_BEFORE_RE: Final = re.compile(
    r"\b(?:shares[ \t]+(?:in|of)|stake[ \t]+in|bid[ \t]+for|offer[ \t]+for|takeover[ \t]+of|"
    r"parent|rival|rivals|owner|subsidiary|firm|company|group)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_COMPANY_SUFFIXES: Final = frozenset(
    ("Inc", "Corp", "Corporation", "Co", "Ltd", "plc", "PLC", "Plc", "AG", "SA", "NV", "Group", "LLC")
)
_PARENT_RE: Final = re.compile(r"\bparent(?:[ \t]+(?:company|group|firm))?[ \t]+(?=[A-Z])")


def _count_word(text: str, name: str) -> int:
    """How often ``text`` writes ``name`` as whole words (a longer name it starts counts)."""
    return sum(1 for _ in _word_starts(text, name))


@lru_cache(maxsize=1)
def _describes_before_re() -> re.Pattern[str]:
    """'carmaker Acme', 'US retailer Acme': a descriptor noun or word right before the name."""
    words = (_word_set("descriptor_nouns") | _word_set("unit_nouns") | _descriptor_words()) - {"exchange"}
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"\b(?:{alt})[ \t]+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _appos_descriptor_re() -> re.Pattern[str]:
    """'Acme, the world's largest restaurant chain,': an apposition that ends in a descriptor noun."""
    words = _word_set("descriptor_nouns") | _word_set("unit_nouns")
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(
        rf"(?:['’]s?)?[ \t]*,[ \t]+(?:the|a|an|[A-Z][\w-]*['’]s)[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?"
        rf"(?:{alt})(?:[ \t]*[,.;]|[ \t]+(?:which|that|has|is|was|said)\b)"
    )


def company_like(name: str, text: str) -> bool:
    """Does ``text`` use ``name`` as a company's name anywhere? A company word or suffix in it
    ("Acme Airlines", "Acme Inc") or the gazetteer says so; else one of its occurrences must be
    the actor of a business verb, own a business thing, or be described as a company."""
    words = _POSS_RE.sub("", name).split()
    if not words or all(is_country(w) for w in words) or is_institution(name):
        return False
    if name in _config()[3] or any(w in _company_words() or w in _COMPANY_SUFFIXES for w in words[1:]):
        return True
    n = len(name)
    for i in _word_starts(text, name):  # noqa: SIM110 (a plain loop: no generator under mypyc)
        if _company_use_at(text, i, i + n):
            return True
    return False


def _company_use_at(text: str, i: int, e: int) -> bool:
    """Is the name at ``text[i:e]`` used as a company's? The tests of ``company_like``, each regex
    behind the characters every match of it needs next to the name: an apostrophe, a space or a tab
    after it (``_BIZ_AFTER_RE``, ``_BIZ_POSS_RE``, ``_ROLE_AFTER_NAME_RE``), a comma after blanks and
    maybe a possessive (``_appos_descriptor_re``), a space, a tab or a line break before it (the
    ``[ \\t]+$`` of ``_BIZ_BEFORE_RE`` and ``_describes_before_re``: ``$`` also matches before a
    final line break)."""
    c = text[e : e + 1]
    poss = c == "'" or c == "’"
    blank = c == " " or c == "\t"
    if (poss or blank) and _BIZ_AFTER_RE.match(text, e) is not None:
        return True
    if poss and _BIZ_POSS_RE.match(text, e) is not None:
        return True
    if blank and _ROLE_AFTER_NAME_RE.match(text, e) is not None:
        return True
    if _comma_after_possessive(text, e) and _appos_descriptor_re().match(text, e) is not None:
        return True
    if i > 0 and text[i - 1] in " \t\n":
        lo = max(0, i - 30)
        if (
            _BIZ_BEFORE_RE.search(text, lo, i) is not None
            or _describes_before_re().search(text, lo, i) is not None
        ):
            return True
    return False


def _comma_after_possessive(text: str, e: int) -> bool:
    """Is there a comma after blanks at ``e``, or after a possessive ("'", "'s", "’", "’s") there?
    Each match of ``_appos_descriptor_re`` starts so (``(?:['’]s?)?[ \\t]*,``)."""
    if _comma_next(text, e):
        return True
    if text.startswith(("'", "’"), e):
        return _comma_next(text, e + 1) or (text.startswith("s", e + 1) and _comma_next(text, e + 2))
    return False


def salient_company(resolver: SubjectResolver) -> str | None:
    """The article's main company: among the names of the title and the lead sentence that the
    article uses as a company and writes at least twice, the one scored highest (occurrences,
    plus two for the title and two for the lead); None when there is none."""
    text, title = resolver.text, resolver.title
    cands: list[str] = []
    if title:
        cands.extend(m.name for m in resolver.title_mentions())
    lead = None
    for j, (s, e) in enumerate(resolver.sentences[:3]):
        body = text[s:e].strip()
        if body and (not title or body != title.strip()):
            lead = body
            cands.extend(m.name for m in resolver.mentions(j))
            break
    best, best_score = None, 0
    people = _titled_people(text)  # "Glazer" where the article writes "Mr Glazer": a person, no company
    for name in dict.fromkeys(cands):
        if is_institution(name) or all(is_country(w) for w in name.split()) or name.split()[-1] in people:
            continue
        count = _count_word(text, name)
        if count < 2 or not resolver.company_like(name):
            continue
        score = count
        score += 2 if title and _count_word(title, name) else 0
        score += 2 if lead and _count_word(lead, name) else 0
        if score > best_score:
            best, best_score = name, score
    return best


def parent_company(text: str) -> str | None:
    """'at parent Acme', 'its parent company Acme': the group the article names as the parent."""
    m = _PARENT_RE.search(text)
    if m is None:
        return None
    found = _NAME_RE.match(text, m.end())
    return _strip_possessive(found.group(0)) if found else None
