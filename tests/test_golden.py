"""Golden outputs: the JSON of a few real compares and extracts, byte for byte.

They pin behaviour while code moves. When a change is meant to alter them, regenerate with
``SKILLGAP_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and say in the commit why
each difference is right.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import GOLDEN, REPO, needs_corpus

import skillgap

CASES = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))
TODAY = "2026-11-23"


def _path(name: str) -> Path:
    """Relative to the repository (the test runs there), so the JSON names no machine path."""
    return Path("..", "shared", name) if name.startswith("corpus/") else Path(name)


def _golden_name(*names: str) -> str:
    return "__".join(Path(name).stem for name in names) + ".json"


def _check(actual: str, name: str) -> None:
    expected = GOLDEN / name
    if os.environ.get("SKILLGAP_UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert expected.read_text(encoding="utf-8") == actual, f"{name} changed"


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLGAP_TODAY", TODAY)
    monkeypatch.chdir(REPO)


@needs_corpus
@pytest.mark.parametrize("resume,job", CASES["pairs"], ids=lambda name: Path(name).stem)
def test_golden_compare_json_is_unchanged(
    analyzer: skillgap.Analyzer, resume: str, job: str
) -> None:
    report = analyzer.compare(_path(resume), _path(job))
    _check(report.model_dump_json(indent=2) + "\n", _golden_name(resume, job))


@needs_corpus
@pytest.mark.parametrize("source,kind", CASES["extracts"], ids=lambda name: Path(name).stem)
def test_golden_extract_json_is_unchanged(
    analyzer: skillgap.Analyzer, source: str, kind: str
) -> None:
    profile = analyzer.extract(_path(source), kind)  # type: ignore[arg-type]
    _check(profile.model_dump_json(indent=2) + "\n", _golden_name(source))
