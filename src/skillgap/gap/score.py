"""The fit score and the contributions that explain it, so a reader can check every point.

The rules, in order:

1. **Requirements.** Each skill the job asks for is one requirement, except that the skills
   of an any-of group ("Django or FastAPI") form a single requirement, met as well as its
   best member is: alternatives count once, not once each.
2. **Weights.** A requirement weighs ``Scoring.weight(level)``: required 3, preferred 1 (a
   group is required when any member is).
3. **Credit** (0-1, computed in :mod:`skillgap.gap.compare`): 1 for a held skill, less when the
   résumé shows fewer years than the job asks; a partly covered skill earns the strength of
   its best relation to a held skill; a missing one earns 0.
4. **Score.** ``100 × Σ weight × credit / Σ weight``, rounded half up. Each requirement's
   ``points`` are its term of that sum, to two decimals; a ``rounding`` row carries the step
   to the whole score, so all the listed points add up to the score.
5. **Must-have cap.** When a required requirement earns nothing, the score is at most
   ``Scoring.must_have_cap``; a last contribution with status ``cap`` carries the deduction.

The same items always give the same numbers: no randomness, no clock, job order kept.
"""

from __future__ import annotations

from skillgap.models import Contribution, MatchedSkill, MissingSkill, PartialSkill, Requirement
from skillgap.options import Scoring

Item = MatchedSkill | PartialSkill | MissingSkill


def explain_score(
    items: list[Item], any_of: list[list[str]], scoring: Scoring
) -> tuple[int, list[Contribution]]:
    """The score (0-100) and one contribution per requirement (plus the cap, if it applies)."""
    units = _requirements(items, any_of)
    weights = [scoring.weight(_level(unit)) for unit in units]
    total = sum(weights)
    if not total:
        return 0, []
    bests = [max(unit, key=_credit) for unit in units]  # the first best member
    exact = [
        100 * weight * _credit(best) / total for weight, best in zip(weights, bests, strict=True)
    ]
    score = int(sum(exact) + 0.5)
    contributions = [
        Contribution(
            skills=[item.name for item in unit],
            requirement=_level(unit),
            status=_status(best),
            weight=weight,
            credit=_credit(best),
            points=round(points, 2),
            max_points=round(100 * weight / total, 2),
            reason=_reason(unit, best),
        )
        for unit, weight, best, points in zip(units, weights, bests, exact, strict=True)
    ]
    rounding = round(score - sum(row.points for row in contributions), 2)
    if rounding:
        contributions.append(_adjustment("rounding", [], rounding, "rounded to a whole score"))
    lacking = [
        best.name
        for unit, best in zip(units, bests, strict=True)
        if _level(unit) == "required" and _credit(best) == 0
    ]
    cap = scoring.must_have_cap
    if lacking and score > cap:
        reason = f"required skill missing: score capped at {cap} (was {score})"
        contributions.append(_adjustment("cap", lacking, cap - score, reason))
        score = cap
    return score, contributions


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


def _level(unit: list[Item]) -> Requirement:
    return "required" if any(item.requirement == "required" for item in unit) else "preferred"


def _credit(item: Item) -> float:
    return 0.0 if isinstance(item, MissingSkill) else item.credit


def _status(item: Item) -> str:
    if isinstance(item, MatchedSkill):
        return "matched"
    return "partial" if isinstance(item, PartialSkill) else "missing"


def _reason(unit: list[Item], best: Item) -> str:
    """One line that says why this requirement earned what it did."""
    if isinstance(best, MatchedSkill):
        reason = f"{best.name} on the résumé"
        if best.evidence:
            reason += f" ({best.evidence})"
        if best.years_asked and best.years is not None and best.years < best.years_asked:
            reason += (
                f"; {best.years:g} of {best.years_asked:g} years asked: credit {best.credit:.2f}"
            )
    elif isinstance(best, PartialSkill):
        how = "implied by" if best.evidence == "implied" else "related to"
        reason = f"{best.name} {how} {', '.join(best.via)}: credit {best.credit:.2f}"
    else:
        reason = f"{best.name} not on the résumé"
    if len(unit) > 1:
        reason = f"any of {' / '.join(item.name for item in unit)}: {reason}"
    return reason
