"""Dates from feeds and pages as UTC ISO-8601 strings."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Final

from dateutil import parser as date_parser
from dateutil import tz

# Zone abbreviations that feeds use and dateutil does not know by itself.
_TZINFOS: Final = {
    name: tz.tzoffset(name, hours * 3600)
    for name, hours in {
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "BST": 1, "CET": 1, "CEST": 2, "IST": 5.5, "JST": 9, "AEST": 10, "AEDT": 11, "HKT": 8,
    }.items()
}  # fmt: skip


def to_utc_iso(value: object) -> str | None:
    """``value`` (ISO string, RFC 822 string, struct_time or datetime) as UTC ISO-8601.

    A date without a time zone is taken as UTC. Unparseable input gives None.
    """
    if value is None or value == "":
        return None
    try:
        if isinstance(value, time.struct_time):
            dt = datetime(*value[:6], tzinfo=UTC)
        elif isinstance(value, datetime):
            dt = value
        elif isinstance(value, (int, float)):
            dt = datetime.fromtimestamp(float(value), tz=UTC)
        else:
            text = str(value).strip()
            if text.isdigit() and len(text) >= 9:  # a Unix timestamp
                dt = datetime.fromtimestamp(int(text), tz=UTC)
            else:
                dt = date_parser.parse(text, tzinfos=_TZINFOS)
    except (ValueError, OverflowError, TypeError, date_parser.ParserError):
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")
