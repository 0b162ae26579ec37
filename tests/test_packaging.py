"""Packaging: the taxonomy ships inside the wheel and is found through importlib.resources."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata, resources
from pathlib import Path

import pytest
from conftest import REPO, TAXONOMY_DIR

TAXONOMY_FILES = sorted(path.name for path in TAXONOMY_DIR.glob("*.toml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once from a copy of the working tree (so no build/ is left behind)."""
    source = tmp_path_factory.mktemp("source") / "skillgap"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    outdir = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir), str(source)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheels = list(outdir.glob("skillgap-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.mark.parametrize("minimum", [10])
def test_packaging_repo_has_taxonomy_files(minimum: int) -> None:
    """Guards the wheel test: it compares against a real, populated folder."""
    assert len(TAXONOMY_FILES) >= minimum


@pytest.mark.parametrize("folder", ["skillgap/taxonomy_data"])
def test_packaging_wheel_ships_every_taxonomy_file(wheel: Path, folder: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = sorted(
            name.rsplit("/", 1)[1]
            for name in names
            if name.startswith(f"{folder}/") and name.endswith(".toml")
        )
        assert shipped == TAXONOMY_FILES
        for toml in TAXONOMY_FILES:
            inside = archive.read(f"{folder}/{toml}").decode("utf-8")
            assert inside == (TAXONOMY_DIR / toml).read_text(encoding="utf-8")
    assert f"{folder}/__init__.py" in names


SOURCE = REPO / "src"
PACKAGE_FILES = sorted(
    str(path.relative_to(SOURCE))
    for pattern in ("*.py", "*.j2", "*.json", "*.toml", "py.typed")
    for path in (SOURCE / "skillgap").rglob(pattern)
)


@pytest.mark.parametrize("member", PACKAGE_FILES)
def test_packaging_wheel_ships_the_package(wheel: Path, member: str) -> None:
    """Every module of every sub-package, the HTML template, the context rules and py.typed."""
    with zipfile.ZipFile(wheel) as archive:
        assert member in archive.namelist()


@pytest.mark.parametrize("entry_points_file", ["entry_points.txt"])
def test_packaging_wheel_declares_the_console_script(wheel: Path, entry_points_file: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        member = next(
            n for n in archive.namelist() if n.endswith(f".dist-info/{entry_points_file}")
        )
        text = archive.read(member).decode("utf-8")
    assert "skillgap = skillgap.cli:main" in text


@pytest.mark.parametrize("package", ["skillgap.taxonomy_data"])
def test_packaging_installed_package_lists_the_taxonomy(package: str) -> None:
    found = sorted(
        entry.name for entry in resources.files(package).iterdir() if entry.name.endswith(".toml")
    )
    assert found == TAXONOMY_FILES


@pytest.mark.parametrize(("name", "target"), [("skillgap", "skillgap.cli:main")])
def test_packaging_console_script_is_installed(name: str, target: str) -> None:
    scripts = metadata.entry_points(group="console_scripts", name=name)
    assert [entry.value for entry in scripts] == [target]


@pytest.mark.parametrize("probe", ["taxonomy list"])
def test_packaging_installed_wheel_works_outside_the_repo(
    wheel: Path, tmp_path: Path, probe: str
) -> None:
    """Install the wheel into a bare folder and run it from there, far from taxonomy/."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )  # fmt: skip
    code = (
        "import sys, skillgap, skillgap.cli;"
        f"assert skillgap.__file__.startswith({str(target)!r}), skillgap.__file__;"
        f"sys.exit(skillgap.cli.main({probe.split()!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "postgresql\tPostgreSQL\tdatabases" in done.stdout.splitlines()
