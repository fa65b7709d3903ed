"""Fetch feeds and article pages politely and within bounds (async httpx).

A ``Fetcher`` shares one connection pool, a global concurrency limit, a
per-host limit with a minimum delay between requests (held together with the
user's other processes on this machine: ``pipeline.shared_hosts``), a
robots.txt cache and the SSRF guard across many concurrent fetches. ``fetch`` is the synchronous
one-URL version.

Nothing here raises for a bad URL or a bad response: the caller gets a
``FetchResult`` whose ``error`` says what went wrong, ``kind`` classifies it
and ``retryable`` says whether a later run should try again. Connection
errors, timeouts, 429 and 5xx are also retried within the call, with
exponential backoff or the server's Retry-After (when it is short enough).

Bounds: connect, read and total timeouts; the body is limited while it
streams, both on the wire and decompressed (``max_bytes``), and a compression
ratio above ``max_compression_ratio`` is refused as a bomb; redirects are
followed by hand so each hop is checked against the scheme rule, the SSRF
guard and robots.txt.
"""

from __future__ import annotations

import asyncio
import threading
import time
import zlib
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from pipeline.netguard import HostGuard, Refused, Unresolvable, check_scheme, guarded_transport
from pipeline.robots import MAX_ROBOTS_BYTES, RobotsCache
from pipeline.settings import ROBOTS_AGENT, FetchSettings
from pipeline.shared_hosts import SharedHosts, default_state_dir

RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
BOMB_FLOOR = 1_000_000  # ratios are only judged past this many decompressed bytes

# Content types worth downloading, checked before the body is read.
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("xml", "rss", "atom", "rdf", "text/", "application/octet-stream")

T = TypeVar("T")


@dataclass
class FetchResult:
    url: str
    final_url: str | None = None
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    kind: str | None = None  # failure class: http, timeout, connection, too_large, bomb, ...
    retryable: bool = False  # worth trying again on a later run
    retry_after: float | None = None  # seconds, from a 429/503 Retry-After header
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    def fail(self, kind: str, error: str, *, retryable: bool = False) -> FetchResult:
        self.kind, self.error, self.retryable = kind, error, retryable
        self.body = b""
        return self

    @property
    def transient(self) -> bool:
        """Worth retrying within the same call (after a short wait)."""
        return self.kind in ("timeout", "connection") or (
            self.kind == "http" and self.status in RETRY_STATUSES
        )


# When each host was last asked, shared by the fetchers of one process, so the
# minimum delay also holds between one chunk's fetcher and the next.
_last_start: dict[str, float] = {}


class _HostSlots:
    """Per-host concurrency and minimum delay between request starts: within the process by
    asyncio primitives, across the user's processes on this machine by ``SharedHosts``."""

    def __init__(self, per_host: int, min_delay: float, shared: SharedHosts) -> None:
        self._per_host = max(1, per_host)
        self._min_delay = min_delay
        self._shared = shared
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._last_start = _last_start
        self.delays: dict[str, float] = {}  # per-host delay from robots.txt Crawl-delay

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """One of the host's slots, in this process and among all processes; then its turn."""
        local = self._sems.setdefault(host, asyncio.Semaphore(self._per_host))
        async with local, self._shared.slot(host, self._per_host):
            await self._wait_turn(host)
            yield

    async def _wait_turn(self, host: str) -> None:
        delay = max(self._min_delay, self.delays.get(host, 0.0))
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            if self._shared.available:
                wait = self._shared.book_start(host, delay)
                if wait > 0:
                    await asyncio.sleep(wait)
                return
            if delay > 0 and host in self._last_start:
                wait = self._last_start[host] + delay - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
            self._last_start[host] = time.monotonic()


