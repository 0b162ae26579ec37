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
_CHUNK = 1 << 16  # bytes inflated per step
MAX_MEMBERS = 5000  # parts of one archive; Word writes a few dozen


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
    data = _bounded_copy(data, name, limits)
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


def _bounded_copy(data: bytes, name: str, limits: Limits) -> bytes:
    """The archive re-packed uncompressed, each member inflated in bounded steps.

    A zip header may lie: ``word/document.xml`` declares 1 kB and inflates to 2 GB. Read in
    chunks, :mod:`zipfile` never inflates past the size a header declares; but python-docx
    reads whole members, and one ``read()`` inflates everything before it truncates. So the
    members are copied here, chunk by chunk, within ``max_unpacked``, and python-docx reads the
    copy, whose sizes are true.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            unpacked = sum(info.file_size for info in members)
            if unpacked > limits.max_unpacked or len(members) > MAX_MEMBERS:
                raise _bomb(name, unpacked, len(members), limits)
            copy = io.BytesIO()
            latest = {info.filename: info for info in members if not info.is_dir()}
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as out:
                for member, info in latest.items():  # a repeated name: the last one, as zipfile
                    out.writestr(member, _read_member(archive, info))
            return copy.getvalue()
    except DocumentError:
        raise
    except Exception as error:  # zipfile raises BadZipFile, zlib.error, EOFError, ...
        broken = isinstance(error, zipfile.BadZipFile)
        reason = "broken zip archive" if broken else type(error).__name__
        raise DocumentError(
            f"{name}: not a readable DOCX ({reason}); re-save it from Word"
        ) from None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    chunks: list[bytes] = []
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def _bomb(name: str, unpacked: int, members: int, limits: Limits) -> DocumentError:
    if members > MAX_MEMBERS:
        return DocumentError(
            f"{name}: the DOCX holds {members} parts, over the limit of {MAX_MEMBERS}; "
            "it is damaged or not a résumé; re-save it from Word"
        )
    return DocumentError(
        f"{name}: the DOCX unpacks to {unpacked // 1_048_576} MB, over the limit "
        f"({limits.max_unpacked // 1_048_576} MB, 5 × max_bytes); give the résumé alone"
    )


def _unique(cells) -> list[str]:  # noqa: ANN001 - merged cells repeat their text
    seen: list[str] = []
    for cell in cells:
        if cell and cell not in seen:
            seen.append(cell)
    return seen
