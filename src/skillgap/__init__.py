"""skillgap: which backend skills a résumé matches, misses or partly covers for a job.

>>> import skillgap
>>> report = skillgap.compare("resume.pdf", "job.txt")  # doctest: +SKIP
>>> report.score, [gap.name for gap in report.missing]  # doctest: +SKIP
"""

from skillgap.analyzer import Analyzer, compare, extract
from skillgap.errors import DocumentError, SkillgapError, TaxonomyError
from skillgap.models import Document, GapReport, Profile, RankRow
from skillgap.options import Limits, Options, Scoring
from skillgap.taxonomy import Taxonomy

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
