"""Readers for office and web formats: DOCX résumés and HTML job ads, to plain text.

Lists keep one item per line with a bullet, headings and paragraphs their own lines, so the
section and requirement rules see the same shape as in a text file.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

from skillgap.errors import DocumentError
from skillgap.limits import Limits

_DOCX_MAIN = "word/document.xml"
_SPACE = re.compile(r"\s+")


def looks_like_docx(data: bytes) -> bool:
    """A DOCX is a zip archive that holds ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DOCX_MAIN in archive.namelist()
    except zipfile.BadZipFile:
        return False


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def docx_text(data: bytes, name: str, limits: Limits) -> str:
    """Paragraphs and table cells of a DOCX, in document order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise DocumentError(
            f"{name}: not a readable DOCX (broken zip archive); re-save it from Word"
        ) from None
    if unpacked > limits.max_bytes * 5:  # a zip bomb, not a résumé
        raise DocumentError(
            f"{name}: the DOCX unpacks to {unpacked // 1_048_576} MB, over the limit "
            f"({limits.max_bytes * 5 // 1_048_576} MB, 5 × max_bytes); give the résumé alone"
        )
    try:
        import docx
    except ImportError:
        raise DocumentError(
            f"{name}: reading .docx needs python-docx; run pip install python-docx, "
            "or save the file as PDF or text"
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors
        raise DocumentError(
            f"{name}: not a readable DOCX ({type(error).__name__}); re-save it from Word"
        ) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                lines.append(" | ".join(_unique(cell.text.strip() for cell in row.cells)))
        else:
            text = block.text.strip()
            properties = block._p.pPr
            numbered = properties is not None and properties.numPr is not None
            is_item = numbered or "List" in (block.style.name if block.style else "")
            lines.append(f"• {text}" if text and is_item else text)
    return "\n".join(lines)


def _unique(cells) -> list[str]:  # noqa: ANN001 - merged cells repeat their text
    seen: list[str] = []
    for cell in cells:
        if cell and cell not in seen:
            seen.append(cell)
    return seen


def html_text(html: str) -> str:
    """The visible text of an HTML page, without scripts, styles, navigation or forms."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    SKIP = {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "noscript",
        "template",
        "svg",
        "form",
        "button",
        "select",
        "iframe",
        "head",
    }
    BLOCK = {
        "p",
        "div",
        "section",
        "article",
        "main",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "blockquote",
        "pre",
        "hr",
    }
    VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        if tag in self.SKIP or (hidden and tag not in self.VOID):
            self.skipping.append(tag)
        elif self.skipping:
            return
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in self.BLOCK or tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACE.sub(" ", data))

    def text(self) -> str:
        lines = (line.strip(" |") for line in "".join(self.parts).splitlines())
        return "\n".join(line.strip() for line in lines)
