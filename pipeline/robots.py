"""robots.txt, read once per origin per fetcher and matched with protego.

Status handling follows RFC 9309: a 4xx robots.txt means no rules (fetch
anything); a 5xx, a 429 or an unreachable server means "assume everything is
disallowed" for now, which the fetcher reports as a retryable failure.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

MAX_ROBOTS_BYTES = 500_000  # RFC 9309: parse at least 500 KiB
CACHE_SECONDS = 3600.0  # a robots.txt read well is reused by later fetchers in this process

_shared: dict[str, tuple[float, RobotsFile]] = {}
_shared_lock = threading.Lock()


@dataclass(frozen=True)
class RobotsFile:
    """What one origin's robots.txt says; ``error`` set when it could not be read."""

    parser: Protego | None = None
    error: str | None = None  # robots.txt unreachable: everything is disallowed for now

    def verdict(self, url: str, agent: str) -> str | None:
        """``None`` if ``url`` may be fetched, else the reason it may not."""
        if self.error is not None:
            return f"robots.txt unavailable ({self.error}); not fetching until it can be read"
        if self.parser is not None and not self.parser.can_fetch(url, agent):
            return f"disallowed by robots.txt for {agent}"
        return None

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


# (url) -> (status or None, body, error)
RobotsGetter = Callable[[str], Awaitable[tuple[int | None, bytes, str | None]]]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _from_shared(origin: str) -> RobotsFile | None:
    with _shared_lock:
        expires, robots = _shared.get(origin, (0.0, None))
    return robots if robots is not None and expires > time.monotonic() else None


def clear_shared_cache() -> None:
    with _shared_lock:
        _shared.clear()


class RobotsCache:
    """One robots.txt fetch per origin, shared by concurrent fetches."""

    def __init__(self, getter: RobotsGetter) -> None:
        self._get = getter
        self._files: dict[str, RobotsFile] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def for_url(self, url: str) -> RobotsFile:
        origin = origin_of(url)
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._files:
                self._files[origin] = _from_shared(origin) or await self._load(origin)
                if self._files[origin].error is None:
                    with _shared_lock:
                        _shared[origin] = (time.monotonic() + CACHE_SECONDS, self._files[origin])
            return self._files[origin]

    async def _load(self, origin: str) -> RobotsFile:
        status, body, error = await self._get(f"{origin}/robots.txt")
        if status is None:
            return RobotsFile(error=error or "unreachable")
        if status == 429 or status >= 500:
            return RobotsFile(error=f"HTTP {status}")
        if status >= 400 or status == 304:
            return RobotsFile()  # no robots.txt: no rules
        if error is not None:  # e.g. too large: read what we may, as RFC 9309 allows
            body = body[:MAX_ROBOTS_BYTES]
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
        try:
            return RobotsFile(parser=Protego.parse(text))
        except Exception:  # noqa: BLE001 - an unparsable robots.txt has no usable rules
            return RobotsFile()
