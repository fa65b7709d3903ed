"""Per-host politeness shared by processes: slots and start times held in files under one folder."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.shared_hosts import SharedHosts
from tests.faultserver import FaultServer

REPO = Path(__file__).resolve().parents[1]

FETCH_IN_A_PROCESS = textwrap.dedent(
    """
    import asyncio, sys
    from pipeline.fetch import Fetcher
    from pipeline.settings import FetchSettings

    base, state_dir, *paths = sys.argv[1:]
    settings = FetchSettings(
        allow_private_hosts=("127.0.0.1",), retries=0, respect_robots=False,
        per_host_concurrency=1, host_state_dir=state_dir,
    )

    async def run():
        async with Fetcher(settings) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(base + p) for p in paths))

    results = asyncio.run(run())
    sys.exit(0 if all(r.ok for r in results) else 1)
    """
)

HOLD_A_SLOT = textwrap.dedent(
    """
    import asyncio, sys, time
    from pathlib import Path
    from pipeline.shared_hosts import SharedHosts

    async def hold():
        async with SharedHosts(Path(sys.argv[1])).slot("example.org", 1):
            print("held", flush=True)
            await asyncio.sleep(60)

    asyncio.run(hold())
    """
)


def overlapping_starts(server: FaultServer) -> int:
    """Requests that started while another was still in its slow wait. Judged by start times, not
    by the server's in-flight count, which a handler lowers only after the client has its reply."""
    starts = sorted(h.started for h in server.hits if h.path.startswith("/slow/"))
    return sum(1 for a, b in zip(starts, starts[1:], strict=False) if b - a < server.slow_delay - 0.02)


def two_processes_fetch(server: FaultServer, state_dir: str) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", FETCH_IN_A_PROCESS, server.url(""), state_dir]
            + [f"/slow/{name}{i}" for i in range(5)],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        for name in ("a", "b")
    ]
    assert [proc.wait(timeout=60) for proc in procs] == [0, 0]


@pytest.mark.integration
def test_two_processes_keep_one_per_host_limit_together(tmp_path: Path):
    with FaultServer(slow_delay=0.3) as server:
        two_processes_fetch(server, str(tmp_path / "hosts"))
        assert len([h for h in server.hits if h.path.startswith("/slow/")]) == 10
        assert overlapping_starts(server) == 0


@pytest.mark.integration
def test_without_sharing_each_process_keeps_its_own_limit(tmp_path: Path):
    with FaultServer(slow_delay=0.3) as server:
        two_processes_fetch(server, "off")
        assert overlapping_starts(server) > 0  # what the shared folder prevents


def test_starts_are_booked_apart_across_instances(tmp_path: Path):
    first, second = SharedHosts(tmp_path), SharedHosts(tmp_path)  # as two processes would
    waits = [first.book_start("example.org", 0.5), second.book_start("example.org", 0.5)]
    waits.append(first.book_start("example.org", 0.5))
    assert waits[0] == 0.0
    assert waits[1] == pytest.approx(0.5, abs=0.05)
    assert waits[2] == pytest.approx(1.0, abs=0.05)
    assert second.book_start("other.example", 0.5) == 0.0  # hosts do not wait for each other
    assert first.book_start("example.org", 0.0) == 0.0  # no delay asked: no booking


def test_a_torn_booking_file_starts_afresh(tmp_path: Path):
    hosts = SharedHosts(tmp_path)
    hosts.book_start("example.org", 0.1)
    (next(tmp_path.iterdir()) / "next").write_text("garbage")
    assert hosts.book_start("example.org", 0.1) == 0.0


def test_a_killed_holder_frees_its_slot(tmp_path: Path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_SLOT, str(tmp_path)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"

        async def try_slot(timeout: float) -> bool:
            try:
                async with asyncio.timeout(timeout):
                    async with SharedHosts(tmp_path).slot("example.org", 1):
                        return True
            except TimeoutError:
                return False

        assert not asyncio.run(try_slot(0.3))  # held by the other process
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        started = time.monotonic()
        assert asyncio.run(try_slot(5))
        assert time.monotonic() - started < 1
    finally:
        holder.kill()
        holder.wait(timeout=10)


def test_an_unwritable_folder_means_limits_within_the_process_only(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    hosts = SharedHosts(blocker / "hosts")
    assert not hosts.available
    assert hosts.book_start("example.org", 5.0) == 0.0

    async def enter() -> bool:
        async with hosts.slot("example.org", 1):
            return True

    assert asyncio.run(enter())
