"""Round ``speed6``: the cue candidates of an ASCII sentence found without a regex
(``extractors.scan._AsciiStarts``) are the offsets of the lower-cased trie regex they replace, and
``find_cues`` finds what the full regex finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import metrics as M
from extractors.scan import AlternationScanner, _AsciiStarts

_CUES = M._compiled()[0]
_SMALL = [
    ("p0", "valu(?:e|ed) (?:\\w+ ){0,2}at|abcd"),
    ("p1", "ab|x|inve\\w*|q-z"),
    ("p2", "[\\w-]*abce"),
    ("p3", "a b|k"),
]
_SMALL_IC = AlternationScanner(_SMALL, re.IGNORECASE, r"(?<![\w-])", r"(?![\w])")
_SCANNERS = [_CUES, _SMALL_IC]


def _regex_positions(scanner: AlternationScanner, text: str, narrow: bool) -> list[int]:
    """The offsets ``findall`` used before ``_AsciiStarts``: the lower-cased trie regex, and 0
    where ``at_zero`` matches the text itself."""
    rx = scanner._ascii_narrow if narrow else scanner._ascii_cand
    at_zero = (scanner._narrow2 if narrow else scanner._cand2)[1]
    assert rx is not None and at_zero is not None
    out = [m.end() for m in rx.finditer(text.lower())]
    if at_zero.match(text):
        out.insert(0, 0)
    return out


def _starts(scanner: AlternationScanner, narrow: bool) -> _AsciiStarts:
    starts = scanner._starts_narrow if narrow else scanner._starts
    assert starts is not None
    return starts


def _check(text: str) -> None:
    assert text.isascii()
    for scanner in _SCANNERS:
        for narrow in (False, True):
            assert _starts(scanner, narrow).positions(text.lower()) == _regex_positions(
                scanner, text, narrow
            ), (
                text,
                narrow,
            )
        _check_matches(scanner, text)


def _check_matches(scanner: AlternationScanner, text: str) -> None:
    """``findall`` and ``finditer`` find the full regex's matches, with the candidates of
    ``_AsciiStarts`` (used where the module is compiled) and with the regex ones."""
    want = [(m.start(), m.end(), m.lastgroup) for m in scanner.full.finditer(text)]
    use = scanner._use_starts
    try:
        for scanner._use_starts in (True, False):
            assert scanner.findall(text) == want
            assert list(scanner.finditer(text)) == want
    finally:
        scanner._use_starts = use


# the cue scanner's own prefixes (both cases), cue words, the gate words, separators of every
# kind, hyphens, underscores, digits and capitals
_PREFIXES = sorted(set().union(*_CUES._four))
_BITS = sorted(
    {*_PREFIXES, *(t.upper() for t in _PREFIXES), *(t.title() for t in _PREFIXES)}
    | {
        "market share", "Market Share", "revenue", "REVENUES", "sales", "profit", "valued at", "bail-out",
        "bailout", "rescue package", "workers", "Workers", "worth", "the", "The ", "of", "in", "a", "A",
        "to", "jobs", "job cuts", "users", "share price", "abcd", "abce", "ab", "x", "q-z", "a b", "k",
        "inve", "value", "valued", " ", "  ", ",", ".", "(", ")", "$", "%", "'", '"', "\n", "\t", "/", ":",
        ";", "-", "--", "_", "0", "12", "3.5", "2bn", "US", "UK", "IT", "?", "!", "&", "+", "*", "=",
    }
)  # fmt: skip
_TEXT = st.lists(st.sampled_from(_BITS), max_size=24).map("".join)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "a",
        "A",
        "k",
        "-k",
        "Its market share rose to 12%, worth $3bn.",
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.",
        "The firm's 2,000 WORKERS (and staff) -- job cuts: 300.",
        "of of of the the",
        "Revenue_rose; profit-fell/sales.up",
        "bail-out\nrescue package\tvalued at",
        "abcd-ab x,X q-z Q-Z a b",
        "x",
        "share",
        "sh",
        "the",
        "the ",
        "12abc 3-x _ab",
    ],
)
def test_positions_table(text: str) -> None:
    _check(text)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_positions_equal_regex(text: str) -> None:
    """On ASCII text the word starts and prefix sets give the trie regex's offsets (both the
    full and the narrowed candidate sets) and ``findall`` the full regex's matches."""
    _check(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_BITS, "£", "’", "é", "\u0130", "\u212a", "\u017f", "Σ"]), max_size=16).map(
        "".join
    )
)
def test_findall_equals_full_regex(text: str) -> None:
    """With non-ASCII characters too (the regex candidates are kept for them)."""
    for scanner in _SCANNERS:
        _check_matches(scanner, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 5% and its market share reached 12%, with 3,000 workers; the company is worth $2bn.",
        "Revenue at the unit fell to \u00a31.2bn, the firm\u2019s valuation to $9bn.",
    ],
)
def test_find_cues_table(text: str) -> None:
    groups = M._compiled()[1]
    want = [
        M.CueHit(m.start(), m.end(), groups[str(m.lastgroup)].metric, groups[str(m.lastgroup)].priority)
        for m in _CUES.full.finditer(text)
    ]
    assert want
    assert M.find_cues(text) == want


