"""The fit score, the fit band, and the contributions that explain them, so a reader can check
every point.

The rules, in order (the numbers are :class:`~skillgap.options.Scoring` fields):

1. **Requirements.** Each skill the job asks for is one requirement, except that the skills
   of an any-of group ("Django or FastAPI") form a single requirement, met as well as its
   best member is: alternatives count once, not once each. Overall experience asked for
   ("5+ years of backend experience") is one more requirement when the résumé's total is known.
2. **Weights.** A requirement weighs ``Scoring.weight(level, soft)``: required 3, preferred 1,
   and a soft skill (communication, leadership) a third of that (a group is required when any
   member is).
3. **Credit** (0-1, computed in :mod:`skillgap.gap.compare`): 1 for a held skill, less when the
   résumé shows fewer years than the job asks; ``implied_credit`` for a skill held by
   implication; a stand-in (MySQL for PostgreSQL) earns ``partial_share`` × the relation's
   strength; a missing one earns 0.
4. **Score.** ``100 × Σ weight × credit / Σ weight``, rounded half up. Each requirement's
   ``points`` are its term of that sum, to two decimals; a ``rounding`` row carries the step
   to the whole score, so all the listed points add up to the score.
5. **Must-have cap.** When an *essential* requirement (:mod:`skillgap.gap.essential`) earns
   nothing, the score is at most ``must_have_cap``; a last contribution with status ``cap``
   carries the deduction. A missing line of a long list is not a must-have.
6. **Fit band.** ``required_met`` is the share of the required requirements the résumé
   names (a member held, or accepted instead; implied and stand-in skills do not count; an
   unmet product of another asked skill, "Azure Functions" beside "Azure", is part of it):
   ``strong`` from ``strong_fit`` (0.75), ``partial`` from ``partial_fit`` (0.40), else
   ``weak``. A job with no required skill is judged on all of them. The band reads coverage,
   the score reads credit: a missing essential caps the score, not the band.

The same items always give the same numbers: no randomness, no clock, job order kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from skillgap.models import (
    AlternativeSkill,
    Contribution,
    Experience,
    Fit,
    MatchedSkill,
    MissingSkill,
    PartialSkill,
    Requirement,
)
from skillgap.options import Scoring

Item = MatchedSkill | PartialSkill | MissingSkill | AlternativeSkill
EXPERIENCE = "Overall experience"


@dataclass(frozen=True)
class Scored:
    """The score and what explains it, plus what the plan needs: points at stake per gap."""

    score: int
    contributions: list[Contribution]
    required_met: float
    fit: Fit
    stakes: dict[str, float] = field(default_factory=dict)  # gap name -> points closing it adds
    picks: dict[str, str] = field(default_factory=dict)  # other member -> the group's pick


def explain_score(
    items: list[Item],
    any_of: list[list[str]],
    scoring: Scoring,
    experience: Experience | None = None,
    implies: dict[str, frozenset[str]] | None = None,
) -> Scored:
    """The score (0-100), one contribution per requirement (plus the cap), and the fit band.

    ``implies`` maps a skill id to the skills holding it implies (Azure Functions ⇒ Azure):
    the fit band counts an unmet product of an asked platform as part of that ask.
    """
    units = _requirements(items, any_of)
    weights = [
        scoring.weight(_level(unit), soft=all(item.kind == "soft" for item in unit))
        for unit in units
    ]
    bests = [_pick(unit) for unit in units]
    credits = [_credit(best) for best in bests]
    n = len(units)  # the experience requirement, if any, comes after the skills' units
    if experience is not None:
        weights.append(scoring.weight("required"))
        credits.append(experience.credit)
    total = sum(weights)
    if not total:
        return Scored(0, [], 0.0, "weak")
    exact = [100 * weight * credit / total for weight, credit in zip(weights, credits, strict=True)]
    score = int(sum(exact) + 0.5)
    contributions = [
        _row(unit, best, weight, points, total)
        for unit, best, weight, points in zip(units, bests, weights[:n], exact[:n], strict=True)
    ]
    if experience is not None:
        contributions.append(_experience_row(experience, weights[-1], exact[-1], total))
    rounding = round(score - sum(row.points for row in contributions), 2)
    if rounding:
        contributions.append(_adjustment("rounding", [], rounding, "rounded to a whole score"))
    lacking = [
        best.name
        for unit, best, credit in zip(units, bests, credits[:n], strict=True)
        if credit == 0 and any(_essential(item) for item in unit)
    ]
    cap = scoring.must_have_cap
    deduction = 0
    if lacking and score > cap:
        deduction = score - cap
        reason = f"essential skill missing: score capped at {cap} (was {score})"
        contributions.append(_adjustment("cap", lacking, -deduction, reason))
        score = cap
    required_met = _required_met(units, implies or {})
    fit: Fit = "weak"
    if required_met >= scoring.strong_fit:
        fit = "strong"
    elif required_met >= scoring.partial_fit:
        fit = "partial"
    stakes: dict[str, float] = {}
    picks: dict[str, str] = {}
    for unit, pick, row in zip(units, bests, contributions[:n], strict=True):
        share = deduction / len(lacking) if pick.name in lacking else 0.0
        stakes[pick.name] = round(row.max_points - row.points + share, 2)
        picks.update((item.name, pick.name) for item in unit if item is not pick)
    return Scored(score, contributions, round(required_met, 3), fit, stakes, picks)


def _required_met(units: list[list[Item]], implies: dict[str, frozenset[str]]) -> float:
    """Share of the required requirements the résumé names (all of them if none is required).

    What an ATS or a recruiter counts: a requirement is met when the résumé names a member
    of it (or the ad accepts a member it names); implied and stand-in skills earn points in
    the score but not here, because the reader does not see them on the page. An unmet
    requirement that is a product of another one asked for ("Azure Functions" beside
    "Azure") is part of that ask, not an ask of its own.
    """
    required = [unit for unit in units if _level(unit) == "required"] or units
    asked = {item.id for unit in required for item in unit}
    counted = [
        unit
        for unit in required
        if any(_named(item) for item in unit)
        or not all(implies.get(item.id, frozenset()) & (asked - {item.id}) for item in unit)
    ]
    named = sum(1 for unit in counted if any(_named(item) for item in unit))
    return named / len(counted) if counted else 0.0


def _named(item: Item) -> bool:
    return isinstance(item, AlternativeSkill) or (
        isinstance(item, MatchedSkill) and item.evidence != "implied"
    )


def _row(unit: list[Item], best: Item, weight: float, points: float, total: float) -> Contribution:
    return Contribution.built(  # every value of its type already: no validation needed
        skills=[item.name for item in unit],
        requirement=_level(unit),
        kind="soft" if all(item.kind == "soft" for item in unit) else "technical",
        essential=any(_essential(item) for item in unit),
        status=_status(best),
        weight=round(float(weight), 3),  # a custom Scoring may give ints; JSON says 3.0
        credit=_credit(best),
        points=round(points, 2),
        max_points=round(100 * weight / total, 2),
        reason=_reason(unit, best),
    )


def _experience_row(
    experience: Experience, weight: float, points: float, total: float
) -> Contribution:
    asked = f"{experience.years_asked:g}+ years asked"
    if experience.years_shown is None:
        status, reason = "matched", f"{asked}; the résumé's total is unknown: not held against it"
    else:
        status = "matched" if experience.credit == 1 else "partial"
        reason = f"{asked}; the résumé shows {experience.years_shown:g}"
        if experience.credit < 1:
            reason += f": credit {experience.credit:.2f}"
    return Contribution(
        skills=[EXPERIENCE],
        requirement="required",
        status=status,  # type: ignore[arg-type]
        weight=weight,
        credit=experience.credit,
        points=round(points, 2),
        max_points=round(100 * weight / total, 2),
        reason=reason,
    )


def _adjustment(status: str, skills: list[str], points: float, reason: str) -> Contribution:
    """A row that is not a requirement: the rounding to a whole score, or the cap."""
    return Contribution(
        skills=skills,
        requirement="required",
        status=status,  # type: ignore[arg-type]
        weight=0.0,
        credit=0.0,
        points=round(points, 2),
        max_points=0.0,
        reason=reason,
    )


def _requirements(items: list[Item], any_of: list[list[str]]) -> list[list[Item]]:
    """Items grouped into requirements, in job order; each any-of group becomes one."""
    group_of: dict[str, int] = {}
    for number, names in enumerate(any_of):
        for name in names:
            group_of.setdefault(name, number)
    units: list[list[Item]] = []
    by_group: dict[int, list[Item]] = {}
    for item in items:
        number = group_of.get(item.name)
        if number is None:
            units.append([item])
        elif number in by_group:
            by_group[number].append(item)
        else:
            by_group[number] = [item]
            units.append(by_group[number])
    return units


def _pick(unit: list[Item]) -> Item:
    """The member a requirement rests on: the best held, else the first the ad names."""
    return max(unit, key=_credit)


def _essential(item: Item) -> bool:
    return not isinstance(item, AlternativeSkill) and item.essential


def _level(unit: list[Item]) -> Requirement:
    return "required" if any(item.requirement == "required" for item in unit) else "preferred"


def _credit(item: Item) -> float:
    return item.credit if isinstance(item, MatchedSkill | PartialSkill) else 0.0


def _status(item: Item) -> str:
    if isinstance(item, MatchedSkill):
        return "matched"
    return "partial" if isinstance(item, PartialSkill) else "missing"


def _reason(unit: list[Item], best: Item) -> str:
    """One line that says why this requirement earned what it did."""
    if isinstance(best, MatchedSkill) and best.evidence == "implied":
        reason = (
            f"{best.name} implied by {', '.join(best.via)}, not named: credit {best.credit:.2f}"
        )
    elif isinstance(best, MatchedSkill):
        reason = f"{best.name} on the résumé"
        if best.evidence:
            reason += f" ({best.evidence})"
        if best.years_asked and best.years is not None and best.years < best.years_asked:
            reason += (
                f"; {best.years:g} of {best.years_asked:g} years asked: credit {best.credit:.2f}"
            )
    elif isinstance(best, PartialSkill):
        reason = f"{best.name} not held; {', '.join(best.via)} stands in: credit {best.credit:.2f}"
    else:
        reason = f"{best.name} not on the résumé"
        if isinstance(best, MissingSkill) and best.essential_why:
            reason += f" (essential: {best.essential_why})"
    if len(unit) > 1:
        reason = f"any of {' / '.join(item.name for item in unit)}: {reason}"
    return reason
