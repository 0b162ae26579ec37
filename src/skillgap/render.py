"""Present reports and profiles: a readable terminal report, or JSON. Computes nothing."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from skillgap.models import GapReport, Mention, Profile

SNIPPET_WIDTH = 60


def snippet(text: str | None, mention: Mention) -> str:
    """The line around a mention, trimmed to fit a table cell."""
    if not text:
        return mention.text
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, mention.start - SNIPPET_WIDTH // 2)
    right = min(line_end, max(mention.end, left + SNIPPET_WIDTH))
    piece = " ".join(text[left:right].split())
    return ("…" if left > line_start else "") + piece + ("…" if right < line_end else "")


def report_text(
    report: GapReport, resume_text: str | None = None, job_text: str | None = None
) -> Group:
    """The compare report as rich renderables: score, matched, partial, missing, plan."""
    parts: list[object] = []
    required = [s for s in report.matched + report.partial + report.missing]
    n_required = sum(1 for s in required if s.requirement == "required")
    n_required_met = sum(1 for s in report.matched if s.requirement == "required")
    parts.append(Text(f"Résumé: {report.resume}\nJob:    {report.job}"))
    parts.append(
        Text.assemble(
            ("\nFit score: ", "bold"),
            (f"{report.score}/100", "bold green" if report.score >= 70 else "bold yellow"),
            f"   required skills matched: {n_required_met} of {n_required}; "
            f"partial: {len(report.partial)}; missing: {len(report.missing)}\n",
        )
    )
    if report.matched:
        table = _table(
            f"Matched ({len(report.matched)})", "Skill", "Level", "Evidence", "Résumé says"
        )
        for item in report.matched:
            evidence = item.evidence or ""
            if item.years:
                evidence += f", {item.years:g} yrs"
            table.add_row(
                item.name,
                item.requirement,
                evidence,
                escape(snippet(resume_text, item.resume_mentions[0])),
            )
        parts.append(table)
    if report.partial:
        table = _table(f"Partial ({len(report.partial)})", "Skill", "Level", "Via", "Job says")
        for item in report.partial:
            table.add_row(
                item.name,
                item.requirement,
                ", ".join(item.via),
                escape(snippet(job_text, item.job_mentions[0])),
            )
        parts.append(table)
    if report.missing:
        table = _table(f"Missing ({len(report.missing)})", "Skill", "Level", "Job says")
        for item in report.missing:
            table.add_row(
                item.name, item.requirement, escape(snippet(job_text, item.job_mentions[0]))
            )
        parts.append(table)
    if report.extra:
        names = ", ".join(item.name for item in report.extra)
        parts.append(Text(f"\nAlso on the résumé (not asked for): {names}"))
    if report.learning_plan:
        parts.append(Text("\nLearning plan (prerequisites first)", style="bold"))
        phase = None
        for step in report.learning_plan:
            if step.phase_title and step.phase_title != phase:
                phase = step.phase_title
                hours = sum(s.hours or 0 for s in report.learning_plan if s.phase_title == phase)
                parts.append(Text(f"\n{phase}  (~{hours} h)", style="bold underline"))
            level = step.requirement or "prerequisite"
            head = Text.assemble((f"{step.order}. {step.skill}", "bold"), f"  [{level}]  ")
            if step.hours:
                head.append(f"~{step.hours} h", style="dim")
            lines = [head, Text(f"   {step.reason}", style="italic")]
            lines += [Text(f"   • {line}") for line in step.steps]
            if step.tools:
                lines.append(Text(f"   Pick a tool: {', '.join(step.tools)}"))
            if step.project:
                lines.append(Text(f"   Project: {step.project}", style="cyan"))
            if step.resource:
                lines.append(Text(f"   Learn from: {step.resource}", style="dim"))
            parts.append(Group(*lines))
    parts.append(
        Text(
            f"\nskillgap {report.skillgap_version}, taxonomy {report.taxonomy_version}", style="dim"
        )
    )
    return Group(*parts)


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


def to_console(renderable: object, *, color: bool | None = None, width: int | None = None) -> str:
    """Render to a string (colour only when asked, or on a terminal by default)."""
    console = Console(record=True, force_terminal=color, no_color=color is False, width=width)
    if width is None and not console.is_terminal:
        console.width = 100  # files and pipes: wide enough for the evidence column
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()
