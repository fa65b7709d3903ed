"""HTML -> main text and metadata, including pages that are broken or empty."""

from __future__ import annotations

import pytest

from extractors.dates import to_utc_iso
from extractors.html import extract_article
from tests.conftest import FIXTURES

BODY = " ".join(["The company reported results that beat expectations across every division."] * 4)


def page(head: str = "", body: str = f"<article><p>{BODY}</p><p>{BODY}</p></article>") -> str:
    chrome = "<nav>Home | Markets</nav>", "<footer>Cookie policy</footer>"
    return f"<html><head>{head}</head><body>{chrome[0]}{body}{chrome[1]}</body></html>"


def test_fixture_page_metadata_and_text():
    html = (FIXTURES / "articles" / "kling-ai-opinion.html").read_text(encoding="utf-8")
    result = extract_article(html)
    assert result.title == "Why Kuaishou's Kling AI spin-off is a bold bet"
    assert result.author == "Daniel Hart"
    assert result.published_at == "2026-03-13T14:00:00+00:00"
    assert result.canonical_url and result.canonical_url.startswith("https://")
    assert "In my opinion" in result.text
    for boilerplate in ("Cookie settings", "Most read", "Subscribe for", "All rights reserved"):
        assert boilerplate not in result.text
    assert not result.text.startswith(result.title)


@pytest.mark.parametrize(
    ("head", "field", "expected"),
    [
        ('<meta property="og:title" content="OG headline">', "title", "OG headline"),
        ("<title>Plain title | Some Site</title>", "title", "Plain title"),
        ('<meta name="author" content="Ann Writer">', "author", "Ann Writer"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": "A B"}, '
            '{"name": "C D"}], "datePublished": "2025-01-02T10:00:00+02:00"}</script>',
            "author",
            "A B, C D",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", '
            '"datePublished": "2025-01-02T10:00:00+02:00"}]}</script>',
            "published_at",
            "2025-01-02T08:00:00+00:00",
        ),
        (
            '<meta property="article:published_time" content="2024-06-30">',
            "published_at",
            "2024-06-30T00:00:00+00:00",
        ),
        ('<script type="application/ld+json">{not json</script>', "author", None),
    ],
)
def test_metadata_sources(head, field, expected):
    assert getattr(extract_article(page(head)), field) == expected


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html>",
        "<<<>>>",
        "<html><body><script>var x = 1;</script></body></html>",
        "\x00\x01binary",
    ],
)
def test_broken_or_empty_pages_give_a_reason_not_a_crash(html):
    result = extract_article(html)
    assert result.text == ""
    assert result.problem


def test_unclosed_tags_still_give_text():
    html = f"<html><body><div><p>{BODY}<p>{BODY}<div><span>"
    assert "beat expectations" in extract_article(html).text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Thu, 12 Mar 2026 00:30:00 GMT", "2026-03-12T00:30:00+00:00"),
        ("2026-03-12T08:30:00+08:00", "2026-03-12T00:30:00+00:00"),
        ("1518478934", "2018-02-12T23:42:14+00:00"),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_become_utc_iso(raw, expected):
    assert to_utc_iso(raw) == expected
