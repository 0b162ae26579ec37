"""Read the documents of one request in memory, within the limits, never opening a path.

A request brings documents as multipart files (``-F resume=@cv.pdf``), as multipart text
fields (``-F job='...'`` or the page's ``job_text`` box), or as the strings of a JSON object.
Each is kept as bytes (or text) while the body streams in: a part over ``max_bytes`` is
refused as soon as it is, with the CLI's own words. A document becomes a
:class:`~skillgap.models.Document` through the same readers as a file on the command line;
its name is the file name the client sent, last component only, shown as the CLI shows file
names. Nothing in a request is ever used as a path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Literal

import anyio

from skillgap.files import display_name
from skillgap.ingest import document_from_bytes, document_from_text
from skillgap.ingest.read import too_large
from skillgap.models import Document
from skillgap.options import Options
from skillgap.serve.limits import ServeLimits
from skillgap.serve.problems import ApiError

if TYPE_CHECKING:
    from starlette.requests import Request

TEXT_NAME = "<text>"  # the name the library gives text, and so the server
MAX_VALUE = 4096  # bytes of a setting field (kind, token)
Count = Literal["one", "many"]


@dataclass(frozen=True)
class Spec:
    """What one endpoint takes: its documents (one or many each) and its setting fields."""

    documents: dict[str, Count]
    settings: frozenset[str] = frozenset()

    def names(self) -> str:
        return ", ".join(sorted([*self.documents, *self.settings]))


@dataclass(frozen=True)
class Upload:
    """One document of a request: bytes from a form, or text from JSON."""

    name: str
    data: bytes | None = None
    text: str | None = None
    suffix: str = ""

    def document(self, options: Options) -> Document:
        """Read it as the CLI reads a file: by content first, then by the name's suffix."""
        if self.text is None:
            return document_from_bytes(
                self.data or b"", name=self.name, suffix=self.suffix, options=options
            )
        limits = options.read_limits()
        if len(self.text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
            raise too_large(self.name, limits)
        return document_from_text(self.text, name=self.name)


@dataclass
class Form:
    """The documents and settings of one request, checked against its :class:`Spec`."""

    spec: Spec
    documents: dict[str, list[Upload]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)

    def one(self, name: str, what: str) -> Upload:
        found = self.documents.get(name, [])
        if not found:
            raise ApiError("missing_field", f"{name}: missing; send {what} as the field '{name}'")
        if len(found) > 1:
            raise ApiError(
                "bad_request", f"{name}: {len(found)} documents given; send one (a file or text)"
            )
        return found[0]

    def many(self, name: str, what: str, limits: ServeLimits) -> list[Upload]:
        found = self.documents.get(name, [])
        if not found:
            raise ApiError(
                "missing_field", f"{name}: missing; send {what} as the field '{name}', repeated"
            )
        if len(found) > limits.max_files:
            raise ApiError(
                "too_many_files",
                f"{name}: {len(found)} documents, over the {limits.max_files} of one request "
                "(max_files); split them across requests",
            )
        return found

    def add(self, name: str, upload: Upload) -> None:
        self.documents.setdefault(name, []).append(upload)


async def read_form(request: Request, spec: Spec, limits: ServeLimits) -> Form:
    """The request's documents, from multipart/form-data or a JSON object, read within
    ``body_seconds``; the body's size is bounded by the server's body limit as it streams."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        with anyio.fail_after(limits.body_seconds):
            if kind == "multipart/form-data":
                return await _multipart(request, spec, limits)
            if kind == "application/json":
                return _json_form(b"".join([chunk async for chunk in request.stream()]), spec)
    except TimeoutError:
        raise ApiError(
            "body_timeout",
            f"the request body did not arrive within {limits.body_seconds:g} s (body_seconds); "
            "send it at once",
        ) from None
    raise ApiError(
        "unsupported_media_type",
        "send multipart/form-data (files, as curl -F does) or application/json (text); "
        f"this endpoint takes {spec.names()}",
    )


def _json_form(body: bytes, spec: Spec) -> Form:
    """``{"resume": "text", "job": "text"}``: strings are document text, never paths."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeError) as error:
        raise ApiError("bad_request", f"the body is not valid JSON ({error})") from None
    if not isinstance(payload, dict):
        raise ApiError("bad_request", f"the JSON body must be an object with {spec.names()}")
    form = Form(spec)
    for key, value in payload.items():
        count = spec.documents.get(key)
        if count is None and key not in spec.settings:
            raise _unknown(key, spec)
        if count is None:
            if not isinstance(value, str):
                raise ApiError("bad_request", f"{key}: must be a string")
            form.settings[key] = value
            continue
        texts = value if count == "many" and isinstance(value, list) else [value]
        if not all(isinstance(text, str) for text in texts):
            shape = "a string or a list of strings" if count == "many" else "a string"
            raise ApiError("bad_request", f"{key}: must be {shape} (the document's text)")
        for number, text in enumerate(texts, start=1):
            name = f"<text {number}>" if count == "many" else TEXT_NAME
            form.add(key, Upload(name=name, text=text))
    return form


def _unknown(name: str, spec: Spec) -> ApiError:
    return ApiError(
        "unknown_field", f"{name}: not a field of this endpoint; it takes {spec.names()}"
    )


async def _multipart(request: Request, spec: Spec, limits: ServeLimits) -> Form:
    from python_multipart.multipart import MultipartParser, parse_options_header

    _, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if not boundary:
        raise ApiError("bad_request", "the multipart body has no boundary in its Content-Type")
    parts = _Parts(spec, limits)
    parser = MultipartParser(boundary, parts.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except ApiError:
        raise
    except Exception as error:  # python-multipart's own errors: a malformed body
        raise ApiError("bad_request", f"the multipart body is malformed ({error})") from None
    if not parts.ended:
        raise ApiError("bad_request", "the multipart body ended before its closing boundary")
    return parts.form


class _Parts:
    """The callbacks of the streaming multipart parser: each part is kept in memory, bounded."""

    def __init__(self, spec: Spec, limits: ServeLimits) -> None:
        self.spec, self.read = spec, limits.read
        self.max_parts = limits.max_files + len(spec.documents) * 2 + len(spec.settings)
        self.form = Form(spec)
        self.count = 0
        self.ended = False
        self._reset()

    def _reset(self) -> None:
        self.headers: dict[str, bytes] = {}
        self.field, self.value = bytearray(), bytearray()
        self.data = bytearray()
        self.name, self.filename, self.document = "", None, ""
        self.cap = MAX_VALUE

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self._reset,
            "on_header_field": lambda data, start, end: self.field.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self.value.extend(data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def _header_end(self) -> None:
        self.headers[bytes(self.field).decode("latin-1").lower()] = bytes(self.value)
        self.field, self.value = bytearray(), bytearray()

    def _headers_finished(self) -> None:
        from python_multipart.multipart import parse_options_header

        self.count += 1
        if self.count > self.max_parts:
            raise ApiError(
                "too_many_files",
                f"more than {self.max_parts} parts in one request (max_files); "
                "split them across requests",
            )
        _, options = parse_options_header(self.headers.get("content-disposition", b""))
        self.name = options.get(b"name", b"").decode("utf-8", "replace")
        raw = options.get(b"filename")
        self.filename = None if raw is None else raw.decode("utf-8", "surrogateescape")
        document = self.name.removesuffix("_text") if self.filename is None else self.name
        if document in self.spec.documents:
            self.document, self.cap = document, self.read.max_bytes
        elif self.name in self.spec.settings and self.filename is None:
            self.document = ""
        else:
            raise _unknown(self.name, self.spec)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        self.data.extend(data[start:end])
        if len(self.data) > self.cap:
            if not self.document:
                raise ApiError("bad_request", f"{self.name}: over {MAX_VALUE} bytes")
            error = too_large(self._shown(), self.read)
            raise ApiError("too_large", str(error))

    def _part_end(self) -> None:
        if not self.document:
            self.form.settings[self.name] = self.data.decode("utf-8", "replace")
            return
        if self.filename is not None and not self.filename and not self.data:
            return  # a file input left empty: browsers send it with no name and no bytes
        if self.filename is None and not self.data.strip():
            return  # a text box left empty
        suffix = PurePosixPath(_last_part(self.filename or "")).suffix.lower()
        upload = Upload(name=self._shown(), data=bytes(self.data), suffix=suffix)
        self.form.add(self.document, upload)

    def _shown(self) -> str:
        """The document's name as reports show it: the file's last path part, or <text>."""
        if self.filename is None:
            return TEXT_NAME
        return display_name(_last_part(self.filename)) or self.document

    def _end(self) -> None:
        self.ended = True


def _last_part(filename: str) -> str:
    """A client's file name without any folder (some send C:\\Users\\x\\cv.pdf)."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1]
