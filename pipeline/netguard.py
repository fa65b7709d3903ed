"""Which URLs may be fetched at all: the scheme rule and the SSRF guard.

Only http and https are fetched (``file://`` when allowed). A host that
resolves to a private, loopback, link-local, multicast or reserved address is
refused unless ``allow_private_hosts`` names it (a host name, an IP address
or a CIDR network). Every redirect hop is checked again by the fetcher.

Known limit: the address is checked when we resolve it, and httpx resolves it
again to connect; a DNS answer that changes in between (DNS rebinding) is not
caught. Run untrusted feed lists on a host whose egress is firewalled too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

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
        for ip in await self._resolve(host, port):
            if not is_public(ip) and not self._allowed(host, ip):
                raise Refused(
                    f"{host} resolves to non-public address {ip} (add it to allow_private_hosts to permit)"
                )

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
