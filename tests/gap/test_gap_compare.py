"""skillgap.compare: matched / partial / missing / extra, and the fit score."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, corpus_files, ids, needs_corpus
from conftest import job_text as _job
from conftest import resume_text as _resume

import skillgap
from skillgap.models import GapReport

JOBS = corpus_files("jobs", "*.txt")


def _buckets(report: GapReport) -> dict[str, str]:
    """Skill id -> the one bucket it is in; fails if a skill is in two."""
    where: dict[str, str] = {}
    for bucket in ("matched", "partial", "missing"):
        for item in getattr(report, bucket):
            assert item.id not in where, f"{item.name} is in {where[item.id]} and {bucket}"
            where[item.id] = bucket
    return where


@pytest.mark.parametrize(
    ("resume", "job"),
    [
        (_resume(["Python", "MySQL"]), _job(["Python", "PostgreSQL", "Docker"], ["Redis"])),
        (_resume(["Django"]), _job(["Python", "Django", "Kubernetes"], ["Terraform"])),
        (_resume(["Excel"]), _job(["Python", "Docker"])),
        (EXAMPLES / "resume.pdf", EXAMPLES / "job.txt"),
    ],
    ids=["mysql-vs-postgres", "django", "nothing", "examples"],
)
def test_compare_every_job_skill_in_exactly_one_bucket(analyzer, resume, job) -> None:
    job_profile = analyzer.extract(job, "job")
    report = analyzer.compare(resume, job)
    assert set(_buckets(report)) == {skill.id for skill in job_profile.skills}
    assert not {item.id for item in report.extra} & set(_buckets(report))


@pytest.mark.parametrize(
    ("resume", "job", "skill", "via"),
    [
        (["MySQL"], ["PostgreSQL"], "PostgreSQL", ["MySQL"]),
        (["Django"], ["Python"], "Python", ["Django"]),
        (["Spring Boot"], ["Java development"], "Java", ["Spring Boot"]),
    ],
)
def test_compare_related_or_implying_skill_gives_partial(
    analyzer, resume: list[str], job: list[str], skill: str, via: list[str]
) -> None:
    report = analyzer.compare(_resume(resume), _job(job))
    partial = {item.name: item for item in report.partial}
    assert skill in partial
    assert partial[skill].via == via
    assert 0 < partial[skill].credit < 1
    assert 0 < report.score < 100
    assert skill not in {item.name for item in report.matched + report.missing}


@pytest.mark.parametrize(
    ("resume", "job"),
    [
        (["Python", "Docker", "PostgreSQL"], ["Python", "Docker", "PostgreSQL"]),
        (["Python", "Docker", "Redis", "Kubernetes"], ["Python", "Docker"]),
    ],
)
def test_compare_score_100_when_all_matched(analyzer, resume: list[str], job: list[str]) -> None:
    report = analyzer.compare(_resume(resume), _job(job))
    assert report.score == 100
    assert not report.partial and not report.missing
    assert not report.learning_plan


@pytest.mark.parametrize(
    ("resume", "job"),
    [(["Excel"], ["Python", "Docker"]), (["Photoshop"], ["Kubernetes", "Terraform"])],
)
def test_compare_score_0_when_none_matched(analyzer, resume: list[str], job: list[str]) -> None:
    report = analyzer.compare(_resume(resume), _job(job))
    assert report.score == 0
    assert not report.matched and not report.partial
    assert {item.name for item in report.missing} == set(job)


@pytest.mark.parametrize(
    ("required", "preferred"), [(["Python", "Docker"], ["Redis", "Terraform"])]
)
def test_compare_required_weighs_more_than_preferred(
    analyzer, required: list[str], preferred: list[str]
) -> None:
    job = _job(required, preferred)
    everything = analyzer.compare(_resume(required + preferred), job)
    lacks_required = analyzer.compare(_resume(required[1:] + preferred), job)
    lacks_preferred = analyzer.compare(_resume(required + preferred[1:]), job)
    assert everything.score == 100
    levels = {item.name: item.requirement for item in lacks_required.missing}
    assert levels == {required[0]: "required"}
    levels = {item.name: item.requirement for item in lacks_preferred.missing}
    assert levels == {preferred[0]: "preferred"}
    assert lacks_required.score < lacks_preferred.score < everything.score


@pytest.mark.parametrize(("resume", "job"), [(["Python", "Go", "Rust"], ["Python"])])
def test_compare_extra_holds_resume_skills_the_job_does_not_ask_for(
    analyzer, resume: list[str], job: list[str]
) -> None:
    report = analyzer.compare(_resume(resume), _job(job))
    assert {item.name for item in report.extra} == set(resume) - set(job)


@pytest.mark.parametrize(
    ("resume", "job", "skill"),
    [
        (
            "Jane Doe\nSKILLS\nPython\nI have no Kubernetes experience yet.\n",
            _job(["Python", "Kubernetes"]),
            "Kubernetes",
        ),
        ("Jane Doe\nSKILLS\nPython\nCurrently learning Docker.\n", _job(["Docker"]), "Docker"),
    ],
)
def test_compare_not_claimed_skill_is_not_matched(
    analyzer, resume: str, job: str, skill: str
) -> None:
    report = analyzer.compare(resume, job)
    assert skill in {item.name for item in report.missing + report.partial}
    assert skill not in {item.name for item in report.matched}


@pytest.mark.parametrize("runs", [2])
def test_compare_output_is_deterministic(runs: int) -> None:
    resume, job = EXAMPLES / "resume.pdf", EXAMPLES / "job.txt"
    dumps = {skillgap.Analyzer().compare(resume, job).model_dump_json() for _ in range(runs)}
    dumps.add(skillgap.compare(resume, job).model_dump_json())
    assert len(dumps) == 1


@pytest.mark.parametrize(("resume", "job"), [(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")])
def test_compare_example_report(analyzer, resume: Path, job: Path) -> None:
    report = analyzer.compare(resume, job)
    assert 0 < report.score < 100
    matched = {item.name for item in report.matched}
    assert {"Python", "Django", "PostgreSQL", "Docker", "AWS"} <= matched
    partial = {item.name: item.via for item in report.partial}
    assert "Docker" in partial["Kubernetes"]  # learning Kubernetes, knows Docker
    assert "Kafka" in {item.name for item in report.missing}
    assert report.resume == str(resume) and report.job == str(job)
    for item in report.matched:
        assert item.resume_mentions and item.job_mentions


@pytest.mark.parametrize("score_field", ["score"])
def test_compare_json_schema_bounds_the_score(score_field: str) -> None:
    schema = GapReport.model_json_schema()
    assert schema["properties"][score_field]["minimum"] == 0
    assert schema["properties"][score_field]["maximum"] == 100


@needs_corpus
@pytest.mark.parametrize("job", JOBS, ids=ids(JOBS))
def test_compare_example_resume_against_each_corpus_job(analyzer, job: Path) -> None:
    resume = analyzer.extract(EXAMPLES / "resume.txt", "resume")
    job_profile = analyzer.extract(job, "job")
    report = analyzer.compare(resume, job_profile)
    assert set(_buckets(report)) == {skill.id for skill in job_profile.skills}
    assert 0 <= report.score <= 100
    planned = {step.id for step in report.learning_plan}
    assert {item.id for item in report.missing + report.partial} <= planned
