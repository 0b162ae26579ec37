"""skillgap.pdf and skillgap.layout: reading order, backend parity and hostile PDFs."""

from __future__ import annotations

import importlib.util
import io
import json
import time
from pathlib import Path

import pytest
from conftest import CORPUS, load_script, make_pdf, needs_corpus, page_bomb_pdf

from skillgap.errors import DocumentError
from skillgap.ingest import document_from_bytes, read_document
from skillgap.ingest.pdf import pdf_text
from skillgap.options import Limits, Options

BAD = CORPUS / "resumes" / "pdf" / "bad"
HAS_PDFIUM = importlib.util.find_spec("pypdfium2") is not None


EVALUATE = load_script("evaluate")
BACKENDS = [
    "pdfminer",
    pytest.param(
        "pdfium", marks=pytest.mark.skipif(not HAS_PDFIUM, reason="pip install 'skillgap[fast]'")
    ),
]
LEFT = [f"Left line {n} about Kubernetes" for n in range(12)]
RIGHT = [f"Right line {n} about PostgreSQL" for n in range(12)]


def two_column_pdf(gutter: float, *, header: bool = True, sidebar: bool = False) -> bytes:
    """A page whose content stream runs row by row across two columns, left then right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    margin = 40
    left_width = (width - 2 * margin - gutter) * (0.3 if sidebar else 0.5)
    right_x = margin + left_width + gutter
    page.setFont("Helvetica", 10)
    y = height - 60
    if header:
        page.setFont("Helvetica-Bold", 16)
        page.drawString(margin, y, "Jane Example, Senior Backend Engineer, Berlin, Germany")
        page.setFont("Helvetica", 10)
        y -= 30
    for left, right in zip(LEFT, RIGHT, strict=False):
        words = left.split()
        text = " ".join(words[:3]) if sidebar else left
        # stretch the left text to touch the gutter, as justified text does
        page.drawString(margin, y, text)
        page.drawString(right_x, y, right)
        y -= 14
    page.showPage()
    page.save()
    return buffer.getvalue()


def _order(text: str) -> list[str]:
    """L/R label of each line that holds column text; 'M' when a line mixes both."""
    labels = []
    for line in text.splitlines():
        has_left, has_right = "Left line" in line, "Right line" in line
        if has_left and has_right:
            labels.append("M")
        elif has_left or has_right:
            labels.append("L" if has_left else "R")
    return labels


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("gutter", [8, 30], ids=["tight-8pt", "wide-30pt"])
def test_two_column_rows_read_column_by_column(backend: str, gutter: float) -> None:
    result = pdf_text(two_column_pdf(gutter), "two.pdf", Limits(), backend=backend)
    labels = _order(result.text)
    assert labels == ["L"] * 12 + ["R"] * 12, result.text
    assert result.columns == 2
    assert result.text.index("Jane Example") < result.text.index("Left line 0")
    lefts = [int(line.split()[2]) for line in result.text.splitlines() if "Left line" in line]
    assert lefts == list(range(12))


@pytest.mark.parametrize("backend", BACKENDS)
def test_sidebar_reads_before_main_column(backend: str) -> None:
    result = pdf_text(two_column_pdf(12, sidebar=True), "side.pdf", Limits(), backend=backend)
    assert _order(result.text) == ["L"] * 12 + ["R"] * 12


@pytest.mark.parametrize("backend", BACKENDS)
def test_right_aligned_dates_stay_on_their_line(backend: str) -> None:
    """A one-column page with dates flush right is not two columns: the date keeps its role."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 10)
    y = 780
    for n in range(6):
        page.drawString(40, y, f"Backend Engineer {n}, Company {n}")
        page.drawRightString(555, y, f"Jan 201{n} - Dec 201{n}")
        y -= 14
        for bullet in range(3):
            page.drawString(50, y, f"- Built services number {bullet} in Go and Python for teams")
            y -= 14
    page.save()
    result = pdf_text(buffer.getvalue(), "dates.pdf", Limits(), backend=backend)
    assert result.columns == 1
    text = result.text
    for n in range(5):
        assert (
            text.index(f"Company {n}") < text.index(f"Jan 201{n}") < text.index(f"Company {n + 1}")
        )


def _gold_pdfs() -> dict[str, dict]:
    gold = CORPUS / "gold-dev.json"
    if not gold.exists():
        return {"no-corpus": {}}
    entries = json.loads(gold.read_text(encoding="utf-8"))
    return {key: doc for key, doc in entries.items() if key.endswith(".pdf")}


