"""Read a plain-text article file: the whole file is the stored text."""

from __future__ import annotations

from pathlib import Path

MAX_TITLE_CHARS = 150


def decode_text(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_text_article(path: str | Path) -> tuple[str, str | None]:
    """``(text, title)``: the text is the whole file (so claim spans index the
    file); the title is the first line when it is short and followed by a blank line."""
    text = decode_text(Path(path).read_bytes()).replace("\r\n", "\n")
    lines = text.split("\n")
    title = None
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip() and len(lines[0]) <= MAX_TITLE_CHARS:
        title = lines[0].strip()
    return text, title
