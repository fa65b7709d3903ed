"""Decode fetched bytes: HTTP header charset, then the page's meta charset,
then charset-normalizer's guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*([^;\s]+)", content_type, re.I)
    return _codec(match.group(1)) if match else None


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """Text of ``body``; a declared charset is used only if the bytes decode with it."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    declared = [header_charset(content_type)]
    meta = _META_CHARSET.search(body[:4096])
    declared.append(_codec(meta.group(1).decode("ascii", "ignore")) if meta else None)
    try:
        return body.decode("utf-8")  # by far the most common; strict so bad bytes fall through
    except UnicodeDecodeError:
        pass
    for name in declared:
        if name and name != "utf-8":
            try:
                return body.decode(name)
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return body.decode(best.encoding, "replace")
    return body.decode("cp1252", "replace")
