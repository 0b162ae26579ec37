"""The terminal report: what to act on first, then the evidence; and the extract profile.

The page is wrapped here, at the console's width (``COLUMNS`` when set, else the terminal's,
else 80), with hanging indents and breaks only between words, and no trailing spaces.
Gaps come before matches; the default shows one quote where it helps and ``full`` every quote.
"""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from skillgap.models import GapReport, Profile, Quote
from skillgap.report import common

LABEL = 18  # the hanging indent of an entry: its label column
DETAILED_STEPS = 5  # plan steps shown in detail by default
_WORD = re.compile(r"~\d+ h\b\S*|\S+")  # what a line never breaks: words, and "~40 h"
MIN_WIDTH = 40


class _Page:
    """Lines wrapped at ``width``: paragraphs and label-body entries with hanging indents."""

    def __init__(self, width: int, console: Console) -> None:
        self.width = max(MIN_WIDTH, width)
        self.console = console
        self.lines: list[Text] = []

    def blank(self) -> None:
        if self.lines and self.lines[-1].plain:
            self.lines.append(Text())

    def heading(self, title: str) -> None:
        self.blank()
        self.para(Text(title, style="bold"))

    def para(self, body: Text | str, indent: int = 0, first: str = "") -> None:
        """``first`` then ``body``; continuation lines start at ``indent``."""
        self.entry(first, body, indent=indent, start=len(first), own_line=False)

    def entry(
        self,
        label: str,
        body: Text | str,
        *,
        indent: int = LABEL,
        start: int | None = None,
        label_style: str = "",
        own_line: bool = True,
    ) -> None:
        """``label``, then ``body`` from column ``start`` (default ``indent``); the body's
        continuation lines start at ``indent``, so it wraps under itself, not the label. A label
        too long for its column gets a line of its own (``own_line``)."""
        start = indent if start is None else start
        body = Text(body) if isinstance(body, str) else body
        head = Text(label, style=label_style)
        if own_line and label and len(label) + 1 > start:
            self.lines.append(head)
            head = Text("")
        room = max(10, self.width - max(start, indent))
        wrapped = _wrap(body, room)
        for number, line in enumerate(wrapped):
            if number == 0:
                prefix = head + Text(" " * max(0, start - len(head.plain)))
            else:
                prefix = Text(" " * indent)
            full = prefix + line
            full.rstrip()
            self.lines.append(full)

    def text(self) -> Text:
        while self.lines and not self.lines[-1].plain:
            self.lines.pop()
        for line in self.lines:
            line.rstrip()
        return Text("\n").join(self.lines)


def _wrap(body: Text, room: int) -> list[Text]:
    """Greedy wrap at spaces only: a word longer than the line stays whole and runs over."""
    words = [match.span() for match in _WORD.finditer(body.plain)]
    if not words:
        return [Text("")]
    lines: list[Text] = []
    start, end = words[0]
    for word_start, word_end in words[1:]:
        if word_end - start > room:
            lines.append(body[start:end])
            start = word_start
        end = word_end
    lines.append(body[start:end])
    return lines


def report_text(
    report: GapReport, *, width: int = 80, full: bool = False, console: Console | None = None
) -> Text:
    """The compare report as one wrapped rich Text: act on it first, check it after."""
    page = _Page(width, console or Console(width=width))
    page.para(f"Résumé: {report.resume}", indent=8)
    page.para(f"Job:    {report.job}", indent=8)
    page.blank()
    style = "bold green" if report.fit == "strong" else "bold yellow"
    page.para(Text(common.fit_line(report), style=style))
    for row in common.counts(report):
        page.para(row.line(), indent=2)
    for line in (common.cap_line(report), common.start_here(report)):
        if line:
            page.para(line, indent=2)
    if report.notes:
        page.heading("Notes")
        for note in report.notes:
            page.para(note.message, indent=4, first="  ! ")
    if top := common.top_gaps(report):
        page.heading("Top gaps (most points first)")
        for step in top:
            page.entry(f"  {step.skill}", common.step_facts(step), label_style="bold")
    _verdicts(page, report, full)
    _why(page, report, full)
    _plan(page, report, full)
    if report.extra:
        page.heading("Also on the résumé (not asked for)")
        page.para(", ".join(item.name for item in report.extra), indent=2, first="  ")
    page.blank()
    page.para(
        Text(f"skillgap {report.skillgap_version}, taxonomy {report.taxonomy_version}", "dim")
    )
    return page.text()


