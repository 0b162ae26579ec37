"""The compare report as Markdown that pastes cleanly into an issue tracker or an ATS note.

Document text is escaped so that a résumé cannot add links, HTML or table cells: every
character that could start emphasis, code, a link, HTML, an entity, a heading or a table
cell is backslash-escaped (CommonMark allows that for any ASCII punctuation), and quotes are
single lines already.
"""

from __future__ import annotations

import re

from skillgap.models import GapReport, Quote
from skillgap.report.common import (
    alternatives_of,
    cap_line,
    counts,
    evidence_label,
    experience_line,
    fit_line,
    level_label,
    missing_hint,
    partial_label,
    points_label,
    resume_quotes,
    soft,
    split_quote,
    start_here,
    step_facts,
    technical,
    top_gaps,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_SPACE = re.compile(r"\s+")
QUOTE_SEPARATOR = " · "


def escape(text: str) -> str:
    """Text that Markdown shows as written, safe inside a table cell."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def report_markdown(report: GapReport, full: bool = True) -> str:
    """The whole report, in the text report's order; Markdown always carries every quote."""
    lines = ["# Skill gap report", "", f"**{escape(fit_line(report))}.**", ""]
    lines += [f"- {escape(row.line())}" for row in counts(report)]
    if cap := cap_line(report):
        lines.append(f"- {escape(cap)}")
    if start := start_here(report):
        lines.append(f"- **{escape(start)}**")
    lines += ["", f"Résumé: {escape(report.resume)} · Job: {escape(report.job)}"]
    for note in report.notes:
        lines += ["", f"**Note:** {escape(note.message)}"]
    if top := top_gaps(report):
        lines += _section("Top gaps", ["Skill", "Level, effort, points at stake"])
        lines += [_row(f"**{escape(step.skill)}**", escape(step_facts(step))) for step in top]
    _verdicts(lines, report)
    if report.contributions:
        lines += _section("Why this score", ["Requirement", "Level", "Points", "Why"])
        lines += [
            _row(
                escape(" / ".join(item.skills)),
                item.requirement if item.status != "rounding" else "",
                points_label(item),
                escape(item.reason),
            )
            for item in report.contributions
        ]
        lines.append(_row("**Score**", "", f"**{report.score}**", ""))
    _plan(lines, report)
    if report.extra:
        names = ", ".join(escape(item.name) for item in report.extra)
        lines += ["", "## Also on the résumé", "", f"Not asked for by this job: {names}."]
    lines += [
        "",
        f"_skillgap {escape(report.skillgap_version)}, taxonomy {escape(report.taxonomy_version)}_",
    ]
    return "\n".join(lines) + "\n"


def _verdicts(lines: list[str], report: GapReport) -> None:
    if missing := technical(report.missing):
        lines += _section(f"Missing ({len(missing)})", ["Skill", "Level", "Job asks", "Hint"])
        lines += [
            _row(
                escape(item.name),
                escape(level_label(item)),
                _quote(item.job_quote),
                escape(missing_hint(item)),
            )
            for item in missing
        ]
    if partial := technical(report.partial):
        lines += _section(
            f"Partly covered ({len(partial)})",
            ["Skill", "Level", "Stands in", "Résumé says", "Job asks"],
        )
        lines += [
            _row(
                escape(item.name),
                escape(level_label(item)),
                escape(partial_label(item)),
                QUOTE_SEPARATOR.join(_quote(quote) for quote in item.resume_quotes),
                _quote(item.job_quote),
            )
            for item in partial
        ]
    if alternatives := technical(report.alternatives):
        lines += _section(
            f"Accepted instead ({len(alternatives)})", ["Skill", "Level", "The ad accepts"]
        )
        lines += [
            _row(escape(item.name), item.requirement, f"{escape(item.instead)}, which you have")
            for item in alternatives
        ]
    if matched := technical(report.matched):
        lines += _section(
            f"Matched ({len(matched)})",
            ["Skill", "Level", "Evidence", "Résumé says", "Job asks"],
        )
        lines += [
            _row(
                escape(item.name),
                escape(level_label(item)),
                escape(evidence_label(item)),
                QUOTE_SEPARATOR.join(_quote(quote) for quote in item.resume_quotes),
                _quote(item.job_quote),
            )
            for item in matched
        ]
    if soft_items := soft(report):
        lines += _section(
            "Soft skills (weighed less)", ["Skill", "Level", "Verdict", "Résumé says"]
        )
        lines += [
            _row(
                escape(item.name),
                item.requirement,
                verdict,
                QUOTE_SEPARATOR.join(_quote(q) for q in resume_quotes(item)),
            )
            for verdict, item in soft_items
        ]
    if report.say_on_resume:
        lines += _section(
            "Say it on your résumé (held in practice, not named)", ["Add", "Next to", "Level"]
        )
        lines += [
            _row(f"“{escape(tip.words)}”", escape(", ".join(tip.next_to)), tip.requirement)
            for tip in report.say_on_resume
        ]
    if line := experience_line(report):
        lines += ["", "## Overall experience", "", escape(line)]


def _plan(lines: list[str], report: GapReport) -> None:
    plan = report.learning_plan
    if not plan:
        return
    lines += [
        "",
        f"## Learning plan (~{report.plan_hours} h in all)",
        "",
        "Most points first; prerequisites before what needs them.",
        "",
    ]
    number = 0
    for step in plan:
        if step.alternative_to:
            continue
        number += 1
        others = alternatives_of(plan, step)
        name = f"**{escape(step.skill)}**" + (
            f" (or {escape(', '.join(others))})" if others else ""
        )
        phase = f" · _{escape(step.phase_title)}_" if step.phase_title else ""
        lines.append(f"{number}. {name} ({escape(step_facts(step))}){phase}  ")
        lines.append(f"   {escape(step.reason)}")
        lines += [f"   - {escape(line)}" for line in step.steps]
        if step.tools:
            lines.append(f"   - Pick a tool: {escape(', '.join(step.tools))}")
        if step.project:
            lines.append(f"   - Project: {escape(step.project)}")
        if step.resource:
            lines.append(f"   - Learn from: {escape(step.resource)}")


def _section(title: str, columns: list[str]) -> list[str]:
    return ["", f"## {title}", "", _row(*columns), _row(*["---"] * len(columns))]


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _quote(quote: Quote | None) -> str:
    """A quote with the skill's words in bold."""
    before, marked, after = split_quote(quote)
    if not marked:
        return escape(before + after)
    return f"{escape(before)}**{escape(marked)}**{escape(after)}"
