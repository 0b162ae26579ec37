"""The terminal report (rich): score, evidence, gaps, why, plan; and the extract profile."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from skillgap.models import GapReport, Profile, Quote
from skillgap.report.common import evidence_label, headline, points_label, split_quote


def report_text(report: GapReport) -> Group:
    """The compare report as rich renderables: score, evidence, gaps, why, plan."""
    parts: list[object] = [Text(f"Résumé: {report.resume}\nJob:    {report.job}")]
    parts.append(
        Text.assemble(
            ("\nFit score: ", "bold"),
            (f"{report.score}/100", "bold yellow" if _capped(report) else "bold green"),
            f"   {headline(report)}\n",
        )
    )
    if report.matched:
        table = _table(
            f"Matched ({len(report.matched)})", "Skill", "Level", "Evidence", "Résumé says", "Job"
        )
        for item in report.matched:
            table.add_row(
                item.name,
                item.requirement,
                evidence_label(item),
                _quote(item.resume_quotes[0] if item.resume_quotes else None),
                _quote(item.job_quote),
            )
        parts.append(table)
    if report.partial:
        table = _table(
            f"Partial ({len(report.partial)})", "Skill", "Level", "Via", "Résumé says", "Job"
        )
        for item in report.partial:
            table.add_row(
                item.name,
                item.requirement,
                ", ".join(item.via) + (" (implied)" if item.evidence == "implied" else ""),
                _quote(item.resume_quotes[0] if item.resume_quotes else None),
                _quote(item.job_quote),
            )
        parts.append(table)
    if report.missing:
        table = _table(f"Missing ({len(report.missing)})", "Skill", "Level", "Job says")
        for item in report.missing:
            table.add_row(item.name, item.requirement, _quote(item.job_quote))
        parts.append(table)
    if report.contributions:
        table = _table("Why this score (points add up to it)", "Requirement", "Points", "Why")
        for contribution in report.contributions:
            table.add_row(
                " / ".join(contribution.skills),
                points_label(contribution),
                Text(contribution.reason),
            )
        table.add_row(Text("Score", style="bold"), Text(str(report.score), style="bold"), "")
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


def _quote(quote: Quote | None) -> Text:
    """A quote with the skill's words in bold; Text keeps document text out of rich markup."""
    before, marked, after = split_quote(quote)
    return Text.assemble(before, (marked, "bold"), after)


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


def _capped(report: GapReport) -> bool:
    """A required skill is missing: the score's colour warns, whatever its number."""
    return any(item.requirement == "required" for item in report.missing)
