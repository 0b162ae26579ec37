"""Document text in reports: never a link in Markdown, never a bidi control in any format."""

from __future__ import annotations

import pytest

import skillgap
from skillgap.patterns import BIDI_CONTROLS
from skillgap.report import render
from skillgap.report.markdown import escape

JOB = "Backend Engineer\n\nRequirements\n- Python\n- PostgreSQL\n- Docker\n"

LINKS = [
    "see https://evil.example/pay now",
    "at http://evil.example:8080/x?y=1",
    "HTTPS://EVIL.EXAMPLE/SHOUT",
    "ftp://evil.example/cv",
    "www.evil.example/login",
    "(www.evil.example)",
    "Www.Evil.Example",
    'mail "payroll@evil.example" today',
    "mailto:payroll@evil.example",
    "xmpp:bot@evil.example",
    "first.last+cv@mail.evil.example",
    "a_b@evil.example | cell",
]


@pytest.mark.parametrize("text", LINKS)
def test_markdown_escape_never_makes_a_link(text: str) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    html = cmarkgfm.github_flavored_markdown_to_html(escape(text))
    assert "href" not in html, html
    plain = html.replace("<p>", "").replace("</p>", "").replace("<code>", "")
    assert "evil" in plain.replace("</code>", "").lower()  # the text is still shown


def test_markdown_report_shows_resume_addresses_without_linking_them() -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    resume = "SKILLS\nPython, Docker\n\nEXPERIENCE\n" + "".join(
        f"- Shipped Python and Docker services, {text}\n" for text in LINKS
    )
    page = render(skillgap.compare(resume, JOB), "markdown")
    html = cmarkgfm.github_flavored_markdown_to_html(page)
    assert "evil" in html and "href" not in html


BIDI_RESUME = (
    "SKILLS\n\u202ePython\u202c, \u2066Docker\u2069\n\nEXPERIENCE\n"
    "- Ran \u2067PostgreSQL\u2069 with \u200fPython\u200e and \u061cDocker\n"
)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_reports_carry_no_bidi_controls(fmt: str) -> None:
    report = skillgap.compare(BIDI_RESUME, JOB)
    assert {gap.name for gap in report.matched} == {"Python", "PostgreSQL", "Docker"}
    page = render(report, fmt) if fmt != "json" else report.model_dump_json()
    assert [hex(ord(char)) for char in page if char in BIDI_CONTROLS] == []


def test_offsets_index_the_text_without_bidi_controls() -> None:
    profile = skillgap.extract(BIDI_RESUME)
    assert not any(char in BIDI_CONTROLS for char in profile.text)
    for skill in profile.skills:
        for mention in skill.mentions:
            assert profile.text[mention.start : mention.end] == mention.text
