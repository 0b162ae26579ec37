"""skillgap.formats via ingest: DOCX résumés and HTML job ads read like their text versions."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import skillgap
from skillgap.errors import DocumentError
from skillgap.ingest import document_from_text, read_document

RESUME = """Jane Example
Backend engineer

SKILLS
Python, PostgreSQL, Docker, Kubernetes

EXPERIENCE
Acme, Senior Engineer, 2019 - 2023
Built REST APIs in Go and Python on AWS
Ran Kafka and Redis in production
"""

JOB_TEXT = """Senior Backend Engineer

Requirements
• 5+ years of Python
• PostgreSQL and Redis
• Kubernetes

Nice to have
• Terraform
• Kafka
"""

JOB_HTML = """<!DOCTYPE html><html><head><title>Job</title>
<style>.x { color: red }</style><script>var skills = ["Java", "Rust"];</script></head>
<body><nav><a href="/">Jobs</a> <a href="/php">PHP jobs</a></nav>
<h1>Senior Backend Engineer</h1>
<h2>Requirements</h2>
<ul><li>5+ years of <b>Python</b></li><li>PostgreSQL and Redis</li><li>Kubernetes</li></ul>
<h2>Nice to have</h2>
<ul><li>Terraform</li><li>Kafka</li></ul>
<footer>Powered by Ruby on Rails</footer></body></html>
"""


def _skills(profile: skillgap.Profile) -> dict[str, str | None]:
    return {skill.id: skill.requirement for skill in profile.skills}


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.startswith(("Built", "Ran")):
            document.add_paragraph(line, style="List Bullet")
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_resume_gives_the_skills_of_its_text(tmp_path: Path) -> None:
    path = tmp_path / "resume.docx"
    path.write_bytes(_docx(RESUME))
    document = read_document(path)
    assert document.format == "docx"
    from_docx = skillgap.extract(document)
    from_text = skillgap.extract(document_from_text(RESUME))
    assert _skills(from_docx) == _skills(from_text)
    assert {"python", "kubernetes", "kafka"} <= set(_skills(from_docx))


def test_html_job_ad_gives_the_skills_and_levels_of_its_text(tmp_path: Path) -> None:
    path = tmp_path / "job.html"
    path.write_text(JOB_HTML, encoding="utf-8")
    document = read_document(path)
    assert document.format == "html"
    assert "• PostgreSQL and Redis" in document.text
    for hidden in ("Java", "PHP", "Ruby", "color"):
        assert hidden not in document.text
    from_html = skillgap.extract(document, kind="job")
    from_text = skillgap.extract(document_from_text(JOB_TEXT), kind="job")
    assert _skills(from_html) == _skills(from_text)
    assert _skills(from_html)["terraform"] == "preferred"


def test_html_is_detected_by_content_under_a_txt_name(tmp_path: Path) -> None:
    path = tmp_path / "job.txt"
    path.write_text(JOB_HTML, encoding="utf-8")
    assert read_document(path).format == "html"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.docx", b"PK\x03\x04 not really a zip", "not a DOCX"),
        ("cv.docx", b"plain text saved as docx", "not a DOCX"),
        ("cv.pdf", b"PK\x03\x04", "not a PDF"),
    ],
)
def test_mislabelled_file_gets_a_clear_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=message) as caught:
        read_document(path)
    assert str(path) in str(caught.value)


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "")
        archive.writestr("word/media/pad.bin", b"\0" * (8 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError, match="unpacks to"):
        read_document(path, skillgap.Options(limits=skillgap.Limits(max_bytes=1024 * 1024)))


def test_fifty_megabyte_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no real disk use
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(DocumentError, match=r"50 MB.*max_bytes"):
        read_document(path)


def test_binary_junk_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(DocumentError, match="binary"):
        read_document(path)


def test_quality_reports_pages_columns_and_confidence() -> None:
    clean = document_from_text(RESUME * 3)
    assert clean.quality is not None and clean.quality.confidence == "high"
    garbled = document_from_text("(cid:3)(cid:4)(cid:5) Python " * 40 + "\ufffd" * 200)
    assert garbled.quality is not None and garbled.quality.confidence == "low"
    assert garbled.quality.unknown_glyphs > 0.1
    spaced = document_from_text("J O H N  D O E\nS K I L L S\nP Y T H O N\n" + RESUME * 3)
    assert spaced.quality is not None and spaced.quality.letter_spacing_collapsed == 4
    profile = skillgap.extract(garbled)
    assert profile.quality == garbled.quality
    assert '"confidence":"low"' in profile.model_dump_json()


def test_quality_counts_unmapped_characters_as_their_unicode_categories_say() -> None:
    """The one-pass pattern counts exactly the replacement character, private use (Co) and
    control codes (Cc) other than tab, line feed, form feed and carriage return."""
    import sys
    import unicodedata

    from skillgap.ingest.quality import UNMAPPED

    def by_category(char: str) -> bool:
        category = unicodedata.category(char)
        return char == "\ufffd" or category == "Co" or (category == "Cc" and char not in "\n\r\t\f")

    wrong = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if by_category(chr(point)) != bool(UNMAPPED.fullmatch(chr(point)))
    ]
    assert not wrong
    text = "Résumé \ufffd\ue000\x07 ok\t\n\f\r \U000f0001"
    assert len(UNMAPPED.findall(text)) == 4
