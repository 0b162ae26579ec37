"""The limits that keep one hostile input from stalling a batch: size, pages and time.

A résumé or job ad is a few pages and a few hundred kilobytes; these limits are far above
that and far below what would hurt a pipeline. Each can be set per call (``Limits(...)``) or
for a whole run through the environment: ``SKILLGAP_MAX_BYTES``, ``SKILLGAP_MAX_PAGES``,
``SKILLGAP_MAX_SECONDS``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from skillgap.errors import SkillgapError


def _env(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        raise SkillgapError(f"{name}={value!r} is not a number; unset it or give one") from None
    if number <= 0:
        raise SkillgapError(f"{name}={value!r} must be above 0")
    return number


@dataclass(frozen=True)
class Limits:
    """Upper bounds for reading one input; over any of them the input is refused."""

    max_bytes: int = 20 * 1024 * 1024  # larger files are not résumés or job ads
    max_pages: int = 50  # PDF pages; a résumé never needs more
    max_seconds: float = 10.0  # wall time to extract one PDF's text

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by ``SKILLGAP_MAX_*`` environment variables."""
        return cls(
            max_bytes=int(_env("SKILLGAP_MAX_BYTES", cls.max_bytes)),
            max_pages=int(_env("SKILLGAP_MAX_PAGES", cls.max_pages)),
            max_seconds=_env("SKILLGAP_MAX_SECONDS", cls.max_seconds),
        )
