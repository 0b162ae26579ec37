"""skillgap.text: the clean-up of PDF and CSV artefacts that every offset depends on."""

from __future__ import annotations

import re
from importlib.util import find_spec
from pathlib import Path

import pytest
from conftest import CORPUS, PDF_BACKEND_VARIABLE, PDF_BACKENDS, corpus_files, needs_corpus

from skillgap.ingest import read_document
from skillgap.ingest.normalize import decode, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("e\ufb03cient \ufb01le \ufb02ow", "efficient file flow"),
        ("Arti\ufb01cial Intelligence", "Artificial Intelligence"),
    ],
)
def test_text_ligatures_become_letters(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # three or more aligned lines of short cells are a table: its gaps become " | "
        ("Skill      Years\nPython     6\nGo         3", "Skill | Years\nPython | 6\nGo | 3"),
        (
            "Tool\tLevel\tYears\nHelm\tgood\t2\nKafka\tbasic\t1",
            "Tool | Level | Years\nHelm | good | 2\nKafka | basic | 1",
        ),
        # two aligned lines, a long cell, or plain double spaces stay prose (one space)
        ("Python     6\nGo         3", "Python 6\nGo 3"),
        ("Built  it.  Then  more.\nA  b\nC  d", "Built it. Then more.\nA b\nC d"),
        (
            "Role       I built the billing and payments services\nA     b\nC     d",
            "Role I built the billing and payments services\nA b\nC d",
        ),
    ],
)
def test_text_column_tables_keep_their_columns(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("cloud\u00adnative micro\u00adservices", "cloud-native micro-services"),
        ("high\u00adavailability", "high-availability"),
    ],
)
def test_text_soft_hyphen_inside_word_becomes_hyphen(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kuber\u00ad\nnetes", "Kubernetes"),
        ("micro\u00ad  \r\n  services", "microservices"),
    ],
)
def test_text_soft_hyphen_at_line_end_joins_the_word(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Built pipelines with Jenk-\nins and Docker", "Built pipelines with Jenkins and Docker"),
        ("rebuild-\ning the planner", "rebuilding the planner"),
        ("mod- \n eling", "modeling"),
    ],
)
def test_text_word_hyphenated_across_lines_is_joined(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Python-\nDjango", "Python-\nDjango"),  # a capital after the break: a real hyphen
        ("2019-\n2021", "2019-\n2021"),
    ],
)
def test_text_hyphen_before_capital_or_digit_is_kept(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("(cid:12) john@example.com (cid:131) github.com/john", "john@example.com github.com/john"),
        ("Skills(cid:7)Python", "Skills Python"),
    ],
)
def test_text_cid_glyph_codes_are_removed(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Leo\t\rLeopard\t\rStudent", "Leo Leopard Student"),
        ("Python\t\t\tJava\r\r\rSQL", "Python Java SQL"),
        ("Python\r\nJava", "Python\nJava"),
    ],
)
def test_text_tab_and_cr_runs_become_one_space(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("J O H N   D O E", "JOHN DOE"),
        ("S o f t w a r e   D e v e l o p e r", "Software Developer"),
    ],
)
def test_text_letter_spaced_words_are_closed_up(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Python, R, SQL", "Python, R, SQL"),
        ("C, C++, Go", "C, C++, Go"),
    ],
)
def test_text_single_letter_skills_in_a_list_are_not_merged(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Python\n\n\n\n\nJava", "Python\n\nJava"), ("  \n Python  Java \n ", "Python Java")],
)
def test_text_blank_lines_and_spaces_are_collapsed(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Skills \xe2\x3f\xa2 Java \xe2\x3f\xa2 SQL", "Skills • Java • SQL"),
        (b"\xe2\x3f\xa2 Python\n\xe2\x3f\xa2 Java", "• Python\n• Java"),
    ],
)
def test_text_kaggle_broken_bullet_bytes_become_a_bullet(data: bytes, expected: str) -> None:
    assert normalize(decode(data)) == expected


