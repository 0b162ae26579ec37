"""What every report format shows the same way: the summary, the sections, and their labels.

Text, Markdown and HTML all show, in this order: the score and fit with counts that add up,
the cap, "start here", notes, the top gaps; then missing, partly covered, accepted instead,
matched, soft skills, what to say on the résumé, overall experience, why this score, the
learning plan and the skills the job does not ask for. The functions here decide what each
section holds, so the formats only decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass

from skillgap.models import (
    AlternativeSkill,
    Contribution,
    GapReport,
    MatchedSkill,
    MissingSkill,
    PartialSkill,
    PlanStep,
    Quote,
    Requirement,
)

TOP_GAPS = 5
FIT_WORDS = {"strong": "strong fit", "partial": "partial fit", "weak": "weak fit"}
Asked = MatchedSkill | PartialSkill | MissingSkill | AlternativeSkill


def split_quote(quote: Quote | None) -> tuple[str, str, str]:
    """A quote as (before, marked, after), so each format can mark the skill its own way."""
    if quote is None:
        return "", "", ""
    text = quote.text
    return text[: quote.mark_start], text[quote.mark_start : quote.mark_end], text[quote.mark_end :]


@dataclass(frozen=True)
class Counts:
    """How the skills of one requirement level split into verdicts; the parts add up."""

    level: Requirement
    matched: int
    alternatives: int
    partial: int
    missing: int

    @property
    def asked(self) -> int:
        return self.matched + self.alternatives + self.partial + self.missing

    def line(self) -> str:
        """ "Required skills (14): 9 matched, 1 accepted instead, 2 partial, 2 missing"."""
        label = "Required skills" if self.level == "required" else "Nice-to-have skills"
        parts = [f"{self.matched} matched"]
        if self.alternatives:
            parts.append(f"{self.alternatives} accepted instead")
        parts += [f"{self.partial} partial", f"{self.missing} missing"]
        return f"{label} ({self.asked}): {', '.join(parts)}"


def counts(report: GapReport) -> list[Counts]:
    """One count per requirement level the job uses, required first."""
    found = []
    for level in ("required", "preferred"):
        row = Counts(
            level,  # type: ignore[arg-type]
            *(
                sum(1 for item in items if item.requirement == level)
                for items in (report.matched, report.alternatives, report.partial, report.missing)
            ),
        )
        if row.asked:
            found.append(row)
    return found


def fit_line(report: GapReport) -> str:
    """ "Fit score 62/100, partial fit: 71% of the required skills met"."""
    line = f"Fit score {report.score}/100, {FIT_WORDS[report.fit]}"
    if report.matched or report.partial or report.missing or report.alternatives:
        line += f": {report.required_met:.0%} of the required skills met"
    return line


def cap_line(report: GapReport) -> str | None:
    """Why the score is capped, if it is."""
    cap = next((c for c in report.contributions if c.status == "cap"), None)
    if cap is None:
        return None
    names = ", ".join(cap.skills)
    return f"Capped at {report.score}: essential {names} missing (the ad marks it a must-have)"


def start_here(report: GapReport) -> str | None:
    """ "Start here: Kubernetes (required, ~40 h, +12.5 points). Plan: 6 steps, ~150 h."."""
    steps = main_steps(report.learning_plan)
    if not steps:
        return None
    first = steps[0]
    facts = [first.requirement]
    if first.hours:
        facts.append(f"~{first.hours} h")
    if first.points:
        facts.append(f"+{first.points:g} points")
    plan = f"{len(steps)} step{'s' if len(steps) != 1 else ''}"
    if report.plan_hours:
        plan += f", ~{report.plan_hours} h"
    return f"Start here: {first.skill} ({', '.join(facts)}). Plan: {plan}."


def main_steps(plan: list[PlanStep]) -> list[PlanStep]:
    """The plan without the steps that are only another member of an "X or Y" group."""
    return [step for step in plan if not step.alternative_to]


def alternatives_of(plan: list[PlanStep], step: PlanStep) -> list[str]:
    """The other skills the ad accepts instead of this step ("or Google Cloud, Azure")."""
    return [other.skill for other in plan if other.alternative_to == step.skill]


def top_gaps(report: GapReport, limit: int = TOP_GAPS) -> list[PlanStep]:
    """The first gaps of the plan that the job asks for: where the points are."""
    return [step for step in main_steps(report.learning_plan) if step.job_lines][:limit]


def technical(items: list[Asked]) -> list[Asked]:
    """The technical skills of a verdict list, required first (soft skills are shown apart)."""
    found = [item for item in items if item.kind == "technical"]
    return sorted(found, key=lambda item: item.requirement != "required")


def soft(report: GapReport) -> list[tuple[str, Asked]]:
    """Every soft skill the job asks for, with its verdict, in job order of the verdict lists."""
    found: list[tuple[str, Asked]] = []
    for verdict, items in (
        ("missing", report.missing),
        ("partial", report.partial),
        ("accepted instead", report.alternatives),
        ("matched", report.matched),
    ):
        found += [(verdict, item) for item in items if item.kind == "soft"]
    return found


def resume_quotes(item: Asked) -> list[Quote]:
    """The résumé lines a verdict rests on (none for a missing or accepted-instead skill)."""
    return list(getattr(item, "resume_quotes", []))


def level_label(item: Asked) -> str:
    """ "required" or "required, essential: named in the job title"."""
    label = item.requirement
    why = getattr(item, "essential_why", None)
    if why:
        label += f", essential: {why}"
    return label


def evidence_label(item: MatchedSkill) -> str:
    """ "demonstrated, 3 yrs (5 asked)" or "implied by GitHub Actions"."""
    if item.evidence == "implied":
        return f"implied by {', '.join(item.via)}"
    parts = [item.evidence] if item.evidence else []
    if item.years is not None:
        parts.append(f"{item.years:g} yrs")
    if item.years_asked:
        parts.append(f"{item.years_asked:g} asked")
    return ", ".join(parts)


def partial_label(item: PartialSkill) -> str:
    return f"{', '.join(item.via)} stands in (credit {item.credit:.2f})"


def missing_hint(item: MissingSkill) -> str:
    return f"you know {', '.join(item.known_related)}, which helps" if item.known_related else ""


def experience_line(report: GapReport) -> str | None:
    experience = report.experience
    if experience is None:
        return None
    asked = f"{experience.years_asked:g}+ years of experience asked"
    if experience.years_shown is None:
        return f"{asked}; the résumé's total is not known, so it is not held against it."
    line = f"{asked}; the résumé shows {experience.years_shown:g}"
    if experience.credit < 1:
        return f"{line}: a shortfall, credit {experience.credit:.2f}."
    return f"{line}: met."


def step_facts(step: PlanStep) -> str:
    """ "required, ~40 h, +12.5 points" for a plan step's heading."""
    facts = [step.requirement]
    if step.hours:
        facts.append(f"~{step.hours} h")
    if step.points:
        facts.append(f"+{step.points:g} points")
    return ", ".join(facts)


def points_label(contribution: Contribution) -> str:
    if contribution.status in ("rounding", "cap"):
        return f"{contribution.points:+.2f}"
    return f"{contribution.points:.2f} / {contribution.max_points:.2f}"