def _verdicts(page: _Page, report: GapReport, full: bool) -> None:
    if missing := common.technical(report.missing):
        page.heading(f"Missing ({len(missing)})")
        for item in missing:
            hint = common.missing_hint(item)
            note = hint[0].upper() + hint[1:] + "." if hint else None
            _skill(
                page, item.name, common.level_label(item), "bold red", job=item.job_quote, note=note
            )
    if partial := common.technical(report.partial):
        page.heading(f"Partly covered ({len(partial)})")
        for item in partial:
            detail = f"{common.level_label(item)}; {common.partial_label(item)}"
            resume = item.resume_quotes[: None if full else 1]
            _skill(page, item.name, detail, "bold yellow", resume, item.job_quote)
    if alternatives := common.technical(report.alternatives):
        page.heading(f"Accepted instead ({len(alternatives)})")
        for item in alternatives:
            detail = f"{item.requirement}; the ad accepts {item.instead}, which you have: "
            _skill(page, item.name, detail + "no points lost, nothing to learn", "bold")
    if matched := common.technical(report.matched):
        page.heading(f"Matched ({len(matched)})")
        for item in matched:
            label = common.evidence_label(item)
            detail = item.requirement + (f"; {label}" if label else "")
            quotes = (item.resume_quotes, item.job_quote) if full else ([], None)
            _skill(page, item.name, detail, "bold green", *quotes)
    if soft_items := common.soft(report):
        page.heading(f"Soft skills ({len(soft_items)}, weighed less)")
        for verdict, item in soft_items:
            resume = common.resume_quotes(item) if full else []
            _skill(page, item.name, f"{item.requirement}; {verdict}", "bold", resume)
    if report.say_on_resume:
        page.heading("Say it on your résumé (held in practice, not named)")
        for tip in report.say_on_resume:
            page.entry(
                f"  “{tip.words}”",
                f"{tip.requirement}: add it next to {', '.join(tip.next_to)}",
                label_style="bold",
            )
    if line := common.experience_line(report):
        page.heading("Overall experience")
        page.para(line, indent=2, first="  ")


def _quote_line(page: _Page, label: str, quote: Quote | None) -> None:
    if quote is None:
        return
    before, marked, after = common.split_quote(quote)
    body = Text.assemble(label, "“", before, (marked, "bold"), after, "”")
    page.entry("", body, indent=LABEL + len(label) + 1, start=LABEL)


def _why(page: _Page, report: GapReport, full: bool) -> None:
    """Every requirement's points; by default the fully met ones are summed on one line."""
    if not report.contributions:
        return
    page.heading("Why this score (the points add up to it)")
    rows = report.contributions
    if not full:
        met = [row for row in rows if row.status == "matched" and row.credit == 1]
        if met:
            total = sum(row.points for row in met)
            page.entry(f"  {total:.2f}", f"{len(met)} requirements fully met (--full lists them)")
        rows = [row for row in rows if row not in met]
    for row in rows:
        page.entry(f"  {common.points_label(row)}", row.reason)
    page.entry(f"  = {report.score}", "the score", label_style="bold")


