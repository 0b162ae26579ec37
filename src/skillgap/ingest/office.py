"""The DOCX reader: paragraphs and table cells of a Word document, in document order.

List items keep one line each with a bullet, so the section and requirement rules see the
same shape as in a text file.
"""

from __future__ import annotations

import io
import zipfile

from skillgap.errors import DocumentError
from skillgap.options import Limits

_DOCX_MAIN = "word/document.xml"


def looks_like_docx(data: bytes) -> bool:
    """A DOCX is a zip archive that holds ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DOCX_MAIN in archive.namelist()
    except zipfile.BadZipFile:
        return False


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
