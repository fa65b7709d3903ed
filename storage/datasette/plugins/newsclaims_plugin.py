"""Datasette plugin for newsclaims (loaded from this folder by ``newsclaims serve``).

- Evidence sentences show the claim's figure highlighted (``<mark>``).
- Claims link back to their article (stored copy) and to the claim row.
- ``newsclaims_chart(columns, rows)`` renders a metric over time as inline
  SVG for the ``metric_over_time`` stored query: no JavaScript, no CDN.

Article text is untrusted: every value that reaches HTML goes through
``markupsafe.escape`` (``Markup.format`` and ``Markup.join`` escape too).
The plugin only reads; it registers no route and no write query.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

DATABASE = "newsclaims"
# Where evidence, claim and article links are rendered by this plugin; in the
# claims table Datasette's own foreign-key links (with labels) are kept.
_LINK_TABLES = {None, "claims_enriched"}
_CLAIM_ID_COLUMNS = {"claim_id", "claim_a", "claim_b"}
_VALUE_COLUMNS = {"value", "value_low", "value_high", "value_a", "value_b"}
_VALUE_TABLES = {None, "claims", "claims_enriched"}
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)


# -- evidence ------------------------------------------------------------------


def highlight_evidence(sentence: str, surface: str | None) -> Markup:
    """The sentence, escaped, with every occurrence of ``surface`` in ``<mark>``."""
    text = sentence.strip()
    if not surface or surface not in text:
        return Markup('<span class="evidence">{}</span>').format(text)
    mark = Markup('<mark class="figure">{}</mark>').format(surface)
    return Markup('<span class="evidence">{}</span>').format(
        mark.join(escape(p) for p in text.split(surface))
    )


def _get(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (IndexError, KeyError, TypeError):
        return None


def format_value(value: float) -> str:
    """20000000000.0 -> 20,000,000,000; 5.83 -> 5.83 (the same as ``newsclaims claims``)."""
    return f"{int(value):,}" if value.is_integer() else f"{value:,.6g}"


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    if database != DATABASE:
        return None
    if column in _VALUE_COLUMNS and isinstance(value, float) and table in _VALUE_TABLES:
        return Markup('<span class="figure-value" title="{}">{}</span>').format(
            repr(value), format_value(value)
        )
    if not isinstance(value, str) or not value:
        return None
    if column == "sentence":
        return highlight_evidence(value, _get(row, "surface"))
    if table not in _LINK_TABLES:
        return None
    if column in _CLAIM_ID_COLUMNS:
        href = datasette.urls.row(DATABASE, "claims", tilde_encode(value))
        return Markup('<a href="{}">{}</a>').format(href, value)
    if column == "article_id":
        href = datasette.urls.row(DATABASE, "articles", tilde_encode(value))
        return Markup('<a href="{}">{}</a>').format(href, value)
    if column == "article_title" and _get(row, "article_id"):
        href = datasette.urls.row(DATABASE, "articles", tilde_encode(_get(row, "article_id")))
        return Markup('<a href="{}" title="stored article">{}</a>').format(href, value)
    return None


# -- chart ---------------------------------------------------------------------


def human_number(value: float) -> str:
    """20000000000 -> 20bn, 500000000 -> 500m, 1500 -> 1.5k."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if value >= size:
            return f"{sign}{value / size:.3g}{suffix}"
    return f"{sign}{value:.3g}"


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    tick = start
    while tick <= high + step * 0.5:
        ticks.append(tick)
        tick += step
    return ticks


