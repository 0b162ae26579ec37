"""Turn a résumé profile and a job profile into a gap report: one verdict per job skill.

Each job skill gets exactly one verdict, the same in every format:

- **matched**: the résumé holds it, or holds it by implication (Django ⇒ Python, GitHub
  Actions ⇒ CI/CD: ``evidence`` "implied", with ``via``). A held skill earns 1, reduced when
  the job asks for more years than the résumé shows (the ``years_share`` part of the credit
  scales with years shown / years asked; unknown years are not held against anyone); an
  implied one earns ``implied_credit``: it is not named, so an ATS will not see it, and the
  report says which words to add (``say_on_resume``).
- **alternatives**: a member of an "X or Y" group the résumé meets through another member
  (``instead``): no points lost, no plan step.
- **partial**: a held skill of the same kind stands in for it (MySQL for PostgreSQL; the rule
  is in :mod:`skillgap.gap.relations`), earning ``partial_share`` × the relation's strength.
- **missing**: nothing stands in. Related held skills become the plan's hint ("You know
  Python"), never credit.

Every matched and partial skill carries quotes of the résumé lines it rests on, and every job
skill the job line that asks for it. The numbers are :class:`~skillgap.options.Scoring` fields.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

from skillgap.gap.essential import essential_reasons
from skillgap.gap.evidence import job_quote, quotes
from skillgap.gap.notes import report_notes
from skillgap.gap.plan import Gap, job_lines, learning_plan
from skillgap.gap.relations import implications, needed_by, related_held, stands_in
from skillgap.gap.score import explain_score
from skillgap.models import (
    AlternativeSkill,
    Experience,
    ExtractedSkill,
    ExtraSkill,
    GapReport,
    MatchedSkill,
    Mention,
    MissingSkill,
    PartialSkill,
    Profile,
    WordingTip,
)
from skillgap.options import Scoring
from skillgap.taxonomy import Taxonomy

ASKING_SECTIONS = ("requirements", "preferred")  # where a job line asks rather than describes
Verdict = MatchedSkill | PartialSkill | MissingSkill | AlternativeSkill


@cache
def skillgap_version() -> str:
    try:
        return version("skillgap")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def compare_profiles(
    resume: Profile, job: Profile, taxonomy: Taxonomy, scoring: Scoring | None = None
) -> GapReport:
    """Give every job skill one verdict, score the fit and plan what to learn."""
    scoring = scoring or Scoring()
    held = {skill.id: skill for skill in resume.skills}
    implied = implied_skills(resume, taxonomy)
    essential = essential_reasons(job, taxonomy, scoring)
    met = {skill.name for skill in job.skills if skill.id in held or skill.id in implied}
    instead = _met_alternatives(job.any_of, met)
    items = [
        _verdict(wanted, resume, job, held, implied, instead, essential, taxonomy, scoring)
        for wanted in job.skills
    ]
    experience = _experience(resume, job, scoring)
    implies = {item.id: implications(taxonomy, item.id) for item in items}
    scored = explain_score(items, job.any_of, scoring, experience, implies)
    matched = [item for item in items if isinstance(item, MatchedSkill)]
    partial = [item for item in items if isinstance(item, PartialSkill)]
    missing = [item for item in items if isinstance(item, MissingSkill)]
    wanted_ids = {skill.id for skill in job.skills}
    extra = [
        ExtraSkill.built(id=skill.id, name=skill.name, category=skill.category)
        for skill in resume.skills
        if skill.id not in wanted_ids
    ]
    by_name = {item.name: item.id for item in items}
    gaps = [
        _gap(item, job, scored.stakes, by_name.get(scored.picks.get(item.name, "")), held, taxonomy)
        for item in [*missing, *partial]
    ]
    accepted = {item.id for item in items if isinstance(item, AlternativeSkill)}
    plan = learning_plan(gaps, set(held) | set(implied) | accepted, taxonomy)
    return GapReport(
        score=scored.score,
        fit=scored.fit,
        required_met=scored.required_met,
        resume=resume.source,
        resume_quality=resume.quality,
        job_quality=job.quality,
        job=job.source,
        matched=matched,
        partial=partial,
        missing=missing,
        alternatives=[item for item in items if isinstance(item, AlternativeSkill)],
        extra=extra,
        experience=experience,
        say_on_resume=_wording(matched),
        notes=report_notes(resume, job, taxonomy),
        learning_plan=plan,
        plan_hours=sum(step.hours or 0 for step in plan if not step.alternative_to),
        contributions=scored.contributions,
        skillgap_version=skillgap_version(),
        taxonomy_version=taxonomy.version,
    )


def implied_skills(resume: Profile, taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Skills the résumé holds by implication: ``{id: names of the held skills behind it}``.

    A skill the résumé says it lacks or is only learning is never implied.
    """
    held = {skill.id for skill in resume.skills}
    refused = {item.id for item in resume.not_claimed}
    via: dict[str, list[str]] = {}
    for source in sorted(held):
        for target in implications(taxonomy, source):
            if target not in held and target not in refused:
                via.setdefault(target, []).append(taxonomy[source].name)
    for item in resume.implied:  # a profile may carry implications of a custom extractor
        if item.id not in held and item.id not in refused:
            via.setdefault(item.id, list(item.via))
    return {target: sorted(names, key=str.lower) for target, names in via.items()}


