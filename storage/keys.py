"""Deterministic primary keys: the same input always gives the same key."""

from __future__ import annotations

import hashlib


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def feed_key(url: str) -> str:
    return _digest("feed", url)


def article_key(canonical_url: str) -> str:
    return _digest("article", canonical_url)


def sentence_key(article_id: str, idx: int) -> str:
    return f"{article_id}-{idx:04d}"


def claim_key(article_id: str, start: int, end: int, metric: str, subject: str | None) -> str:
    return _digest("claim", article_id, start, end, metric, subject)


def content_hash(*parts: str | None) -> str:
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
