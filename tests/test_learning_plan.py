"""The learning plan: prerequisite order, roadmap phases, concrete steps and reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import skillgap
from skillgap.cli import main
from skillgap.ingest import document_from_text
from skillgap.models import GapReport, Mention
from skillgap.plan import PHASE_TITLES, Gap, job_lines, learning_plan
from skillgap.taxonomy import Taxonomy

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.default()


def _assert_well_ordered(plan: list, taxonomy: Taxonomy) -> None:
    position = {step.id: step.order for step in plan}
    for step in plan:
        for pre in taxonomy[step.id].prerequisites:
            if pre in position:
                assert position[pre] < step.order, f"{pre} after {step.id}"
    phases = [step.phase for step in plan]
    assert phases == sorted(phases), "every phase is one block, in roadmap order"
    assert [step.order for step in plan] == list(range(1, len(plan) + 1))


def test_prerequisites_first_and_phases_in_roadmap_order(taxonomy: Taxonomy) -> None:
    gaps = [
        Gap("istio", "required", 2),
        Gap("graphql", "preferred", 1),
        Gap("hadoop", "required", 1),
        Gap("python", "required", 3),
    ]
    plan = learning_plan(gaps, held=set(), taxonomy=taxonomy)
    ids = [step.id for step in plan]
    _assert_well_ordered(plan, taxonomy)
    # Kubernetes needs Docker and Linux; Hadoop needs Linux and Java: all are added.
    assert {"kubernetes", "docker", "linux", "java", "api-design"} <= set(ids)
    assert ids[0] == "java" and ids.index("python") < ids.index("hadoop")
    # Linux (a deployment skill) is pulled forward into the phase of Hadoop, which needs it.
    linux = plan[ids.index("linux")]
    assert linux.phase == taxonomy["hadoop"].phase
    assert linux.reason.startswith("Prerequisite of ") and linux.requirement is None


def test_the_plan_is_deterministic(taxonomy: Taxonomy) -> None:
    gaps = [Gap(i, "required", 1) for i in ("kafka", "terraform", "redis", "sql", "grpc", "gke")]
    first = learning_plan(gaps, set(), taxonomy)
    again = learning_plan(list(reversed(gaps)), set(), taxonomy)
    assert [s.model_dump() for s in first] == [s.model_dump() for s in again]


def test_held_prerequisites_are_not_planned(taxonomy: Taxonomy) -> None:
    plan = learning_plan([Gap("kubernetes", "required", 1)], {"docker", "linux"}, taxonomy)
    assert [step.id for step in plan] == ["kubernetes"]


def test_each_step_is_concrete(taxonomy: Taxonomy) -> None:
    (step,) = learning_plan([Gap("rabbitmq", "preferred", 2)], {"linux"}, taxonomy)
    assert len(step.steps) >= 3 and step.project and step.hours and step.resource
    assert step.phase_title == PHASE_TITLES[step.phase]
    assert step.reason == "Nice to have for this job (named on 2 lines of the ad)."
    assert step.job_lines == 2


def test_a_concept_step_names_tools_that_are_a_kind_of_it(taxonomy: Taxonomy) -> None:
    (step,) = learning_plan([Gap("message-queues", "required", 1)], set(), taxonomy)
    assert step.tools[:2] == ["Kafka", "RabbitMQ"]  # the ones the concept rates most related


def test_job_lines_counts_lines_not_mentions() -> None:
    text = "Kafka and Kafka Streams\nmore\nKafka"
    mentions = [Mention(text="Kafka", start=s, end=s + 5) for s in (0, 10, 30)]
    assert job_lines(mentions, text) == 2
    assert job_lines(mentions, "") == 3


def test_a_related_skill_the_resume_holds_is_named() -> None:
    resume = document_from_text("Skills\nMySQL, Python, Linux\n")
    job = document_from_text("Requirements\n- PostgreSQL\n- Python\n")
    report = skillgap.compare(resume, job)
    (step,) = [s for s in report.learning_plan if s.id == "postgresql"]
    assert "You know MySQL: focus on what differs in PostgreSQL." in step.reason
    assert step.known_related == ["MySQL"]


def test_compare_on_the_examples_prints_a_phased_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(EXAMPLES / "resume.txt"), str(EXAMPLES / "job.txt")]) == 0
    out = capsys.readouterr().out
    plan = out[out.index("Learning plan") :]
    assert "Project: " in plan and "Learn from: " in plan and "named on " in plan
    titles = [title for title in PHASE_TITLES.values() if f"\n{title}  (~" in plan]
    assert len(titles) >= 2
    assert [plan.index(title) for title in titles] == sorted(plan.index(t) for t in titles)


def test_the_json_carries_the_same_plan(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["compare", str(EXAMPLES / "resume.txt"), str(EXAMPLES / "job.txt"), "-f", "json"]
    assert main(args) == 0
    report = GapReport.model_validate(json.loads(capsys.readouterr().out))
    planned = {step.id for step in report.learning_plan}
    assert {item.id for item in report.missing + report.partial} <= planned
    _assert_well_ordered(report.learning_plan, Taxonomy.default())
    for step in report.learning_plan:
        assert step.steps and step.project and step.hours and step.phase_title and step.reason
