"""vnpolicy installs as one package of its own: no top-level `nlp`, `outputs`, `corpus` ...

The design card keeps the folders at the top of the repository; setuptools' `package-dir`
installs them as `vnpolicy.nlp` and so on. PyPI has real packages named `nlp` and `outputs`,
so installing ours under those names would overwrite or shadow theirs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

SOURCE_FOLDERS = ("corpus", "nlp", "extractors", "outputs")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
        cwd=out,
    )
    (built,) = out.glob("vnpolicy-*.whl")
    return built


def test_the_wheel_has_one_top_level_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"vnpolicy"}


def test_every_source_module_and_data_file_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in SOURCE_FOLDERS:
        for source in (REPO / folder).rglob("*.py"):
            assert f"vnpolicy/{folder}/{source.relative_to(REPO / folder).as_posix()}" in names
    for data in (
        "vnpolicy/corpus/samples/seed-quangtri.txt",
        "vnpolicy/corpus/samples/tin-hoi-nghi-gio-linh.html",
        "vnpolicy/outputs/document.schema.json",
        "vnpolicy/web/templates/base.html",
    ):
        assert data in names


def _python(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_installed_wheel_wins_over_a_clone_named_vnpolicy(wheel: Path, tmp_path: Path) -> None:
    """From the folder above a clone named `vnpolicy`, the installed package is imported."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    above = tmp_path / "above"
    above.mkdir()
    (above / "vnpolicy").symlink_to(REPO, target_is_directory=True)
    probe = _python(
        "import vnpolicy, vnpolicy.nlp; print(vnpolicy.__file__); print(vnpolicy.nlp.__file__)",
        above,
        PYTHONPATH=str(site),
    )
    assert probe.returncode == 0, probe.stderr
    package, nlp = probe.stdout.split()
    assert package.startswith(str(site)) and nlp.startswith(str(site))


@pytest.mark.parametrize("name", SOURCE_FOLDERS)
def test_source_folders_do_not_import_under_their_own_name(name: str, tmp_path: Path) -> None:
    for cwd in (tmp_path, REPO):
        probe = _python(f"import {name}", cwd)
        assert probe.returncode == 1
        assert "ModuleNotFoundError" in probe.stderr or f"import `vnpolicy.{name}`" in probe.stderr


def test_spacy_components_register_once() -> None:
    """The components come from `vnpolicy.extractors` alone, never a second copy by folder."""
    probe = _python(
        "import sys\n"
        "from spacy.language import Language\n"
        "from vnpolicy.extractors.components import build_nlp\n"
        "build_nlp()\n"
        "print(sorted(n for n in Language.factories if n.startswith('vnpolicy_')))\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {SOURCE_FOLDERS!r}))",
        REPO,
    )
    assert probe.returncode == 0, probe.stderr
    factories, stray = probe.stdout.splitlines()
    assert factories == "['vnpolicy_references', 'vnpolicy_statistics', 'vnpolicy_units']"
    assert stray == "[]"
