"""The learning plan: every gap covered, most points first, required before preferred,
prerequisites before what needs them, nothing the résumé shows, concrete steps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, corpus_files, ids, needs_corpus
from conftest import job_text as _job
from conftest import resume_text as _resume

import skillgap
from skillgap.cli import main
from skillgap.gap.plan import Gap, job_lines, learning_plan
from skillgap.models import GapReport, Mention, Profile
from skillgap.taxonomy import Taxonomy

JOBS = corpus_files("jobs", "*.txt")


def _held(profile: Profile, taxonomy: Taxonomy) -> set[str]:
    """What the résumé shows for planning: claimed skills, what they imply, and what the held
    skills build on (whoever runs Docker knows enough Linux)."""
    held = {skill.id for skill in profile.skills} | {item.id for item in profile.implied}
    stack = [pre for skill in profile.skills for pre in taxonomy[skill.id].prerequisites]
    while stack:
        pre = stack.pop()
        if pre not in held:
            held.add(pre)
            stack.extend(taxonomy[pre].prerequisites)
    return held


def _check_plan(report: GapReport, taxonomy: Taxonomy, held: set[str]) -> None:
    """Covers every gap and nothing shown; numbered 1..n; each prerequisite not held comes
    earlier; every required step before every preferred one."""
    order = [step.id for step in report.learning_plan]
    assert len(order) == len(set(order))
    assert [step.order for step in report.learning_plan] == list(range(1, len(order) + 1))
    assert {item.id for item in report.missing + report.partial} <= set(order)
    shown = {item.id for item in report.matched + report.alternatives}
    assert not shown & set(order), "a held, implied or accepted skill got a plan step"
    position = {skill_id: index for index, skill_id in enumerate(order)}
    for skill_id in order:
        for pre in taxonomy[skill_id].prerequisites:
            if pre in position:
                assert position[pre] < position[skill_id], f"{pre} after {skill_id}"
            else:
                assert pre in held | shown, f"{skill_id} needs {pre}: neither held nor planned"
    levels = [step.requirement for step in report.learning_plan]
    if "preferred" in levels:
        assert "required" not in levels[levels.index("preferred") :], levels
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
    _check_plan(report, taxonomy, _held(resume_profile, taxonomy))


@pytest.mark.parametrize(("resume", "job"), [(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")])
def test_plan_example_report(analyzer, taxonomy: Taxonomy, resume: Path, job: Path) -> None:
    resume_profile = analyzer.extract(resume, "resume")
    report = analyzer.compare(resume_profile, job)
    _check_plan(report, taxonomy, _held(resume_profile, taxonomy))
    steps = {step.skill: step for step in report.learning_plan}
    assert steps["Kafka"].requirement == "preferred"
    assert steps["Kubernetes"].requirement == "required"
    assert "Docker" in steps["Kubernetes"].reason  # "You know ... Docker, which helps"
    first = report.learning_plan[0]
    assert first.requirement in ("required", "prerequisite") and report.plan_hours > 0
    assert report.plan_hours == sum(s.hours or 0 for s in report.learning_plan)


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
        assert step.requirement == "prerequisite" and step.points == 0
        assert step.reason.startswith("Prerequisite")


@needs_corpus
@pytest.mark.parametrize("job", JOBS, ids=ids(JOBS))
def test_plan_for_each_corpus_job_starts_from_an_empty_resume(
    analyzer, taxonomy: Taxonomy, job: Path
) -> None:
    report = analyzer.compare(_resume(["Excel"]), job)
    _check_plan(report, taxonomy, set())


def test_plan_orders_by_points_required_first_prerequisites_just_before(
    taxonomy: Taxonomy,
) -> None:
    gaps = [
        Gap("graphql", "preferred", 1, points=5.0),
        Gap("kafka", "required", 1, points=6.0),
        Gap("kubernetes", "required", 2, points=9.0, essential="named in the job title"),
        Gap("docker", "preferred", 1, points=3.0),  # a required step builds on it
        Gap("terraform", "required", 1, points=6.0),
    ]
    plan = learning_plan(gaps, held={"linux"}, taxonomy=taxonomy)
    order = [step.id for step in plan]
    assert order[:2] == ["docker", "kubernetes"]  # the most points, its prerequisite first
    docker = plan[0]
    assert docker.requirement == "prerequisite" and docker.reason.startswith("Learn it early")
    assert "Essential (named in the job title)" in plan[1].reason
    assert order.index("kafka") < order.index("graphql")  # required before preferred
    assert order.index("terraform") < order.index("graphql")
    assert plan[-1].id in ("graphql", "api-design") or plan[-1].requirement == "preferred"


def test_plan_is_deterministic(taxonomy: Taxonomy) -> None:
    gaps = [Gap(i, "required", 1) for i in ("kafka", "terraform", "redis", "sql", "grpc", "gke")]
    first = learning_plan(gaps, set(), taxonomy)
    again = learning_plan(list(reversed(gaps)), set(), taxonomy)
    assert [s.model_dump() for s in first] == [s.model_dump() for s in again]


def test_plan_leaves_out_held_prerequisites(taxonomy: Taxonomy) -> None:
    plan = learning_plan([Gap("kubernetes", "required", 1)], {"docker", "linux"}, taxonomy)
    assert [step.id for step in plan] == ["kubernetes"]


@pytest.mark.parametrize(("held", "gap", "skipped"), [({"docker"}, "kubernetes", "linux")])
def test_plan_leaves_out_what_held_skills_build_on(
    taxonomy: Taxonomy, held: set[str], gap: str, skipped: str
) -> None:
    """Docker needs Linux: a Docker user is not sent to a Linux course before Kubernetes."""
    plan = learning_plan([Gap(gap, "required", 1)], held, taxonomy)
    assert skipped not in [step.id for step in plan]


def test_plan_names_the_held_skill_a_gap_builds_on(analyzer: skillgap.Analyzer) -> None:
    report = analyzer.compare(_resume(["GitHub Actions"]), _job(["Git", "Python"]))
    step = next(step for step in report.learning_plan if step.skill == "Git")
    assert "You use GitHub Actions, which builds on Git" in step.reason


def test_plan_each_step_is_concrete(taxonomy: Taxonomy) -> None:
    (step,) = learning_plan([Gap("rabbitmq", "preferred", 2)], {"linux"}, taxonomy)
    assert len(step.steps) >= 3 and step.project and step.hours and step.resource
    assert step.phase_title == taxonomy.phase_title(step.phase)
    assert step.reason == "Nice to have for this job (named on 2 lines of the ad)."
    assert step.job_lines == 2


def test_plan_concept_step_names_tools_that_are_a_kind_of_it(taxonomy: Taxonomy) -> None:
    (step,) = learning_plan([Gap("message-queues", "required", 1)], set(), taxonomy)
    assert step.tools[:2] == ["Kafka", "RabbitMQ"]  # the ones the concept rates most related


def test_plan_job_lines_counts_lines_not_mentions() -> None:
    text = "Kafka and Kafka Streams\nmore\nKafka"
    mentions = [Mention(text="Kafka", start=s, end=s + 5) for s in (0, 10, 30)]
    assert job_lines(mentions, text) == 2
    assert job_lines(mentions, "") == 3


def test_plan_names_a_related_skill_the_resume_holds(analyzer: skillgap.Analyzer) -> None:
    report = analyzer.compare("Skills\nMySQL, Python, Linux\n", _job(["PostgreSQL", "Python"]))
    (step,) = [s for s in report.learning_plan if s.id == "postgresql"]
    assert "You know MySQL: focus on what differs in PostgreSQL." in step.reason
    assert step.known_related == ["MySQL"]


def test_plan_text_report_of_the_examples_shows_phases_and_resources(
    taxonomy: Taxonomy, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["compare", str(EXAMPLES / "resume.txt"), str(EXAMPLES / "job.txt"), "--full"]
    assert main(args) == 0
    out = capsys.readouterr().out
    plan = out[out.index("Learning plan") :]
    assert "Project: " in plan and "Learn from: " in plan and "named on " in plan
    titles = [title for title in taxonomy.phase_titles.values() if f"\n     {title}\n" in plan]
    assert len(titles) >= 2


def test_plan_json_carries_the_same_plan(
    taxonomy: Taxonomy, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["compare", str(EXAMPLES / "resume.txt"), str(EXAMPLES / "job.txt"), "-f", "json"]
    assert main(args) == 0
    report = GapReport.model_validate(json.loads(capsys.readouterr().out))
    resume = skillgap.extract(EXAMPLES / "resume.txt", kind="resume")
    _check_plan(report, taxonomy, _held(resume, taxonomy))
    for step in report.learning_plan:
        assert step.steps and step.project and step.hours and step.phase_title and step.reason
