"""Turn a path, standard input or raw text into a :class:`Document` with clean text.

Only this stage (and the CLI's writer) touches files. The reader comes from the registry in
:mod:`skillgap.ingest.readers`; size, page and time limits from :class:`~skillgap.Options`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from skillgap.errors import DocumentError
from skillgap.ingest.normalize import normalize
from skillgap.ingest.quality import assess
from skillgap.ingest.readers import SUPPORTED, RawText, choose
from skillgap.models import Document
from skillgap.options import Options


def read_document(source: str | Path, options: Options | None = None) -> Document:
    """Read a file path, or ``-`` for standard input."""
    options = options or Options()
    limits = options.read_limits()
    if str(source) == "-":
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        return document_from_bytes(data, name="<stdin>", options=options)
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
    return document_from_bytes(data, name=str(path), suffix=path.suffix.lower(), options=options)


def document_from_bytes(
    data: bytes, *, name: str, suffix: str = "", options: Options | None = None
) -> Document:
    """Decode the bytes of one input, choosing the reader by content first, then by suffix."""
    options = options or Options()
    limits = options.read_limits()
    if len(data) > limits.max_bytes:
        raise DocumentError(
            f"{name}: input is over the {limits.max_bytes / 1_048_576:.0f} MB limit (max_bytes)"
        )
    kind = choose(data, name, suffix)
    return _finish(kind.read(data, name, options), name=name, fmt=kind.format)


def document_from_text(text: str, *, name: str = "<text>") -> Document:
    """Wrap text that is already in memory."""
    return _finish(RawText(text), name=name, fmt="text")


def _finish(raw: RawText, *, name: str, fmt: str) -> Document:
    text = normalize(raw.text)
    if not text:
        if fmt == "pdf":
            raise DocumentError(
                f"{name}: the PDF has no text layer (scanned or image-only); "
                "run OCR first, e.g. ocrmypdf"
            )
        raise DocumentError(f"{name}: the document is empty; give a file with text")
    quality = assess(raw.text, text, pages=raw.pages, columns=raw.columns, backend=raw.backend)
    return Document(
        text=text,
        source=name,
        format=fmt,  # type: ignore[arg-type]
        pages=raw.pages,
        quality=quality,
    )
