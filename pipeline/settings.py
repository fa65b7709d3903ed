"""Fetch and run settings: defaults in one place, overridable per call or by
``NEWSCLAIMS_*`` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from pipeline import __version__

USER_AGENT = f"newsclaims/{__version__} (+https://github.com/newsclaims/newsclaims; news claim extraction)"


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = 5_000_000  # largest body accepted, checked while streaming
    max_redirects: int = 5
    retries: int = 3  # extra attempts on connection errors, 429 and 5xx
    backoff: float = 0.5  # seconds, doubled each retry
    max_retry_after: float = 30.0  # cap on a server's Retry-After
    allow_file: bool = True  # file:// URLs and local paths (fixtures, offline demos)
    concurrency: int = 8  # fetches at once in total
    per_host_concurrency: int = 2
    min_host_delay: float = 0.0  # seconds between two requests to one host
    respect_robots: bool = True
    allow_private_hosts: tuple[str, ...] = field(default_factory=tuple)  # hosts/CIDRs allowed despite being private

    @classmethod
    def from_env(cls, **overrides: object) -> FetchSettings:
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(f"NEWSCLAIMS_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("bool",):
                values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif f.type in ("int",):
                values[f.name] = int(raw)
            elif f.type in ("float",):
                values[f.name] = float(raw)
            elif f.name == "allow_private_hosts":
                values[f.name] = tuple(h.strip() for h in raw.split(",") if h.strip())
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
