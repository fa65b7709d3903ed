"""Fetch feeds and article pages over HTTP(S) (httpx) or from local files.

``fetch`` never raises for a bad response: it returns a ``FetchResult`` whose
``error`` says what went wrong, and ``retryable`` whether a later run should
try again. Connection errors, 429 and 5xx are retried with exponential
backoff within the call.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from pipeline.settings import FetchSettings

RETRY_STATUSES = {429, 500, 502, 503, 504}


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
    retryable: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


def fetch(
    url: str,
    settings: FetchSettings | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
) -> FetchResult:
    """Fetch ``url``; conditional when ``etag``/``last_modified`` are given."""
    settings = settings or FetchSettings()
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file":
        return _fetch_file(url, settings)
    if scheme not in ("http", "https"):
        return FetchResult(url, error=f"unsupported URL scheme {scheme or '(none)'!r}")
    own_client = client is None
    client = client or make_client(settings)
    try:
        return _fetch_http(url, settings, client, etag=etag, last_modified=last_modified)
    finally:
        if own_client:
            client.close()


def make_client(settings: FetchSettings) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
    )


def _fetch_http(
    url: str,
    settings: FetchSettings,
    client: httpx.Client,
    *,
    etag: str | None,
    last_modified: str | None,
) -> FetchResult:
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    attempt = 0
    while True:
        result = _one_request(url, settings, client, headers)
        if not result.retryable or attempt >= settings.retries:
            return result
        time.sleep(_retry_delay(result, settings, attempt))
        attempt += 1


def _one_request(url: str, settings: FetchSettings, client: httpx.Client, headers: dict[str, str]) -> FetchResult:
    result = FetchResult(url)
    try:
        with client.stream("GET", url, headers=headers) as response:
            result.final_url = str(response.url)
            result.status = response.status_code
            result.content_type = response.headers.get("content-type")
            result.etag = response.headers.get("etag")
            result.last_modified = response.headers.get("last-modified")
            if response.status_code == 304:
                result.not_modified = True
                return result
            if response.status_code >= 400:
                result.error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                result.retryable = response.status_code in RETRY_STATUSES
                result.body = response.headers.get("retry-after", "").encode()
                return result
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    result.error = f"body larger than {settings.max_bytes} bytes"
                    return result
                chunks.append(chunk)
            result.body = b"".join(chunks)
    except httpx.TooManyRedirects:
        result.error = f"more than {settings.max_redirects} redirects"
    except httpx.TimeoutException as exc:
        result.error = f"timeout ({type(exc).__name__})"
        result.retryable = True
    except httpx.DecodingError as exc:
        result.error = f"undecodable body: {exc}"
    except (httpx.TransportError, httpx.RemoteProtocolError) as exc:
        result.error = f"connection error: {type(exc).__name__}: {exc}"
        result.retryable = True
    except httpx.HTTPError as exc:
        result.error = f"HTTP error: {type(exc).__name__}: {exc}"
    return result


def _retry_delay(result: FetchResult, settings: FetchSettings, attempt: int) -> float:
    delay = settings.backoff * (2**attempt)
    retry_after = result.body.decode("ascii", "ignore").strip() if result.status == 429 else ""
    if retry_after:
        try:
            delay = float(retry_after)
        except ValueError:
            try:
                delay = parsedate_to_datetime(retry_after).timestamp() - time.time()
            except (TypeError, ValueError):
                pass
    return max(0.0, min(delay, settings.max_retry_after))


def _fetch_file(url: str, settings: FetchSettings) -> FetchResult:
    if not settings.allow_file:
        return FetchResult(url, error="file:// URLs are disabled (allow_file = false)")
    path = Path(unquote(urlsplit(url).path))
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            return FetchResult(url, error=f"file larger than {settings.max_bytes} bytes")
        body = path.read_bytes()
    except FileNotFoundError:
        return FetchResult(url, error=f"file not found: {path}")
    except OSError as exc:
        return FetchResult(url, error=f"cannot read {path}: {exc.strerror or exc}")
    return FetchResult(url, final_url=url, status=200, body=body, content_type=_guess_type(path))


def _guess_type(path: Path) -> str | None:
    return {
        ".html": "text/html",
        ".htm": "text/html",
        ".xml": "application/xml",
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".txt": "text/plain",
    }.get(path.suffix.lower())
