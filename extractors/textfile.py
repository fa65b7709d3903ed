"""Read a plain-text article file: the whole file is the stored text."""

from __future__ import annotations

from pathlib import Path

MAX_TITLE_CHARS = 150


def decode_text(raw: bytes) -> str:
    """UTF-8 (a BOM dropped), else cp1252, else latin-1 (which never fails)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


decode_bytes = decode_text


def split_title(text: str) -> str | None:
    """The first line when it is short and followed by a blank line (BBC layout), else None."""
    lines = text.split("\n", 2)
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip() or len(lines[0]) > MAX_TITLE_CHARS:
        return None
    return lines[0].strip()


def read_text_article(path: str | Path) -> tuple[str, str | None]:
    """``(text, title)``: the text is the whole file (so claim spans index the
    file); the title is the first line when it is short and followed by a blank line."""
    text = decode_text(Path(path).read_bytes()).replace("\r\n", "\n")
    return text, split_title(text)
