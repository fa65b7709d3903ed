"""``newsclaims extract``: claims from files or URLs without a database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from extractors.html import extract_article
from extractors.parallel import analyse_many
from extractors.textfile import read_text_article
from pipeline.encoding import decode_body
from pipeline.fetch import fetch
from pipeline.settings import FetchSettings


class SourceError(Exception):
    """A source that cannot be read."""


def load_source(source: str) -> tuple[str, str | None]:
    """``(text, title)`` of a .txt/.html file or an http(s) URL."""
    if urlsplit(source).scheme in ("http", "https"):
        result = fetch(source, FetchSettings.from_env())
        if not result.ok:
            raise SourceError(f"{source}: {result.error}")
        html = decode_body(result.body, result.content_type)
        if (result.content_type or "").startswith("text/plain"):
            return html, None
        return _from_html(html, source)
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{source}: no such file")
    if path.is_dir():
        raise SourceError(f"{source}: is a directory")
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return _from_html(decode_body(path.read_bytes(), None), source)
    try:
        return read_text_article(path)
    except OSError as exc:
        raise SourceError(f"{source}: {exc.strerror or exc}") from exc


def _from_html(html: str, source: str) -> tuple[str, str | None]:
    page = extract_article(html, url=source if "://" in source else None)
    if page.problem:
        raise SourceError(f"{source}: {page.problem}")
    return page.text, page.title


def claims_for_sources(
    sources: list[str], *, workers: int = 1, on_error: Callable[[SourceError], None]
) -> Iterator[tuple[str, list[dict]]]:
    """``(source, claims)`` for each readable source, in order; ``on_error`` hears of the others.

    Sources are read first (one by one: fetching is polite), then analysed, on ``workers``
    processes when more than one.
    """
    loaded: list[tuple[str, str, str | None]] = []
    for source in sources:
        try:
            loaded.append((source, *load_source(source)))
        except SourceError as exc:
            on_error(exc)
    pairs = ((text, title) for _, text, title in loaded)
    workers = min(workers, len(loaded) or 1)
    # small batches for a few sources, so that every worker gets some
    batch_size = max(1, min(32, len(loaded) // (2 * workers)))
    analyses = analyse_many(pairs, workers=workers, batch_size=batch_size)
    for (source, _, _), analysis in zip(loaded, analyses, strict=True):
        yield source, [claim.to_dict(source) for claim in analysis.claims]


def format_claims_table(rows: list[dict]) -> str:
    if not rows:
        return "(no claims)"
    from tabulate import tabulate

    table = [
        [
            r["subject"],
            r["metric"],
            _fmt_value(r),
            r["unit"] or "",
            r["qualifier"],
            r["modality"],
            r["period"] or "",
            _fmt_change(r["change"]),
            r["stance"],
            r["surface"],
        ]
        for r in rows
    ]
    headers = [
        "subject",
        "metric",
        "value",
        "unit",
        "qualifier",
        "modality",
        "period",
        "change",
        "stance",
        "surface",
    ]
    return tabulate(table, headers=headers)


def _fmt_value(row: dict) -> str:
    value = row.get("value")
    if value is None:
        return ""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def _fmt_change(change: dict | None) -> str:
    if not change:
        return ""
    kind, value = change.get("kind"), change.get("value")
    if kind == "percent":
        return f"{value:+g}%"
    if kind == "multiple":
        return f"x{value:g}"
    return f"{value:+,g}"
