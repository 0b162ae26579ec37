"""The bounds of the server: the CLI's reading limits per document, plus those of a request.

Every document is read within the same :class:`~skillgap.options.Limits` as on the command
line (bytes, PDF pages, PDF seconds, inflated bytes). A request adds its own: the body as a
whole, documents per request, the time the body may take to arrive, the threads doing the
work, how many requests may wait for one, and how long an answer may take.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from skillgap.options import Limits

MIB = 1 << 20


@dataclass(frozen=True)
class ServeLimits:
    """Defaults fit one person's page and a pipeline's calls on a small machine."""

    read: Limits = field(default_factory=Limits.from_env)  # per document, as the CLI
    max_files: int = 50  # documents in one rank or match request
    body_seconds: float = 60.0  # a body still arriving after this is refused (slow senders)
    workers: int = 2  # threads doing the CPU work; the event loop only moves bytes
    queue: int = 16  # requests that may wait for a worker; past that, 503 busy
    work_seconds: float = 120.0  # an answer not ready by then is 504 (the work is bounded too)
    max_body: int | None = None  # None: two documents at max_bytes, plus 1 MiB of form

    @property
    def body_bytes(self) -> int:
        """The largest body read; a longer one is refused while it streams in."""
        return self.max_body if self.max_body is not None else 2 * self.read.max_bytes + MIB
