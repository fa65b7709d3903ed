"""Fetch and run settings: defaults in one place, overridable per call or by
``NEWSCLAIMS_*`` environment variables (``NEWSCLAIMS_READ_TIMEOUT=5``,
``NEWSCLAIMS_ALLOW_PRIVATE_HOSTS=127.0.0.1,10.0.0.0/8``, ...)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from pipeline import __version__

USER_AGENT = f"newsclaims/{__version__} (+https://github.com/newsclaims/newsclaims; news claim extraction)"
ROBOTS_AGENT = "newsclaims"  # the token robots.txt rules are matched against


class SettingsError(ValueError):
    """A setting (usually from the environment) that cannot be used."""


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest wait for the next bytes of a response
    total_timeout: float = 120.0  # longest time for one response, however slowly it drips
    max_bytes: int = 5_000_000  # largest body accepted, on the wire and decompressed, checked while streaming
    max_compression_ratio: float = 100.0  # decompressed/compressed above this is a bomb (past 1 MB)
    max_redirects: int = 5
    retries: int = 3  # extra attempts within one call on connection errors, timeouts, 429 and 5xx
    backoff: float = 0.5  # seconds, doubled each retry
    max_retry_after: float = 30.0  # cap on a server's Retry-After
    allow_file: bool = False  # file:// everywhere; local feeds named in a feeds file are always allowed
    concurrency: int = 8  # fetches at once in total
    per_host_concurrency: int = 2
    min_host_delay: float = 0.0  # seconds between the starts of two requests to one host
    max_crawl_delay: float = 10.0  # cap on a robots.txt Crawl-delay
    # where the per-host limits are shared by all processes of this user on this machine
    # ("" = ~/.cache/newsclaims/hosts; "off" = each process keeps its own limits)
    host_state_dir: str = ""
    respect_robots: bool = True
    chunk_size: int = 32  # articles fetched by one task before they are analysed and stored
    # hosts, IPs or CIDRs fetched although they resolve to private/loopback addresses
    allow_private_hosts: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_env(cls, **overrides: object) -> FetchSettings:
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"NEWSCLAIMS_{f.name.upper()}"
            raw = os.environ.get(name)
            if raw is None:
                continue
            try:
                values[f.name] = _parse(f.type, f.name, raw)
            except ValueError as exc:
                raise SettingsError(f"{name}={raw!r}: {exc}") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def _parse(kind: object, name: str, raw: str) -> object:
    if kind in ("bool", bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if kind in ("int", int):
        return int(raw)
    if kind in ("float", float):
        return float(raw)
    if name == "allow_private_hosts":
        return tuple(h.strip() for h in raw.split(",") if h.strip())
    return raw
