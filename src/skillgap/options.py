"""The settings of a run, in one place: reading limits, scoring policy, and what a run assumes.

:class:`Options` is built once (the CLI builds it from its flags) and carried by the
:class:`~skillgap.Analyzer`; each stage reads the part it needs. A field left at ``None``
falls back to the environment when it is used (``SKILLGAP_MAX_*``, ``SKILLGAP_TODAY``,
``SKILLGAP_PDF_BACKEND``), so a pipeline can fix them without code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from skillgap.errors import SkillgapError

PdfBackend = Literal["pdfium", "pdfminer"]


def _env_number(name: str, default: float) -> float:
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
    """Upper bounds for reading one input; over any of them the input is refused.

    A résumé or job ad is a few pages and a few hundred kilobytes; these limits are far above
    that and far below what would hurt a pipeline.
    """

    max_bytes: int = 20 * 1024 * 1024  # larger files are not résumés or job ads
    max_pages: int = 50  # PDF pages; a résumé never needs more
    max_seconds: float = 10.0  # wall time to extract one PDF's text

    @property
    def max_unpacked(self) -> int:
        """Bytes that the compressed parts of one file (DOCX members, PDF streams) may inflate
        to in all: a bomb of 2 MB that inflates to 2 GB is refused before a parser sees it."""
        return 5 * self.max_bytes

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by ``SKILLGAP_MAX_BYTES|PAGES|SECONDS``."""
        return cls(
            max_bytes=int(_env_number("SKILLGAP_MAX_BYTES", cls.max_bytes)),
            max_pages=int(_env_number("SKILLGAP_MAX_PAGES", cls.max_pages)),
            max_seconds=_env_number("SKILLGAP_MAX_SECONDS", cls.max_seconds),
        )


@dataclass(frozen=True)
class Scoring:
    """The scoring policy; README "The score, explained" documents these defaults.

    Required counts three times a nice-to-have, following the common ATS practice of weighting
    must-haves well above preferences (research/peers.md §1); soft skills weigh a third of a
    technical skill of the same level. Only what the ad marks as essential (a must-have
    heading, the title's language or framework, a minimum number of years) caps the score when
    it is missing. The fit band reads the share of the required weight met; the thresholds are
    those the challenge pairs were judged by (0.75 and 0.40 of the required skills).
    """

    required_weight: float = 3.0
    preferred_weight: float = 1.0
    soft_share: float = 1 / 3  # a soft skill weighs this share of a technical one
    must_have_cap: int = 70  # the highest score while an essential skill is missing
    implied_credit: float = 0.75  # held by implication (Django ⇒ Python): not named, so not seen
    partial_share: float = 0.75  # times the strength of the stand-in's relation (MySQL: 0.7)
    min_related_strength: float = 0.3  # weaker relations neither stand in nor hint
    years_share: float = 0.5  # the part of a held skill's credit that years shown can reduce
    strong_fit: float = 0.75  # share of the required weight met from which the fit is strong
    partial_fit: float = 0.40  # ... from which it is partial; below, weak
    core_categories: tuple[str, ...] = ("languages", "frameworks")  # essential when in the title

    def weight(self, requirement: str, soft: bool = False) -> float:
        """The weight of a requirement level (a soft skill weighs ``soft_share`` of it)."""
        base = self.required_weight if requirement == "required" else self.preferred_weight
        return base * self.soft_share if soft else base


@dataclass(frozen=True)
class Options:
    """Everything a run may set besides its inputs; ``None`` means "from the environment"."""

    limits: Limits | None = None  # None: Limits.from_env() when a file is read
    scoring: Scoring = field(default_factory=Scoring)
    today: date | None = None  # what "Present" means in dates; None: SKILLGAP_TODAY or today
    pdf_backend: PdfBackend | None = None  # None: SKILLGAP_PDF_BACKEND, else pdfium if installed
    password: str | None = None  # opens encrypted PDFs
    redact: bool = False  # blind mode: hide who the candidate is in every report

    def read_limits(self) -> Limits:
        return self.limits or Limits.from_env()

    def current_day(self) -> date:
        """The day "Present" means: ``today``, else ``SKILLGAP_TODAY`` (YYYY-MM-DD), else today."""
        if self.today is not None:
            return self.today
        fixed = os.environ.get("SKILLGAP_TODAY")
        if not fixed:
            return date.today()
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise SkillgapError(f"SKILLGAP_TODAY={fixed!r}: not a date; use YYYY-MM-DD") from None
