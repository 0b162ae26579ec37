"""skillgap: which backend skills a résumé matches, misses or partly covers for a job.

>>> import skillgap
>>> report = skillgap.compare("resume.pdf", "job.txt")  # doctest: +SKIP
>>> report.score, [gap.name for gap in report.missing]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skillgap.errors import DocumentError, SkillgapError, TaxonomyError
from skillgap.models import Document, GapReport, Profile, RankRow
from skillgap.options import Limits, Options, Scoring
from skillgap.taxonomy import Taxonomy

if TYPE_CHECKING:
    from skillgap.analyzer import Analyzer, compare, extract

_LAZY = ("Analyzer", "compare", "extract")


def __getattr__(name: str) -> Any:
    """The entry points load spaCy, so on first use: ``python -m skillgap rank`` starts its
    workers' server before spaCy loads here, and ``skillgap --help`` never loads it."""
    if name not in _LAZY:
        raise AttributeError(f"module 'skillgap' has no attribute {name!r}")
    from skillgap import analyzer

    value = getattr(analyzer, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Analyzer",
    "Document",
    "DocumentError",
    "GapReport",
    "Limits",
    "Options",
    "Profile",
    "RankRow",
    "Scoring",
    "SkillgapError",
    "Taxonomy",
    "TaxonomyError",
    "compare",
    "extract",
]
