"""skillgap: which backend skills a résumé matches, misses or partly covers for a job.

>>> import skillgap
>>> report = skillgap.compare("resume.pdf", "job.txt")  # doctest: +SKIP
>>> report.score, [gap.name for gap in report.missing]  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skillgap.analyzer import Analyzer, compare, extract
    from skillgap.errors import DocumentError, SkillgapError, TaxonomyError
    from skillgap.models import Document, GapReport, Profile, RankRow
    from skillgap.options import Limits, Options, Scoring
    from skillgap.taxonomy import Taxonomy

# Where each public name lives. They load on first use: ``python -m skillgap rank`` starts its
# worker server before spaCy loads here, and ``skillgap --help`` never loads spaCy at all.
_HOMES = {
    "Analyzer": "skillgap.analyzer",
    "compare": "skillgap.analyzer",
    "extract": "skillgap.analyzer",
    "DocumentError": "skillgap.errors",
    "SkillgapError": "skillgap.errors",
    "TaxonomyError": "skillgap.errors",
    "Document": "skillgap.models",
    "GapReport": "skillgap.models",
    "Profile": "skillgap.models",
    "RankRow": "skillgap.models",
    "Limits": "skillgap.options",
    "Options": "skillgap.options",
    "Scoring": "skillgap.options",
    "Taxonomy": "skillgap.taxonomy",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'skillgap' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


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
