"""Every shared feed parses: real ones give entries with absolute URLs and UTC
dates; edge cases give entries or a clear FeedError, never a crash."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pipeline.encoding import decode_body
from pipeline.feeds import FeedError, parse_feed

SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
FEEDS = SHARED / "data" / "feeds"
BASE = "https://feeds.example.org/news/feed.xml"
MOJIBAKE = ("Ã", "â€", "Â", "\ufffd")


def _files(kind: str) -> list[Path]:
    folder = FEEDS / kind
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.exists() else []


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


needs_shared = pytest.mark.skipif(not FEEDS.exists(), reason=f"{FEEDS} absent")
REAL = _files("real")
EDGE = _files("edge_cases")


@needs_shared
@pytest.mark.parametrize("path", REAL, ids=_ids(REAL))
def test_real_feed_gives_absolute_urls_and_utc_dates(path: Path):
    parsed = parse_feed(path.read_bytes(), BASE)
    assert parsed.title and not any(m in parsed.title for m in MOJIBAKE), parsed.title
    assert len(parsed.entries) >= 2
    for entry in parsed.entries:
        parts = urlsplit(entry.url)
        assert parts.scheme in ("http", "https") and parts.netloc, entry.url
        assert entry.published_at is None or entry.published_at.endswith("+00:00")
        assert entry.title is None or not any(m in entry.title for m in MOJIBAKE), entry.title
    if b"<pubDate>" in path.read_bytes() or b"<published>" in path.read_bytes():
        assert all(e.published_at for e in parsed.entries), "a dated feed lost its dates"


@needs_shared
@pytest.mark.parametrize("path", EDGE, ids=_ids(EDGE))
def test_edge_case_gives_entries_or_a_clear_error(path: Path):
    try:
        parsed = parse_feed(path.read_bytes(), BASE)
    except FeedError as exc:
        assert str(exc)  # a reason, not a crash
        return
    for entry in parsed.entries:
        assert urlsplit(entry.url).scheme in ("http", "https")
        assert entry.published_at is None or entry.published_at.endswith("+00:00")


def _edge(name: str) -> bytes:
    path = FEEDS / "edge_cases" / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    return path.read_bytes()


def test_illegally_nested_items_count_once():
    assert len(parse_feed(_edge("node-feedparser__illegally-nested.xml"), BASE).entries) == 10


def test_saxerror_recovers_all_three_items():
    parsed = parse_feed(_edge("node-feedparser__saxerror.xml"), BASE)
    assert [e.title for e in parsed.entries] == ["Good Item", "Bad Item", "Item After Error"]
    assert parsed.warning  # the parser's complaint is kept


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("miniflux__utf8-incorrect-prolog.xml", "\ud14c\uc2a4\ud2b8 \ud53c\ub4dc"),
        ("miniflux__windows-1252-incorrect-prolog.xml", "Euro \u20ac"),
    ],
)
def test_incorrect_prolog_gives_no_mojibake(name: str, title: str):
    assert parse_feed(_edge(name), BASE).title == title


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("rss-parser__uolNoticias.rss", "simula\u00e7\u00f5es"),  # no declaration, Latin-1 bytes
        ("miniflux__no_encoding_ISO-8859-1.xml", "\u00e9"),
        ("node-feedparser__iconv.xml", "\u041d\u043e\u0432\u043e\u0441\u0442\u0438"),  # windows-1251
    ],
)
def test_undeclared_or_legacy_encodings_decode(name: str, word: str):
    parsed = parse_feed(_edge(name), BASE)
    text = " ".join([parsed.title or ""] + [e.title or "" for e in parsed.entries])
    assert word in text
    assert not any(m in text for m in MOJIBAKE)


def test_truncated_feed_without_entries_is_a_feed_error_or_empty():
    try:
        parsed = parse_feed(_edge("feedparser__aaa_illformed.xml"), BASE)
    except FeedError as exc:
        assert "not a feed" in str(exc)
    else:
        assert parsed.entries == []


def test_empty_and_non_feed_bodies_raise_feed_error():
    with pytest.raises(FeedError, match="empty"):
        parse_feed(b"  \n", BASE)
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"\x89PNG\r\n\x1a\n\x00\x00binary", BASE)


def test_relative_links_resolve_against_the_feed_url():
    xml = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + (
        b"<item><title>a</title><link>/a?utm_source=x</link></item></channel></rss>"
    )
    assert parse_feed(xml, BASE).entries[0].url == "https://feeds.example.org/a"


def test_header_charset_that_lies_does_not_win_over_valid_utf8():
    body = "<p>Caf\u00e9 \u20ac5</p>".encode()
    assert decode_body(body, "text/html; charset=iso-8859-1") == "<p>Caf\u00e9 \u20ac5</p>"
    latin = "<p>Caf\u00e9 \u20ac5</p>".encode("cp1252")
    assert decode_body(latin, "text/html; charset=iso-8859-1") == "<p>Caf\u00e9 \u20ac5</p>"
