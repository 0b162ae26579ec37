"""The HTML report in a real browser (headless Chromium): it shows the score and the missing
skills, and a résumé carrying script runs none of it."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES

import skillgap
from skillgap.report.html import report_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,  # a real browser per test; .ci/run installs Chromium and runs these
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)",
    ),
]


def _dom(page: Path, profile: Path) -> str:
    """The DOM after the page loaded and had time to run anything it would run."""
    completed = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return completed.stdout


def test_browser_shows_score_and_missing_skills(tmp_path: Path) -> None:
    report = skillgap.compare(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")
    page = tmp_path / "report.html"
    page.write_text(report_html(report), encoding="utf-8")
    dom = _dom(page, tmp_path / "profile")
    assert re.search(rf'id="score">{report.score}<', dom)
    missing = re.search(r'<section id="missing">(.*?)</section>', dom, re.DOTALL)
    assert missing and report.missing
    for item in report.missing:
        assert f">{html.escape(item.name)}</th>" in missing.group(1)
    assert "<svg" in dom


def test_browser_committed_example_is_current(tmp_path: Path) -> None:
    report = skillgap.compare(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")
    dom = _dom(EXAMPLES / "report.html", tmp_path / "profile")
    assert f"<title>Skill gap report: {report.score}/100</title>" in dom
    for item in report.missing:
        assert html.escape(item.name) in dom


def test_browser_runs_no_script_from_the_resume(tmp_path: Path) -> None:
    resume = (
        "Jane Doe\n\nSKILLS\n"
        "Python <script>document.title='pwned'</script>, Docker\n"
        "Kubernetes <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\n"
    )
    report = skillgap.compare(resume, EXAMPLES / "job.txt")
    page = tmp_path / "report.html"
    page.write_text(report_html(report), encoding="utf-8")
    dom = _dom(page, tmp_path / "profile")
    assert f"<title>Skill gap report: {report.score}/100</title>" in dom
    assert "data-pwned" not in dom.replace("'data-pwned'", "")  # only as escaped text
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown as text
