"""The compare report as one self-contained, printable HTML page.

Jinja2 renders ``templates/report.html.j2`` with autoescaping on, so every piece of document
text is escaped; the page has no script and no external asset, and its Content-Security-Policy
forbids both, so even a quote that slipped past escaping could not run or fetch anything.
The coverage chart is inline SVG, with the same numbers written out as text for screen readers
and for print.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from skillgap.models import GapReport, Requirement
from skillgap.report import common

BAR_WIDTH = 420  # SVG user units of a full coverage bar


@dataclass(frozen=True)
class Segment:
    """One coloured piece of a coverage bar."""

    status: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    """Coverage of one requirement level: how many skills are matched, partial, missing."""

    label: str
    total: int
    segments: list[Segment]


def report_html(report: GapReport, full: bool = True) -> str:
    """The whole report as an HTML document, in the text report's order (every quote)."""
    return _template().render(
        report=report,
        c=common,
        counts=common.counts(report),
        cap=common.cap_line(report),
        start=common.start_here(report),
        top=common.top_gaps(report),
        soft=common.soft(report),
        missing=common.technical(report.missing),
        partial=common.technical(report.partial),
        alternatives=common.technical(report.alternatives),
        matched=common.technical(report.matched),
        experience=common.experience_line(report),
        plan=common.main_steps(report.learning_plan),
        bars=coverage_bars(report),
        bar_width=BAR_WIDTH,
    )


def coverage_bars(report: GapReport) -> list[Bar]:
    """One bar per requirement level the job uses, segments in matched/partial/missing order
    (a skill accepted instead counts as matched: the requirement is met)."""
    bars = []
    levels: list[tuple[Requirement, str]] = [("required", "Required"), ("preferred", "Preferred")]
    for level, label in levels:
        counts = [
            (status, sum(1 for item in items if item.requirement == level))
            for status, items in (
                ("matched", [*report.matched, *report.alternatives]),
                ("partial", report.partial),
                ("missing", report.missing),
            )
        ]
        total = sum(count for _, count in counts)
        if not total:
            continue
        segments, x = [], 0.0
        for status, count in counts:
            width = BAR_WIDTH * count / total
            segments.append(Segment(status, count, round(x, 1), round(width, 1)))
            x += width
        bars.append(Bar(label, total, segments))
    return bars


@lru_cache(maxsize=1)
def _template() -> Template:
    return load_template("skillgap.report", "report.html.j2")


def load_template(package: str, name: str) -> Template:
    """A page template of ``package``'s templates/ folder: autoescaped, strict about names."""
    environment = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template(name)
