"""Shared fixtures: paths to the repo's fixtures and to ../shared, DB paths,
and Prefect settings that keep test runs quiet and uncached."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED", REPO.parent / "shared"))

# Prefect reads these at import; set them before any test imports the flow.
os.environ.setdefault("PREFECT_HOME", str(REPO / ".prefect"))
os.environ.setdefault("PREFECT_TASKS_DISABLE_CACHING", "true")
os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED", "false")


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test skips when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared absent)")
    return path


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"
