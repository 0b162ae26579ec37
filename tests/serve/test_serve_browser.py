"""Issue 16: the page in a real browser. Headless Chromium opens ``skillgap serve``'s page,
chooses examples/resume.pdf and examples/job.txt in the form's file inputs, clicks Compare,
and the page it lands on shows the report's score and first gap.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: JSON
messages ending in NUL on file descriptors 3 and 4), which needs nothing but Chromium itself.
The click is a real mouse event at the button's place; the page runs no script of its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import html
import json
import os
import re
import subprocess
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, HEADLESS_CHROMIUM, Served, needs_chromium

import skillgap
from skillgap.report import common

pytestmark = [
    pytest.mark.slow,  # a real browser and a real server; .ci/run installs Chromium
    needs_chromium,
]


def _protocol_fds(read: int, write: int) -> None:
    """In the child: the protocol's descriptors are 3 (Chromium reads) and 4 (it writes).
    Both are first moved above 9, so that placing one cannot overwrite the other."""
    high_read, high_write = (
        fcntl.fcntl(read, fcntl.F_DUPFD, 10),
        fcntl.fcntl(write, fcntl.F_DUPFD, 10),
    )
    os.dup2(high_read, 3)
    os.dup2(high_write, 4)


class Browser:
    """Headless Chromium with one tab, spoken to over the DevTools pipe."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 1600) -> None:
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()
        command = [
            *HEADLESS_CHROMIUM,
            "--remote-debugging-pipe",
            f"--window-size={width},{height}",
            f"--user-data-dir={profile}",
            "about:blank",
        ]
        self.process = subprocess.Popen(
            command,
            preexec_fn=partial(_protocol_fds, to_browser, from_browser),  # noqa: PLW1509
            close_fds=False,  # Python's own descriptors are close-on-exec; 3 and 4 are not
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable", session=True)

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._message(deadline=time.monotonic() + 60)
            if answer.get("id") == self._next:
                assert "error" not in answer, answer
                return answer["result"]
            self.events.append(answer)

    def wait_for(self, method: str, seconds: float = 60) -> None:
        """Until the event ``method`` arrives (events already received count)."""
        deadline = time.monotonic() + seconds
        while True:
            for number, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[: number + 1]
                    return
            self.events.append(self._message(deadline))

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            assert time.monotonic() < deadline, "Chromium did not answer in time"
            chunk = os.read(self._read, 1 << 20)
            assert chunk, "Chromium closed the DevTools pipe"
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def open(self, url: str) -> None:
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("Page.loadEventFired")

    def node(self, selector: str) -> int:
        root = self.call("DOM.getDocument", session=True)["root"]["nodeId"]
        found = self.call("DOM.querySelector", session=True, nodeId=root, selector=selector)
        assert found["nodeId"], f"no {selector} on the page"
        return found["nodeId"]

    def choose_file(self, selector: str, path: Path) -> None:
        self.call(
            "DOM.setFileInputFiles", session=True, nodeId=self.node(selector), files=[str(path)]
        )

    def click(self, selector: str) -> None:
        """A real left click in the middle of the element."""
        node = self.node(selector)
        self.call("DOM.scrollIntoViewIfNeeded", session=True, nodeId=node)
        quad = self.call("DOM.getBoxModel", session=True, nodeId=node)["model"]["content"]
        x, y = sum(quad[0::2]) / 4, sum(quad[1::2]) / 4
        for kind in ("mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent",
                session=True,
                type=kind,
                x=x,
                y=y,
                button="left",
                clickCount=1,
            )

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the tab (the test's, not the page's)."""
        answer = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return answer["result"]["value"]

    def dom(self) -> str:
        root = self.call("DOM.getDocument", session=True)["root"]["nodeId"]
        return self.call("DOM.getOuterHTML", session=True, nodeId=root)["outerHTML"]

    def close(self) -> None:
        with contextlib.suppress(AssertionError, OSError):  # it may be gone already
            self.call("Browser.close")
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._read)
        os.close(self._write)


def _compare_in_the_page(
    url: str, profile: Path, resume: Path, width: int = 1280
) -> tuple[str, str]:
    """Open the page, choose both files, click Compare: the form's DOM and the answer's."""
    browser = Browser(profile, width=width)
    try:
        browser.open(url + "/")
        form = browser.dom()
        browser.choose_file("#resume", resume)
        browser.choose_file("#job", EXAMPLES / "job.txt")
        browser.click("#compare")
        browser.wait_for("Page.loadEventFired")
        return form, browser.dom()
    finally:
        browser.close()


def test_browser_uploads_the_examples_and_sees_the_report(served: Served, tmp_path: Path) -> None:
    report = skillgap.compare(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")
    first_gap = common.top_gaps(report)[0].skill
    form, page = _compare_in_the_page(served.url, tmp_path / "profile", EXAMPLES / "resume.pdf")
    assert "<script" not in form and 'id="compare"' in form
    assert f"<title>Skill gap report: {report.score}/100</title>" in page
    assert re.search(rf'id="score">{report.score}<', page)
    top = re.search(
        r'<section id="top-gaps">.*?<tbody>\s*<tr><th scope="row">(.*?)</th>', page, re.S
    )
    assert top and html.unescape(top.group(1)) == first_gap
    assert "Résumé: resume.pdf" in page and "Job: job.txt" in page  # the uploaded names


def test_browser_shows_the_cli_words_for_a_bad_file(served: Served, tmp_path: Path) -> None:
    bad = tmp_path / "resume.pdf"
    bad.write_bytes(b"this is not a PDF")
    _, page = _compare_in_the_page(served.url, tmp_path / "profile", bad, width=390)
    found = re.search(r'<p class="error" id="error" role="alert">(.*?)</p>', page)
    assert found
    assert html.unescape(found.group(1)) == (
        "resume.pdf: not a PDF (no %PDF header); the file is corrupt or misnamed"
    )


def test_browser_form_and_report_fit_a_phone(served: Served, tmp_path: Path) -> None:
    """At 390 px (a phone), neither the form nor the report it leads to scrolls sideways."""
    browser = Browser(tmp_path / "profile")
    widths = "[document.documentElement.clientWidth, document.documentElement.scrollWidth]"
    try:
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=390,
            height=844,
            deviceScaleFactor=1,
            mobile=True,
        )
        measured = []
        browser.open(served.url + "/")
        measured.append(browser.evaluate(widths))
        browser.choose_file("#resume", EXAMPLES / "resume.pdf")
        browser.choose_file("#job", EXAMPLES / "job.txt")
        browser.click("#compare")
        browser.wait_for("Page.loadEventFired")
        assert 'id="score"' in browser.dom()
        measured.append(browser.evaluate(widths))
    finally:
        browser.close()
    for client, scroll in measured:
        assert 370 <= client <= 390 and scroll <= client, measured
