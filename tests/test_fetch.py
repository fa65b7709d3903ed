"""The fetcher against a misbehaving loopback server: bounds, politeness,
robots.txt, the SSRF guard and conditional GET. No Prefect here."""

from __future__ import annotations

import asyncio
import asyncio.base_events
import socket
import time
from collections.abc import Iterator

import httpcore
import pytest

from pipeline.encoding import decode_body
from pipeline.fetch import HTML_TYPES, Fetcher, FetchResult, fetch
from pipeline.netguard import GuardedBackend, HostGuard, Refused
from pipeline.robots import clear_shared_cache
from pipeline.settings import USER_AGENT, FetchSettings, SettingsError
from tests.faultserver import LAST_MODIFIED, FaultServer


@pytest.fixture
def server() -> Iterator[FaultServer]:
    clear_shared_cache()
    with FaultServer(slow_delay=0.3, drip_gap=1.0) as srv:
        yield srv


def loopback(**overrides: object) -> FetchSettings:
    values: dict[str, object] = {
        "allow_private_hosts": ("127.0.0.1",),
        "retries": 1,
        "backoff": 0.01,
        "read_timeout": 0.4,
        "connect_timeout": 1.0,
        "total_timeout": 10.0,
        "max_retry_after": 2.0,
    }
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


def get(server: FaultServer, path: str, **overrides: object) -> FetchResult:
    return fetch(server.url(path), loopback(**overrides), accept=HTML_TYPES)


# (path, kind, retryable, words in the error) - the fault table of docs/faults.md
FAULTS = [
    ("/500", "http", True, "HTTP 500"),
    ("/429-long", "http", True, "HTTP 429"),
    ("/slow-drip", "timeout", True, "ReadTimeout"),
    ("/truncated", "connection", True, "RemoteProtocolError"),
    ("/bad-gzip", "encoding", False, "invalid compressed body"),
    ("/gzip-bomb", "bomb", False, "decompressed body larger than"),
    ("/loop-a", "redirects", False, "redirect loop"),
    ("/big-script", "too_large", False, "larger than 5000000 bytes"),
    ("/big-stream", "too_large", False, "larger than 5000000 bytes"),
    ("/empty", "empty", True, "empty body"),
    ("/pdf", "content_type", False, "application/pdf"),
    ("/private/secret", "robots", False, "disallowed by robots.txt"),
    ("/nowhere", "http", False, "HTTP 404"),
]


@pytest.mark.parametrize(("path", "kind", "retryable", "words"), FAULTS, ids=[f[0] for f in FAULTS])
def test_each_fault_gives_a_clear_failure(server, path, kind, retryable, words):
    result = get(server, path)
    assert not result.ok and result.body == b""
    assert (result.kind, result.retryable) == (kind, retryable), result.error
    assert words in result.error


def test_transient_5xx_is_retried_within_the_call(server):
    result = get(server, "/503-then-200")
    assert result.ok and result.status == 200 and result.attempts == 2
    assert server.counts["/503-then-200"] == 2


def test_without_retries_503_fails_retryable_then_the_next_call_succeeds(server):
    first = get(server, "/503-then-200", retries=0)
    assert (first.ok, first.retryable, first.status) == (False, True, 503)
    assert get(server, "/503-then-200", retries=0).ok


def test_429_waits_for_retry_after(server):
    started = time.monotonic()
    result = get(server, "/429-then-200")
    assert result.ok and time.monotonic() - started >= 0.9


def test_429_with_a_long_retry_after_gives_up_at_once_for_a_later_run(server):
    started = time.monotonic()
    result = get(server, "/429-long", retries=3)
    assert result.retryable and result.attempts == 1 and time.monotonic() - started < 1
    assert result.retry_after == pytest.approx(86400, abs=1)


def test_slow_drip_is_cut_by_the_total_timeout(server):
    server.drip_gap = 0.1  # each gap is within the read timeout
    result = get(server, "/slow-drip", read_timeout=1.0, total_timeout=0.8, retries=0)
    assert result.kind == "timeout" and "longer than 0.8 s" in result.error


def test_gzip_bomb_ratio_is_caught_below_the_size_limit(server):
    result = get(server, "/gzip-bomb", max_bytes=200_000_000)
    assert result.kind == "bomb" and "ratio" in result.error


