"""A small threaded HTTP server on 127.0.0.1 that misbehaves on purpose.

Each path answers one fault (see ``FAULTS``); ``/ok/<name>`` serves a good
article with an ETag and Last-Modified and answers 304 to a matching
conditional GET; ``/slow/<name>`` is a good article served after
``slow_delay`` seconds; ``/feed.xml`` lists whatever ``feed_paths`` holds.
Every request is logged (path, headers, time) so tests can check politeness.
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

ARTICLE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="Ada Reporter">
<meta property="article:published_time" content="2026-03-12T09:00:00Z"></head>
<body><nav>Home | Markets | Privacy policy</nav>
<article><h1>{title}</h1>
<p>Acme Corp said on Thursday that revenue rose 12% to $4.2 billion in the third quarter,
beating forecasts.</p>
<p>The company expects operating profit of about $600 million next year, its chief executive
told analysts.</p>
<p>Shares in Acme rose 3% in early trading after the results, which also showed {extra} growth
in cloud sales.</p>
</article><footer>Privacy policy | Contact</footer></body></html>
"""

LAST_MODIFIED = formatdate(1_767_225_600, usegmt=True)  # 2026-01-01


def article_html(title: str, extra: str = "strong") -> bytes:
    return ARTICLE.format(title=escape(title), extra=extra).encode("utf-8")


@functools.cache
def _bomb() -> bytes:
    return gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # ~50 KB on the wire, 50 MB inflated


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    started: float
    finished: float = 0.0


class FaultServer:
    """``with FaultServer() as server: server.url("/500")``."""

    def __init__(self, *, slow_delay: float = 0.3, drip_gap: float = 2.0) -> None:
        self.slow_delay = slow_delay
        self.drip_gap = drip_gap
        _bomb()  # built once per process now, not inside a client's 0.4 s read timeout
        self.hits: list[Hit] = []
        self.counts: Counter[str] = Counter()
        self.fail_first: dict[str, int] = {"/503-then-200": 1, "/429-then-200": 1}
        self.feed_paths: list[str] = []
        self.robots = "User-agent: *\nDisallow: /private/\n"
        self.content: dict[str, bytes] = {}  # per-path override of the good article body
        self._lock = threading.Lock()
        self._active: Counter[str] = Counter()
        self.max_active = 0
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def feed_xml(self) -> bytes:
        items = "".join(
            f"<item><title>{escape(p)}</title><link>{escape(self.url(p))}</link>"
            f"<guid>{escape(p)}</guid><pubDate>Thu, 12 Mar 2026 09:00:00 GMT</pubDate></item>"
            for p in self.feed_paths
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Fault feed</title><link>{self.base}/</link>{items}</channel></rss>"
        ).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                hit = Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with server._lock:
                    server.hits.append(hit)
                    server.counts[self.path] += 1
                    count = server.counts[self.path]
                    server._active["all"] += 1
                    server.max_active = max(server.max_active, server._active["all"])
                try:
                    server._answer(self, count)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    hit.finished = time.monotonic()
                    with server._lock:
                        server._active["all"] -= 1

        return Handler

    # -- the answers -----------------------------------------------------------

    def _answer(self, h: BaseHTTPRequestHandler, count: int) -> None:
        path = h.path.split("?")[0]  # a query only makes a distinct URL (and counter)
        if path in self.fail_first and count <= self.fail_first[path]:
            if path.startswith("/429"):
                return _send(h, 429, b"slow down", headers={"Retry-After": "1"})
            return _send(h, 503, b"busy")
        if path == "/robots.txt":
            return _send(h, 200, self.robots.encode(), "text/plain")
        if path == "/feed.xml":
            return _send(h, 200, self.feed_xml(), "application/rss+xml")
        if path.startswith(("/ok/", "/private/", "/503-then-200", "/429-then-200")):
            return self._good(h, path)
        if path.startswith("/slow/"):
            time.sleep(self.slow_delay)
            return self._good(h, path)
        if path == "/500":
            return _send(h, 500, b"oops")
        if path == "/429-long":
            return _send(h, 429, b"come back tomorrow", headers={"Retry-After": "86400"})
        if path == "/slow-drip":
            return self._drip(h)
        if path == "/truncated":
            return _send(h, 200, article_html("Truncated")[:200], "text/html", length=20_000)
        if path == "/bad-gzip":
            return _send(h, 200, b"\x1f\x8b\x08\x00" + b"not really gzip" * 50, "text/html", encoding="gzip")
        if path == "/gzip-bomb":
            return _send(h, 200, _bomb(), "text/html", encoding="gzip")
        if path == "/gzip-ok":
            return _send(h, 200, gzip.compress(article_html("Gzipped fine")), "text/html", encoding="gzip")
        if path in ("/loop-a", "/loop-b"):
            target = "/loop-b" if path == "/loop-a" else "/loop-a"
            return _send(h, 302, b"", headers={"Location": target})
        if path == "/redirect-to-metadata":  # SSRF through a redirect
            return _send(h, 302, b"", headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        if path == "/redirect-to-ok":
            return _send(h, 301, b"", headers={"Location": "/ok/redirected"})
        if path == "/big-script":
            script = b"<script>" + b"var x = 'padding';\n" * 550_000 + b"</script>"  # ~10 MB
            body = article_html("Big script").replace(b"</head>", script + b"</head>")
            return _send(h, 200, body, "text/html; charset=utf-8")
        if path == "/big-stream":  # no Content-Length: only the streaming limit can stop it
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            for _ in range(12):
                h.wfile.write(b"<p>" + b"x" * 1_000_000 + b"</p>")
            return None
        if path == "/wrong-charset":
            body = article_html("Caf\u00e9 prices \u2013 \u20ac3 each", extra="caf\u00e9 and cr\u00e8me")
            return _send(h, 200, body, "text/html; charset=iso-8859-1")  # bytes are UTF-8
        if path == "/empty":
            return _send(h, 200, b"", "text/html")
        if path == "/pdf":
            return _send(h, 200, b"%PDF-1.4 not html", "application/pdf")
        return _send(h, 404, b"not found")

    def _good(self, h: BaseHTTPRequestHandler, path: str) -> None:
        body = self.content.get(path) or article_html(f"Article {path}")
        etag = f'"{zlib.crc32(body):08x}"'
        if h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == LAST_MODIFIED:
            return _send(h, 304, b"", headers={"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        _send(h, 200, body, "text/html; charset=utf-8", headers=headers)

    def _drip(self, h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        h.wfile.write(b"<html>")
        h.wfile.flush()
        for _ in range(20):
            time.sleep(self.drip_gap)
            h.wfile.write(b" ")
            h.wfile.flush()


def _send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str | None = None,
    *,
    headers: dict[str, str] | None = None,
    encoding: str | None = None,
    length: int | None = None,
) -> None:
    h.send_response(status)
    if content_type:
        h.send_header("Content-Type", content_type)
    if encoding:
        h.send_header("Content-Encoding", encoding)
    for key, value in (headers or {}).items():
        h.send_header(key, value)
    h.send_header("Content-Length", str(len(body) if length is None else length))
    h.end_headers()
    if body:
        h.wfile.write(body)
    h.wfile.flush()
