"""The score: documented weights, any-of groups once, years, the must-have cap, and
contributions that always add up to the score."""

from __future__ import annotations

import pytest
from conftest import CORPUS, EXAMPLES
from conftest import job_text as _job
from conftest import resume_text as _resume

import skillgap
from skillgap.gap.compare import years_credit
from skillgap.gap.score import explain_score
from skillgap.ingest import document_from_text
from skillgap.models import GapReport, MatchedSkill, MissingSkill, PartialSkill
from skillgap.options import Options, Scoring


def test_score_policy_defaults_are_the_documented_numbers() -> None:
    """README "The score, explained" states these; changing one must change the README too."""
    policy = Scoring()
    assert (policy.weight("required"), policy.weight("preferred")) == (3.0, 1.0)
    assert policy.must_have_cap == 70
    assert (policy.implied_credit, policy.partial_share) == (0.75, 0.75)
    assert (policy.min_related_strength, policy.years_share) == (0.3, 0.5)


def test_score_policy_can_be_passed_in() -> None:
    required = ["Python", "Django", "PostgreSQL", "Docker", "Redis", "Celery", "Terraform"]
    resume, job = _resume(required[:-1]), _job(required)
    lenient = Options(scoring=Scoring(must_have_cap=100))
    assert skillgap.compare(resume, job, options=lenient).score == 86
    assert skillgap.compare(resume, job).score == 70


def _compare(resume: str, job: str) -> GapReport:
    return skillgap.compare(document_from_text(resume), document_from_text(job))


def _points(report: GapReport) -> float:
    return round(sum(item.points for item in report.contributions), 2)


def _item(name: str, requirement: str, status: str, credit: float = 1.0):
    common = {"id": name.lower(), "name": name, "category": "x", "job_mentions": []}
    if status == "matched":
        return MatchedSkill(**common, requirement=requirement, credit=credit, resume_mentions=[])
    if status == "partial":
        return PartialSkill(**common, requirement=requirement, credit=credit, via=["Other"])
    return MissingSkill(**common, requirement=requirement)


CASES = [
    (["Python", "MySQL"], ["Python", "PostgreSQL", "Docker"], ["Redis"]),
    (["Django"], ["Python", "Django", "Kubernetes"], ["Terraform"]),
    (["Excel"], ["Python", "Docker"], []),
    (["Python", "Docker", "PostgreSQL"], ["Python", "Docker", "PostgreSQL"], []),
    (["Python", "Go", "Redis"], ["Python"], ["Go", "Redis", "Kafka", "GraphQL"]),
    (["Java"], ["Kotlin or Java", "Docker"], ["AWS, GCP or Azure"]),
]


@pytest.mark.parametrize(("resume", "required", "preferred"), CASES)
def test_score_contributions_sum_to_the_score(resume, required, preferred) -> None:
    report = _compare(_resume(resume), _job(required, preferred))
    assert report.contributions
    assert _points(report) == report.score


def test_score_contributions_sum_on_the_examples_and_corpus_jobs() -> None:
    analyzer = skillgap.Analyzer()
    resume = analyzer.extract(EXAMPLES / "resume.pdf", "resume")
    jobs = [EXAMPLES / "job.txt", *sorted((CORPUS / "jobs").glob("*.txt"))[:6]]
    for job in jobs:
        report = analyzer.compare(resume, job)
        assert _points(report) == report.score, job.name
        for row in report.contributions:
            if row.status == "rounding":
                assert abs(row.points) < 1
            elif row.status != "cap":
                assert 0 <= row.points <= row.max_points, row


def test_score_required_weighs_more_than_preferred() -> None:
    has_required = _compare(_resume(["Python"]), _job(["Python"], ["Terraform"]))
    has_preferred = _compare(_resume(["Terraform"]), _job(["Python"], ["Terraform"]))
    assert has_required.score == 75  # 3 of 4 weight units
    assert has_preferred.score < has_required.score


def test_score_missing_must_have_caps_the_score() -> None:
    required = ["Python", "Django", "PostgreSQL", "Docker", "Redis", "Celery", "Terraform"]
    report = _compare(_resume(required[:-1]), _job(required))
    cap = [c for c in report.contributions if c.status == "cap"]
    assert report.score == 70
    assert len(cap) == 1 and cap[0].skills == ["Terraform"] and cap[0].points == 70 - 86
    assert _points(report) == report.score


def test_score_missing_preferred_does_not_cap() -> None:
    report = _compare(_resume(["Python", "Docker"]), _job(["Python", "Docker"], ["Kafka"]))
    assert report.score > 70
    assert not [c for c in report.contributions if c.status == "cap"]


def test_score_any_of_group_counts_once() -> None:
    items = [
        _item("Kotlin", "required", "missing"),
        _item("Java", "required", "matched"),
        _item("Docker", "required", "missing"),
    ]
    score, contributions = explain_score(items, [["Kotlin", "Java"]], Scoring())
    assert [c.skills for c in contributions[:2]] == [["Kotlin", "Java"], ["Docker"]]
    assert contributions[0].status == "matched"
    assert score == 50  # two requirements of equal weight, one met; not 1 of 3
    assert "any of Kotlin / Java" in contributions[0].reason


def test_score_any_of_from_a_real_job_line() -> None:
    report = _compare(_resume(["Java", "Docker"]), _job(["Kotlin or Java", "Docker"]))
    asked = report.matched + report.partial + report.missing
    assert {"Kotlin", "Java"} <= {item.name for item in asked}
    assert report.score == 100
    assert _points(report) == 100


def test_score_years_short_of_the_asked_number_reduce_credit() -> None:
    job = "Requirements\n- 6+ years of Python experience\n- Docker\n"
    short = _compare("SKILLS\nPython (3 years), Docker\n", job)
    enough = _compare("SKILLS\nPython (7 years), Docker\n", job)
    python = next(item for item in short.matched if item.name == "Python")
    assert python.years_asked == 6 and python.credit == 0.75
    assert short.score < enough.score == 100
    assert "3 of 6 years asked" in short.contributions[0].reason
    assert _points(short) == short.score


@pytest.mark.parametrize(
    ("shown", "asked", "credit"),
    [(None, 5, 1.0), (5, None, 1.0), (5, 5, 1.0), (8, 5, 1.0), (0, 4, 0.5), (2, 4, 0.75)],
)
def test_score_years_credit(shown, asked, credit) -> None:
    assert years_credit(shown, asked, Scoring()) == credit


def test_score_partial_credit_is_explained() -> None:
    report = _compare(_resume(["MySQL"]), _job(["PostgreSQL"]))
    row = report.contributions[0]
    assert row.status == "partial" and 0 < row.credit < 1
    assert "related to MySQL" in row.reason
    assert row.points == round(100 * row.credit, 2)
    assert report.score == int(row.points + 0.5)  # half up
    assert _points(report) == report.score


def test_score_no_job_skills_is_zero_with_no_contributions() -> None:
    report = _compare(_resume(["Python"]), "We are a friendly team.\n")
    assert report.score == 0 and report.contributions == []
