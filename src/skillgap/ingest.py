"""Turn a path, standard input or raw text into a :class:`Document` with clean text.

Only this module (and the CLI) touches files. PDF support is imported lazily so that text
inputs never pay for pdfminer.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from skillgap.errors import DocumentError
from skillgap.models import Document
from skillgap.text import decode, normalize

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
MAX_BYTES = 20 * 1024 * 1024  # larger inputs are not résumés or job ads
MAX_PAGES = 50  # pages read from one PDF; a résumé never needs more


def read_document(source: str | Path) -> Document:
    """Read a file path, or ``-`` for standard input."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return document_from_bytes(data, name="<stdin>")
    path = Path(source)
    if not path.exists():
        raise DocumentError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder; give a .pdf, .txt or .md file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"{path}: file is {size // 1_048_576} MB, over the {MAX_BYTES // 1_048_576} MB "
                "limit; split it or give the résumé or job ad alone"
            )
        data = path.read_bytes()
    except PermissionError:
        raise DocumentError(f"{path}: permission denied; make the file readable") from None
    except OSError as error:
        raise DocumentError(f"{path}: cannot read file ({error.strerror})") from None
    return document_from_bytes(data, name=str(path), suffix=path.suffix.lower())


def document_from_bytes(data: bytes, *, name: str, suffix: str = "") -> Document:
    """Decode the bytes of one input, choosing the reader by content first, then by suffix."""
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: input is over the {MAX_BYTES // 1_048_576} MB limit")
    if data.lstrip()[:5] == b"%PDF-":
        text, pages = _pdf_text(data, name)
        return _finish(text, name=name, fmt="pdf", pages=pages)
    if suffix == ".pdf":
        raise DocumentError(f"{name}: not a PDF (no %PDF header); the file is corrupt or misnamed")
    if suffix not in TEXT_SUFFIXES:
        raise DocumentError(
            f"{name}: unsupported file type '{suffix}'; give a .pdf, .txt or .md file "
            "(or convert it to one of these)"
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{name}: looks like a binary file, not text; give a .pdf, .txt or .md")
    return _finish(decode(data), name=name, fmt="text", pages=None)


def document_from_text(text: str, *, name: str = "<text>") -> Document:
    """Wrap text that is already in memory."""
    return _finish(text, name=name, fmt="text", pages=None)


def _finish(raw: str, *, name: str, fmt: str, pages: int | None) -> Document:
    text = normalize(raw)
    if not text:
        if fmt == "pdf":
            raise DocumentError(
                f"{name}: the PDF has no text layer (scanned or image-only); "
                "run OCR first, e.g. ocrmypdf"
            )
        raise DocumentError(f"{name}: the document is empty; give a file with text")
    return Document(text=text, source=name, format=fmt, pages=pages)


def _pdf_text(data: bytes, name: str) -> tuple[str, int]:
    """Extract text with pdfminer.six, mapping its many exceptions to one clear error."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    out = io.StringIO()
    pages = 0
    try:
        resources = PDFResourceManager()
        device = TextConverter(resources, out, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.get_pages(io.BytesIO(data), maxpages=MAX_PAGES):
            interpreter.process_page(page)
            pages += 1
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentError(
            f"{name}: the PDF is encrypted; remove the password (e.g. qpdf --decrypt) and retry"
        ) from None
    except Exception as error:  # pdfminer raises many unrelated types on corrupt input
        reason = str(error).strip() or type(error).__name__
        raise DocumentError(
            f"{name}: not a readable PDF ({reason}); re-export or re-save the file as PDF"
        ) from None
    return out.getvalue(), pages
