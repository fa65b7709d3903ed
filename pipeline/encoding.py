"""Decode fetched bytes: a byte-order mark, then valid UTF-8, then the HTTP
header charset, then the document's own declaration (``<meta charset>`` or
the XML declaration), then charset-normalizer's guess.

Bytes that are valid UTF-8 are read as UTF-8 whatever a header or prolog
claims: non-ASCII text in another encoding is almost never valid UTF-8 by
accident, while wrong declarations are common (the "incorrect prolog" feeds).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


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


def declared_charsets(body: bytes, content_type: str | None = None) -> list[str]:
    """Charsets the response claims, most authoritative first: header, XML declaration, meta."""
    head = body[:4096]
    found = [header_charset(content_type)]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        found.append(_codec(match.group(1).decode("ascii", "ignore")) if match else None)
    return [name for name in found if name]


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """Text of ``body``; a declared charset is used only if the bytes do not read as UTF-8."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, "replace")
    try:
        return body.decode("utf-8")  # by far the most common; strict so bad bytes fall through
    except UnicodeDecodeError:
        pass
    for name in declared_charsets(body, content_type):
        # As browsers do, ISO-8859-1 is read as its superset windows-1252 ("€" at 0x80).
        for candidate in ("cp1252", name) if name == "iso8859-1" else (name,):
            if candidate == "utf-8":
                continue
            try:
                return body.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    return body.decode(guess_charset(body), "replace")


def guess_charset(body: bytes) -> str:
    """charset-normalizer's guess, preferring windows-1252 among equally clean
    candidates: it is the web's usual undeclared encoding (the WHATWG default),
    and single-byte guesses often tie (uolNoticias: cp1257 vs cp1252)."""
    matches = list(from_bytes(body[:200_000]))
    if not matches:
        return "cp1252"
    cleanest = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= cleanest + 0.01]
    if "cp1252" in tied:
        return "cp1252"
    best = from_bytes(body[:200_000]).best()
    return best.encoding if best is not None and best.encoding else tied[0]
