"""The compare report as Markdown that pastes cleanly into an issue tracker or an ATS note.

Document text is escaped so that a résumé cannot add links, HTML or table cells: every
character that could start emphasis, code, a link, HTML, an entity, a heading or a table
cell is backslash-escaped (CommonMark allows that for any ASCII punctuation), and quotes are
single lines already. GitHub's Markdown also links bare web addresses, ``www.`` names and
e-mail addresses it finds in text, so those are broken up too (see ``_SCHEME``).
"""

from __future__ import annotations

import re

from skillgap.models import GapReport, Quote
from skillgap.report.common import evidence_label, headline, points_label, split_quote

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


def report_markdown(report: GapReport) -> str:
    """The whole report: score, missing, partial, matched with evidence, why, plan."""
    lines = [
        "# Skill gap report",
        "",
        f"**Fit score: {report.score}/100**: {headline(report)}.",
        "",
        f"- Résumé: {escape(report.resume)}",
        f"- Job: {escape(report.job)}",
    ]
    if report.missing:
        lines += _section(f"Missing ({len(report.missing)})", ["Skill", "Level", "Job asks"])
        lines += [
            _row(item.name, item.requirement, _quote(item.job_quote)) for item in report.missing
        ]
    if report.partial:
        lines += _section(
            f"Partly covered ({len(report.partial)})",
            ["Skill", "Level", "Covered by", "Credit", "Résumé says", "Job asks"],
        )
        lines += [
            _row(
                item.name,
                item.requirement,
                ", ".join(item.via) + (" (implied)" if item.evidence == "implied" else ""),
                f"{item.credit:.2f}",
                QUOTE_SEPARATOR.join(_quote(quote) for quote in item.resume_quotes),
                _quote(item.job_quote),
            )
            for item in report.partial
        ]
    if report.matched:
        lines += _section(
            f"Matched ({len(report.matched)})",
            ["Skill", "Level", "Evidence", "Résumé says", "Job asks"],
        )
        lines += [
            _row(
                item.name,
                item.requirement,
                evidence_label(item),
                QUOTE_SEPARATOR.join(_quote(quote) for quote in item.resume_quotes),
                _quote(item.job_quote),
            )
            for item in report.matched
        ]
    if report.contributions:
        lines += _section("Why this score", ["Requirement", "Level", "Points", "Why"])
        lines += [
            _row(
                " / ".join(item.skills),
                item.requirement if item.status != "rounding" else "",
                points_label(item),
                escape(item.reason),
            )
            for item in report.contributions
        ]
        lines.append(_row("**Score**", "", f"**{report.score}**", ""))
    if report.learning_plan:
        lines += ["", "## Learning plan (prerequisites first)", ""]
        phase = None
        for step in report.learning_plan:
            if step.phase_title and step.phase_title != phase:
                phase = step.phase_title
                lines += [""] * bool(lines[-1]) + [f"### {escape(phase)}", ""]
            effort = f", about {step.hours} h" if step.hours else ""
            level = step.requirement or "prerequisite"
            lines.append(f"{step.order}. **{escape(step.skill)}** ({level}{effort}): ")
            lines.append(f"   {escape(step.reason)}")
            lines += [f"   - {escape(line)}" for line in step.steps]
            if step.project:
                lines.append(f"   - Project: {escape(step.project)}")
            if step.resource:
                lines.append(f"   - Learn from: {escape(step.resource)}")
    if report.extra:
        names = ", ".join(escape(item.name) for item in report.extra)
        lines += ["", f"Also on the résumé, not asked for: {names}."]
    lines += [
        "",
        f"_skillgap {escape(report.skillgap_version)}, taxonomy {escape(report.taxonomy_version)}_",
    ]
    return "\n".join(lines) + "\n"


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
