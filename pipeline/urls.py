"""Canonical URLs: one article, one key, whatever tracking junk a feed adds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
_TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "msclkid", "igshid", "yclid", "_ga", "ref", "ref_src",
    "cmpid", "ncid", "ocid", "smid", "at_medium", "at_campaign", "src", "rss",
}  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking
    parameters, the remaining query sorted. ``file://`` URLs keep their path."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return urlunsplit(("file", "", parts.path, "", ""))
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_PARAMS
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def resolve_location(location: str, base: Path | None = None) -> str:
    """A feed location from a feeds file as a URL: http(s) and file URLs stay,
    a local path (relative to ``base``) becomes a ``file://`` URL."""
    parts = urlsplit(location)
    if parts.scheme in ("http", "https", "file"):
        return location
    path = Path(location).expanduser()
    if not path.is_absolute() and base is not None:
        path = base / path
    return path.resolve().as_uri()


def join_url(base: str, link: str) -> str:
    return urljoin(base, link.strip())
