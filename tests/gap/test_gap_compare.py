"""skillgap.compare: one verdict per job skill (matched, implied, partial, missing, accepted
instead), the same rule of kinds everywhere, and extra skills."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, EXAMPLES, corpus_files, ids, needs_corpus
from conftest import job_text as _job
from conftest import resume_text as _resume

import skillgap
from skillgap.gap.relations import related_held, stands_in
from skillgap.models import GapReport
from skillgap.taxonomy import Taxonomy

JOBS = corpus_files("jobs", "*.txt")
PAIRS = CORPUS / "challenge" / "pairs.json"
BUCKETS = ("matched", "partial", "missing", "alternatives")


def _buckets(report: GapReport) -> dict[str, str]:
    """Skill id -> the one bucket it is in; fails if a skill is in two."""
    where: dict[str, str] = {}
    for bucket in BUCKETS:
        for item in getattr(report, bucket):
            assert item.id not in where, f"{item.name} is in {where[item.id]} and {bucket}"
            where[item.id] = bucket
    return where


def _verdict(report: GapReport, name: str) -> str:
    found = {item.name: bucket for bucket in BUCKETS for item in getattr(report, bucket)}
    item = next((i for i in report.matched if i.name == name), None)
    if item is not None and item.evidence == "implied":
        return "implied"
    return found.get(name, "absent")


@pytest.mark.parametrize(
    ("resume", "job"),
    [
        (_resume(["Python", "MySQL"]), _job(["Python", "PostgreSQL", "Docker"], ["Redis"])),
        (_resume(["Django"]), _job(["Python", "Django", "Kubernetes"], ["Terraform"])),
        (_resume(["Excel"]), _job(["Python", "Docker"])),
        (_resume(["Django"]), _job(["Strong experience with Django or FastAPI", "Docker"])),
        (EXAMPLES / "resume.pdf", EXAMPLES / "job.txt"),
    ],
    ids=["mysql-vs-postgres", "django", "nothing", "any-of", "examples"],
)
def test_compare_every_job_skill_in_exactly_one_bucket(analyzer, resume, job) -> None:
    job_profile = analyzer.extract(job, "job")
    report = analyzer.compare(resume, job)
    assert set(_buckets(report)) == {skill.id for skill in job_profile.skills}
    assert not {item.id for item in report.extra} & set(_buckets(report))


# The verdicts of a table of pairs: what the résumé holds, what the job asks, the verdict.
VERDICTS = [
    # sibling products: a held one stands in
    (["MySQL"], "PostgreSQL", "partial"),
    (["MariaDB"], "MySQL", "partial"),
    (["GitLab CI"], "GitHub Actions", "partial"),
    (["Jenkins"], "GitHub Actions", "partial"),
    (["RabbitMQ"], "Kafka", "partial"),
    (["Google Cloud"], "AWS", "partial"),
    (["Terraform"], "Ansible", "partial"),
    (["Cassandra"], "DynamoDB", "partial"),
    (["Datadog"], "Prometheus", "partial"),
    (["OpenSearch"], "Elasticsearch", "partial"),
    # a different language, framework, API style or soft skill never stands in
    (["Python", "Java"], "Go", "missing"),
    (["Java"], "Kotlin", "missing"),
    (["Rust"], "C++", "missing"),
    (["Flask"], "Django", "missing"),
    (["Express"], "NestJS", "missing"),
    (["REST"], "GraphQL", "missing"),
    (["Communication"], "Collaboration", "missing"),
    (["Mentoring"], "Leadership", "missing"),
    # a concept is met by implication or not at all; a tool is not a concept's stand-in
    (["Redis"], "Rate limiting", "missing"),
    (["Monitoring"], "Prometheus", "missing"),
    (["Query optimization"], "Indexing", "missing"),
    # what builds on a skill does not replace it, nor does a tool of another language
    (["Kubernetes"], "Helm", "missing"),
    (["Docker"], "Kubernetes", "missing"),
    (["JUnit"], "pytest", "missing"),
    # held by implication: matched, and said so
    (["Django"], "Python", "implied"),
    (["GitHub Actions"], "CI/CD", "implied"),
    (["Prometheus"], "Monitoring", "implied"),
    (["Helm"], "Kubernetes", "implied"),
    (["Spring Boot"], "Java", "implied"),
    (["PostgreSQL"], "SQL", "implied"),
    # held
    (["PostgreSQL"], "PostgreSQL", "matched"),
]


@pytest.mark.parametrize(("resume", "wanted", "verdict"), VERDICTS)
def test_compare_verdicts_of_pairs(analyzer, resume: list[str], wanted: str, verdict: str) -> None:
    report = analyzer.compare(_resume(resume), _job([wanted]))
    assert _verdict(report, wanted) == verdict
    if verdict == "partial":
        item = next(item for item in report.partial if item.name == wanted)
        assert item.via == resume and 0 < item.credit < 1
    if verdict == "missing":  # related held skills are the plan's hint, never credit
        (step,) = [s for s in report.learning_plan if s.skill == wanted]
        related = next(item for item in report.missing if item.name == wanted).known_related
        assert step.points > 0 and set(related) <= set(resume)
    if verdict == "implied":
        item = next(item for item in report.matched if item.name == wanted)
        assert item.via == resume and item.credit < 1
        assert [tip.skill for tip in report.say_on_resume] == [wanted]
        assert not report.learning_plan


@pytest.mark.parametrize(
    ("resume", "line", "held", "accepted"),
    [
        (["Django"], "Strong experience with Django or FastAPI", "Django", ["FastAPI"]),
        (["AWS"], "Experience with AWS, GCP, or Azure", "AWS", ["Google Cloud", "Azure"]),
        (["Kotlin"], "Java or Kotlin in production", "Kotlin", ["Java"]),
        (["Flask"], "Python or Go", "Python", ["Go"]),  # met by implication (Flask ⇒ Python)
    ],
)
def test_compare_satisfied_any_of_is_accepted_instead(
    analyzer, resume: list[str], line: str, held: str, accepted: list[str]
) -> None:
    report = analyzer.compare(_resume(resume), _job([line, "Docker"]))
    assert {item.name: item.instead for item in report.alternatives} == dict.fromkeys(
        accepted, held
    )
    gaps = {item.name for item in report.partial + report.missing}
    planned = {step.skill for step in report.learning_plan}
    assert not set(accepted) & (gaps | planned)
    group = next(row for row in report.contributions if held in row.skills)
    assert group.points == group.max_points or "implied" in group.reason


def test_compare_unmet_any_of_plans_one_step_and_counts_its_hours_once(analyzer) -> None:
    report = analyzer.compare(_resume(["Python"]), _job(["Experience with AWS, GCP, or Azure"]))
    main = [step for step in report.learning_plan if not step.alternative_to]
    others = [step for step in report.learning_plan if step.alternative_to]
    assert [step.skill for step in main if step.requirement == "required"] == ["AWS"]
    assert {step.skill for step in others} == {"Google Cloud", "Azure"}
    assert all(step.alternative_to == "AWS" and step.points == 0 for step in others)
    assert report.plan_hours == sum(step.hours or 0 for step in main)


def test_rule_of_kinds_holds_over_the_whole_taxonomy(taxonomy: Taxonomy) -> None:
    """No pair of skills stands in for each other across the kinds that never do."""
    never = {"languages", "frameworks", "collaboration", "apis", "practices", "programming"}
    concepts = {c for skill in taxonomy for c in skill.record.category_of}
    pairs = [
        (wanted, held)
        for wanted in taxonomy
        for held in taxonomy
        if held.id in wanted.related and stands_in(taxonomy, wanted.id, held.id)
    ]
    assert len(pairs) > 100  # the rule leaves the real sibling products
    for wanted, held in pairs:
        shared = set(wanted.record.category_of) & set(held.record.category_of)
        if not shared:
            assert wanted.category not in never and held.category not in never, (wanted, held)
        assert wanted.id not in concepts and held.id not in concepts
        assert held.id not in wanted.prerequisites and wanted.id not in held.prerequisites


def _strength(taxonomy: Taxonomy, one: str, two: str) -> float:
    return max(taxonomy[one].related.get(two, 0.0), taxonomy[two].related.get(one, 0.0))


@pytest.mark.parametrize("minimum", [0.3, 0.0])
def test_related_held_reads_relations_stated_on_either_side(
    taxonomy: Taxonomy, minimum: float
) -> None:
    """Whichever skill states a relation, it counts at the stronger strength; at a minimum of
    0 every held skill is related."""
    held = {skill.id for skill in list(taxonomy)[::7]}
    for wanted in list(taxonomy)[::3]:
        strengths = {other: _strength(taxonomy, wanted.id, other) for other in held - {wanted.id}}
        expected = sorted(
            ((other, value) for other, value in strengths.items() if value >= minimum),
            key=lambda pair: (-pair[1], taxonomy[pair[0]].name.lower()),
        )
        assert related_held(taxonomy, wanted.id, held, minimum) == expected


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
        ("Jane Doe\nSKILLS\nDjango\nNever used Python outside Django.\n", _job(["Go"]), "Go"),
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
    assert 0 < report.score < 100 and report.fit in ("strong", "partial", "weak")
    matched = {item.name for item in report.matched}
    assert {"Python", "Django", "PostgreSQL", "Docker", "AWS"} <= matched
    assert {item.name: item.instead for item in report.alternatives} == {"FastAPI": "Django"}
    kubernetes = next(item for item in report.missing if item.name == "Kubernetes")
    assert "Docker" in kubernetes.known_related  # learning Kubernetes, knows Docker: a hint
    assert "Kafka" in {item.name for item in report.missing}
    assert report.resume == str(resume) and report.job == str(job)
    for item in report.matched:
        assert item.resume_mentions and item.job_mentions


@pytest.mark.parametrize("score_field", ["score"])
def test_compare_json_schema_bounds_the_score(score_field: str) -> None:
    schema = GapReport.model_json_schema()
    assert schema["properties"][score_field]["minimum"] == 0
    assert schema["properties"][score_field]["maximum"] == 100
    assert set(schema["properties"]["fit"]["enum"]) == {"strong", "partial", "weak"}


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


def _pair_reports(analyzer: skillgap.Analyzer) -> list[GapReport]:
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))
    return [analyzer.compare(CORPUS / p["resume"], CORPUS / p["job"]) for p in pairs]


@needs_corpus
@pytest.mark.slow
def test_compare_challenge_pairs_keep_the_verdict_rules(analyzer) -> None:
    """On every challenge pair: a met any-of member is never a gap or a plan step, nothing
    held or implied is planned, and the plan puts every required gap before a preferred one."""
    for report in _pair_reports(analyzer):
        accepted = {item.id for item in report.alternatives}
        held = {item.id for item in report.matched}
        gaps = {item.id for item in report.partial + report.missing}
        planned = [step.id for step in report.learning_plan]
        assert not accepted & gaps and not accepted & set(planned), report.job
        assert not held & set(planned), report.job
        assert gaps <= set(planned), report.job
        levels = [step.requirement for step in report.learning_plan]
        if "preferred" in levels:
            first_preferred = levels.index("preferred")
            assert "required" not in levels[first_preferred:], (report.job, levels)


@pytest.mark.parametrize(("interchangeable", "verdict"), [(True, "partial"), (False, "missing")])
def test_compare_stand_ins_follow_the_files_kind(
    tmp_path: Path, taxonomy: Taxonomy, interchangeable: bool, verdict: str
) -> None:
    """The rule is data: a custom file says whether its related products stand in."""
    steps = 'steps = ["Read the guide", "Build a small app", "Ship it to a device"]'
    (tmp_path / "mobile.toml").write_text(
        f'category = "mobile-ui"\ntitle = "Mobile UI"\nphase = 9\n'
        f"interchangeable = {str(interchangeable).lower()}\n\n"
        f'[[skill]]\nid = "widgetkit-x"\nname = "WidgetKitX"\n{steps}\n'
        'related = { "layoutkit-y" = 0.6 }\n\n'
        f'[[skill]]\nid = "layoutkit-y"\nname = "LayoutKitY"\n{steps}\n',
        encoding="utf-8",
    )
    custom = taxonomy.merge(tmp_path)
    report = skillgap.Analyzer(custom).compare(_resume(["LayoutKitY"]), _job(["WidgetKitX"]))
    assert _verdict(report, "WidgetKitX") == verdict
