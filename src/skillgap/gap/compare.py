"""Turn a résumé profile and a job profile into a gap report.

Each job skill gets a credit (0-1), which :mod:`skillgap.gap.score` weighs into the score
(the numbers are :class:`~skillgap.options.Scoring` fields):

- matched: 1, reduced when the job asks for more years than the résumé shows: the
  ``years_share`` part of the credit scales with years shown / years asked (unknown years
  are not held against anyone);
- partial: ``partial_share`` times the strength of the best relation to a held skill, or
  ``implied_credit`` when a held skill implies it (Django ⇒ Python);
- missing: 0.

Every matched and partial skill carries quotes of the résumé lines it rests on, and every job
skill the job line that asks for it.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from skillgap.gap.evidence import JOB_WIDTH, quote, quotes
from skillgap.gap.plan import Gap, job_lines, learning_plan
from skillgap.gap.score import explain_score
from skillgap.models import (
    ExtractedSkill,
    ExtraSkill,
    GapReport,
    MatchedSkill,
    Mention,
    MissingSkill,
    PartialSkill,
    Profile,
)
from skillgap.options import Scoring
from skillgap.taxonomy import Taxonomy

ASKING_SECTIONS = ("requirements", "preferred")  # where a job line asks rather than describes


def skillgap_version() -> str:
    try:
        return version("skillgap")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def compare_profiles(
    resume: Profile, job: Profile, taxonomy: Taxonomy, scoring: Scoring | None = None
) -> GapReport:
    """Sort every job skill into matched, partial or missing, and score the fit."""
    scoring = scoring or Scoring()
    held = {skill.id: skill for skill in resume.skills}
    implied_via = {item.id: item.via for item in resume.implied}
    matched: list[MatchedSkill] = []
    partial: list[PartialSkill] = []
    missing: list[MissingSkill] = []
    items: list[MatchedSkill | PartialSkill | MissingSkill] = []
    for wanted in job.skills:
        common = {
            "id": wanted.id,
            "name": wanted.name,
            "category": wanted.category,
            "requirement": wanted.requirement or "required",
            "job_mentions": wanted.mentions,
            "job_quote": quote(job.text, _asking(wanted.mentions), JOB_WIDTH),
        }
        if wanted.id in held:
            have = held[wanted.id]
            item: MatchedSkill | PartialSkill | MissingSkill = MatchedSkill(
                **common,
                evidence=have.evidence,
                years=have.years,
                years_asked=wanted.years,
                credit=years_credit(have.years, wanted.years, scoring),
                resume_mentions=have.mentions,
                resume_quotes=quotes(resume.text, have.mentions),
            )
            matched.append(item)
        elif (found := partial_credit(wanted.id, held, implied_via, taxonomy, scoring))[0] > 0:
            credit, via = found
            via_mentions = [m for s in resume.skills if s.name in via for m in s.mentions]
            item = PartialSkill(
                **common,
                via=via,
                credit=credit,
                evidence="implied" if wanted.id in implied_via else None,
                resume_quotes=quotes(resume.text, via_mentions),
            )
            partial.append(item)
        else:
            item = MissingSkill(**common)
            missing.append(item)
        items.append(item)
    score, contributions = explain_score(items, job.any_of, scoring)
    wanted_ids = {skill.id for skill in job.skills}
    extra = [
        ExtraSkill(id=skill.id, name=skill.name, category=skill.category)
        for skill in resume.skills
        if skill.id not in wanted_ids
    ]
    alternatives = _held_alternatives(job.any_of, {item.name for item in matched})
    gaps = [_gap(item, job, alternatives) for item in [*missing, *partial]]
    return GapReport(
        score=score,
        resume=resume.source,
        resume_quality=resume.quality,
        job_quality=job.quality,
        job=job.source,
        matched=matched,
        partial=partial,
        missing=missing,
        extra=extra,
        learning_plan=learning_plan(gaps, set(held) | set(implied_via), taxonomy),
        contributions=contributions,
        skillgap_version=skillgap_version(),
        taxonomy_version=taxonomy.version,
    )


def years_credit(shown: float | None, asked: float | None, scoring: Scoring) -> float:
    """The credit of a held skill: full, unless the résumé shows fewer years than asked."""
    if not asked or shown is None or shown >= asked:
        return 1.0
    return round(1 - scoring.years_share * (1 - shown / asked), 3)


def partial_credit(
    skill_id: str,
    held: dict[str, ExtractedSkill],
    implied_via: dict[str, list[str]],
    taxonomy: Taxonomy,
    scoring: Scoring,
) -> tuple[float, list[str]]:
    """The credit (0-1) and the held skills behind it, for a job skill the résumé lacks."""
    if skill_id in implied_via:
        return scoring.implied_credit, implied_via[skill_id]
    wanted = taxonomy[skill_id]
    strengths: dict[str, float] = {}
    for other in held:
        strength = max(wanted.related.get(other, 0.0), taxonomy[other].related.get(skill_id, 0.0))
        if strength >= scoring.min_related_strength:
            strengths[other] = strength
    if not strengths:
        return 0.0, []
    ranked = sorted(strengths, key=lambda other: (-strengths[other], other))
    best = strengths[ranked[0]]
    return round(scoring.partial_share * best, 3), [taxonomy[other].name for other in ranked]


def _asking(mentions: list[Mention]) -> Mention:
    """The mention that asks for the skill: the first in a requirements list, else the first."""
    return next((m for m in mentions if m.section in ASKING_SECTIONS), mentions[0])


def _held_alternatives(any_of: list[list[str]], held: set[str]) -> dict[str, str]:
    """For each member of an any-of group the résumé meets: the held member it can stand on."""
    alternatives: dict[str, str] = {}
    for group in any_of:
        have = [name for name in group if name in held]
        for name in group:
            if have and name not in held:
                alternatives.setdefault(name, have[0])
    return alternatives


def _gap(item: MissingSkill | PartialSkill, job: Profile, alternatives: dict[str, str]) -> Gap:
    via = item.via if isinstance(item, PartialSkill) else []
    alternative = alternatives.get(item.name)
    requirement = "preferred" if alternative else item.requirement
    lines = job_lines(item.job_mentions, job.text)
    return Gap(item.id, requirement, lines, via, alternative)
