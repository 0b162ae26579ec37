"""skillgap.ingest: reading files and standard input into a Document, or a clear DocumentError."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from conftest import (
    BAD_PDFS,
    CORPUS,
    EXAMPLES,
    PDF_BACKEND_VARIABLE,
    PDF_BACKENDS,
    corpus_files,
    ids,
    needs_corpus,
)

from skillgap.errors import DocumentError, SkillgapError
from skillgap.ingest import read_document
from skillgap.options import Limits

GOOD_PDFS = corpus_files("resumes/pdf", "*.pdf")
BAD = corpus_files("resumes/pdf/bad", "*.pdf")


def _sources_pages() -> dict[str, int]:
    """Page counts of the corpus PDFs as recorded in shared/corpus/SOURCES.md."""
    sources = CORPUS / "SOURCES.md"
    if not sources.is_file():
        return {}
    rows = re.findall(r"^\| `([^`/]+\.pdf)` \| (\d+) \|", sources.read_text(encoding="utf-8"), re.M)
    return {name: int(pages) for name, pages in rows}


SOURCES_PAGES = _sources_pages()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("resume.txt", "Jane Doe\nSkills: Python, PostgreSQL\n"),
        ("job.md", "# Backend engineer\n\n## Requirements\n- Go\n"),
        ("notes.markdown", "Kubernetes and Docker"),
        ("README", "Python developer"),
    ],
)
def test_ingest_reads_text_and_markdown_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = read_document(path)
    assert document.text == content.strip()
    assert document.format == "text"
    assert document.pages is None
    assert document.source == str(path)


@pytest.mark.parametrize("source_type", [str, Path])
def test_ingest_accepts_str_and_path(tmp_path: Path, source_type: type) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Python", encoding="utf-8")
    assert read_document(source_type(path)).text == "Python"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Skills: Python, Go\n", "Skills: Python, Go"),
        ("Résumé: Kotlin • Java".encode(), "Résumé: Kotlin • Java"),
        (b"\xe2\x3f\xa2 Java \xe2\x3f\xa2 SQL", "• Java • SQL"),
    ],
)
def test_ingest_reads_stdin_when_source_is_dash(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected: str
) -> None:
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(data)})())
    document = read_document("-")
    assert document.text == expected
    assert document.source == "<stdin>"


@needs_corpus
@pytest.mark.parametrize("pdf", [CORPUS / "resumes/pdf/altacv_sample.pdf"], ids=["altacv"])
def test_ingest_reads_a_pdf_from_stdin(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(pdf.read_bytes())})())
    document = read_document("-")
    assert document.format == "pdf"
    assert document.pages == 2
    assert "YOUR NAME HERE" in document.text


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  "])
def test_ingest_empty_stdin_raises(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(data)})())
    with pytest.raises(DocumentError, match=r"<stdin>.*empty"):
        read_document("-")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("resume.docx", b"PK\x03\x04 word document", r"DOCX"),
        ("resume.odt", b"PK\x03\x04 odf document", r"unsupported file type '\.odt'"),
        ("sheet.xlsx", b"PK\x03\x04 spreadsheet", r"unsupported file type '\.xlsx'"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", r"unsupported file type '\.png'"),
        ("empty.txt", b"", r"empty"),
        ("blank.md", b"  \n\n \t ", r"empty"),
        ("junk.txt", b"\x00\x01\x02\x03binary\x00junk\xff" * 20, r"binary"),
        ("fake.pdf", b"Just some text, not a PDF", r"not a PDF"),
        ("cid-only.txt", b"(cid:1)(cid:2) (cid:3)", r"empty"),
    ],
)
def test_ingest_bad_file_raises_document_error_naming_it(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message) as caught:
        read_document(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("name", ["missing.txt", "missing.pdf", "no-suffix"])
def test_ingest_missing_file_raises(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with pytest.raises(DocumentError, match="no such file") as caught:
        read_document(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("folder", ["a-folder", "cv.txt"])
def test_ingest_folder_raises(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder
    path.mkdir()
    with pytest.raises(DocumentError, match="folder") as caught:
        read_document(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("size", [Limits.max_bytes + 1])
def test_ingest_oversized_file_raises(tmp_path: Path, size: int) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no real disk use
        handle.truncate(size)
    with pytest.raises(DocumentError, match="limit") as caught:
        read_document(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("error_type", [DocumentError])
def test_ingest_document_error_is_a_skillgap_error(error_type: type) -> None:
    assert issubclass(error_type, SkillgapError)


@pytest.mark.parametrize("name", ["cv.txt", "cv.pdf"])
def test_ingest_content_decides_over_suffix(tmp_path: Path, name: str) -> None:
    """A PDF saved with a .txt name is still read as a PDF."""
    pdf = EXAMPLES / "resume.pdf"
    path = tmp_path / name
    path.write_bytes(pdf.read_bytes())
    document = read_document(path)
    assert document.format == "pdf"
    assert document.pages and document.pages >= 1
    assert document.text == read_document(pdf).text


@needs_corpus
@pytest.mark.parametrize("backend", PDF_BACKENDS)
@pytest.mark.parametrize("pdf", BAD, ids=ids(BAD))
def test_ingest_bad_corpus_pdf_raises_document_error(
    monkeypatch: pytest.MonkeyPatch, pdf: Path, backend: str
) -> None:
    monkeypatch.setenv(PDF_BACKEND_VARIABLE, backend)
    with pytest.raises(DocumentError) as caught:
        read_document(pdf)
    message = str(caught.value)
    assert str(pdf) in message
    assert "\n" not in message
    if pdf.name.startswith("encrypted"):
        assert re.search(r"encrypted|password", message, re.I)
    elif pdf.name.startswith("no-text-layer"):
        assert "OCR" in message
    else:
        assert "PDF" in message


@needs_corpus
@pytest.mark.parametrize("count", [4])
def test_ingest_corpus_has_the_four_bad_pdfs(count: int) -> None:
    """Guards the parametrized test above against silently testing nothing."""
    assert len(BAD) == count
    assert len([p for p in BAD if p.name.startswith("no-text-layer")]) == 2
    assert BAD_PDFS.is_dir()


@needs_corpus
@pytest.mark.parametrize("backend", PDF_BACKENDS)
@pytest.mark.parametrize("pdf", GOOD_PDFS, ids=ids(GOOD_PDFS))
def test_ingest_corpus_pdf_gives_text_and_page_count(
    monkeypatch: pytest.MonkeyPatch, pdf: Path, backend: str
) -> None:
    monkeypatch.setenv(PDF_BACKEND_VARIABLE, backend)
    document = read_document(pdf)
    assert document.format == "pdf"
    assert len(document.text.split()) >= 50
    assert document.pages is not None and document.pages >= 1
    if pdf.name in SOURCES_PAGES:
        assert document.pages == SOURCES_PAGES[pdf.name]


@pytest.mark.parametrize("name", ["resume.pdf", "resume.txt", "job.txt"])
def test_ingest_reads_the_examples(name: str) -> None:
    document = read_document(EXAMPLES / name)
    assert document.text
    assert document.format == ("pdf" if name.endswith(".pdf") else "text")
