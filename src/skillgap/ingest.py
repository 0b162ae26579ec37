"""Turn a path, standard input or raw text into a :class:`Document` with clean text.

Only this module (and the CLI) touches files. The reader is chosen by content first (a PDF
named .txt is still a PDF), then by suffix; a file whose content contradicts its suffix is
refused rather than read as garbage. PDF and DOCX support is imported lazily so that text
inputs never pay for it. Size, page and time limits are in :mod:`skillgap.limits`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from skillgap.errors import DocumentError
from skillgap.formats import docx_text, html_text, looks_like_docx, looks_like_html
from skillgap.limits import Limits
from skillgap.models import Document
from skillgap.quality import assess
from skillgap.text import decode, normalize

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED = ".pdf, .docx, .html, .txt or .md"
MAX_BYTES = Limits.max_bytes  # kept for callers of the first release
MAX_PAGES = Limits.max_pages


def read_document(
    source: str | Path, *, password: str | None = None, limits: Limits | None = None
) -> Document:
    """Read a file path, or ``-`` for standard input."""
    limits = limits or Limits.from_env()
    if str(source) == "-":
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        return document_from_bytes(data, name="<stdin>", password=password, limits=limits)
    path = Path(source)
    if not path.exists():
        raise DocumentError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder; give a {SUPPORTED} file")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise DocumentError(
                f"{path}: file is {size / 1_048_576:.0f} MB, over the "
                f"{limits.max_bytes / 1_048_576:.0f} MB limit (max_bytes); "
                "give the résumé or job ad alone"
            )
        data = path.read_bytes()
    except PermissionError:
        raise DocumentError(f"{path}: permission denied; make the file readable") from None
    except OSError as error:
        raise DocumentError(f"{path}: cannot read file ({error.strerror})") from None
    return document_from_bytes(
        data, name=str(path), suffix=path.suffix.lower(), password=password, limits=limits
    )


def document_from_bytes(
    data: bytes,
    *,
    name: str,
    suffix: str = "",
    password: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Decode the bytes of one input, choosing the reader by content first, then by suffix."""
    limits = limits or Limits.from_env()
    if len(data) > limits.max_bytes:
        raise DocumentError(
            f"{name}: input is over the {limits.max_bytes / 1_048_576:.0f} MB limit (max_bytes)"
        )
    if data.lstrip()[:5] == b"%PDF-":
        from skillgap.pdf import pdf_text

        pdf = pdf_text(data, name, limits, password)
        return _finish(
            pdf.text,
            name=name,
            fmt="pdf",
            pages=pdf.pages,
            columns=pdf.columns,
            backend=pdf.backend,
        )
    if suffix == ".pdf":
        raise DocumentError(f"{name}: not a PDF (no %PDF header); the file is corrupt or misnamed")
    if looks_like_docx(data):
        return _finish(docx_text(data, name, limits), name=name, fmt="docx", backend="docx")
    if suffix == ".docx":
        raise DocumentError(
            f"{name}: not a DOCX (no Word document inside); the file is corrupt or misnamed"
        )
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise DocumentError(
            f"{name}: unsupported file type '{suffix}'; give a {SUPPORTED} file "
            "(or convert it to one of these)"
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{name}: looks like a binary file, not text; give a {SUPPORTED}")
    text = decode(data)
    if suffix in HTML_SUFFIXES or looks_like_html(data):
        return _finish(html_text(text), name=name, fmt="html", backend="html")
    return _finish(text, name=name, fmt="text")


def document_from_text(text: str, *, name: str = "<text>") -> Document:
    """Wrap text that is already in memory."""
    return _finish(text, name=name, fmt="text")


def _finish(
    raw: str,
    *,
    name: str,
    fmt: str,
    pages: int | None = None,
    columns: int = 1,
    backend: str | None = None,
) -> Document:
    text = normalize(raw)
    if not text:
        if fmt == "pdf":
            raise DocumentError(
                f"{name}: the PDF has no text layer (scanned or image-only); "
                "run OCR first, e.g. ocrmypdf"
            )
        raise DocumentError(f"{name}: the document is empty; give a file with text")
    quality = assess(raw, text, pages=pages, columns=columns, backend=backend)
    return Document(
        text=text,
        source=name,
        format=fmt,
        pages=pages,
        quality=quality,  # type: ignore[arg-type]
    )
