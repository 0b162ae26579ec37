"""What every report format shows the same way: the headline and the labels of a row."""

from __future__ import annotations

from skillgap.models import Contribution, GapReport, MatchedSkill, Quote


def split_quote(quote: Quote | None) -> tuple[str, str, str]:
    """A quote as (before, marked, after), so each format can mark the skill its own way."""
    if quote is None:
        return "", "", ""
    text = quote.text
    return text[: quote.mark_start], text[quote.mark_start : quote.mark_end], text[quote.mark_end :]


def headline(report: GapReport) -> str:
    """The one-line summary every format opens with."""
    asked = report.matched + report.partial + report.missing
    required = sum(1 for item in asked if item.requirement == "required")
    required_met = sum(1 for item in report.matched if item.requirement == "required")
    line = (
        f"required skills matched: {required_met} of {required}; "
        f"partial: {len(report.partial)}; missing: {len(report.missing)}"
    )
    cap = next((c for c in report.contributions if c.status == "cap"), None)
    if cap:
        line += f"; capped at {report.score}: required {', '.join(cap.skills)} missing"
    return line


def evidence_label(item: MatchedSkill) -> str:
    """'demonstrated, 3 yrs (5 asked)': evidence level and years, where known."""
    parts = [item.evidence] if item.evidence else []
    if item.years is not None:
        parts.append(f"{item.years:g} yrs")
    if item.years_asked:
        parts.append(f"{item.years_asked:g} asked")
    return ", ".join(parts)


def points_label(contribution: Contribution) -> str:
    if contribution.status in ("rounding", "cap"):
        return f"{contribution.points:+.2f}"
    return f"{contribution.points:.2f} / {contribution.max_points:.2f}"
