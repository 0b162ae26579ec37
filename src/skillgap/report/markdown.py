"""The compare report as Markdown that pastes cleanly into an issue tracker or an ATS note.

Document text is escaped so that a résumé cannot add links, HTML or table cells: every
character that could start emphasis, code, a link, HTML, an entity, a heading or a table
cell is backslash-escaped (CommonMark allows that for any ASCII punctuation), and quotes are
single lines already. GitHub's Markdown also links bare web addresses, ``www.`` names and
e-mail addresses it finds in text, so those are broken up too (see ``_SCHEME``).
"""

from __future__ import annotations

import re

from skillgap.models import GapReport, MatchedSkill, PartialSkill, Quote
from skillgap.report import common

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_SPACE = re.compile(r"\s+")
# GFM links what it reads after unescaping: "https://", "ftp://" (any "scheme://"), "www.",
# and e-mail addresses (also after "mailto:" or "xmpp:"). An escaped ":" or "." breaks the
# first two; nothing escapes an address, so it goes in a code span, which is never linked.
_SCHEME = re.compile(r"(?<=[A-Za-z0-9])://")
_WWW = re.compile(r"(?i)\b(www)\.")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
QUOTE_SEPARATOR = " · "


def escape(text: str) -> str:
    """Text that Markdown shows as written, safe inside a table cell, and never a link."""
    text = _SPACE.sub(" ", text)
    parts: list[str] = []
    last = 0
    for address in _EMAIL.finditer(text):
        parts.append(_escape_words(text[last : address.start()]))
        parts.append(f"`{address.group()}`")
        last = address.end()
    parts.append(_escape_words(text[last:]))
    return "".join(parts)


def _escape_words(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return _WWW.sub(r"\1\\.", _SCHEME.sub(r"\\://", text))


def report_markdown(report: GapReport, full: bool = True) -> str:
    """The whole report, in the text report's order; Markdown always carries every quote."""
    lines = ["# Skill gap report", "", f"**{escape(common.fit_line(report))}.**", ""]
    lines += [f"- {escape(row.line())}" for row in common.counts(report)]
    if cap := common.cap_line(report):
        lines.append(f"- {escape(cap)}")
    if start := common.start_here(report):
        lines.append(f"- **{escape(start)}**")
    lines += ["", f"Résumé: {escape(report.resume)} · Job: {escape(report.job)}"]
    for note in report.notes:
        lines += ["", f"**Note:** {escape(note.message)}"]
    if top := common.top_gaps(report):
        lines += _section("Top gaps", ["Skill", "Level, effort, points at stake"])
        lines += [
            _row(f"**{escape(step.skill)}**", escape(common.step_facts(step))) for step in top
        ]
    _verdicts(lines, report)
    if report.contributions:
        lines += _section("Why this score", ["Requirement", "Level", "Points", "Why"])
        lines += [
            _row(
                escape(" / ".join(item.skills)),
                item.requirement if item.status != "rounding" else "",
                common.points_label(item),
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


def _held_rows(title: str, label: str, items: list[MatchedSkill] | list[PartialSkill]) -> list[str]:
    """A table of job skills the résumé holds or stands in for, with both sides' words."""
    rows = _section(title, ["Skill", "Level", label, "Résumé says", "Job asks"])
    for item in items:
        how = (
            common.evidence_label(item)
            if isinstance(item, MatchedSkill)
            else common.partial_label(item)
        )
        rows.append(
            _row(
                escape(item.name),
                escape(common.level_label(item)),
                escape(how),
                QUOTE_SEPARATOR.join(_quote(quote) for quote in item.resume_quotes),
                _quote(item.job_quote),
            )
        )
    return rows


def _verdicts(lines: list[str], report: GapReport) -> None:
    if missing := common.technical(report.missing):
        lines += _section(f"Missing ({len(missing)})", ["Skill", "Level", "Job asks", "Hint"])
        lines += [
            _row(
                escape(item.name),
                escape(common.level_label(item)),
                _quote(item.job_quote),
                escape(common.missing_hint(item)),
            )
            for item in missing
        ]
    if partial := common.technical(report.partial):
        lines += _held_rows(f"Partly covered ({len(partial)})", "Stands in", partial)
    if alternatives := common.technical(report.alternatives):
        lines += _section(
            f"Accepted instead ({len(alternatives)})", ["Skill", "Level", "The ad accepts"]
        )
        lines += [
            _row(escape(item.name), item.requirement, f"{escape(item.instead)}, which you have")
            for item in alternatives
        ]
    if matched := common.technical(report.matched):
        lines += _held_rows(f"Matched ({len(matched)})", "Evidence", matched)
    if soft_items := common.soft(report):
        lines += _section(
            "Soft skills (weighed less)", ["Skill", "Level", "Verdict", "Résumé says"]
        )
        lines += [
            _row(
                escape(item.name),
                item.requirement,
                verdict,
                QUOTE_SEPARATOR.join(_quote(q) for q in common.resume_quotes(item)),
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
    if line := common.experience_line(report):
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
        others = common.alternatives_of(plan, step)
        name = f"**{escape(step.skill)}**" + (
            f" (or {escape(', '.join(others))})" if others else ""
        )
        phase = f" · _{escape(step.phase_title)}_" if step.phase_title else ""
        lines.append(f"{number}. {name} ({escape(common.step_facts(step))}){phase}  ")
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
    before, marked, after = common.split_quote(quote)
    if not marked:
        return escape(before + after)
    return f"{escape(before)}**{escape(marked)}**{escape(after)}"
