"""Per-host politeness shared by every newsclaims process of one user on one machine.

Two ingests at once (a schedule beside a manual run, several Dask worker
processes) must together keep to ``per_host_concurrency`` requests in flight
and ``min_host_delay`` between request starts, not each on their own. The state
lives in small files under one directory, one folder per host:

- ``slotK``: a request in flight holds an exclusive ``flock`` on one of the
  host's ``per_host`` slot files; the kernel drops the lock if the process
  dies, so a crash never leaks a slot;
- ``next``: the earliest start time (wall clock) of the host's next request.
  A process books its start under a short ``flock`` and sleeps until it, so no
  lock is held while waiting.

Where ``fcntl`` is missing, or the directory cannot be written, the limits hold
within the process only (``SharedHosts.available`` is False).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import IO

from pipeline.filelock import locked

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]

POLL_SECONDS = 0.02  # how often a process looks for a free slot another process holds


def default_state_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsclaims" / "hosts"


class SharedHosts:
    """Cross-process slots and start times per host, kept in ``directory``."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.available = fcntl is not None and directory is not None and _writable(directory)

    def _host_dir(self, host: str) -> Path:
        assert self.directory is not None
        path = self.directory / hashlib.sha1(host.encode()).hexdigest()[:20]
        path.mkdir(parents=True, exist_ok=True)
        return path

    @asynccontextmanager
    async def slot(self, host: str, per_host: int) -> AsyncIterator[None]:
        """Hold one of the host's ``per_host`` slots for the body of the ``async with``."""
        if not self.available:
            yield
            return
        folder = self._host_dir(host)
        handle = _take_slot(folder, max(1, per_host))
        while handle is None:
            await asyncio.sleep(POLL_SECONDS)
            handle = _take_slot(folder, max(1, per_host))
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def book_start(self, host: str, delay: float) -> float:
        """Book the host's next request start, at least ``delay`` seconds after the last one
        booked by any process; return how many seconds to wait until it."""
        now = time.time()
        if not self.available or delay <= 0:
            return 0.0
        with locked(self._host_dir(host) / "next") as handle:
            handle.seek(0)
            try:
                last = float(handle.read().strip() or "0")
            except ValueError:  # a torn or foreign file: start afresh
                last = 0.0
            start = max(now, last + delay) if last <= now + 3600 else now  # ignore a clock jump back
            handle.seek(0)
            handle.truncate()
            handle.write(repr(start))
            handle.flush()
        return start - now


def _take_slot(folder: Path, per_host: int) -> IO[bytes] | None:
    for k in range(per_host):
        handle = open(folder / f"slot{k}", "a+b")  # noqa: SIM115 - held open while the request runs
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        return handle
    return None


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / ".probe"
        probe.touch()
        return True
    except OSError:
        return False
