"""skillgap.extractor and the public extract(): profiles of résumés and job ads."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import EXAMPLES

import skillgap
from skillgap.errors import DocumentError
from skillgap.ingest import SUFFIXES, read_document
from skillgap.models import Profile

RESUME_TXT = EXAMPLES / "resume.txt"
RESUME_PDF = EXAMPLES / "resume.pdf"
JOB_TXT = EXAMPLES / "job.txt"


def _all_mentions(profile: Profile):
    for item in [*profile.skills, *profile.not_claimed]:
        yield from item.mentions


@pytest.mark.parametrize(
    ("path", "kind"), [(RESUME_TXT, "resume"), (RESUME_PDF, "resume"), (JOB_TXT, "job")]
)
def test_extract_mention_offsets_index_the_document_text(analyzer, path: Path, kind: str) -> None:
    profile = analyzer.extract(path, kind)
    assert profile.text == read_document(path).text
    mentions = list(_all_mentions(profile))
    assert mentions
    for mention in mentions:
        assert profile.text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(("path", "kind"), [(RESUME_TXT, "resume"), (JOB_TXT, "job")])
def test_extract_each_skill_listed_once_and_not_claimed_kept_apart(
    analyzer, path: Path, kind: str
) -> None:
    profile = analyzer.extract(path, kind)
    ids = [skill.id for skill in profile.skills]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {item.id for item in profile.not_claimed}
    assert not set(ids) & {item.id for item in profile.implied}
    starts = [skill.mentions[0].start for skill in profile.skills]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("claimed", "not_claimed"),
    [
        (
            {"Python", "Django", "PostgreSQL", "Redis", "Celery", "Docker", "AWS", "pytest"},
            {"Kafka": "negated", "Kubernetes": "learning"},
        )
    ],
)
def test_extract_example_resume(analyzer, claimed: set[str], not_claimed: dict[str, str]) -> None:
    profile = analyzer.extract(RESUME_TXT, "resume")
    assert profile.kind == "resume"
    assert claimed <= {skill.name for skill in profile.skills}
    assert {item.name: item.reason for item in profile.not_claimed} == not_claimed
    python = profile.get("python")
    assert python is not None and python.years == 5
    assert all(skill.requirement is None for skill in profile.skills)


@pytest.mark.parametrize(
    ("required", "preferred", "absent"),
    [
        (
            {"Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "AWS", "Unit testing"},
            {"Kafka", "Terraform", "GraphQL", "Go"},
            {"Java", "JavaScript"},
        )
    ],
)
def test_extract_example_job(
    analyzer, required: set[str], preferred: set[str], absent: set[str]
) -> None:
    profile = analyzer.extract(JOB_TXT, "job")
    levels = {skill.name: skill.requirement for skill in profile.skills}
    assert {name for name in required if levels.get(name) == "required"} == required
    assert {name for name in preferred if levels.get(name) == "preferred"} == preferred
    assert not absent & set(levels)
    assert levels and all(level in {"required", "preferred"} for level in levels.values())
    python = next(skill for skill in profile.skills if skill.name == "Python")
    assert python.years == 5


@pytest.mark.parametrize(
    ("path", "kind", "expected"),
    [
        (RESUME_PDF, "resume", {"skills", "experience", "projects"}),
        (JOB_TXT, "job", {"requirements", "preferred", "responsibilities"}),
    ],
)
def test_extract_mentions_carry_their_section(
    analyzer, path: Path, kind: str, expected: set[str]
) -> None:
    profile = analyzer.extract(path, kind)
    sections = {m.section for m in _all_mentions(profile)}
    assert expected <= sections
    assert "benefits" not in sections  # what a job offers says nothing about the role


@pytest.mark.parametrize(
    ("text", "skill", "evidence"),
    [
        ("Jane Doe\nSKILLS\nPython, Docker\n", "Python", "listed"),
        ("Jane Doe\nEXPERIENCE\nBuilt payment services in Python.\n", "Python", "demonstrated"),
        ("Jane Doe\nPROJECTS\nA Docker-based home lab.\n", "Docker", "demonstrated"),
    ],
)
def test_extract_resume_evidence_follows_the_section(
    extract, text: str, skill: str, evidence: str
) -> None:
    profile = extract(text, "resume")
    found = {item.name: item for item in profile.skills}
    assert found[skill].evidence == evidence


@pytest.mark.parametrize(
    ("text", "held", "implied"),
    [
        ("Jane Doe\nSKILLS\nDjango, Docker\n", "Django", "Python"),
        ("Jane Doe\nSKILLS\nSpring Boot\n", "Spring Boot", "Java"),
    ],
)
def test_extract_implied_skill_is_not_claimed(extract, text: str, held: str, implied: str) -> None:
    profile = extract(text, "resume")
    names = {skill.name for skill in profile.skills}
    assert held in names
    assert implied not in names
    via = {item.name: item.via for item in profile.implied}
    assert held in via[implied]


@pytest.mark.parametrize(("text", "kind"), [("Jane Doe\nSKILLS\nDjango\n", "job")])
def test_extract_jobs_report_no_implied_skills(extract, text: str, kind: str) -> None:
    assert extract(text, kind).implied == []


@pytest.mark.parametrize(
    ("text", "skill"),
    [("Jane Doe\nSKILLS\nDjango\nI have no Python experience.\n", "Python")],
)
def test_extract_negated_skill_is_not_implied_either(extract, text: str, skill: str) -> None:
    profile = extract(text, "resume")
    assert skill in {item.name for item in profile.not_claimed}
    assert skill not in {item.name for item in profile.implied}


@pytest.mark.parametrize(
    ("text", "asked", "not_asked"),
    [
        (
            "Requirements\n- Go\n- [API Engineer](https://www.jobs.example/api-engineer-python)\n",
            "Go",
            "Python",
        ),
        (
            "We use Go. [Open roles](https://jobs.example/apply/site-reliability-engineer)\n",
            "Go",
            "Site Reliability Engineering",
        ),
        (
            "Stack: Docker. [Team wiki](HTTPS://WIKI.EXAMPLE/TEAM/KAFKA-ONBOARDING)",
            "Docker",
            "Kafka",
        ),
    ],
)
def test_extract_names_inside_a_link_are_not_asked_for(
    extract, text: str, asked: str, not_asked: str
) -> None:
    names = {skill.name for skill in extract(text, "job").skills}
    assert asked in names
    assert not_asked not in names


@pytest.mark.parametrize(
    "source_type", [str, Path, "text", "document"], ids=["str", "path", "text", "document"]
)
def test_extract_public_function_accepts_paths_text_and_documents(source_type) -> None:
    if source_type == "text":
        source = RESUME_TXT.read_text(encoding="utf-8")
    elif source_type == "document":
        source = read_document(RESUME_TXT)
    else:
        source = source_type(RESUME_TXT)
    profile = skillgap.extract(source)
    assert profile.kind == "resume"
    assert {"Python", "PostgreSQL"} <= {skill.name for skill in profile.skills}


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_extract_public_function_missing_file_is_an_error(tmp_path: Path, suffix: str) -> None:
    """Every type the readers take: "nope.xhtml" was once read as the text "nope.xhtml"."""
    with pytest.raises(DocumentError, match="no such file"):
        skillgap.extract(str(tmp_path / f"no-such-resume{suffix}"))


@pytest.mark.parametrize("collecting", [True, False], ids=["gc-on", "gc-off"])
def test_extract_leaves_the_garbage_collector_as_it_found_it(analyzer, collecting: bool) -> None:
    """Extraction pauses collections; the host program's setting survives, errors included."""
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        analyzer.extractor.extract(skillgap.Document(text="Skills: Python, Go"), "resume")
        assert gc.isenabled() is collecting
        long = skillgap.Document(text="x" * (analyzer.extractor.nlp.max_length + 1))
        with pytest.raises(DocumentError):
            analyzer.extractor.extract(long, "resume")
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize(("path", "kind"), [(RESUME_PDF, "resume"), (JOB_TXT, "job")])
def test_extract_is_deterministic(path: Path, kind: str) -> None:
    first = skillgap.Analyzer().extract(path, kind)  # type: ignore[arg-type]
    second = skillgap.Analyzer().extract(path, kind)  # type: ignore[arg-type]
    assert first.model_dump_json() == second.model_dump_json()


@pytest.mark.parametrize("path", [RESUME_PDF])
def test_extract_pdf_and_text_versions_agree(analyzer, path: Path) -> None:
    from_pdf = analyzer.extract(path, "resume")
    from_text = analyzer.extract(path.with_suffix(".txt"), "resume")
    assert {s.id for s in from_pdf.skills} == {s.id for s in from_text.skills}
    assert {s.id for s in from_pdf.not_claimed} == {s.id for s in from_text.not_claimed}


@pytest.mark.parametrize("kind", ["resume", "job"])
def test_extract_json_keeps_the_contract_keys(analyzer, kind: str) -> None:
    data = analyzer.extract(JOB_TXT, kind).model_dump(mode="json")
    assert data["kind"] == kind
    assert "text" not in data
    for skill in data["skills"]:
        assert {"id", "name", "category", "requirement", "years", "mentions"} <= set(skill)
        for mention in skill["mentions"]:
            assert {"text", "start", "end", "section"} <= set(mention)
