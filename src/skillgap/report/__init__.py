"""Report: a gap report, a profile or a ranking as text, JSON, Markdown, HTML or CSV.

``render(report, fmt)`` is the one entry for every report format; each format's module
(``text``, ``markdown``, ``html``) loads only when used. ``rows`` formats rankings,
``redact`` makes blind-mode reports, ``common`` holds what all formats show alike. It imports
the base modules and the taxonomy; it computes nothing a report does not already hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from skillgap.models import GapReport, Profile

ReportFormat = Literal["text", "json", "markdown", "html"]
ProfileFormat = Literal["text", "json"]


def _text(report: GapReport, color: bool | None, full: bool) -> str:
    from skillgap.report.text import console_for, report_text, to_console

    console = console_for(color)
    page = report_text(report, width=console.width, full=full, console=console)
    return to_console(page, color=color, width=console.width)


def _json(report: GapReport, color: bool | None, full: bool) -> str:
    return report.model_dump_json(indent=2) + "\n"


def _markdown(report: GapReport, color: bool | None, full: bool) -> str:
    from skillgap.report.markdown import report_markdown

    return report_markdown(report, full=full)


def _html(report: GapReport, color: bool | None, full: bool) -> str:
    from skillgap.report.html import report_html

    return report_html(report, full=full)


REPORT_FORMATS: dict[str, Callable[[GapReport, bool | None, bool], str]] = {
    "text": _text,
    "json": _json,
    "markdown": _markdown,
    "html": _html,
}
PROFILE_FORMATS: tuple[ProfileFormat, ...] = ("text", "json")


def render(
    report: GapReport, fmt: str = "text", *, color: bool | None = None, full: bool = False
) -> str:
    """The gap report in one format; ``color`` only matters for text on a terminal, ``full``
    shows every quote (text, Markdown, HTML)."""
    return REPORT_FORMATS[fmt](report, color, full)


def render_profile(profile: Profile, fmt: str = "text", *, color: bool | None = None) -> str:
    """The extracted profile as a text table or as JSON."""
    if fmt == "json":
        return profile.model_dump_json(indent=2) + "\n"
    from skillgap.report.text import profile_text, to_console

    return to_console(profile_text(profile), color=color)
