"""An exclusive ``flock`` on a file, shared by the modules that coordinate processes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]

HAS_FLOCK = fcntl is not None


@contextmanager
def locked(path: Path, mode: str = "a+") -> Iterator[IO]:
    """``path`` opened in ``mode`` under an exclusive lock for the body of the ``with``, the
    handle yielded for reading or writing; where there is no ``flock``, opened unlocked."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, mode) as handle:
        if fcntl is None:
            yield handle
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