class Fetcher:
    """Use as ``async with Fetcher(settings) as fetcher: await fetcher.fetch(url)``."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._guard = HostGuard(self.settings.allow_private_hosts)
        self._global = asyncio.Semaphore(max(1, self.settings.concurrency))
        self._hosts = _HostSlots(
            self.settings.per_host_concurrency, self.settings.min_host_delay, _shared_hosts(self.settings)
        )
        self._robots = RobotsCache(self._get_robots)
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        limits = httpx.Limits(max_connections=s.concurrency + 4, max_keepalive_connections=s.concurrency)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout, pool=None),
            follow_redirects=False,  # by hand, so every hop is checked
            # connections go only to the addresses the SSRF guard vetted (no DNS rebinding), and
            # no proxy from the environment: the guard must see the real target
            transport=guarded_transport(self._guard, limits),
            trust_env=False,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # -- public ----------------------------------------------------------------

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] | None = None,
        allow_file: bool | None = None,
    ) -> FetchResult:
        """Fetch ``url`` (conditional when ``etag``/``last_modified`` are given).

        ``accept``: content types (substrings) worth downloading; others fail
        with kind ``content_type`` before the body is read. ``allow_file``
        overrides the setting for this call (local feeds from a feeds file).
        """
        s = self.settings
        try:
            scheme = check_scheme(url, allow_file=s.allow_file if allow_file is None else allow_file)
        except Refused as exc:
            return FetchResult(url).fail("refused", str(exc))
        if scheme == "file":
            return _fetch_file(url, s)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            result = await self._get(url, headers, accept=accept, max_bytes=s.max_bytes, robots=True)
            result.attempts = attempt + 1
            if not result.transient or attempt >= s.retries:
                break
            delay = _retry_delay(result, s, attempt)
            if delay is None:  # the server asks for more patience than we have in one run
                break
            await asyncio.sleep(delay)
            attempt += 1
        if result.not_modified:
            result.etag = result.etag or etag
            result.last_modified = result.last_modified or last_modified
        if result.error and result.attempts > 1:
            result.error += f" (after {result.attempts} attempts)"
        return result

    # -- internals ---------------------------------------------------------------

    async def _get_robots(self, url: str) -> tuple[int | None, bytes, str | None]:
        result = await self._get(url, {}, accept=None, max_bytes=MAX_ROBOTS_BYTES, robots=False)
        if result.status is None:
            return None, b"", result.error
        return result.status, result.body, result.error if result.kind == "too_large" else None

    async def _get(
        self,
        url: str,
        headers: dict[str, str],
        *,
        accept: tuple[str, ...] | None,
        max_bytes: int,
        robots: bool,
    ) -> FetchResult:
        """One attempt: follow redirects by hand, checking each hop."""
        s = self.settings
        result = FetchResult(url)
        current = url
        seen: set[str] = set()
        for _hop in range(s.max_redirects + 1):
            seen.add(current)
            try:
                check_scheme(current, allow_file=False)
                await self._guard.check(current)
            except Refused as exc:
                return result.fail("refused", str(exc))
            except Unresolvable as exc:
                return result.fail("connection", str(exc), retryable=True)
            host = (urlsplit(current).hostname or "").lower()
            if robots and s.respect_robots:
                robots_file = await self._robots.for_url(current)
                reason = robots_file.verdict(current, ROBOTS_AGENT)
                if reason:
                    return result.fail("robots", reason, retryable=robots_file.error is not None)
                crawl_delay = robots_file.crawl_delay(ROBOTS_AGENT)
                if crawl_delay:
                    self._hosts.delays[host] = min(crawl_delay, s.max_crawl_delay)
            async with self._hosts.slot(host), self._global:
                location = await self._request(current, headers, result, accept=accept, max_bytes=max_bytes)
            if location is None:
                return result
            current = urljoin(current, location)
            if current in seen:
                return result.fail("redirects", f"redirect loop at {current}")
        return result.fail("redirects", f"more than {s.max_redirects} redirects")

    async def _request(
        self,
        url: str,
        headers: dict[str, str],
        result: FetchResult,
        *,
        accept: tuple[str, ...] | None,
        max_bytes: int,
    ) -> str | None:
        """Send one GET, fill ``result``; return the Location of a redirect, else None."""
        assert self._client is not None, "use Fetcher as an async context manager"
        result.error = result.kind = None
        try:
            async with asyncio.timeout(self.settings.total_timeout):
                async with self._client.stream("GET", url, headers=headers) as response:
                    result.final_url = str(response.url)
                    result.status = response.status_code
                    location = response.headers.get("location")
                    if response.status_code in REDIRECT_STATUSES and location:
                        return location
                    _read_headers(result, response)
                    if response.status_code == 304:
                        result.not_modified = True
                        return None
                    if response.status_code >= 400 or response.status_code < 200:
                        result.fail(
                            "http",
                            f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                            retryable=response.status_code in RETRY_STATUSES or response.status_code == 408,
                        )
                        return None
                    if accept and result.content_type and not _accepted(result.content_type, accept):
                        media = _media_type(result.content_type)
                        result.fail("content_type", f"unwanted content-type {media}")
                        return None
                    await _read_body(response, result, max_bytes, self.settings.max_compression_ratio)
        except TimeoutError:
            result.fail("timeout", f"took longer than {self.settings.total_timeout:g} s", retryable=True)
        except httpx.TimeoutException as exc:
            result.fail("timeout", f"timeout ({type(exc).__name__})", retryable=True)
        except Refused as exc:  # raised when connecting: the host's address changed to a private one
            result.fail("refused", str(exc))
        except (httpx.TransportError, httpx.RemoteProtocolError) as exc:
            result.fail("connection", f"connection error: {type(exc).__name__}: {exc}", retryable=True)
        except httpx.HTTPError as exc:
            result.fail("connection", f"HTTP error: {type(exc).__name__}: {exc}", retryable=True)
        if result.ok and not result.body and result.status == 200:
            result.fail("empty", "empty body", retryable=True)
        return None


def _read_headers(result: FetchResult, response: httpx.Response) -> None:
    result.content_type = response.headers.get("content-type")
    result.etag = response.headers.get("etag")
    result.last_modified = response.headers.get("last-modified")
    result.retry_after = _parse_retry_after(response.headers.get("retry-after"))


async def _read_body(response: httpx.Response, result: FetchResult, max_bytes: int, max_ratio: float) -> None:
    """Stream the raw body, decompress it ourselves, and stop at the first bound crossed."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        decoder = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        decoder = _Inflater(max_bytes, max_ratio)
    else:
        result.fail("encoding", f"unsupported content-encoding {encoding!r}")
        return
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        result.fail("too_large", f"body larger than {max_bytes} bytes (Content-Length {declared})")
        return
    wire = 0
    chunks: list[bytes] = []
    async for chunk in response.aiter_raw():
        wire += len(chunk)
        if wire > max_bytes:
            result.fail("too_large", f"body larger than {max_bytes} bytes")
            return
        if decoder is None:
            chunks.append(chunk)
            continue
        problem = decoder.feed(chunk, wire)
        if problem:
            result.fail(*problem)
            return
    if decoder is None:
        result.body = b"".join(chunks)
        return
    problem = decoder.finish()
    if problem:
        result.fail(*problem)
        return
    result.body = decoder.body()


