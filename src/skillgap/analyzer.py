"""The public entry points: :func:`extract`, :func:`compare` and the reusable :class:`Analyzer`.

Building the tokenizer and matchers takes a fraction of a second, so batch users keep one
``Analyzer``; the module functions share a default one per taxonomy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from skillgap.compare import compare_profiles
from skillgap.errors import DocumentError
from skillgap.extract import Extractor
from skillgap.ingest import document_from_text, read_document
from skillgap.models import Document, GapReport, Kind, Profile
from skillgap.taxonomy import Taxonomy

Source = str | Path | Document | Profile
_FILE_SUFFIXES = (".pdf", ".txt", ".md", ".markdown", ".text", ".docx", ".html", ".htm")


class Analyzer:
    """Loads the taxonomy and NLP once; then extracts and compares as often as needed.

    Reads are safe from several threads; each call builds its own spaCy ``Doc``.
    """

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy or Taxonomy.default()
        self.extractor = Extractor(self.taxonomy)

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
