"""Which extractor modules run compiled, and the guard that keeps a build that no longer
matches its sources from running (the build itself: ``extractors.native``).

``extractors/__init__.py`` calls ``guard()``. If a source no longer matches the build recorded in
``_native.json`` (a module edited after ``make install``; another Python), or ``NEWSCLAIMS_NATIVE=0``
is set, it puts a finder first on ``sys.meta_path`` that imports the ``.py`` sources of all of
``MODULES`` instead: all or none, since the compiled ones share one library. An edited source then
runs as written, with a warning to rebuild, never an old build of it.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PACKAGE = "extractors"
PACKAGE_DIR = Path(__file__).resolve().parent
MODULES = (
    "claims",
    "clauses",
    "cues",
    "dates",
    "figures",
    "market_moves",
    "metrics",
    "model",
    "scan",
    "sentences",
    "subjects",
)
GROUP = "_native"
# the shared library mypyc makes for the group: extractors/_native__mypyc.<suffix>
LIBRARY = f"{GROUP}__mypyc"
MANIFEST = "_native.json"
ENV = "NEWSCLAIMS_NATIVE"  # "0": run the .py sources even where a build matches them

ACTIVE, ABSENT, STALE, OFF = "active", "absent", "stale", "off"


def extension_suffix() -> str:
    """The file ending of this interpreter's extension modules (".cpython-311-x86_64-linux-gnu.so")."""
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def missing_files(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The modules of ``MODULES`` and the shared library that have no build for this Python."""
    suffix = extension_suffix()
    return [name for name in (*MODULES, LIBRARY) if not (package_dir / f"{name}{suffix}").exists()]


def built_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The compiled files of ``MODULES`` and their shared library that exist, for any Python."""
    names = (*MODULES, LIBRARY)
    return sorted(p for name in names for p in package_dir.glob(f"{name}.*") if p.suffix in (".so", ".pyd"))


def source_digests(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """sha256 of each source of ``MODULES``."""
    return {name: hashlib.sha256((package_dir / f"{name}.py").read_bytes()).hexdigest() for name in MODULES}


def _manifest_matches(package_dir: Path) -> bool:
    try:
        manifest = json.loads((package_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(manifest, dict) or manifest.get("suffix") != extension_suffix():
        return False
    if missing_files(package_dir):
        return False
    try:
        return manifest.get("sources") == source_digests(package_dir)
    except OSError:
        return False


def status(package_dir: Path = PACKAGE_DIR, environ: dict[str, str] | None = None) -> str:
    """``active`` (a build that matches every source runs), ``absent`` (no build: plain Python),
    ``stale`` (a build that does not match: plain Python until rebuilt) or ``off`` (``ENV=0``)."""
    env = os.environ if environ is None else environ
    if not built_files(package_dir):
        return ABSENT
    if env.get(ENV, "").strip() in ("0", "false", "no", "off"):
        return OFF
    return ACTIVE if _manifest_matches(package_dir) else STALE


class SourceFinder(importlib.abc.MetaPathFinder):
    """Imports ``<package>.<name>`` for ``name`` in ``names`` from its ``.py`` file."""

    def __init__(self, package: str, package_dir: Path, names: Sequence[str]) -> None:
        self.package_dir = package_dir
        self.names = frozenset(f"{package}.{name}" for name in names)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in self.names:
            return None
        source = self.package_dir / (fullname.rpartition(".")[2] + ".py")
        return importlib.util.spec_from_file_location(fullname, source)


def guard() -> str:
    """Called by ``extractors/__init__.py``: makes the ``.py`` sources win over a build that is
    stale or switched off. Returns the ``status``."""
    state = status()
    if state in (STALE, OFF) and not any(isinstance(f, SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, SourceFinder(PACKAGE, PACKAGE_DIR, MODULES))
        if state == STALE:
            warnings.warn(
                "newsclaims: the compiled extractors do not match their sources; running the .py "
                "sources (slower). Rebuild with `make install` or `python -m extractors.native build`.",
                RuntimeWarning,
                stacklevel=2,
            )
    return state