def test_built_only_where_it_holds() -> None:
    """No ``_AsciiStarts`` where there is no lower-cased trie regex, or where the separators
    leave out the space or a prefix can start with a separator."""
    assert _CUES._starts is not None and _CUES._starts_narrow is not None
    assert _CUES._starts is not _CUES._starts_narrow  # the cue scanner has gate words
    assert AlternationScanner(_SMALL, 0, r"(?<![\w-])", r"(?![\w])")._starts is None
    no_space = AlternationScanner(_SMALL, re.IGNORECASE, r"(?<![\w\s-])", r"(?![\w])")
    assert no_space._ascii_cand is not None and no_space._starts is None
    sep_start = AlternationScanner([("p", "[.]ab|cd")], re.IGNORECASE, r"(?<![\w-])", r"(?![\w])")
    assert sep_start._ascii_cand is not None and sep_start._starts is None
    for scanner in (no_space, sep_start):
        for text in ("ab cd .ab x.ab", "A\tB .AB CD", ""):
            _check_matches(scanner, text)


def test_walk_where_compiled() -> None:
    """The cue scanner walks the table where ``extractors.scan`` is compiled, else the regex runs."""
    import extractors.scan as S

    assert _CUES._use_starts is (not S.__file__.endswith(".py"))


def test_gated_parts_tried_on_their_own() -> None:
    """The two-character buckets leave out the gated parts ("[\\w-]*workers"): ``_gated_rx`` holds
    them, tried only in texts with a gate literal."""
    gated = [_CUES._parts[i][1] for i in sorted(_CUES._gated)]
    assert "[\\w-]*workers" in gated and len(gated) == len(_CUES._gates)
    assert _CUES._gated_rx is not None and _CUES._gated_rx[2] == sorted(_CUES._gated)
    bucket = _CUES._bucket2("ma")
    assert bucket is not None and not any(p in bucket[0].pattern for p in gated)
    for text in (
        "Its market share rose to 12%.",
        "Its 300 workers, worth $3bn.",
        "Staff fell to 12 in total.",
    ):
        _check_matches(_CUES, text)


# a gated part and others that match at the same offset: the first in order wins
_ORDERS = [
    [("g", "[\\w-]*abce"), ("n", "xabce|ab")],
    [("n", "xabce|ab"), ("g", "[\\w-]*abce")],
    [("n", "xab"), ("g", "[\\w-]*abce"), ("m", "xabc\\w*")],
    [("n", "xa\\w*c"), ("g", "[a-z-]*xabce[a-z]*"), ("m", "xa\\w+")],
]
_ORDER_SCANNERS = [AlternationScanner(o, re.IGNORECASE, r"(?<![\w-])", r"(?![\w])") for o in _ORDERS]
_ORDER_BITS = [
    "xabce",
    "XABCE",
    "abce",
    "xab",
    "xabc",
    "xabcd",
    "ab",
    "x",
    "e",
    " ",
    "-",
    ".",
    "\u00e9",
    "\u212a",
]


@pytest.mark.parametrize("text", ["xabce", "xab xabce abce", "XABCEx abce-", "xabcd xabc", ""])
def test_gated_order_table(text: str) -> None:
    for scanner in _ORDER_SCANNERS:
        assert scanner._gated_rx is not None
        _check_matches(scanner, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ORDER_BITS), max_size=12).map("".join))
def test_gated_order_equals_full_regex(text: str) -> None:
    for scanner in _ORDER_SCANNERS:
        _check_matches(scanner, text)