@pytest.mark.parametrize("data", [b"Python \xff\xfe\xfd developer", b"caf\xe9 Java"])
def test_text_invalid_utf8_is_decoded_with_replacement(data: bytes) -> None:
    text = decode(data)
    assert "\ufffd" in text
    cleaned = normalize(text)
    assert "\ufffd" not in cleaned
    assert cleaned.split()[0] in {"Python", "caf"}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Python".encode("utf-16"), "Python"),
        (b"\xef\xbb\xbfPython", "Python"),
    ],
)
def test_text_decode_honours_byte_order_marks(data: bytes, expected: str) -> None:
    assert normalize(decode(data)) == expected


# Real inputs: the artefacts SOURCES.md reports for corpus files are gone after reading,
# whichever PDF backend reads them.
ARTEFACTS = [
    ("resumes/pdf/awesome-cv_resume.pdf", "\u00ad", "cloud-native"),
    ("resumes/pdf/altacv_sample.pdf", "(cid:", "YOUR NAME HERE"),
    ("resumes/pdf/latexcv_sidebar.pdf", "(cid:", "JavaScript fullstack engineer"),
    ("resumes/pdf/best-resume-ever_side-bar.pdf", "J O H N", "JOHN DOE"),
    ("resumes/pdf/best-resume-ever_side-bar.pdf", "\ufb01", "Fulfillment"),
    ("resumes/pdf/deedy_resume-openfont.pdf", "\ufb01", "Artificial"),
    ("resumes/pdf/open-resume_laverne.pdf", "\t", "Leopard"),
    ("resumes/pdf/0xpoe_resume-en.pdf", "rebuild-", "rebuilding"),
    ("resumes/pdf/latexcv_sidebarleft.pdf", "Jenk-", "Jenkins"),
    ("resumes/pdf/latexcv_two-column.pdf", "auto-", "semi automated scoring"),
    ("resumes/text/kaggle-updatedresumedataset_row320_java-developer.txt", "\ufffd", "•"),
]
# (file, text, backend) -> the known defect that makes the row fail.
KNOWN = {
    ("best-resume-ever_side-bar.pdf", "JOHN DOE", "pdfium"): (
        "pdfium backend: letter-spaced text loses its word gaps: 'J O H N   D O E' becomes "
        "'JOHNDOE', 'Software Developer' becomes 'SoftwareDeveloper'"
    ),
}


def _artefact_params() -> list:
    params = []
    for relative, absent, present in ARTEFACTS:
        backends = ["pdfminer", "pdfium"] if relative.endswith(".pdf") else ["pdfminer"]
        for backend in backends:
            marks = []
            if backend == "pdfium" and not find_spec("pypdfium2"):
                marks.append(pytest.mark.skip(reason="pypdfium2 not installed"))
            reason = KNOWN.get((Path(relative).name, present, backend))
            if reason:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            params.append(pytest.param(relative, absent, present, backend, marks=marks))
    return params


@needs_corpus
@pytest.mark.parametrize(("relative", "absent", "present", "backend"), _artefact_params())
def test_text_corpus_artefacts_are_cleaned(
    monkeypatch: pytest.MonkeyPatch, relative: str, absent: str, present: str, backend: str
) -> None:
    monkeypatch.setenv(PDF_BACKEND_VARIABLE, backend)
    text = read_document(CORPUS / relative).text
    assert absent not in text
    assert present in text


PDFS = corpus_files("resumes/pdf", "*.pdf")


@needs_corpus
@pytest.mark.parametrize(
    "backend",
    [
        "pdfminer",
        pytest.param(
            "pdfium",
            marks=pytest.mark.skipif(not find_spec("pypdfium2"), reason="pypdfium2 not installed"),
        ),
    ],
)
def test_text_corpus_pdfs_hold_no_control_characters(
    monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    monkeypatch.setenv(PDF_BACKEND_VARIABLE, backend)
    bad = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
    found = {}
    for pdf in PDFS:
        hits = bad.findall(read_document(pdf).text)
        if hits:
            found[pdf.name] = sorted(set(hits))
    assert PDFS
    assert found == {}


@needs_corpus
@pytest.mark.parametrize("backend", PDF_BACKENDS)
def test_text_corpus_pdfs_hold_no_icon_glyphs(
    monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    monkeypatch.setenv(PDF_BACKEND_VARIABLE, backend)
    private = re.compile("[\ue000-\uf8ff]")
    found = {pdf.name: len(private.findall(read_document(pdf).text)) for pdf in PDFS}
    assert PDFS
    assert {name: count for name, count in found.items() if count} == {}
