"""Every real input in shared/corpus: extraction runs, and the result keeps its promises."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

import pytest
from conftest import CORPUS, PDF_BACKEND_VARIABLE, corpus_files, ids, needs_corpus

from skillgap.ingest import read_document
from skillgap.models import Profile

JOBS = corpus_files("jobs")
TEXT_RESUMES = corpus_files("resumes/text")
PDF_RESUMES = corpus_files("resumes/pdf", "*.pdf")  # not bad/: glob is not recursive
DOCUMENTS = [(path, "job") for path in JOBS] + [
    (path, "resume") for path in TEXT_RESUMES + PDF_RESUMES
]

pytestmark = needs_corpus


@pytest.mark.parametrize(
    ("folder", "minimum"), [("jobs", 40), ("resumes/text", 20), ("resumes/pdf", 20)]
)
def test_corpus_folders_are_populated(folder: str, minimum: int) -> None:
    """Guards the parametrized tests below against silently testing nothing."""
    assert len(corpus_files(folder)) >= minimum


@pytest.mark.parametrize(("path", "kind"), DOCUMENTS, ids=ids([p for p, _ in DOCUMENTS]))
def test_corpus_extract_runs_and_keeps_its_invariants(analyzer, path: Path, kind: str) -> None:
    profile = analyzer.extract(path, kind)  # type: ignore[arg-type]
    assert profile.kind == kind
    assert profile.text
    claimed = [skill.id for skill in profile.skills]
    assert len(claimed) == len(set(claimed))
    assert not set(claimed) & {item.id for item in profile.not_claimed}
    for skill in profile.skills:
        assert skill.mentions
        assert skill.name == analyzer.taxonomy[skill.id].name
        assert skill.category == analyzer.taxonomy[skill.id].category
        if kind == "job":
            assert skill.requirement in {"required", "preferred"}
        else:
            assert skill.requirement is None
        if skill.years is not None:
            assert 0 < skill.years <= 40
    for item in [*profile.skills, *profile.not_claimed]:
        for mention in item.mentions:
            assert profile.text[mention.start : mention.end] == mention.text
    # Records are built unvalidated: each must be what validating its fields makes.
    assert Profile.model_validate({**profile.model_dump(), "text": profile.text}) == profile


@pytest.mark.parametrize("pdf", PDF_RESUMES, ids=ids(PDF_RESUMES))
def test_corpus_pdf_resume_yields_text(pdf: Path) -> None:
    document = read_document(pdf)
    assert document.format == "pdf"
    assert len(document.text.split()) >= 50
    assert document.pages and document.pages >= 1


# What SOURCES.md says each file is about: a few skills any reader would find there.
EXPECTED = [
    ("resumes/pdf/awesome-cv_resume.pdf", "resume", {"AWS", "Terraform", "Kubernetes", "Docker"}),
    ("resumes/pdf/0xpoe_resume-en.pdf", "resume", {"Go", "Rust", "Docker"}),
    ("resumes/pdf/0xpoe_resume-zh.pdf", "resume", {"Go", "Rust"}),
    (
        "resumes/pdf/0ptace_resume_canva.pdf",
        "resume",
        {
            "C#",
            "Python",
            "Java",
            "PHP",
            "JavaScript",
            "ASP.NET Core",
            "MySQL",
            "MongoDB",
            "Node.js",
        },
    ),
    ("resumes/pdf/13x54n_resume_google-docs.pdf", "resume", {"Node.js", "MongoDB", "REST"}),
    ("resumes/pdf/0xa1337_resume_chromium.pdf", "resume", {"TypeScript", "Node.js", "PostgreSQL"}),
    (
        "resumes/pdf/latexcv_sidebarleft.pdf",
        "resume",
        {"Python", "Ansible", "Django", "Docker", "Jenkins"},  # "Jenk-/ins" across a line break
    ),
    ("resumes/pdf/sb2nov_sourabh_bajaj_resume.pdf", "resume", {"Cassandra"}),
    (
        "resumes/text/kaggle-updatedresumedataset_row320_java-developer.txt",
        "resume",
        {"Java", "Spring", "Hibernate", "MySQL", "PostgreSQL"},
    ),
    (
        "jobs/remotewlb_senior-software-engineer-backend-116472.txt",
        "job",
        {"Go", "gRPC", "Kubernetes", "PostgreSQL"},
    ),
    ("jobs/the31337_weaveworks_backend-engineer-go.txt", "job", {"Go", "Docker", "Microservices"}),
    ("jobs/the31337_affirm-inc_platform-engineer-python.txt", "job", {"Python", "Flask"}),
]


KNOWN: dict[tuple[str, str], str] = {}  # (file, backend) -> a known defect, marked xfail


def _expected_params() -> list:
    params = []
    for relative, kind, expected in EXPECTED:
        backends = ["pdfminer", "pdfium"] if relative.endswith(".pdf") else ["default"]
        for backend in backends:
            marks = []
            if backend == "pdfium" and not find_spec("pypdfium2"):
                marks.append(pytest.mark.skip(reason="pypdfium2 not installed"))
            reason = KNOWN.get((Path(relative).name, backend))
            if reason:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            params.append(pytest.param(relative, kind, expected, backend, marks=marks))
    return params


@pytest.mark.parametrize(("relative", "kind", "expected", "backend"), _expected_params())
def test_corpus_finds_the_skills_the_file_is_about(
    analyzer, monkeypatch: pytest.MonkeyPatch, relative: str, kind: str, expected: set[str],
    backend: str,
) -> None:  # fmt: skip
    if backend != "default":
        monkeypatch.setenv(PDF_BACKEND_VARIABLE, backend)
    profile = analyzer.extract(CORPUS / relative, kind)  # type: ignore[arg-type]
    assert expected <= {skill.name for skill in profile.skills}


# Negative controls: non-software documents name (almost) no backend skills.
NEGATIVE = [
    ("jobs/jobsboard_accountant.txt", "job"),
    ("jobs/jobsboard_nurse-manager.txt", "job"),
    ("resumes/text/kaggle-updatedresumedataset_row041_hr.txt", "resume"),
    ("resumes/pdf/open-resume_laverne.pdf", "resume"),
    ("jobs/remotewlb_hr-assistant.txt", "job"),  # "Certified Payroll Professional (CPP)"
]
TECH_CATEGORIES = {"languages", "frameworks", "databases", "cloud-devops", "apis"}


@pytest.mark.parametrize(("relative", "kind"), NEGATIVE)
def test_corpus_non_software_documents_claim_no_technology(
    analyzer, relative: str, kind: str
) -> None:
    profile = analyzer.extract(CORPUS / relative, kind)  # type: ignore[arg-type]
    tech = [skill.name for skill in profile.skills if skill.category in TECH_CATEGORIES]
    assert tech == []
