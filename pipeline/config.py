"""Feeds files (TOML) and run settings."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pipeline.urls import resolve_location


class ConfigError(Exception):
    """A feeds file or setting that cannot be used."""


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    tags: tuple[str, ...] = field(default_factory=tuple)


def default_feeds_file() -> Path:
    """The bundled demo feed: the repo's fixtures when run from a checkout,
    else the copy shipped in the package."""
    repo_fixture = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "demo.toml"
    if repo_fixture.exists():
        return repo_fixture
    return Path(str(resources.files("pipeline") / "data" / "demo.toml"))


def load_feeds(path: str | Path) -> list[FeedConfig]:
    """Read a feeds file: ``[[feeds]]`` tables with ``name``, ``url`` and optional ``tags``."""
    feeds_path = Path(path)
    if not feeds_path.exists():
        raise ConfigError(f"feeds file not found: {feeds_path}")
    try:
        data = tomllib.loads(feeds_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{feeds_path}: not valid TOML: {exc}") from exc
    entries = data.get("feeds")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{feeds_path}: no [[feeds]] entries (each needs name and url)")
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("url"):
            raise ConfigError(f"{feeds_path}: feed #{n} has no url")
        url = resolve_location(str(entry["url"]), base=feeds_path.resolve().parent)
        if url in seen:
            continue
        seen.add(url)
        tags = entry.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ConfigError(f"{feeds_path}: feed #{n}: tags must be a list of strings")
        feeds.append(FeedConfig(name=str(entry.get("name") or url), url=url, tags=tuple(tags)))
    return feeds
