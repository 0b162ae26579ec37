"""Property tests: no input, however hostile, crashes extraction, comparison or ingestion.

Properties checked on every generated input:
- only skillgap's own errors (:class:`SkillgapError`) escape;
- every mention's offsets index the text the profile shows (``text[start:end] == mention``);
- the same input gives the same output;
- one input takes bounded time (hypothesis' ``deadline``, set far above normal cost).

CI runs a small profile. ``SKILLGAP_FUZZ_EXAMPLES=100000 pytest tests/test_fuzz.py`` is the long
run (examples per test; ``SKILLGAP_FUZZ_PDF_EXAMPLES`` for the slower PDF one).
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from datetime import timedelta
from unittest import mock

import pytest
from conftest import CORPUS, needs_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import skillgap
from skillgap.errors import SkillgapError
from skillgap.ingest import document_from_bytes, document_from_text
from skillgap.ingest.pdf import BACKEND_VARIABLE
from skillgap.models import GapReport, Profile

pytestmark = pytest.mark.slow  # hypothesis runs; .ci/run runs them

PDFS = sorted((CORPUS / "resumes" / "pdf").glob("*.pdf"))
EXAMPLES = int(os.environ.get("SKILLGAP_FUZZ_EXAMPLES", "150"))
PDF_EXAMPLES = int(os.environ.get("SKILLGAP_FUZZ_PDF_EXAMPLES", max(10, EXAMPLES // 5)))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=20),  # a bound on one input, far above normal cost
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES <= 1000,  # CI is reproducible; the long run explores
    database=None,
)

# Words that drive the extractor's rules: skill names, cues, headings, bullets, numbers.
RULE_WORDS = [
    "Python", "python", "Go", "Java", "JavaScript", "C++", "C#", ".NET", "Node.js", "node js",
    "PostgreSQL", "Postgres", "Kubernetes", "k8s", "Kafka", "Spring", "Rust", "AWS", "Docker",
    "REST APIs", "gRPC", "Redis", "CI/CD", "Terraform", "micro-services", "Kubernates",
    "no experience with", "not required", "learning", "nice to have", "(preferred)", "ideally",
    "5+ years of", "3-4 years", "for 2 years", "(5 yrs)", "- Experience - 24 months", "or",
    "and", ",", "/", ".", ";", "(", ")", "•", "-", ":", "\n", "\n\n", " ", "\t", "Skills:",
    "## Experience", "EDUCATION", "Requirements", "Benefits", "About us", "Interests",
    "2019 - Present", "Jan 2020 – Mar 2023", "Senior Engineer at Acme", "github.com/x/go",
    "me@example.com", "+1 555 123 4567", "https://go.dev", "Spring 2023", "grade C",
]  # fmt: skip
HOSTILE = ["\u202e", "\u200f", "\u200b", "\ufeff", "\x00", "\x0c", "\x1b[31m", "\r", "\u2028",
           "שלום", "مرحبا", "😀", "👩‍💻", "\U0010ffff", "e\u0301", "ﬁ", "Ⅻ", "𝐏𝐲𝐭𝐡𝐨𝐧"]  # fmt: skip
pieces = st.one_of(
    st.sampled_from(RULE_WORDS),
    st.sampled_from(HOSTILE),
    st.text(max_size=30),  # any Unicode, control characters and unpaired surrogates excluded
    st.text(st.characters(codec="utf-8"), max_size=10),
)
documents = st.lists(pieces, max_size=80).map("".join)
kinds = st.sampled_from(["resume", "job"])


def _check_offsets(profile: Profile) -> None:
    mentions = [m for s in profile.skills for m in s.mentions]
    mentions += [m for s in profile.not_claimed for m in s.mentions]
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(profile.text)
        assert profile.text[mention.start : mention.end] == mention.text


def _extract(text: str, kind: str) -> Profile | None:
    try:
        return skillgap.extract(document_from_text(text), kind)  # type: ignore[arg-type]
    except SkillgapError:
        return None  # e.g. no text at all: refused with a clear error, which is fine


@FUZZ
@given(text=documents, kind=kinds)
def test_fuzz_extract_offsets_and_determinism(text: str, kind: str) -> None:
    profile = _extract(text, kind)
    if profile is None:
        return
    _check_offsets(profile)
    again = _extract(text, kind)
    assert again is not None
    assert again.model_dump_json() == profile.model_dump_json()


@FUZZ
@given(resume=documents, job=documents)
def test_fuzz_compare_partitions_job_skills(resume: str, job: str) -> None:
    resume_profile, job_profile = _extract(resume, "resume"), _extract(job, "job")
    if resume_profile is None or job_profile is None:
        return
    report = skillgap.compare(resume_profile, job_profile)
    assert isinstance(report, GapReport)
    assert 0 <= report.score <= 100
    buckets = (report.matched, report.partial, report.missing, report.alternatives)
    placed = [item.id for bucket in buckets for item in bucket]  # each job skill once
    assert sorted(placed) == sorted(s.id for s in job_profile.skills)
    assert (
        report.model_dump_json() == skillgap.compare(resume_profile, job_profile).model_dump_json()
    )


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        " " * 1_000_000,
        "\n" * 1_000_000,
        "." * 1_000_000,
        "😀" * 250_000,
        "\u202e" * 1_000_000,
        "Python, " * 12_500,  # 100 kB of mentions: every mention is judged, so 1 MB takes ~30 s
        "Go " * 33_333,
        "x" * 999_000 + "\nSkills: Python, Kubernetes",
    ],
    ids=["a", "spaces", "newlines", "dots", "emoji", "rtl-override", "skill-list", "go", "line"],
)
def test_fuzz_one_megabyte_inputs(text: str) -> None:
    profile = _extract(text, "resume")
    if profile is not None:
        _check_offsets(profile)
        assert profile.text == document_from_text(text).text


# --- ingestion of damaged PDFs ---------------------------------------------------------------


def _mutate(data: bytes, seed: int, how: str) -> bytes:
    rng = random.Random(seed)
    if how == "flip":
        buffer = bytearray(data)
        for _ in range(rng.randint(1, 64)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        return bytes(buffer)
    if how == "truncate":
        return data[: rng.randrange(5, len(data))]
    # Duplicate one indirect object (or, failing that, any slice) somewhere else in the file.
    objects = [m.span() for m in re.finditer(rb"\d+ 0 obj.*?endobj", data, re.S)]
    start, end = rng.choice(objects) if objects else sorted(rng.sample(range(len(data)), 2))
    at = rng.randrange(len(data))
    return data[:at] + data[start:end] + data[at:]


@needs_corpus
@pytest.mark.parametrize("backend", ["pdfium", "pdfminer"])
@settings(FUZZ, max_examples=PDF_EXAMPLES)
@given(
    index=st.integers(0, max(0, len(PDFS) - 1)),
    seed=st.integers(0, 2**32),
    how=st.sampled_from(["flip", "truncate", "duplicate"]),
)
def test_fuzz_mutated_pdfs_fail_cleanly(backend: str, index: int, seed: int, how: str) -> None:
    if backend == "pdfium":
        pytest.importorskip("pypdfium2")
    data = _mutate(PDFS[index].read_bytes(), seed, how)
    name = f"mutated-{PDFS[index].name}"
    try:
        with mock.patch.dict(os.environ, {BACKEND_VARIABLE: backend}):
            document = document_from_bytes(data, name=name, suffix=".pdf")
    except SkillgapError as error:
        assert name in str(error)  # the message names the file
        return
    profile = skillgap.extract(document, "resume")
    _check_offsets(profile)


def test_fuzz_text_over_the_length_limit_is_a_clear_error() -> None:
    with pytest.raises(SkillgapError, match=r"<text>: 1,000,001 characters .* over the limit"):
        skillgap.extract(document_from_text("x" * 1_000_001))


@pytest.mark.parametrize("kind", ["resume", "job"])
def test_fuzz_output_is_the_same_under_any_hash_seed(kind: str) -> None:
    """Set order changes with PYTHONHASHSEED; a pipeline rerun must still give the same JSON."""
    text = (
        "Skills: PostgreSQL, MySQL, SQLite, TypeScript, Node.js, Terraform, Ansible, pytest, JUnit"
    )
    script = f"import skillgap; print(skillgap.extract({text!r}, {kind!r}).model_dump_json())"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(outputs) == 1