def years_credit(shown: float | None, asked: float | None, scoring: Scoring) -> float:
    """The credit of a held skill: full, unless the résumé shows fewer years than asked."""
    if not asked or shown is None or shown >= asked:
        return 1.0
    return round(1 - scoring.years_share * (1 - shown / asked), 3)


def _verdict(
    wanted: ExtractedSkill,
    resume: Profile,
    job: Profile,
    held: dict[str, ExtractedSkill],
    implied: dict[str, list[str]],
    instead: dict[str, str],
    essential: dict[str, str],
    taxonomy: Taxonomy,
    scoring: Scoring,
) -> Verdict:
    skill = taxonomy[wanted.id]
    # Built unvalidated (``built``): every value below is already of its field's type. The
    # lists are copied, as validation would: a report shares no list with its profiles.
    common = {
        "id": wanted.id,
        "name": wanted.name,
        "category": wanted.category,
        "requirement": wanted.requirement or "required",
        "kind": "soft" if skill.soft else "technical",
    }
    must = {"essential": wanted.id in essential, "essential_why": essential.get(wanted.id)}
    asked = {
        "job_mentions": list(wanted.mentions),
        "job_quote": job_quote(job.text, _asking(wanted.mentions)),
    }
    if wanted.id in held:
        have = held[wanted.id]
        return MatchedSkill.built(
            **common,
            **must,
            evidence=have.evidence,
            via=[],
            years=have.years,
            years_asked=wanted.years,
            credit=years_credit(have.years, wanted.years, scoring),
            resume_mentions=list(have.mentions),
            job_mentions=asked["job_mentions"],
            resume_quotes=quotes(resume.text, have.mentions),
            job_quote=asked["job_quote"],
        )
    if wanted.id in implied:
        via = implied[wanted.id]
        mentions = [m for s in resume.skills if s.name in via for m in s.mentions]
        return MatchedSkill.built(
            **common,
            **must,
            evidence="implied",
            via=via,
            years=None,
            years_asked=wanted.years,
            credit=float(scoring.implied_credit),  # as validation made an int of a Scoring
            resume_mentions=mentions,
            job_mentions=asked["job_mentions"],
            resume_quotes=quotes(resume.text, mentions),
            job_quote=asked["job_quote"],
        )
    if wanted.name in instead:
        return AlternativeSkill.built(**common, instead=instead[wanted.name], **asked)
    related = related_held(taxonomy, wanted.id, set(held), scoring.min_related_strength)
    stand_ins = [
        (other, value) for other, value in related if stands_in(taxonomy, wanted.id, other)
    ]
    if stand_ins:
        via = [taxonomy[other].name for other, _ in stand_ins]
        mentions = [m for s in resume.skills if s.name in via for m in s.mentions]
        return PartialSkill.built(
            **common,
            **must,
            via=via,
            credit=round(scoring.partial_share * stand_ins[0][1], 3),
            evidence=None,
            job_mentions=asked["job_mentions"],
            resume_quotes=quotes(resume.text, mentions),
            job_quote=asked["job_quote"],
        )
    known_related = [taxonomy[o].name for o, _ in related]
    return MissingSkill.built(**common, **must, known_related=known_related, **asked)


def _experience(resume: Profile, job: Profile, scoring: Scoring) -> Experience | None:
    """The overall years the ad asks for against the résumé's total, when the ad asks."""
    asked = getattr(job, "total_years", None)
    if not asked:
        return None
    shown = getattr(resume, "total_years", None)
    return Experience(
        years_asked=asked, years_shown=shown, credit=years_credit(shown, asked, scoring)
    )


def _asking(mentions: list[Mention]) -> Mention:
    """The mention that asks for the skill: the first in a requirements list, else the first."""
    return next((m for m in mentions if m.section in ASKING_SECTIONS), mentions[0])


def _met_alternatives(any_of: list[list[str]], met: set[str]) -> dict[str, str]:
    """For each member of an any-of group the résumé meets: the met member it stands on."""
    alternatives: dict[str, str] = {}
    for group in any_of:
        have = [name for name in group if name in met]
        for name in group:
            if have and name not in met:
                alternatives.setdefault(name, have[0])
    return alternatives


def _wording(matched: list[MatchedSkill]) -> list[WordingTip]:
    """Implied skills, required first: the ad's own words to put next to the held skills."""
    tips = [
        WordingTip.built(
            skill=item.name,
            id=item.id,
            requirement=item.requirement,
            words=" ".join((_asking(item.job_mentions).text).split()),
            next_to=list(item.via),
        )
        for item in matched
        if item.evidence == "implied"
    ]
    return sorted(tips, key=lambda tip: tip.requirement != "required")


def _gap(
    item: MissingSkill | PartialSkill,
    job: Profile,
    stakes: dict[str, float],
    pick: str | None,
    held: dict[str, ExtractedSkill],
    taxonomy: Taxonomy,
) -> Gap:
    """The plan's view of a gap: its level, points at stake and the hints it can use."""
    partial = isinstance(item, PartialSkill)
    builds_on = [taxonomy[h].name for h in needed_by(taxonomy, item.id) if h in held]
    return Gap(
        item.id,
        item.requirement,
        job_lines(item.job_mentions, job.text),
        via=item.via if partial else [],
        alternative_to=pick if pick and pick != item.id else None,
        points=stakes.get(item.name, 0.0),
        hints=[] if partial else item.known_related,
        essential=item.essential_why,
        builds_on=builds_on,
    )
