"""Which URLs may be fetched at all: the scheme rule and the SSRF guard.

Only http and https are fetched (``file://`` when allowed). A host that
resolves to a private, loopback, link-local, multicast or reserved address is
refused unless ``allow_private_hosts`` names it (a host name, an IP address
or a CIDR network). Every redirect hop is checked again by the fetcher.

The fetcher connects through ``GuardedBackend``: the TCP connection goes to an
address this guard resolved and vetted, never to a second DNS answer, so a
name that resolves to a public address when checked and to a private one when
connecting (DNS rebinding) is refused. TLS still verifies the host name.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Refused(Exception):
    """A URL that policy forbids fetching; the message is the reason."""


class Unresolvable(Exception):
    """A host name that does not resolve (possibly for now: DNS trouble)."""


def check_scheme(url: str, *, allow_file: bool) -> str:
    """The URL's scheme, lower-cased; ``Refused`` if it may not be fetched."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return scheme
    if scheme == "file":
        if allow_file:
            return scheme
        raise Refused("file:// URLs are disabled (set allow_file, or list the feed as a local path)")
    raise Refused(f"unsupported URL scheme {scheme or '(none)'!r} (only http and https)")


def is_public(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


class HostGuard:
    """Resolve hosts (cached per guard) and refuse non-public addresses."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self._names: set[str] = set()
        self._networks: list[IPNetwork] = []
        for item in allow:
            item = item.strip().lower()
            try:
                self._networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self._names.add(item.strip("[]"))
        self._cache: dict[tuple[str, int], list[IPAddress]] = {}

    def _allowed(self, host: str, ip: IPAddress) -> bool:
        return host in self._names or any(ip in net for net in self._networks)

    async def check(self, url: str) -> None:
        """Raise ``Refused`` or ``Unresolvable``; return if ``url``'s host may be fetched."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if not host:
            raise Refused("URL has no host")
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as exc:
            raise Refused(f"bad port in URL: {exc}") from exc
        await self.vetted(host, port)

    async def vetted(self, host: str, port: int) -> list[IPAddress]:
        """The addresses of ``host`` (resolved once per guard); ``Refused`` if one is not public."""
        host = host.lower().strip("[]")
        addresses = await self._resolve(host, port)
        for ip in addresses:
            if not is_public(ip) and not self._allowed(host, ip):
                raise Refused(
                    f"{host} resolves to non-public address {ip} (add it to allow_private_hosts to permit)"
                )
        return addresses

    async def _resolve(self, host: str, port: int) -> list[IPAddress]:
        key = (host, port)
        if key in self._cache:
            return self._cache[key]
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise Unresolvable(f"cannot resolve {host}: {exc}") from exc
            addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        if not addresses:
            raise Unresolvable(f"cannot resolve {host}: no addresses")
        self._cache[key] = addresses
        return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects only to addresses ``guard`` vetted.

    httpcore asks it for a TCP connection to the URL's host; it connects to the
    addresses the guard resolved (and cached) when it checked that host, trying
    each in turn, so no second DNS lookup can send the request elsewhere.
    """

    def __init__(self, guard: HostGuard, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._guard = guard
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self._guard.vetted(host, port)
        except Unresolvable as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        error: Exception | None = None
        for ip in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(ip), port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(guard: HostGuard, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connections go through ``GuardedBackend`` (no proxies)."""
    transport = httpx.AsyncHTTPTransport(limits=limits, trust_env=False)
    # the same pool httpx builds for a direct connection, with our network backend
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(guard),
    )
    return transport
