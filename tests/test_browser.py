"""A real browser against a real `newsclaims serve`: headless Chromium (Debian's
``chromium``; Playwright cannot download its own here) opens the claims, applies
a facet, searches, runs a stored query and looks at the chart."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_db import build_fixture_db

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("NEWSCLAIMS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent

if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"newsclaims serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"newsclaims serve did not answer at {url} within {timeout}s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db_path = build_fixture_db(tmp_path_factory.mktemp("browser") / "claims.db")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db_path), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/newsclaims.json", proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_analyst_walkthrough(server: str, browser, tmp_path: Path) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    outside: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(server) else outside.append(request.url),
    )

    # 1. the claims, newest first, with the seed claims
    page.goto(f"{server}/newsclaims/claims_enriched")
    sync_api.expect(page.locator("h1")).to_contain_text("Claims, enriched")
    table = page.locator("table.rows-and-columns")
    for seed in ("nearly $500 million", "$20 billion", "26 billion RMB", "100 million"):
        sync_api.expect(table.locator("mark.figure", has_text=seed).first).to_be_visible()
    page.screenshot(path=str(tmp_path / "1-claims.png"), full_page=False)

    # 2. apply a facet: the feed "Other Wire"
    page.locator(".facet-info[data-column='feed'] a", has_text="Other Wire").click()
    page.wait_for_url("**feed=Other+Wire**")
    feeds = page.locator("td.col-feed").all_inner_texts()
    assert feeds and set(feeds) == {"Other Wire"}
    assert set(page.locator("td.col-surface").all_inner_texts()) == {
        "$600 million",
        "$1 billion",
        "$40 billion",
    }
    # the <script> in the article text is shown as text and never runs
    sync_api.expect(table).to_contain_text('<script>alert("owned")</script>')
    assert dialogs == []
    page.screenshot(path=str(tmp_path / "2-facet.png"), full_page=False)

    # 3. full-text search on sentences
    page.goto(f"{server}/newsclaims/sentences")
    page.fill("input[name=_search]", "fourfold")
    page.locator("input[name=_search]").press("Enter")
    page.wait_for_url("**_search=fourfold**")
    texts = page.locator("td.col-text").all_inner_texts()
    assert len(texts) == 1 and "nearly $500 million" in texts[0]

    # 4. a stored query with a parameter: figures that disagree across sources
    page.goto(f"{server}/newsclaims/disagreements")
    page.fill("input[name=metric]", "arr")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url("**metric=arr**")
    result = page.locator("table.rows-and-columns")
    sync_api.expect(result).to_contain_text("nearly $500 million")
    sync_api.expect(result).to_contain_text("$600 million")
    sync_api.expect(result).to_contain_text("Other Wire")
    page.screenshot(path=str(tmp_path / "3-disagreements.png"), full_page=True)

    # 5. the chart: a metric over time per subject
    page.goto(f"{server}/newsclaims/metric_over_time?metric=valuation&subject=&unit=USD")
    chart = page.locator("figure.newsclaims-chart svg")
    sync_api.expect(chart).to_be_visible()
    assert page.locator("circle.point[data-subject='Keling AI']").count() == 2
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 150
    page.screenshot(path=str(tmp_path / "4-chart.png"), full_page=False)

    assert dialogs == []
    assert outside == [], f"the pages fetched something outside the server: {outside}"
    page.close()
