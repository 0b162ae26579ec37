"""The score: documented weights, soft skills lighter, any-of groups once, years, overall
experience, the must-have cap on essentials only, the fit band, and contributions that always
add up to the score."""

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
    assert policy.weight("required", soft=True) == pytest.approx(1.0)
    assert policy.must_have_cap == 70
    assert (policy.implied_credit, policy.partial_share) == (0.75, 0.75)
    assert (policy.min_related_strength, policy.years_share) == (0.3, 0.5)
    assert (policy.strong_fit, policy.partial_fit) == (0.75, 0.40)


def _compare(resume: str, job: str, options: Options | None = None) -> GapReport:
    return skillgap.compare(document_from_text(resume), document_from_text(job), options=options)


def _points(report: GapReport) -> float:
    return round(sum(item.points for item in report.contributions), 2)


MUST_HAVE = "Backend engineer\n\nMust have\n" + "".join(
    f"- {name}\n" for name in ("Python", "Django", "PostgreSQL", "Docker", "Redis", "Terraform")
)


def test_score_policy_can_be_passed_in() -> None:
    resume = _resume(["Python", "Django", "PostgreSQL", "Docker", "Redis"])
    lenient = Options(scoring=Scoring(must_have_cap=100))
    assert _compare(resume, MUST_HAVE, lenient).score == 83
    assert _compare(resume, MUST_HAVE).score == 70


def _item(name: str, requirement: str, status: str, credit: float = 1.0, **extra):
    common = {"id": name.lower(), "name": name, "category": "x", "job_mentions": [], **extra}
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
    (["Java", "Communication"], ["Java", "Communication", "Leadership"], ["Mentoring"]),
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


@pytest.mark.parametrize(
    ("lacks", "soft_skill"), [("Docker", "Communication"), ("Kafka", "Collaboration")]
)
def test_score_soft_skills_weigh_less_and_are_marked(lacks: str, soft_skill: str) -> None:
    job = _job(["Python", lacks, soft_skill])
    lacks_technical = _compare(_resume(["Python", soft_skill]), job)
    lacks_soft = _compare(_resume(["Python", lacks]), job)
    assert lacks_soft.score > lacks_technical.score
    row = next(row for row in lacks_soft.contributions if row.skills == [soft_skill])
    assert row.kind == "soft" and row.weight == pytest.approx(1.0)
    assert next(i for i in lacks_soft.missing if i.name == soft_skill).kind == "soft"


ESSENTIAL = [
    ("Backend engineer\n\nMust have\n- Python\n- Docker\n", {"Python", "Docker"}),
    ("Backend engineer\n\nRequirements\n- 5+ years of Python\n- Docker\n", {"Python"}),
    ("Senior Go Engineer\n\nRequirements\n- Go\n- Docker\n", {"Go"}),
    ("Kubernetes Platform Engineer\n\nRequirements\n- Kubernetes\n- Docker\n", set()),
    ("Engineer\n\nMinimum qualifications:\n- Java\n\nPreferred:\n- Kafka\n", {"Java"}),
    ("Engineer\n\nEssential\n- Communication\n- Docker\n", {"Docker"}),  # soft: never
    ("Engineer\n\nMust have: Python, Docker\nNice to have: Kafka\n", {"Python", "Docker"}),
    ("Engineer\n\nRequirements\n- Docker\n\nNice to have\n- 3+ years of Rust\n", set()),
    ("Engineer\n\nRequirements\n- Must have a sense of humour\n- Python\n", set()),
    ("Engineer\n\nRequirements\n" + "".join(f"- {n}\n" for n in ("Go", "Redis", "Kafka")), set()),
]


@pytest.mark.parametrize(("job", "essential"), ESSENTIAL)
def test_score_only_what_the_ad_marks_as_essential_is_essential(job: str, essential) -> None:
    report = _compare(_resume(["Excel"]), job)
    assert {item.name for item in report.missing if item.essential} == essential
    for item in report.missing:
        assert bool(item.essential_why) == item.essential


def test_score_missing_essential_caps_the_score() -> None:
    resume = _resume(["Python", "Django", "PostgreSQL", "Docker", "Redis"])
    report = _compare(resume, MUST_HAVE)
    cap = [c for c in report.contributions if c.status == "cap"]
    assert report.score == 70  # the cap reads the must-have; the band reads coverage
    assert report.fit == "strong" and report.required_met == pytest.approx(5 / 6, abs=1e-3)
    assert len(cap) == 1 and cap[0].skills == ["Terraform"] and cap[0].points == 70 - 83
    assert _points(report) == report.score
    step = next(step for step in report.learning_plan if step.skill == "Terraform")
    assert step.points == pytest.approx(100 - 83 + 13, abs=0.5)  # its share and the cap's


def test_score_one_missing_line_of_a_long_list_does_not_cap() -> None:
    """A plain requirements list: one missing line of fifteen is not a must-have."""
    required = [
        "Python", "Django", "PostgreSQL", "Docker", "Redis", "Celery", "AWS", "REST", "Git",
        "Linux", "Kafka", "GraphQL", "Terraform", "Kubernetes", "Elasticsearch",
    ]  # fmt: skip
    report = _compare(_resume(required[:-1]), _job(required))
    assert not [c for c in report.contributions if c.status == "cap"]
    assert report.score == 93 and report.fit == "strong"


def test_score_missing_preferred_does_not_cap() -> None:
    report = _compare(_resume(["Python", "Docker"]), _job(["Python", "Docker"], ["Kafka"]))
    assert report.score > 70
    assert not [c for c in report.contributions if c.status == "cap"]