def test_good_gzip_is_decompressed(server):
    result = get(server, "/gzip-ok")
    assert result.ok and b"Gzipped fine" in result.body


def test_wrong_declared_charset_still_decodes(server):
    result = get(server, "/wrong-charset")
    assert result.ok
    text = decode_body(result.body, result.content_type)
    assert "Caf\u00e9 prices \u2013 \u20ac3" in text and "Ã" not in text


def test_redirects_are_followed_and_bounded(server):
    result = get(server, "/redirect-to-ok")
    assert result.ok and result.final_url == server.url("/ok/redirected")
    assert get(server, "/redirect-to-ok", max_redirects=0).kind == "redirects"


def test_conditional_get_gives_304_and_keeps_validators(server):
    first = get(server, "/ok/a")
    assert first.ok and first.etag and first.last_modified == LAST_MODIFIED
    again = fetch(server.url("/ok/a"), loopback(), etag=first.etag)
    assert again.not_modified and again.body == b"" and again.etag == first.etag
    by_date = fetch(server.url("/ok/a"), loopback(), last_modified=LAST_MODIFIED)
    assert by_date.not_modified and by_date.last_modified == LAST_MODIFIED
    sent = [h.headers for h in server.hits if h.path == "/ok/a"]
    assert sent[1]["if-none-match"] == first.etag and sent[2]["if-modified-since"] == LAST_MODIFIED


def test_user_agent_names_the_tool(server):
    get(server, "/ok/ua")
    assert all(h.headers["user-agent"] == USER_AGENT for h in server.hits)
    assert USER_AGENT.startswith("newsclaims/")


def test_robots_txt_is_read_once_and_respected(server):
    assert get(server, "/ok/1").ok and get(server, "/ok/2").ok
    assert server.counts["/robots.txt"] == 1  # shared across fetchers in one process
    assert get(server, "/private/x", respect_robots=False).ok


def test_robots_txt_server_error_means_wait(server):
    clear_shared_cache()
    server.fail_first["/robots.txt"] = 99
    result = get(server, "/ok/x")
    assert result.kind == "robots" and result.retryable and "robots.txt unavailable" in result.error


def test_robots_crawl_delay_spaces_requests(server):
    clear_shared_cache()
    server.robots = "User-agent: *\nCrawl-delay: 0.3\n"
    paths = [f"/ok/cd{i}" for i in range(3)]
    results = fetch_many(server, paths, loopback(per_host_concurrency=4))
    assert all(r.ok for r in results)
    starts = sorted(h.started for h in server.hits if h.path.startswith("/ok/cd"))
    assert all(b - a >= 0.28 for a, b in zip(starts, starts[1:], strict=False))


def fetch_many(server: FaultServer, paths: list[str], settings: FetchSettings) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        async with Fetcher(settings) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(server.url(p), accept=HTML_TYPES) for p in paths))

    return asyncio.run(run())


def test_per_host_limit_holds_under_concurrency(server):
    started = time.monotonic()
    results = fetch_many(
        server, [f"/slow/{i}" for i in range(8)], loopback(concurrency=8, per_host_concurrency=2)
    )
    assert all(r.ok for r in results)
    assert server.max_active <= 2
    assert time.monotonic() - started >= 4 * 0.3 - 0.05  # 8 pages, 2 at a time, 0.3 s each


def test_global_limit_caps_all_hosts(server):
    results = fetch_many(
        server, [f"/slow/g{i}" for i in range(6)], loopback(concurrency=3, per_host_concurrency=6)
    )
    assert all(r.ok for r in results) and server.max_active <= 3


def test_fetches_run_concurrently(server):
    started = time.monotonic()
    fetch_many(server, [f"/slow/c{i}" for i in range(6)], loopback(concurrency=6, per_host_concurrency=6))
    assert time.monotonic() - started < 6 * 0.3  # faster than one after another


def test_minimum_host_delay(server):
    fetch_many(server, [f"/ok/d{i}" for i in range(3)], loopback(per_host_concurrency=3, min_host_delay=0.25))
    starts = sorted(h.started for h in server.hits if h.path.startswith("/ok/d"))
    assert all(b - a >= 0.23 for a, b in zip(starts, starts[1:], strict=False))


# -- the SSRF guard and the scheme rule ----------------------------------------


