"""skillgap.plan: a learning plan that covers every gap and puts prerequisites first."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, corpus_files, ids, needs_corpus
from conftest import job_text as _job
from conftest import resume_text as _resume

from skillgap.models import GapReport, Profile
from skillgap.plan import Gap, learning_plan
from skillgap.taxonomy import Taxonomy

JOBS = corpus_files("jobs", "*.txt")


def _held(profile: Profile) -> set[str]:
    """What the résumé holds for planning: claimed skills and the skills they imply."""
    return {skill.id for skill in profile.skills} | {item.id for item in profile.implied}


def _check_plan(report: GapReport, taxonomy: Taxonomy, held: set[str]) -> None:
    """Covers every gap; numbered 1..n; each prerequisite not held comes earlier."""
    order = [step.id for step in report.learning_plan]
    assert len(order) == len(set(order))
    assert [step.order for step in report.learning_plan] == list(range(1, len(order) + 1))
    assert {item.id for item in report.missing + report.partial} <= set(order)
    position = {skill_id: index for index, skill_id in enumerate(order)}
    for skill_id in order:
        for pre in taxonomy[skill_id].prerequisites:
            if pre in position:
                assert position[pre] < position[skill_id], f"{pre} after {skill_id}"
            else:
                assert pre in held, f"{skill_id} needs {pre}, which is neither held nor planned"
    for step in report.learning_plan:
        assert len(step.steps) >= 3
        assert step.reason


@pytest.mark.parametrize(
    ("required", "first", "then"),
    [
        (["Kubernetes", "Docker"], "Docker", "Kubernetes"),
        (["Docker", "Kubernetes"], "Docker", "Kubernetes"),
        (["Spring Boot", "Java development"], "Java", "Spring Boot"),
        (["Django", "Python"], "Python", "Django"),
    ],
)
def test_plan_puts_prerequisites_first(
    analyzer, taxonomy: Taxonomy, required: list[str], first: str, then: str
) -> None:
    report = analyzer.compare(_resume(["Excel"]), _job(required))
    names = [step.skill for step in report.learning_plan]
    assert names.index(first) < names.index(then)
    _check_plan(report, taxonomy, set())


@pytest.mark.parametrize(
    ("resume", "required", "preferred"),
    [
        (["Excel"], ["Kubernetes", "Django", "Spring Boot", "NestJS", "ASP.NET Core"], []),
        (["Python"], ["Terraform", "Kubernetes", "PostgreSQL"], ["GraphQL", "Redis"]),
        (["MySQL", "Flask"], ["PostgreSQL", "FastAPI", "Docker"], ["Kubernetes"]),
    ],
)
def test_plan_covers_gaps_and_orders_prerequisites_transitively(
    analyzer, taxonomy: Taxonomy, resume: list[str], required: list[str], preferred: list[str]
) -> None:
    resume_profile = analyzer.extract(_resume(resume), "resume")
    report = analyzer.compare(resume_profile, _job(required, preferred))
    assert report.missing or report.partial
    _check_plan(report, taxonomy, _held(resume_profile))


@pytest.mark.parametrize(("resume", "job"), [(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")])
def test_plan_example_report(analyzer, taxonomy: Taxonomy, resume: Path, job: Path) -> None:
    resume_profile = analyzer.extract(resume, "resume")
    report = analyzer.compare(resume_profile, job)
    _check_plan(report, taxonomy, _held(resume_profile))
    steps = {step.skill: step for step in report.learning_plan}
    assert steps["Kafka"].requirement == "preferred"
    assert steps["Kubernetes"].requirement == "required"
    assert "Docker" in steps["Kubernetes"].reason  # "You know Docker: focus on ..."


@pytest.mark.parametrize(
    ("resume", "required", "prerequisite"),
    [
        (["MySQL"], ["PostgreSQL"], "SQL"),
        (["Flask"], ["FastAPI"], "Python"),
    ],
)
def test_plan_skips_prerequisites_the_resume_implies(
    analyzer, resume: list[str], required: list[str], prerequisite: str
) -> None:
    report = analyzer.compare(_resume(resume), _job(required))
    assert prerequisite not in [step.skill for step in report.learning_plan]


@pytest.mark.parametrize(
    ("gaps", "held"),
    [
        ([Gap("kubernetes", "required", 2), Gap("docker", "preferred", 1)], set()),
        ([Gap("kubernetes", "required", 1)], {"docker", "linux"}),
    ],
)
def test_plan_learning_plan_function(taxonomy: Taxonomy, gaps: list[Gap], held: set[str]) -> None:
    plan = learning_plan(gaps, held, taxonomy)
    order = [step.id for step in plan]
    assert {gap.skill_id for gap in gaps} <= set(order)
    assert not held & set(order)
    for step in plan:
        for pre in taxonomy[step.id].prerequisites:
            assert pre in held or order.index(pre) < order.index(step.id)
    # The order does not depend on the order the gaps come in.
    assert order == [step.id for step in learning_plan(gaps[::-1], held, taxonomy)]


@pytest.mark.parametrize("gaps", [[Gap("kubernetes", "required", 1)]])
def test_plan_prerequisite_only_steps_say_what_they_unlock(
    taxonomy: Taxonomy, gaps: list[Gap]
) -> None:
    plan = learning_plan(gaps, set(), taxonomy)
    extra = [step for step in plan if step.id != "kubernetes"]
    assert extra
    for step in extra:
        assert step.requirement is None
        assert step.reason.startswith("Prerequisite")


@needs_corpus
@pytest.mark.parametrize("job", JOBS, ids=ids(JOBS))
def test_plan_for_each_corpus_job_starts_from_an_empty_resume(
    analyzer, taxonomy: Taxonomy, job: Path
) -> None:
    report = analyzer.compare(_resume(["Excel"]), job)
    _check_plan(report, taxonomy, set())
