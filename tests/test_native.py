"""The compiled core (extractors.native builds it, extractors.compiled guards it).

The guard's states are tested on a made-up package directory; the build itself is checked by
comparing what the compiled modules extract with what the .py sources extract, on the BBC corpus,
where a build is active (``make install`` makes one when mypy and a C compiler are there).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import extractors
from extractors import compiled as CP
from extractors import native as NV
from tests.conftest import REPO, shared_path

SUFFIX = CP.extension_suffix()


def _package(tmp_path: Path, *, built: bool = True, manifest: bool = True) -> Path:
    """A package directory with a source for each module, and, if ``built``, a file for each
    module's build and the shared library, with a manifest of the sources."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    for name in CP.MODULES:
        (pkg / f"{name}.py").write_text(f"NAME = {name!r}\n", encoding="utf-8")
    if built:
        for name in (*CP.MODULES, CP.LIBRARY):
            (pkg / f"{name}{SUFFIX}").write_bytes(b"\x7fELF")
    if manifest:
        data = {"suffix": SUFFIX, "sources": CP.source_digests(pkg), "modules": list(CP.MODULES)}
        (pkg / CP.MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    return pkg


def _edit_source(pkg: Path) -> None:
    (pkg / "claims.py").write_text("NAME = 'edited'\n", encoding="utf-8")


def _drop_one_build(pkg: Path) -> None:
    (pkg / f"subjects{SUFFIX}").unlink()


def _other_python(pkg: Path) -> None:
    data = json.loads((pkg / CP.MANIFEST).read_text(encoding="utf-8"))
    data["suffix"] = ".cpython-312-x86_64-linux-gnu.so"
    (pkg / CP.MANIFEST).write_text(json.dumps(data), encoding="utf-8")


def _broken_manifest(pkg: Path) -> None:
    (pkg / CP.MANIFEST).write_text("{not json", encoding="utf-8")


@pytest.mark.parametrize(
    ("built", "manifest", "change", "environ", "expected"),
    [
        (False, False, None, {}, CP.ABSENT),
        (False, False, None, {CP.ENV: "0"}, CP.ABSENT),
        (True, True, None, {}, CP.ACTIVE),
        (True, True, None, {CP.ENV: "1"}, CP.ACTIVE),
        (True, True, None, {CP.ENV: "0"}, CP.OFF),
        (True, True, None, {CP.ENV: " off "}, CP.OFF),
        (True, True, _edit_source, {}, CP.STALE),
        (True, True, _drop_one_build, {}, CP.STALE),
        (True, True, _other_python, {}, CP.STALE),
        (True, True, _broken_manifest, {}, CP.STALE),
        (True, False, None, {}, CP.STALE),
    ],
)
def test_status(tmp_path: Path, built: bool, manifest: bool, change, environ, expected: str) -> None:
    pkg = _package(tmp_path, built=built, manifest=manifest)
    if change is not None:
        change(pkg)
    assert CP.status(pkg, environ) == expected


def test_source_finder_imports_the_py_file_of_listed_modules_only(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    finder = CP.SourceFinder("pkg", pkg, CP.MODULES)
    spec = finder.find_spec("pkg.claims", None)
    assert spec is not None and spec.origin == str(pkg / "claims.py")
    assert finder.find_spec("pkg.components", None) is None
    assert finder.find_spec("claims", None) is None


def test_clean_removes_the_build_and_its_manifest_only(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "components.py").write_text("", encoding="utf-8")
    removed = NV.clean(pkg)
    assert len(removed) == len(CP.MODULES) + 2
    assert sorted(p.name for p in pkg.iterdir()) == sorted(
        [*(f"{n}.py" for n in CP.MODULES), "components.py"]
    )
    assert CP.status(pkg, {}) == CP.ABSENT


def _run(code: str, *args: str, **env: str) -> str:
    """stdout of ``python -c code args`` in the repo, with ``env`` added to this environment."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_switched_off_the_sources_run() -> None:
    code = (
        "import extractors, extractors.claims as c, extractors.figures as f; "
        "print(extractors.NATIVE, c.__file__, f.__file__)"
    )
    state, claims_file, figures_file = _run(code, **{CP.ENV: "0"}).split()
    assert state in (CP.OFF, CP.ABSENT)
    assert claims_file.endswith("claims.py") and figures_file.endswith("figures.py")


def test_an_active_build_is_what_runs() -> None:
    if extractors.NATIVE != CP.ACTIVE:
        pytest.skip(f"no compiled extractors here ({extractors.NATIVE}): `python -m extractors.native build`")
    from extractors import claims, subjects

    assert claims.__file__.endswith(SUFFIX)
    assert subjects.__file__.endswith(SUFFIX)


_DUMP = """
import json, sys
from pathlib import Path
import extractors
from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.textfile import read_text_article
items = [read_text_article(p) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = get_nlp()
print(extractors.NATIVE)
for doc, (_, title) in zip(nlp.pipe([t for t, _ in items], batch_size=32), items):
    print(json.dumps([c.to_dict() for c in extract_claims_from_doc(doc, title)], sort_keys=True))
"""


def test_compiled_and_source_extract_the_same_claims() -> None:
    """Every claim of the 510 BBC articles, field for field, from the build and from the sources."""
    if extractors.NATIVE != CP.ACTIVE:
        pytest.skip(f"no compiled extractors here ({extractors.NATIVE})")
    corpus = shared_path("data", "bbc_business", "business")

    def dump(**env: str) -> list[str]:
        return _run(_DUMP, str(corpus), **env).splitlines()

    native, source = dump(), dump(**{CP.ENV: "0"})
    assert native[0] == CP.ACTIVE and source[0] == CP.OFF
    assert len(native) == len(source) == 511
    assert sum(len(json.loads(line)) for line in native[1:]) > 700
    assert native[1:] == source[1:]


def test_build_without_mypyc_says_so_and_leaves_the_files_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    before = CP.built_files()
    monkeypatch.setitem(sys.modules, "mypyc", None)  # ``import mypyc`` raises ImportError
    ok, message = NV.build(force=True)
    assert not ok
    assert "mypy" in message and "not installed" in message
    assert CP.built_files() == before


def test_status_command_prints_the_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert NV.main(["status"]) == 0
    assert capsys.readouterr().out.strip() == CP.status()