def test_loopback_is_refused_unless_allowed(server):
    refused = fetch(server.url("/ok/a"), FetchSettings(respect_robots=False))
    assert refused.kind == "refused" and "non-public address 127.0.0.1" in refused.error
    assert server.hits == []  # nothing was sent
    assert fetch(server.url("/ok/a"), FetchSettings(allow_private_hosts=("127.0.0.0/8",))).ok


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/x",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://localhost:9/",
    ],
)
def test_private_link_local_and_loopback_addresses_are_refused(url):
    result = fetch(url, FetchSettings(connect_timeout=0.5))
    assert result.kind == "refused" and not result.retryable, result.error


def test_a_redirect_to_a_private_address_is_refused(server):
    result = fetch(server.url("/redirect-to-metadata"), loopback())
    assert result.kind == "refused" and "169.254.169.254" in result.error


@pytest.mark.parametrize("url", ["ftp://example.com/feed", "gopher://x/", "javascript:alert(1)", "/relative"])
def test_only_http_and_https(url):
    result = fetch(url)
    assert result.kind == "refused" and "scheme" in result.error


def test_file_urls_need_permission(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<p>hi</p>")
    assert fetch(page.as_uri()).kind == "refused"
    assert fetch(page.as_uri(), FetchSettings(allow_file=True)).body == b"<p>hi</p>"
    assert fetch(page.as_uri(), allow_file=True).ok
    assert fetch((tmp_path / "missing.html").as_uri(), allow_file=True).kind == "file"


def test_sync_fetch_works_inside_a_running_event_loop(server):
    async def inner() -> FetchResult:
        return fetch(server.url("/ok/loop"), loopback())

    assert asyncio.run(inner()).ok


def test_settings_from_environment(monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_READ_TIMEOUT", "3.5")
    monkeypatch.setenv("NEWSCLAIMS_RESPECT_ROBOTS", "false")
    monkeypatch.setenv("NEWSCLAIMS_ALLOW_PRIVATE_HOSTS", "127.0.0.1, 10.0.0.0/8")
    settings = FetchSettings.from_env(retries=0)
    assert settings.read_timeout == 3.5 and settings.respect_robots is False and settings.retries == 0
    assert settings.allow_private_hosts == ("127.0.0.1", "10.0.0.0/8")
    monkeypatch.setenv("NEWSCLAIMS_MAX_BYTES", "lots")
    with pytest.raises(SettingsError, match="NEWSCLAIMS_MAX_BYTES"):
        FetchSettings.from_env()


# -- DNS rebinding: connections go to the address the guard vetted ------------------


class _RecordingBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.hosts: list[str] = []

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.hosts.append(host)
        raise httpcore.ConnectError("recorded, not connected")


@pytest.fixture
def changing_dns(monkeypatch) -> list[str]:
    """A resolver whose answer for any name is the next address of the returned list."""
    answers: list[str] = []

    async def getaddrinfo(self, host, port, *args, **kwargs):
        ip = answers.pop(0)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]

    monkeypatch.setattr(asyncio.base_events.BaseEventLoop, "getaddrinfo", getaddrinfo)
    return answers


def test_the_connection_goes_to_the_vetted_address_not_to_a_second_dns_answer(changing_dns):
    changing_dns.extend(["93.184.216.34", "127.0.0.1"])  # public when checked, loopback after
    recorder = _RecordingBackend()
    guard = HostGuard()

    async def run() -> None:
        await guard.check("http://news.example/a")
        with pytest.raises(httpcore.ConnectError):
            await GuardedBackend(guard, recorder).connect_tcp("news.example", 80)

    asyncio.run(run())
    assert recorder.hosts == ["93.184.216.34"]


def test_a_host_first_resolved_when_connecting_is_checked_there(changing_dns):
    changing_dns.append("10.0.0.7")
    recorder = _RecordingBackend()

    async def run() -> None:
        with pytest.raises(Refused, match="non-public address 10.0.0.7"):
            await GuardedBackend(HostGuard(), recorder).connect_tcp("intranet.example", 80)

    asyncio.run(run())
    assert recorder.hosts == []


def test_fetch_by_host_name_connects_through_the_guard(server):
    url = server.url("/ok/named").replace("127.0.0.1", "localhost")
    assert fetch(url, loopback(allow_private_hosts=("localhost",))).ok
    assert fetch(url, loopback(allow_private_hosts=())).kind == "refused"
