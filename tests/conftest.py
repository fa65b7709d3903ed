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


@pytest.fixture
def demo_site(httpserver, tmp_path: Path) -> Path:
    """Serve the demo feed and its articles; return a feeds file pointing at them."""
    httpserver.expect_request("/feeds/demo.xml").respond_with_data(
        (FIXTURES / "feeds" / "demo.xml").read_bytes(), content_type="application/rss+xml"
    )
    for page in (FIXTURES / "articles").glob("*.html"):
        httpserver.expect_request(f"/articles/{page.name}").respond_with_data(
            page.read_bytes(), content_type="text/html; charset=utf-8"
        )
    httpserver.expect_request("/feeds/broken.xml").respond_with_data("oops", status=500)
    feeds = tmp_path / "feeds.toml"
    demo, broken = httpserver.url_for("/feeds/demo.xml"), httpserver.url_for("/feeds/broken.xml")
    feeds.write_text(
        f'[[feeds]]\nname = "Demo over HTTP"\nurl = "{demo}"\ntags = ["demo"]\n\n'
        f'[[feeds]]\nname = "Broken"\nurl = "{broken}"\n'
    )
    return feeds


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``pure_python`` swap functions of the extractor modules; compiled modules call
    each other directly, so there the swap would be unseen and the test would prove nothing."""
    import extractors

    if extractors.NATIVE != "active":
        return
    skip = pytest.mark.skip(
        reason="swaps extractor functions; runs on the sources in `make test`'s pass with NEWSCLAIMS_NATIVE=0"
    )
    for item in items:
        if "pure_python" in item.keywords:
            item.add_marker(skip)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop Prefect's temporary server while pytest's streams are still open
    (its own atexit stop would log to a closed stream)."""
    import sys

    server_module = sys.modules.get("prefect.server.api.server")
    if server_module is not None:
        for server in list(server_module.SubprocessASGIServer._instances.values()):
            server.stop()
