"""Main text and metadata from an article page.

trafilatura finds the main text; BeautifulSoup reads what it misses from meta
tags and JSON-LD (title, author, published date). Broken HTML never raises:
the caller gets an ``ExtractedPage`` with empty text and a ``problem``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass

import trafilatura
from bs4 import BeautifulSoup

from extractors.dates import to_utc_iso

log = logging.getLogger(__name__)
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_TITLE_SUFFIX = re.compile(r"\s*[|\u2013\u2014-]\s*[^|\u2013\u2014-]{2,60}$")


@dataclass
class ExtractedPage:
    text: str
    title: str | None = None
    author: str | None = None
    published_at: str | None = None  # UTC ISO-8601
    canonical_url: str | None = None
    language: str | None = None
    problem: str | None = None  # why no text was found


def extract_article(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the main text and metadata of one HTML page."""
    if not html or not html.strip():
        return ExtractedPage(text="", problem="empty page")
    meta = _meta_from_soup(html)
    text = ""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many things on odd markup
        log.warning("trafilatura failed on %s: %s", url, exc)
        doc = None
    if doc is not None:
        text = _normalise_text(getattr(doc, "text", None) or "")
        meta.title = meta.title or getattr(doc, "title", None)
        meta.author = meta.author or getattr(doc, "author", None)
        meta.published_at = meta.published_at or to_utc_iso(getattr(doc, "date", None))
        meta.language = meta.language or getattr(doc, "language", None)
    if not text:
        text = _fallback_text(html)
    meta.text = _drop_leading_title(text, meta.title)
    if not text:
        meta.problem = "no article text found"
    return meta


def _normalise_text(text: str) -> str:
    paragraphs = [re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in text.splitlines()]
    return "\n\n".join(p for p in paragraphs if p)


def _drop_leading_title(text: str, title: str | None) -> str:
    """Drop the headline (and a kicker above it) when the body repeats it first;
    the title is stored on its own."""
    if not title:
        return text
    paragraphs = text.split("\n\n")
    wanted = title.strip().casefold()
    for i, paragraph in enumerate(paragraphs[:3]):
        if paragraph.strip().casefold() == wanted and i < len(paragraphs) - 1:
            return "\n\n".join(paragraphs[i + 1 :])
    return text


def _fallback_text(html: str) -> str:
    """Paragraph text when trafilatura finds nothing (very short or odd pages)."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    paragraphs = [p.get_text(" ", strip=True) for p in soup.find_all("p")]
    return _normalise_text("\n".join(p for p in paragraphs if len(p.split()) >= 5))


def _meta_from_soup(html: str) -> ExtractedPage:
    page = ExtractedPage(text="")
    try:
        soup = BeautifulSoup(html, "lxml")
    except Exception as exc:  # pragma: no cover - lxml is very forgiving
        log.warning("could not parse HTML: %s", exc)
        return page
    ld = _json_ld_article(soup)

    def meta(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if tag and tag.get("content", "").strip():
                return str(tag["content"]).strip()
        return None

    page.title = (
        meta("og:title", "twitter:title")
        or _str(ld.get("headline"))
        or (_strip_site(soup.title.get_text(strip=True)) if soup.title else None)
        or (soup.find("h1").get_text(" ", strip=True) if soup.find("h1") else None)
    )
    page.author = meta("author", "article:author", "parsely-author", "dc.creator") or _ld_author(ld)
    if page.author and page.author.startswith(("http://", "https://")):
        page.author = _ld_author(ld)
    page.published_at = to_utc_iso(
        meta("article:published_time", "datePublished", "pubdate", "dc.date", "date")
        or _str(ld.get("datePublished"))
        or _time_tag(soup)
    )
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href"):
        page.canonical_url = str(canonical["href"]).strip()
    if soup.html and soup.html.get("lang"):
        page.language = str(soup.html["lang"]).split("-")[0].lower()
    return page


def _json_ld_article(soup: BeautifulSoup) -> dict:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        candidates = (
            data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        )
        for item in candidates:
            if isinstance(item, dict) and str(item.get("@type", "")).endswith("Article"):
                return item
    return {}


def _ld_author(ld: dict) -> str | None:
    author = ld.get("author")
    if isinstance(author, list):
        names = [_ld_author({"author": a}) for a in author]
        return ", ".join(n for n in names if n) or None
    if isinstance(author, dict):
        return _str(author.get("name"))
    return _str(author)


def _time_tag(soup: BeautifulSoup) -> str | None:
    tag = soup.find("time", attrs={"datetime": True})
    return str(tag["datetime"]) if tag else None


def _strip_site(title: str) -> str:
    return _TITLE_SUFFIX.sub("", title).strip() or title


def _str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
