"""The document types skillgap reads, in one registry: suffixes, content checks and readers.

A reader is chosen by content first (a PDF named .txt is still a PDF), then by suffix; a file
whose suffix promises a binary format its content does not have is refused rather than read as
garbage. Adding a type (say .odt) means one entry here and its reader module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from skillgap.errors import DocumentError
from skillgap.ingest.html import html_text, looks_like_html
from skillgap.ingest.normalize import decode
from skillgap.ingest.office import docx_text, looks_like_docx
from skillgap.options import Options

Format = Literal["pdf", "docx", "html", "text"]


@dataclass(frozen=True)
class RawText:
    """What a reader extracted, before cleaning; the quality signal reads the rest."""

    text: str
    pages: int | None = None
    columns: int = 1
    backend: str | None = None
    unmapped: int = 0  # glyphs the reader knows have no Unicode mapping


def _is_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"


def _read_pdf(data: bytes, name: str, options: Options) -> RawText:
    from skillgap.ingest.pdf import pdf_text  # pdfium or pdfminer load only for PDFs

    pdf = pdf_text(data, name, options.read_limits(), options.password, options.pdf_backend)
    return RawText(pdf.text, pdf.pages, pdf.columns, pdf.backend, pdf.unmapped)


def _read_docx(data: bytes, name: str, options: Options) -> RawText:
    return RawText(docx_text(data, name, options.read_limits()), backend="docx")


def _read_html(data: bytes, name: str, options: Options) -> RawText:
    return RawText(html_text(decode(data)), backend="html")


def _read_text(data: bytes, name: str, options: Options) -> RawText:
    return RawText(decode(data))


@dataclass(frozen=True)
class DocumentType:
    """One format: the suffixes it is named by, how its content is recognised, its reader."""

    format: Format
    suffixes: tuple[str, ...]  # the first ones are named in messages
    named: int  # how many of the suffixes messages name
    looks_like: Callable[[bytes], bool] | None  # None: anything decodable
    binary: bool  # a binary format must prove itself by content
    read: Callable[[bytes, str, Options], RawText]


TYPES: tuple[DocumentType, ...] = (
    DocumentType("pdf", (".pdf",), 1, _is_pdf, True, _read_pdf),
    DocumentType("docx", (".docx",), 1, looks_like_docx, True, _read_docx),
    DocumentType("html", (".html", ".htm", ".xhtml"), 1, looks_like_html, False, _read_html),
    DocumentType("text", (".txt", ".md", ".markdown", ".text"), 2, None, False, _read_text),
)
SUFFIXES: frozenset[str] = frozenset(suffix for kind in TYPES for suffix in kind.suffixes)
_NAMED = [suffix for kind in TYPES for suffix in kind.suffixes[: kind.named]]
SUPPORTED = ", ".join(_NAMED[:-1]) + " or " + _NAMED[-1]  # ".pdf, .docx, .html, .txt or .md"


def choose(data: bytes, name: str, suffix: str) -> DocumentType:
    """The type that reads these bytes, or one clear :class:`DocumentError`."""
    for kind in TYPES:
        if kind.binary and kind.looks_like and kind.looks_like(data):
            return kind
    named = next((kind for kind in TYPES if suffix in kind.suffixes), None)
    if named is None and suffix:
        raise DocumentError(
            f"{name}: unsupported file type '{suffix}'; give a {SUPPORTED} file "
            "(or convert it to one of these)"
        )
    if named is not None and named.binary:
        label = named.format.upper()
        inside = "no %PDF header" if named.format == "pdf" else "no Word document inside"
        raise DocumentError(f"{name}: not a {label} ({inside}); the file is corrupt or misnamed")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{name}: looks like a binary file, not text; give a {SUPPORTED}")
    for kind in TYPES:
        if not kind.binary and kind.looks_like and kind.looks_like(data):
            return kind
    return named or TYPES[-1]