def _plan(page: _Page, report: GapReport, full: bool) -> None:
    """The plan: the first steps in detail, the rest one line each (``full``: all in detail)."""
    plan = report.learning_plan
    if not plan:
        return
    page.heading(
        "Learning plan (most points first, prerequisites before what needs them; "
        f"~{report.plan_hours} h in all)"
    )
    number = 0
    for step in plan:
        if step.alternative_to:
            continue
        number += 1
        head = Text.assemble((f"{number}. {step.skill}", "bold"))
        others = common.alternatives_of(plan, step)
        if others:
            head.append(f" (or {', '.join(others)})", style="bold")
        head.append(f"  {common.step_facts(step)}")
        if not full and number > DETAILED_STEPS:
            if number == DETAILED_STEPS + 1:
                page.blank()
            page.para(head, indent=5)
            continue
        page.blank()
        page.para(head, indent=5)
        if step.phase_title:
            page.para(Text(step.phase_title, style="dim"), indent=5, first="     ")
        page.para(Text(step.reason, style="italic"), indent=5, first="     ")
        for line in step.steps:
            page.para(line, indent=7, first="     • ")
        if step.tools:
            page.para(f"Pick a tool: {', '.join(step.tools)}", indent=7, first="     ")
        if step.project:
            page.para(Text(f"Project: {step.project}", style="cyan"), indent=7, first="     ")
        if step.resource:
            page.para(Text(f"Learn from: {step.resource}", style="dim"), indent=7, first="     ")
    if not full and number > DETAILED_STEPS:
        page.para(Text("(--full shows every step in detail)", style="dim"), indent=5)


def profile_text(profile: Profile) -> Group:
    """The extract result as a table of skills and a list of what is not claimed."""
    title = f"{profile.kind.capitalize()} {profile.source}: {len(profile.skills)} skills"
    level = "Requirement" if profile.kind == "job" else "Evidence"
    table = _table(title, "Skill", "Category", level, "Years", "Mentions")
    for skill in profile.skills:
        mentions = ", ".join(
            f"{m.text} ({m.section})" if m.section else m.text for m in skill.mentions[:4]
        )
        if len(skill.mentions) > 4:
            mentions += f", +{len(skill.mentions) - 4}"
        table.add_row(
            skill.name,
            skill.category,
            skill.requirement or skill.evidence or "",
            f"{skill.years:g}" if skill.years else "",
            escape(mentions),
        )
    parts: list[object] = [table]
    for item in profile.not_claimed:
        parts.append(Text(f"Not claimed: {item.name} ({item.reason}: “{item.mentions[0].text}”)"))
    if profile.implied:
        implied = ", ".join(f"{i.name} (via {', '.join(i.via)})" for i in profile.implied)
        parts.append(Text(f"Implied, not claimed: {implied}", style="dim"))
    return Group(*parts)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def console_for(color: bool | None) -> Console:
    """The console a report is printed for: ``COLUMNS`` wide when set, else the terminal's
    width, else 80 (files and pipes)."""
    return Console(force_terminal=color, no_color=color is False, highlight=False)


def to_console(renderable: object, *, color: bool | None = None, width: int | None = None) -> str:
    """Render to a string (colour only when asked, or on a terminal by default)."""
    console = Console(
        record=True, force_terminal=color, no_color=color is False, width=width, highlight=False
    )
    with console.capture() as capture:
        plain = isinstance(renderable, Text)  # wrapped already: print each line whole
        console.print(renderable, no_wrap=plain, overflow="ignore" if plain else None, crop=False)
    return "\n".join(line.rstrip() for line in capture.get().split("\n"))


def _skill(
    page: _Page,
    name: str,
    detail: str,
    style: str,
    resume: list[Quote] | tuple[()] = (),
    job: Quote | None = None,
    note: str | None = None,
) -> None:
    """One job skill: its name and verdict, a note, then the résumé and job lines behind it."""
    page.entry(f"  {name}", detail, label_style=style)
    if note:
        page.entry("", note)
    for quote in resume:
        _quote_line(page, "Résumé: ", quote)
    _quote_line(page, "Job: ", job)