GOLD_PDFS = _gold_pdfs()


@needs_corpus
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("key", sorted(GOLD_PDFS), ids=lambda key: Path(key).name)
def test_each_backend_finds_gold_skills_at_least_as_well_as_plain_pdfminer(
    key: str, backend: str, analyzer_: object
) -> None:
    """Floor-skill F1 against gold-dev, per PDF: no backend does worse than pdfminer's stock
    ``extract_text`` (what skillgap read before column handling)."""
    from pdfminer.high_level import extract_text

    from skillgap.ingest import document_from_text

    floor = EVALUATE.parse_floor((CORPUS.parent / "skill-floor.md").read_text(encoding="utf-8"))
    gold = set(GOLD_PDFS[key]["skills"]) & floor
    data = (CORPUS / key).read_bytes()
    texts = {"stock": extract_text(io.BytesIO(data))}
    texts[backend] = pdf_text(data, key, Limits(), backend=backend).text
    f1 = {}
    for label, text in texts.items():
        profile = analyzer_.extract(document_from_text(text), "resume")  # type: ignore[attr-defined]
        found = {skill.name for skill in profile.skills} & floor
        f1[label] = 2 * len(found & gold) / (len(found) + len(gold)) if found or gold else 1.0
    assert f1[backend] >= f1["stock"], f1


@pytest.fixture(scope="module")
def analyzer_():
    import skillgap

    return skillgap.Analyzer()


# Hostile and broken files --------------------------------------------------------------------


def _bounded(call, *args, **kwargs) -> DocumentError:  # noqa: ANN001
    """Run ``call``, expect a DocumentError, and check it came within 10 s."""
    start = time.monotonic()
    with pytest.raises(DocumentError) as caught:
        call(*args, **kwargs)
    assert time.monotonic() - start < 10
    return caught.value


@needs_corpus
@pytest.mark.parametrize("backend", BACKENDS)
def test_scanned_pdf_says_run_ocr(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLGAP_PDF_BACKEND", backend)
    for name in (
        "no-text-layer_awesome-cv-resume-page1_image-only.pdf",
        "no-text-layer_scanned-book-page_c02-22.pdf",
    ):
        error = _bounded(read_document, BAD / name)
        assert "no text layer" in str(error) and "ocrmypdf" in str(error)
        assert name in str(error)


@needs_corpus
@pytest.mark.parametrize("backend", BACKENDS)
def test_encrypted_pdf_asks_for_password(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLGAP_PDF_BACKEND", backend)
    path = BAD / "encrypted_aes-256_password-foo.pdf"
    assert "--password" in str(_bounded(read_document, path))
    assert "password is wrong" in str(_bounded(read_document, path, Options(password="bar")))
    assert "Secret" in read_document(path, Options(password="foo")).text


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("label", "data", "message"),
    [
        ("truncated", make_pdf(2)[:400], "not a readable PDF|no text layer"),
        ("zero-byte", b"", "not a PDF"),
        ("header-only", b"%PDF-1.7\n", "not a readable PDF"),
        ("junk-after-header", b"%PDF-1.4\n" + bytes(range(256)) * 400, "not a readable PDF"),
    ],
)
def test_broken_pdf_gets_one_clear_error(
    backend: str, label: str, data: bytes, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_PDF_BACKEND", backend)
    error = _bounded(document_from_bytes, data, name=f"{label}.pdf", suffix=".pdf")
    assert f"{label}.pdf" in str(error)
    assert pytest.importorskip("re").search(message, str(error))


@pytest.mark.parametrize("backend", BACKENDS)
def test_ten_thousand_pages_refused_by_page_limit(backend: str) -> None:
    data = page_bomb_pdf(10_000)
    error = _bounded(pdf_text, data, "bomb.pdf", Limits(), backend=backend)
    assert "pages, over the limit of 50 (max_pages)" in str(error)


@pytest.mark.parametrize("backend", BACKENDS)
def test_deeply_nested_objects_end_with_an_error(backend: str) -> None:
    depth = 100_000
    nested = b"[" * depth + b"]" * depth
    data = page_bomb_pdf(1, extra=nested)
    error = _bounded(document_from_bytes, data, name="nested.pdf")
    assert "nested.pdf" in str(error)


def test_slow_pdf_stops_at_the_time_limit() -> None:
    data = make_pdf(30)
    with pytest.raises(DocumentError, match="max_seconds"):
        pdf_text(data, "slow.pdf", Limits(max_seconds=1e-9), backend="pdfminer")