@pytest.mark.parametrize(
    ("statuses", "essential_missing", "fit"),
    [
        (["matched"] * 3 + ["missing"], False, "strong"),  # 0.75 of the required weight
        (["matched"] * 2 + ["missing"] * 2, False, "partial"),  # 0.50
        (["matched"] * 2 + ["missing"] * 3, False, "partial"),  # 0.40: thresholds include
        (["matched"] + ["missing"] * 2, False, "weak"),  # 0.33
        (["matched"] * 9 + ["missing"], True, "strong"),  # 0.90: the cap is on the score only
    ],
)
def test_score_fit_band_thresholds(statuses: list[str], essential_missing: bool, fit) -> None:
    items = [_item(f"S{i}", "required", status) for i, status in enumerate(statuses)]
    if essential_missing:
        items[-1] = _item("Core", "required", "missing", essential=True)
    result = explain_score(items, [], Scoring())
    met = statuses.count("matched") / len(statuses)
    assert result.required_met == pytest.approx(met, abs=1e-3)
    assert result.fit == fit


@pytest.mark.parametrize(
    ("resume", "required", "met"),
    [
        (["Python"], ["Python", "Azure", "Azure Functions", "Azure Service Bus"], 1 / 2),
        (["Python", "Azure"], ["Python", "Azure", "Azure Functions"], 1.0),
        (["Python", "Azure Functions"], ["Python", "Azure", "Azure Functions"], 2 / 3),
        (["Django", "Python"], ["Python", "Django", "Kubernetes"], 2 / 3),
    ],
)
def test_score_fit_counts_an_unmet_product_within_its_platform(
    resume: list[str], required: list[str], met: float
) -> None:
    """Azure Functions beside Azure is one ask; a named product still counts on its own."""
    report = _compare(_resume(resume), _job(required))
    assert report.required_met == pytest.approx(met, abs=1e-3)


def test_score_fit_ignores_preferred_skills_when_required_ones_exist() -> None:
    items = [_item("A", "required", "matched"), _item("B", "preferred", "missing")]
    result = explain_score(items, [], Scoring())
    assert result.required_met == 1 and result.fit == "strong" and result.score == 75


def test_score_any_of_group_counts_once() -> None:
    items = [
        _item("Kotlin", "required", "missing"),
        _item("Java", "required", "matched"),
        _item("Docker", "required", "missing"),
    ]
    result = explain_score(items, [["Kotlin", "Java"]], Scoring())
    contributions = result.contributions
    assert [c.skills for c in contributions[:2]] == [["Kotlin", "Java"], ["Docker"]]
    assert contributions[0].status == "matched"
    assert result.score == 50  # two requirements of equal weight, one met; not 1 of 3
    assert "any of Kotlin / Java" in contributions[0].reason


def test_score_any_of_from_a_real_job_line() -> None:
    report = _compare(_resume(["Java", "Docker"]), _job(["Kotlin or Java", "Docker"]))
    assert {item.name for item in report.matched} == {"Java", "Docker"}
    assert [item.name for item in report.alternatives] == ["Kotlin"]
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


@pytest.mark.parametrize(
    ("shown", "asked", "credit", "words"),
    [
        (3.0, 6.0, 0.75, "the résumé shows 3"),
        (8.0, 5.0, 1.0, "the résumé shows 8"),
        (None, 5.0, 1.0, "total is unknown"),
    ],
)
def test_score_overall_experience_is_shown_and_a_shortfall_counts(
    analyzer, shown, asked, credit, words
) -> None:
    resume = analyzer.extract(_resume(["Python", "Docker"]), "resume")
    job = analyzer.extract(_job(["Python", "Docker"]), "job")
    resume = resume.model_copy(update={"total_years": shown})
    job = job.model_copy(update={"total_years": asked})
    report = analyzer.compare(resume, job)
    assert report.experience is not None and report.experience.credit == credit
    row = next(row for row in report.contributions if row.skills == ["Overall experience"])
    assert words in row.reason and row.credit == credit
    assert report.score == (100 if credit == 1 else 92)  # 3 units of weight 3, one at 0.75
    assert _points(report) == report.score
    without = analyzer.compare(resume, job.model_copy(update={"total_years": None}))
    assert without.experience is None and without.score == 100


def test_score_partial_credit_is_explained() -> None:
    report = _compare(_resume(["MySQL"]), _job(["PostgreSQL"]))
    row = report.contributions[0]
    assert row.status == "partial" and 0 < row.credit < 1
    assert "MySQL stands in" in row.reason
    assert row.points == round(100 * row.credit, 2)
    assert report.score == int(row.points + 0.5)  # half up
    assert _points(report) == report.score


def test_score_implied_credit_is_explained() -> None:
    report = _compare(_resume(["GitHub Actions"]), _job(["CI/CD"]))
    row = report.contributions[0]
    assert row.status == "matched" and row.credit == Scoring().implied_credit
    assert "implied by GitHub Actions" in row.reason
    assert report.score == 75


def test_score_plan_points_add_up_to_what_is_missing() -> None:
    report = _compare(_resume(["Python", "MySQL"]), _job(["Python", "PostgreSQL", "Go"], ["Kafka"]))
    stakes = sum(step.points for step in report.learning_plan)
    assert stakes == pytest.approx(100 - report.score, abs=0.6)


def test_score_no_job_skills_is_zero_with_no_contributions() -> None:
    report = _compare(_resume(["Python"]), "We are a friendly team.\n")
    assert report.score == 0 and report.contributions == [] and report.fit == "weak"
    assert [note.kind for note in report.notes][0] == "no_backend_skills"
