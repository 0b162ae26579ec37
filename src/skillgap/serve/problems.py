"""The errors the server answers with: one stable ``code``, an HTTP status, one line of message.

A pipeline branches on ``code`` (it never changes for a given cause); a person reads
``message``, which for a document that cannot be read is the CLI's own line without its
``skillgap: error:`` prefix. :data:`CODES` is the table the README documents.
"""

from __future__ import annotations

from skillgap.errors import DocumentError, SkillgapError

# code -> (HTTP status, when)
CODES: dict[str, tuple[int, str]] = {
    "bad_request": (400, "the body is not the multipart form or JSON object the endpoint takes"),
    "missing_field": (400, "a document the endpoint needs was not sent"),
    "unknown_field": (400, "a form field or JSON key the endpoint does not take"),
    "too_many_files": (400, "more documents in one request than max_files"),
    "unauthorized": (401, "a token is set and the request did not carry it"),
    "not_found": (404, "no such endpoint"),
    "method_not_allowed": (405, "the endpoint exists, the method does not"),
    "body_timeout": (408, "the body did not arrive within body_seconds"),
    "too_large": (413, "the body is over max_body, or one document over max_bytes"),
    "unsupported_media_type": (415, "neither multipart/form-data nor application/json"),
    "bad_document": (422, "a document cannot be read (the CLI's message says why)"),
    "busy": (503, "every worker is busy and the queue is full; retry later"),
    "timeout": (504, "the work took longer than work_seconds"),
    "internal": (500, "an unexpected failure; please report it"),
}


class ApiError(Exception):
    """An answer other than success, with its stable code; the status follows the code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = " ".join(message.split())  # always one line

    @property
    def status(self) -> int:
        return CODES[self.code][0]

    def body(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}

    @classmethod
    def of(cls, error: SkillgapError) -> ApiError:
        """A library error as the server reports it: a document's, or an input's."""
        return cls(
            "bad_document" if isinstance(error, DocumentError) else "bad_request", str(error)
        )
