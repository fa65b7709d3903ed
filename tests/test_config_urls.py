"""Feeds files and URL canonicalisation."""

from __future__ import annotations

import pytest

from pipeline.config import ConfigError, default_feeds_file, load_feeds
from pipeline.urls import canonical_url, resolve_location


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM:443/a/b?utm_source=rss&id=2&a=1#frag", "https://example.com/a/b?a=1&id=2"),
        ("http://example.com", "http://example.com/"),
        ("http://example.com:8080/x?fbclid=abc", "http://example.com:8080/x"),
        ("https://example.com/x?b=2&a=1", "https://example.com/x?a=1&b=2"),
        ("file:///tmp/a.html", "file:///tmp/a.html"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent():
    url = "https://Example.com/path?utm_medium=x&q=1#top"
    assert canonical_url(canonical_url(url)) == canonical_url(url)


def test_relative_feed_paths_resolve_against_the_feeds_file(tmp_path):
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nname = "Local"\nurl = "sub/feed.xml"\ntags = ["x"]\n'
                     '[[feeds]]\nname = "Web"\nurl = "https://example.com/rss"\n')  # fmt: skip
    loaded = load_feeds(feeds)
    assert loaded[0].url == (tmp_path / "sub" / "feed.xml").as_uri()
    assert loaded[0].tags == ("x",)
    assert loaded[1].url == "https://example.com/rss"
    assert resolve_location("https://a.b/c") == "https://a.b/c"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is [not toml", "not valid TOML"),
        ("title = 'no feeds here'", "no [[feeds]]"),
        ("[[feeds]]\nname = 'x'", "has no url"),
        ("[[feeds]]\nurl = 'a.xml'\ntags = 'one'", "tags must be a list"),
    ],
)
def test_bad_feeds_files_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "feeds.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_feeds(path)


def test_the_bundled_demo_feed_loads():
    feeds = load_feeds(default_feeds_file())
    assert len(feeds) == 1 and feeds[0].url.startswith("file://")