class _Inflater:
    """gzip/zlib/raw-deflate decompression that never expands past its limits."""

    def __init__(self, max_bytes: int, max_ratio: float) -> None:
        self._max_bytes = max_bytes
        self._max_ratio = max_ratio
        self._obj: Any = None
        self._out: list[bytes] = []
        self._size = 0

    def feed(self, chunk: bytes, wire: int) -> tuple[str, str] | None:
        if not chunk:
            return None
        if self._obj is None:
            self._obj = zlib.decompressobj(47)  # 47: a gzip or zlib header, detected
            first = True
        else:
            first = False
        try:
            return self._inflate(chunk, wire)
        except zlib.error as exc:
            if first and self._size == 0:  # "deflate" sent as a bare stream, without a zlib header
                self._obj = zlib.decompressobj(-15)
                try:
                    return self._inflate(chunk, wire)
                except zlib.error:
                    pass
            return "encoding", f"invalid compressed body: {exc}"

    def _inflate(self, data: bytes, wire: int) -> tuple[str, str] | None:
        while data:
            out = self._obj.decompress(data, self._max_bytes - self._size + 1)
            self._size += len(out)
            self._out.append(out)
            if self._size > self._max_bytes:
                return "bomb", f"decompressed body larger than {self._max_bytes} bytes"
            if self._size > BOMB_FLOOR and self._size > self._max_ratio * wire:
                return "bomb", f"compression ratio above {self._max_ratio:g} (decompression bomb)"
            if self._obj.eof:
                break
            data = self._obj.unconsumed_tail
        return None

    def finish(self) -> tuple[str, str] | None:
        if self._obj is None:
            return None
        if not self._obj.eof:
            return "encoding", "compressed body ends before its end marker (truncated or invalid)"
        return None

    def body(self) -> bytes:
        return b"".join(self._out)


def _accepted(content_type: str, accept: tuple[str, ...]) -> bool:
    media = _media_type(content_type)
    return any(token in media for token in accept)


def _media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def _shared_hosts(settings: FetchSettings) -> SharedHosts:
    if settings.host_state_dir.lower() in ("off", "none", "no"):
        return SharedHosts(None)
    return SharedHosts(Path(settings.host_state_dir) if settings.host_state_dir else default_state_dir())


def _retry_delay(result: FetchResult, settings: FetchSettings, attempt: int) -> float | None:
    """Seconds to wait before the next attempt, or None to give up for this run."""
    if result.retry_after is not None and result.status in (429, 503):
        if result.retry_after > settings.max_retry_after:
            return None
        return result.retry_after
    return min(settings.backoff * (2**attempt), settings.max_retry_after)


def _fetch_file(url: str, settings: FetchSettings) -> FetchResult:
    path = Path(unquote(urlsplit(url).path))
    result = FetchResult(url, final_url=url)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            return result.fail("too_large", f"file larger than {settings.max_bytes} bytes")
        body = path.read_bytes()
    except FileNotFoundError:
        return result.fail("file", f"file not found: {path}")
    except OSError as exc:
        return result.fail("file", f"cannot read {path}: {exc.strerror or exc}")
    result.status, result.body, result.content_type = 200, body, _guess_type(path)
    if not body:
        return result.fail("empty", "empty file")
    return result


def _guess_type(path: Path) -> str | None:
    return {
        ".html": "text/html",
        ".htm": "text/html",
        ".xml": "application/xml",
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".txt": "text/plain",
    }.get(path.suffix.lower())


# -- synchronous use ---------------------------------------------------------


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion from sync code, even inside a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="newsclaims-fetch")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def fetch(
    url: str,
    settings: FetchSettings | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: tuple[str, ...] | None = None,
    allow_file: bool | None = None,
) -> FetchResult:
    """Fetch one URL synchronously (same rules and bounds as ``Fetcher.fetch``)."""

    async def one() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(
                url, etag=etag, last_modified=last_modified, accept=accept, allow_file=allow_file
            )

    return run_sync(one())
