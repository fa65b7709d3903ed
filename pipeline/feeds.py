"""Parse RSS and Atom feeds (feedparser) into plain entries.

Malformed feeds are parsed leniently: whatever entries can be recovered are
returned, with the parser's complaint kept in ``warning``. A feed that yields
nothing usable raises ``FeedError`` with the reason.

The bytes are decoded by ``pipeline.encoding`` (BOM, valid UTF-8, HTTP header,
XML declaration, then a guess) and handed to feedparser as UTF-8 with the
declaration rewritten, so a feed whose prolog lies about its encoding does
not come out as mojibake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import feedparser

from extractors.dates import to_utc_iso
from pipeline.encoding import decode_body
from pipeline.urls import canonical_url, join_url


class FeedError(Exception):
    """A feed that could not be read at all."""


@dataclass
class FeedEntry:
    url: str  # canonical, absolute
    title: str | None = None
    entry_id: str | None = None
    published_at: str | None = None
    author: str | None = None
    summary: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]
    warning: str | None = None  # what the lenient parser had to work around


def parse_feed(content: bytes, base_url: str, *, content_type: str | None = None) -> ParsedFeed:
    """Parse feed bytes fetched from ``base_url``; relative links resolve against it."""
    if not content or not content.strip():
        raise FeedError("empty feed body")
    parsed = feedparser.parse(
        as_utf8_xml(content, content_type),
        response_headers={"content-type": "application/xml; charset=utf-8"},
    )
    warning = None
    if parsed.get("bozo") and not isinstance(
        parsed.get("bozo_exception"), feedparser.NonXMLContentType | feedparser.CharacterEncodingOverride
    ):
        exc = parsed.get("bozo_exception")
        warning = f"{type(exc).__name__}: {exc}" if exc else "malformed feed"
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.entries:
        link = _entry_link(raw)
        if not link:
            continue
        url = canonical_url(join_url(base_url, link))
        if url in seen:
            continue
        seen.add(url)
        entries.append(
            FeedEntry(
                url=url,
                title=_clean(raw.get("title")),
                entry_id=_clean(raw.get("id")) or url,
                published_at=to_utc_iso(raw.get("published_parsed") or raw.get("updated_parsed"))
                or to_utc_iso(raw.get("published") or raw.get("updated")),
                author=_clean(raw.get("author")),
                summary=_clean(raw.get("summary")),
                tags=[t.get("term") for t in raw.get("tags") or [] if t.get("term")],
            )
        )
    if not entries and not (parsed.get("version") and parsed.get("feed")):
        raise FeedError(f"not a feed ({warning or 'no RSS, Atom or RDF channel and no entries'})")
    title = _clean(parsed.get("feed", {}).get("title"))
    return ParsedFeed(title=title, entries=entries, warning=warning)


_XML_DECL = re.compile(r"^\s*(?:<!--.*?-->\s*)*(<\?xml[^>]*\?>)", re.S)
_DECL_ENCODING = re.compile(r"""\sencoding\s*=\s*["'][^"']*["']""")


def as_utf8_xml(content: bytes, content_type: str | None = None) -> bytes:
    """The feed as UTF-8 bytes whose XML declaration says so.

    Whitespace or comments before the declaration (which strict parsers
    reject) are dropped, and so is a declared encoding: the bytes are UTF-8 now.
    """
    text = decode_body(content, content_type)
    match = _XML_DECL.match(text)
    if match:
        declaration = _DECL_ENCODING.sub("", match.group(1))
        text = declaration + text[match.end() :]
    else:
        text = text.lstrip()
    return text.encode("utf-8")


def _entry_link(raw: dict) -> str | None:
    link = raw.get("link")
    if link:
        return str(link)
    for candidate in raw.get("links") or []:
        if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
            return str(candidate["href"])
    entry_id = raw.get("id") or ""
    return entry_id if str(entry_id).startswith(("http://", "https://")) else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
