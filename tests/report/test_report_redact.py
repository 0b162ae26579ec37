"""Blind mode: no name, e-mail, phone, street address or URL survives in what is shown."""

from __future__ import annotations

import json
import re

import pytest
from conftest import CORPUS, needs_corpus

from skillgap import Analyzer, Taxonomy
from skillgap.cli import main
from skillgap.ingest import read_document
from skillgap.report.redact import MASK, candidate_names, pseudonym, redact_report, redact_text

JOB = CORPUS / "jobs" / "pomerium_backend-engineer.txt"
GOOD_RESUMES = sorted(
    p for p in (CORPUS / "resumes").rglob("*") if p.is_file() and p.parent.name != "bad"
)
# People named on the corpus résumés (SOURCES.md), and contact lines printed on them.
KNOWN_PII = {
    "0xpoe_resume-en.pdf": ["Dongpo Liu", "poe.liu@pm.me", "157-5706-2745"],
    "13x54n_resume_google-docs.pdf": ["Laxman Rai", "6030 Bathurst Street"],
    "bjherger_brendan-herger_indesign.pdf": ["Brendan Herger", "1209 Page Street"],
    "deedy_resume-openfont.pdf": ["Debarghya Das", "607.379.5733", "debarghyadas.com"],
    "sb2nov_sourabh_bajaj_resume.pdf": ["Sourabh Bajaj", "sourabhbajaj.com"],
    "2garryn_resume.md": ["Artem Golovinsky"],
    "2kabhishek_resume.md": ["Abhishek Keshri", "https://github.com/2kabhishek"],
    "open-resume_laverne.pdf": ["Leo Leopard", "555 La Verne Way"],
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}")
URL = re.compile(r"https?://|www\.|github\.com|linkedin\.com", re.IGNORECASE)


def test_redact_masks_each_kind_and_keeps_offsets():
    text = (
        "Jane Q. Doe\nSenior Backend Engineer\n"
        "jane.doe@example.org | +1 (415) 555-0134 | https://janedoe.dev/blog | github.com/jdoe\n"
        "742 Evergreen Terrace, Springfield\n"
        "Skills: Python, PostgreSQL, Kubernetes. Built ASP.NET services; Jane led the team.\n"
    )
    masked = redact_text(text, Taxonomy.default())
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    for secret in (
        "Jane",
        "Doe",
        "jane.doe@",
        "555-0134",
        "janedoe.dev",
        "github.com/jdoe",
        "742 Ever",
    ):
        assert secret not in masked
    for kept in (
        "Senior Backend Engineer",
        "Python, PostgreSQL, Kubernetes",
        "ASP.NET",
        "led the team",
    ):
        assert kept in masked
    assert candidate_names(text) == ["Jane Q. Doe"]


def test_redact_keeps_dates_and_versions_that_are_not_phones():
    text = "Worked 2015 - 2019 on Python 3.11 and Java 17.\n"
    assert redact_text(text, Taxonomy.default()) == text


@needs_corpus
@pytest.mark.parametrize("path", GOOD_RESUMES, ids=lambda p: p.name)
def test_redact_leaves_no_contact_data_in_corpus_resumes(path):
    text = read_document(path).text
    masked = redact_text(text, Taxonomy.default())
    assert not EMAIL.search(masked)
    assert not URL.search(masked)
    for secret in KNOWN_PII.get(path.name, []):
        assert secret.lower() not in masked.lower(), secret
    assert masked.count(MASK) < len(text) / 2  # the résumé itself stays readable


@needs_corpus
def test_compare_redact_hides_the_candidate_but_not_the_result(tmp_path, capsys):
    resume = CORPUS / "resumes" / "pdf" / "awesome-cv_resume.pdf"
    assert main(["compare", str(resume), str(JOB), "--format", "json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["compare", str(resume), str(JOB), "--format", "json", "--redact"]) == 0
    blind_out = capsys.readouterr().out
    blind = json.loads(blind_out)
    assert blind["score"] == plain["score"]
    assert [s["id"] for s in blind["matched"]] == [s["id"] for s in plain["matched"]]
    assert blind["resume"] == pseudonym(str(resume))
    assert "byungjin" not in blind_out.lower()
    assert main(["compare", str(resume), str(JOB), "--redact"]) == 0
    text_report = capsys.readouterr().out
    assert "Matched" in text_report and "byungjin" not in text_report.lower()


@needs_corpus
def test_rank_redact_shows_pseudonyms_only(capsys):
    folder = CORPUS / "resumes" / "text"
    assert main(["rank", str(JOB), str(folder), "--format", "csv", "--redact", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert "resume.md" not in out and out.count("candidate-") == len(list(folder.iterdir()))


def test_redact_report_masks_mentions_inside_personal_data():
    resume = "Kafka Jones\nkafka.jones@example.com\nSkills: Kafka, Go\n"
    report = Analyzer().compare(resume, "We need Kafka and Go experience.\n")
    blind, masked = redact_report(report, resume, Taxonomy.default())
    mentions = [m for item in blind.matched for m in item.resume_mentions]
    assert mentions and all(m.text == masked[m.start : m.end] for m in mentions)
    assert "Jones" not in masked and "Skills: Kafka, Go" in masked
