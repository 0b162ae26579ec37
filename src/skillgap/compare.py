"""Turn a résumé profile and a job profile into a gap report.

Scoring, in one place so it can be explained: each job skill weighs ``WEIGHTS`` by its
requirement level. A matched skill earns its whole weight; a partial one earns ``credit`` of
it, which is ``PARTIAL_SHARE`` times the strength of the best relation to a held skill (or
``IMPLIED_CREDIT`` when a held skill implies it: Django ⇒ Python); a missing one earns
nothing. The score is the earned share of the total weight, 0-100.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from skillgap.models import (
    ExtractedSkill,
    ExtraSkill,
    GapReport,
    MatchedSkill,
    MissingSkill,
    PartialSkill,
    Profile,
)
from skillgap.plan import Gap, learning_plan
from skillgap.taxonomy import Taxonomy

WEIGHTS = {"required": 3.0, "preferred": 1.0}
IMPLIED_CREDIT = 0.75
PARTIAL_SHARE = 0.75
MIN_RELATED_STRENGTH = 0.3  # weaker relations are not worth partial credit


def skillgap_version() -> str:
    try:
        return version("skillgap")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def compare_profiles(resume: Profile, job: Profile, taxonomy: Taxonomy) -> GapReport:
    """Sort every job skill into matched, partial or missing, and score the fit."""
    held = {skill.id: skill for skill in resume.skills}
    implied_via = {item.id: item.via for item in resume.implied}
    matched: list[MatchedSkill] = []
    partial: list[PartialSkill] = []
    missing: list[MissingSkill] = []
    earned = total = 0.0
    for wanted in job.skills:
        requirement = wanted.requirement or "required"
        weight = WEIGHTS[requirement]
        total += weight
        common = {"id": wanted.id, "name": wanted.name, "category": wanted.category}
        if wanted.id in held:
            have = held[wanted.id]
            earned += weight
            matched.append(
                MatchedSkill(
                    **common,
                    requirement=requirement,
                    evidence=have.evidence,
                    years=have.years,
                    resume_mentions=have.mentions,
                    job_mentions=wanted.mentions,
                )
            )
            continue
        credit, via = partial_credit(wanted.id, held, implied_via, taxonomy)
        if credit > 0:
            earned += weight * credit
            partial.append(
                PartialSkill(
                    **common,
                    requirement=requirement,
                    via=via,
                    credit=credit,
                    job_mentions=wanted.mentions,
                )
            )
        else:
            missing.append(
                MissingSkill(**common, requirement=requirement, job_mentions=wanted.mentions)
            )
    wanted_ids = {skill.id for skill in job.skills}
    extra = [
        ExtraSkill(id=skill.id, name=skill.name, category=skill.category)
        for skill in resume.skills
        if skill.id not in wanted_ids
    ]
    gaps = [_gap(item, job) for item in missing] + [_gap(item, job) for item in partial]
    return GapReport(
        score=round(100 * earned / total) if total else 0,
        resume=resume.source,
        resume_quality=resume.quality,
        job_quality=job.quality,
        job=job.source,
        matched=matched,
        partial=partial,
        missing=missing,
        extra=extra,
        learning_plan=learning_plan(gaps, set(held) | set(implied_via), taxonomy),
        skillgap_version=skillgap_version(),
        taxonomy_version=taxonomy.version,
    )


def partial_credit(
    skill_id: str,
    held: dict[str, ExtractedSkill],
    implied_via: dict[str, list[str]],
    taxonomy: Taxonomy,
) -> tuple[float, list[str]]:
    """The credit (0-1) and the held skills behind it, for a job skill the résumé lacks."""
    if skill_id in implied_via:
        return IMPLIED_CREDIT, implied_via[skill_id]
    wanted = taxonomy[skill_id]
    strengths: dict[str, float] = {}
    for other in held:
        strength = max(wanted.related.get(other, 0.0), taxonomy[other].related.get(skill_id, 0.0))
        if strength >= MIN_RELATED_STRENGTH:
            strengths[other] = strength
    if not strengths:
        return 0.0, []
    ranked = sorted(strengths, key=lambda other: (-strengths[other], other))
    best = strengths[ranked[0]]
    return round(PARTIAL_SHARE * best, 3), [taxonomy[other].name for other in ranked]


def _gap(item: MissingSkill | PartialSkill, job: Profile) -> Gap:
    via = item.via if isinstance(item, PartialSkill) else []
    return Gap(item.id, item.requirement, len(item.job_mentions), via)
