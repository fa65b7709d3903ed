"""The compiled core: builds the claim-extraction modules with mypyc, in place.

``python -m extractors.native build`` (``make install`` runs it) compiles ``MODULES`` with mypyc
(typed Python to C, gcc) into extension modules next to their sources: ``extractors/claims.*.so``
and so on, plus one shared library, ``extractors/_native__mypyc.*.so``, that holds the code of all
of them (they call each other directly, without Python's call machinery). Python imports an
extension module before a ``.py`` of the same name, so nothing else changes: the same functions,
the same output (``tests/test_native.py`` compares the claims of both on the BBC corpus), in
about 3/4 of the time. ``_native.json`` records the sha256 of every source it was built from.

``extractors.compiled.guard()`` runs when ``extractors`` is imported: a build that no longer
matches its sources, or ``NEWSCLAIMS_NATIVE=0``, makes Python import the ``.py`` sources instead.

Without mypy or a C compiler the build fails with its reason, ``make install`` says so and goes
on, and everything runs as plain Python. ``status`` and ``clean`` do what they say.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from extractors.compiled import (
    ACTIVE,
    ENV,
    GROUP,
    MANIFEST,
    MODULES,
    PACKAGE,
    PACKAGE_DIR,
    built_files,
    extension_suffix,
    missing_files,
    source_digests,
    status,
)

MYPY_FLAGS = ("--ignore-missing-imports",)


def clean(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Removes the build (every Python's) and its manifest; returns what it removed."""
    gone = built_files(package_dir)
    manifest = package_dir / MANIFEST
    if manifest.exists():
        gone.append(manifest)
    for p in gone:
        p.unlink()
    return gone


_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
paths = sys.argv[1:]
setup(
    name="newsclaims-native",
    ext_modules=mypycify(paths, group_name={group!r}, opt_level="3"),
    script_args=["build_ext", "--inplace", "--build-temp", {temp!r}],
)
"""


def build(force: bool = False, verbose: bool = False) -> tuple[bool, str]:
    """Compiles ``MODULES`` in place unless a matching build is there (``force``: always).

    Returns (ok, message). On failure nothing compiled is left behind: plain Python runs."""
    import shutil
    import subprocess

    if not force and status(environ={}) == ACTIVE:
        return True, "compiled extractors are up to date"
    try:
        import mypyc  # noqa: F401
    except ImportError:
        return False, "mypy (with mypyc) is not installed: `pip install -c constraints.txt mypy`"
    if shutil.which(os.environ.get("CC", "cc")) is None and shutil.which("gcc") is None:
        return False, "no C compiler found (cc or gcc)"
    clean()
    root = PACKAGE_DIR.parent
    temp = root / "build" / "native"
    script = _SETUP.format(group=f"{PACKAGE}.{GROUP}", temp=str(temp))
    paths = [*MYPY_FLAGS, *(f"{PACKAGE}/{name}.py" for name in MODULES)]
    run = subprocess.run(
        [sys.executable, "-c", script, *paths],
        cwd=root,
        env={**os.environ, ENV: "0"},
        capture_output=not verbose,
        text=True,
    )
    if run.returncode != 0:
        clean()
        tail = "\n".join((run.stdout or "").splitlines()[-15:] + (run.stderr or "").splitlines()[-15:])
        return False, f"mypyc build failed (exit {run.returncode}):\n{tail}"
    missing = missing_files()
    if missing:
        clean()
        return False, f"mypyc build left no module for: {', '.join(missing)}"
    manifest = {"suffix": extension_suffix(), "sources": source_digests(), "modules": list(MODULES)}
    (PACKAGE_DIR / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-c", f"import {PACKAGE}.claims as m; print(m.__file__)"],
        cwd=root,
        env={k: v for k, v in os.environ.items() if k != ENV},  # (whatever the caller's switch says)
        capture_output=True,
        text=True,
    )
    if check.returncode != 0 or not check.stdout.strip().endswith(extension_suffix()):
        clean()
        return (
            False,
            f"the compiled extractors do not import: {(check.stderr or check.stdout).strip()[-500:]}",
        )
    return True, f"compiled {len(MODULES)} extractor modules with mypyc"


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m extractors.native", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="compile the extractor modules (skipped when up to date)")
    b.add_argument("--force", action="store_true", help="rebuild even when up to date")
    b.add_argument("--verbose", action="store_true", help="show the compiler's output")
    sub.add_parser("status", help="active, absent, stale or off")
    sub.add_parser("clean", help="remove the compiled modules")
    a = ap.parse_args(argv)
    if a.command == "build":
        ok, message = build(force=a.force, verbose=a.verbose)
        print(f"newsclaims: {message}", file=sys.stdout if ok else sys.stderr)
        return 0 if ok else 1
    if a.command == "status":
        print(status())
        return 0
    for p in clean():
        print(f"removed {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