def _parse_time(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def render_chart(
    columns: Sequence[str], rows: Sequence[Any], *, width: int = 760, height: int = 340
) -> Markup:
    """An inline SVG line chart: x = published_at, y = value, one series per
    (subject, unit). Rows need ``published_at``, ``subject``, ``value``, ``unit``."""
    needed = {"published_at", "subject", "value", "unit"}
    if not needed.issubset(columns):
        return Markup('<p class="newsclaims-chart-empty">No chart: the query must return {}.</p>').format(
            ", ".join(sorted(needed))
        )
    points: dict[tuple[str, str], list[tuple[datetime, float, Any]]] = {}
    for row in rows:
        moment = _parse_time(_get(row, "published_at"))
        value = _get(row, "value")
        if moment is None or not isinstance(value, int | float):
            continue
        key = (str(_get(row, "subject") or "(no subject)"), str(_get(row, "unit") or ""))
        points.setdefault(key, []).append((moment, float(value), row))
    if not points:
        return Markup('<p class="newsclaims-chart-empty">No figures with a published date to chart.</p>')

    left, right, top, bottom = 70, 220, 20, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    times = [p[0].timestamp() for series in points.values() for p in series]
    values = [p[1] for series in points.values() for p in series]
    t_min, t_max = min(times), max(times)
    if t_max == t_min:
        t_min, t_max = t_min - 86400, t_max + 86400
    y_ticks = _nice_ticks(min(0.0, min(values)), max(0.0, max(values)))
    y_min, y_max = y_ticks[0], y_ticks[-1]

    def x_of(t: float) -> float:
        return left + (t - t_min) / (t_max - t_min) * plot_w

    def y_of(v: float) -> float:
        return top + plot_h - (v - y_min) / (y_max - y_min) * plot_h

    parts: list[Markup] = []
    add = parts.append
    # axes and grid
    for tick in y_ticks:
        y = y_of(tick)
        add(
            Markup('<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>').format(
                left, left + plot_w, y, y
            )
        )
        add(
            Markup('<text class="tick" x="{}" y="{:.1f}" text-anchor="end">{}</text>').format(
                left - 6, y + 4, human_number(tick)
            )
        )
    x_ticks = sorted({t_min, (t_min + t_max) / 2, t_max})
    for tick in x_ticks:
        x = x_of(tick)
        label = datetime.fromtimestamp(tick, UTC).strftime("%Y-%m-%d")
        add(
            Markup('<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                x, top + plot_h + 18, label
            )
        )
    add(
        Markup('<line class="axis" x1="{}" x2="{}" y1="{}" y2="{}"/>').format(
            left, left + plot_w, top + plot_h, top + plot_h
        )
    )
    add(Markup('<line class="axis" x1="{}" x2="{}" y1="{}" y2="{}"/>').format(left, left, top, top + plot_h))
    add(
        Markup('<text class="axis-label" x="{}" y="{}" text-anchor="middle">published (UTC)</text>').format(
            left + plot_w / 2, height - 6
        )
    )
    # series
    for index, ((subject, unit), series) in enumerate(sorted(points.items())):
        color = PALETTE[index % len(PALETTE)]
        series.sort(key=lambda p: p[0])
        coords = [(x_of(p[0].timestamp()), y_of(p[1])) for p in series]
        if len(coords) > 1:
            add(
                Markup('<polyline class="series" fill="none" stroke="{}" points="{}"/>').format(
                    color, " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
                )
            )
        for (x, y), (moment, value, row) in zip(coords, series, strict=True):
            tip = f"{subject}: {human_number(value)} {unit} ({moment:%Y-%m-%d})"
            surface = _get(row, "surface")
            if surface:
                tip += f" \u2014 \u201c{surface}\u201d"
            add(
                Markup(
                    '<circle class="point" data-subject="{}" cx="{:.1f}" cy="{:.1f}" r="4.5" fill="{}">'
                    "<title>{}</title></circle>"
                ).format(subject, x, y, color, tip)
            )
        legend_y = top + 14 + index * 18
        add(
            Markup('<rect x="{}" y="{}" width="12" height="12" fill="{}"/>').format(
                left + plot_w + 16, legend_y - 10, color
            )
        )
        add(
            Markup('<text class="legend" x="{}" y="{}">{} ({}, {} point{})</text>').format(
                left + plot_w + 32,
                legend_y,
                subject,
                unit or "no unit",
                len(series),
                "" if len(series) == 1 else "s",
            )
        )
    units = sorted({unit for _, unit in points})
    caption = Markup("Values by article published date, one line per subject and unit.")
    if len(units) > 1:
        caption += Markup(
            ' <strong class="warning">Several units share one axis ({}): set the unit parameter.</strong>'
        ).format(", ".join(units))
    svg = Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="metric over time" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}">{body}</svg>'
    ).format(w=width, h=height, body=Markup("").join(parts))
    return Markup('<figure class="newsclaims-chart">{}<figcaption>{}</figcaption></figure>').format(
        svg, caption
    )


@hookimpl
def extra_template_vars(database: str | None) -> dict[str, Callable[..., Markup]]:
    if database != DATABASE:
        return {}
    return {"newsclaims_chart": render_chart}
