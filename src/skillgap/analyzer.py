"""The public entry points: :func:`extract`, :func:`compare` and the reusable :class:`Analyzer`.

Building the tokenizer and matchers takes a fraction of a second, so batch users keep one
``Analyzer``; the module functions share a default one per taxonomy.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillgap.compare import compare_profiles
from skillgap.errors import DocumentError
from skillgap.ingest import document_from_text, read_document
from skillgap.models import Document, GapReport, Kind, Profile
from skillgap.taxonomy import Taxonomy

if TYPE_CHECKING:
    from skillgap.extractor import Extractor
    from skillgap.rank import RankRow

Source = str | Path | Document | Profile
_FILE_SUFFIXES = (".pdf", ".txt", ".md", ".markdown", ".text", ".docx", ".html", ".htm")


class Analyzer:
    """Loads the taxonomy and NLP once; then extracts and compares as often as needed.

    Typical batch use: ``job = analyzer.analyze("job.txt")`` once, then
    ``analyzer.compare(resume, job)`` per résumé, or ``analyzer.rank(job, resumes)``.

    Thread safety: after construction an Analyzer is only read, and each call builds its own
    spaCy ``Doc``, so one instance may serve several threads at once. Across processes it
    pickles as its taxonomy alone (nothing for the shipped one) and rebuilds its matchers on
    unpickling, which takes well under a second.
    """

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy or Taxonomy.default()
        from skillgap.extractor import Extractor  # spaCy loads here, not when skillgap is imported

        self.extractor: Extractor = Extractor(self.taxonomy)

    def __reduce__(self) -> tuple[Any, ...]:
        custom = None if self.taxonomy is Taxonomy.default() else self.taxonomy
        return (Analyzer, (custom,))

    def analyze(self, job: Source) -> Profile:
        """The skills a job asks for; pass the result to :meth:`compare` to reuse it."""
        return self.extract(job, "job")

    def extract(self, source: Source, kind: Kind = "resume") -> Profile:
        """The skills one document claims (résumé) or asks for (job)."""
        if isinstance(source, Profile):
            return source
        document = to_document(source)
        profile = self.extractor.extract(document, kind)
        return profile.model_copy(update={"quality": document.quality})

    def compare(self, resume: Source, job: Source) -> GapReport:
        """The gap report of one résumé against one job."""
        return compare_profiles(
            self.extract(resume, "resume"), self.extract(job, "job"), self.taxonomy
        )

    def rank(
        self, job: Source, resumes: Iterable[str | Path], *, top_missing: int = 5
    ) -> list[RankRow]:
        """Score every résumé file against one job, best first; a bad file gets an error row."""
        from skillgap.rank import rank_rows, score_file

        job_profile = self.analyze(job)
        return rank_rows(score_file(self, job_profile, path, top_missing) for path in resumes)


def to_document(source: str | Path | Document, *, password: str | None = None) -> Document:
    """A path (``str`` or ``Path``), ``"-"`` for standard input, or the text itself.

    ``password`` opens an encrypted PDF.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, Path) or source == "-":
        return read_document(source, password=password)
    if "\n" not in source and len(source) < 4096:
        if Path(source).is_file():
            return read_document(source, password=password)
        if source.lower().endswith(_FILE_SUFFIXES):
            raise DocumentError(f"{source}: no such file; check the path")
    return document_from_text(source)


@lru_cache(maxsize=4)
def _analyzer(taxonomy: Taxonomy | None) -> Analyzer:
    return Analyzer(taxonomy)


def extract(source: Source, kind: Kind = "resume", *, taxonomy: Taxonomy | None = None) -> Profile:
    """Extract a profile from a path, text or :class:`Document`."""
    return _analyzer(taxonomy).extract(source, kind)


def compare(resume: Source, job: Source, *, taxonomy: Taxonomy | None = None) -> GapReport:
    """Compare a résumé with a job; each a path, text, :class:`Document` or :class:`Profile`."""
    return _analyzer(taxonomy).compare(resume, job)
