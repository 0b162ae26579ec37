"""Turn a path, standard input or raw text into a :class:`Document` with clean text.

Only this stage (and the CLI's writer) touches files. The reader comes from the registry in
:mod:`skillgap.ingest.readers`; size, page and time limits from :class:`~skillgap.Options`.
"""

from __future__ import annotations

import os
import select
import stat
import sys
import time
from pathlib import Path

from skillgap.errors import DocumentError
from skillgap.files import display_name
from skillgap.ingest.normalize import normalize
from skillgap.ingest.quality import assess, unusable
from skillgap.ingest.readers import SUPPORTED, RawText, choose
from skillgap.models import Document
from skillgap.options import Limits, Options

_CHUNK = 1 << 20  # bytes per read


def read_document(source: str | Path, options: Options | None = None) -> Document:
    """Read a file path, or ``-`` for standard input, within the size and time limits."""
    options = options or Options()
    limits = options.read_limits()
    if str(source) == "-":
        data = _read_stdin(limits)
        return document_from_bytes(data, name="<stdin>", options=options)
    path = Path(source)
    name = display_name(path)
    data = read_bytes(path, name, limits)
    return document_from_bytes(data, name=name, suffix=path.suffix.lower(), options=options)


def read_bytes(path: Path, name: str, limits: Limits) -> bytes:
    """The bytes of one input file, never more than ``max_bytes``, never blocking forever.

    The file is opened without blocking (a FIFO with no writer would hang ``open``), then
    judged by what it is, not by its name: a regular file is read up to ``max_bytes + 1``
    (its size may lie, as /proc files do, or grow while read); a FIFO is read as its writer
    sends, until ``max_seconds``; devices (``/dev/zero``, a disk, a terminal) are refused,
    since nothing bounds what they return.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        raise DocumentError(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise DocumentError(f"{name}: permission denied; make the file readable") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot read file ({error.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError(f"{name}: is a folder; give a {SUPPORTED} file")
        if stat.S_ISREG(mode):
            os.set_blocking(fd, True)
            return _read_regular(fd, name, limits)
        if stat.S_ISFIFO(mode):
            return _read_pipe(fd, name, limits)
        raise DocumentError(
            f"{name}: is a device, not a document; give a {SUPPORTED} file "
            "(or - to read standard input)"
        )
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a folder; give a {SUPPORTED} file") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot read file ({error.strerror})") from None
    finally:
        os.close(fd)


def _read_regular(fd: int, name: str, limits: Limits) -> bytes:
    size = os.fstat(fd).st_size
    if size > limits.max_bytes:
        raise too_large(name, limits, size)
    chunks: list[bytes] = []
    total, wanted = 0, min(size + 1, limits.max_bytes + 1)
    while total <= limits.max_bytes:
        chunk = os.read(fd, max(wanted - total, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limits.max_bytes:  # it grew while being read
        raise too_large(name, limits)
    return b"".join(chunks)


def _read_pipe(fd: int, name: str, limits: Limits) -> bytes:
    """Read a FIFO as its writer sends, within ``max_seconds`` from the start."""
    deadline = time.monotonic() + limits.max_seconds
    chunks: list[bytes] = []
    total = 0
    while total <= limits.max_bytes:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            waited = "no data arrived" if not chunks else "the writer did not finish"
            raise DocumentError(
                f"{name}: {waited} within {limits.max_seconds:g} s (max_seconds); "
                "start the process that writes this pipe first, or give a file"
            )
        try:
            chunk = os.read(fd, _CHUNK)
        except BlockingIOError:
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limits.max_bytes:
        raise too_large(name, limits)
    return b"".join(chunks)


def _read_stdin(limits: Limits) -> bytes:
    """Standard input up to ``max_bytes + 1`` bytes; it may block, as every filter does."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise DocumentError("<stdin>: there is no standard input; give a file")
    chunks: list[bytes] = []
    total = 0
    while total <= limits.max_bytes:
        chunk = stream.read1(min(_CHUNK, limits.max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limits.max_bytes:
        raise too_large("<stdin>", limits)
    return b"".join(chunks)


def too_large(name: str, limits: Limits, size: int | None = None) -> DocumentError:
    """The one message for an input over ``max_bytes`` (a file, a pipe, an upload)."""
    what = f"file is {size / 1_048_576:.0f} MB, over the" if size else "input is over the"
    return DocumentError(
        f"{name}: {what} {limits.max_bytes / 1_048_576:.0f} MB limit (max_bytes); "
        "give the résumé or job ad alone"
    )


def document_from_bytes(
    data: bytes, *, name: str, suffix: str = "", options: Options | None = None
) -> Document:
    """Decode the bytes of one input, choosing the reader by content first, then by suffix."""
    options = options or Options()
    limits = options.read_limits()
    if len(data) > limits.max_bytes:
        raise too_large(name, limits)
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
    quality = assess(
        raw.text,
        text,
        pages=raw.pages,
        columns=raw.columns,
        backend=raw.backend,
        unmapped=raw.unmapped,
    )
    if fmt == "pdf" and unusable(quality, text):
        raise DocumentError(
            f"{name}: the PDF has no usable text layer (its fonts have no Unicode mapping); "
            "run OCR first, e.g. ocrmypdf"
        )
    return Document(
        text=text,
        source=name,
        format=fmt,  # type: ignore[arg-type]
        pages=raw.pages,
        quality=quality,
    )
