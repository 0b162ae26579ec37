"""The HTML report in a real browser (headless Chromium): it shows the score, the fit and the
missing skills, fits a phone (390 px) and a desktop (1280 px) without anything running off the
side, and a résumé carrying script runs none of it."""

from __future__ import annotations

import html
import json
import re
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, HEADLESS_CHROMIUM, needs_chromium

import skillgap
from skillgap.report.html import report_html

pytestmark = [
    pytest.mark.slow,  # a real browser per test; .ci/run installs Chromium and runs these
    needs_chromium,
]


MIN_WINDOW = 500  # Chromium's narrowest window; a narrower viewport is an iframe inside it
WIDTHS = (390, 1280)  # a phone, a desktop
# Measures the page it is added to: the viewport, the scroll width, and every element whose
# box leaves the viewport (the hidden table heads and SVG shapes, scaled with the chart, aside).
MEASURE = """<script>
addEventListener("load", () => {
  const width = document.documentElement.clientWidth;
  const shape = (e) => e instanceof SVGElement && e.tagName !== "svg";
  const off = (r) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
  const outside = [...document.querySelectorAll("body *")]
    .filter((e) => !e.closest("thead") && !shape(e) && off(e.getBoundingClientRect()))
    .map((e) => e.tagName.toLowerCase() + " " + Math.round(e.getBoundingClientRect().right));
  const scroll = document.documentElement.scrollWidth;
  parent.postMessage(JSON.stringify({width, scroll, outside: outside.slice(0, 10)}), "*");
});
</script>"""
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="width:{width}px;height:4000px;border:0"></iframe>
<script>
addEventListener("message", (e) => document.body.setAttribute("data-layout", e.data));
</script>
</body></html>"""


def _chromium(*args: str, profile: Path) -> str:
    completed = subprocess.run(
        [
            *HEADLESS_CHROMIUM,
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return completed.stdout


def _dom(page: Path, profile: Path, width: int = 1280) -> str:
    """The DOM after the page loaded and had time to run anything it would run."""
    size = f"--window-size={max(width, MIN_WINDOW)},1200"
    return _chromium(
        size, "--virtual-time-budget=3000", "--dump-dom", page.as_uri(), profile=profile
    )


def _layout(page_html: str, width: int, folder: Path) -> dict:
    """Where the page's boxes fall in a ``width`` px viewport (its CSP removed to measure it)."""
    measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_html)
    (folder / "measured.html").write_text(measured.replace("</body>", MEASURE + "</body>"))
    frame = folder / f"frame-{width}.html"
    frame.write_text(FRAME.format(src="measured.html", width=width), encoding="utf-8")
    dom = _dom(frame, folder / "profile", width)
    found = re.search(r'data-layout="([^"]*)"', dom)
    assert found, "the page did not report its layout"
    return json.loads(html.unescape(found.group(1)))


def _screenshot(page: Path, width: int, folder: Path) -> Path:
    """A screenshot of the page at ``width`` px (inside a frame when narrower than a window)."""
    frame = folder / f"shot-{width}.html"
    frame.write_text(FRAME.format(src=page.as_uri(), width=width), encoding="utf-8")
    shot = folder / f"report-{width}.png"
    size = f"--window-size={max(width, MIN_WINDOW)},2000"
    _chromium(size, f"--screenshot={shot}", frame.as_uri(), profile=folder / "profile")
    return shot


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_browser_shows_score_and_missing_skills(tmp_path: Path) -> None:
    report = skillgap.compare(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")
    page = tmp_path / "report.html"
    page.write_text(report_html(report), encoding="utf-8")
    dom = _dom(page, tmp_path / "profile")
    assert re.search(rf'id="score">{report.score}<', dom)
    assert f"{report.fit} fit" in dom and 'id="start-here"' in dom
    missing = re.search(r'<section id="missing">(.*?)</section>', dom, re.DOTALL)
    soft = re.search(r'<section id="soft">(.*?)</section>', dom, re.DOTALL)
    assert missing and report.missing
    for item in report.missing:
        section = missing if item.kind == "technical" else soft
        assert section and f">{html.escape(item.name)}</th>" in section.group(1)
    assert "<svg" in dom


@pytest.mark.parametrize("width", WIDTHS)
def test_browser_report_fits_the_screen(tmp_path: Path, width: int) -> None:
    report = skillgap.compare(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")
    page = tmp_path / "report.html"
    page.write_text(report_html(report), encoding="utf-8")
    layout = _layout(page.read_text(encoding="utf-8"), width, tmp_path)
    assert width - 20 <= layout["width"] <= width  # the viewport is the width asked for
    assert layout["scroll"] <= layout["width"], layout  # no sideways scrolling
    assert layout["outside"] == [], layout
    shot = _screenshot(page, width, tmp_path)
    assert _png_size(shot)[0] == max(width, MIN_WINDOW)


def test_browser_layout_check_sees_an_overflow(tmp_path: Path) -> None:
    """The check above can fail: a fixed 900 px table runs off a phone's screen."""
    wide = '<table style="width:900px"><tr><td>wide</td></tr></table>'
    page = report_html(skillgap.compare("SKILLS\nPython\n", EXAMPLES / "job.txt"))
    layout = _layout(page.replace("</main>", wide + "</main>"), 390, tmp_path)
    assert layout["scroll"] > layout["width"] and layout["outside"]


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
