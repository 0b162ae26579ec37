"""The public entry points: :func:`extract`, :func:`compare` and the reusable :class:`Analyzer`.

Building the tokenizer and matchers takes a fraction of a second, so batch users keep one
``Analyzer``; the module functions share a default one per taxonomy and options.
"""

from __future__ import annotations

import gc
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillgap.errors import DocumentError
from skillgap.files import display_name
from skillgap.gap import compare_profiles
from skillgap.ingest import SUFFIXES, document_from_text, read_document
from skillgap.models import Document, GapReport, Kind, Profile
from skillgap.options import Options
from skillgap.taxonomy import Taxonomy

if TYPE_CHECKING:
    from skillgap.extraction import Extractor

Source = str | Path | Document | Profile


class Analyzer:
    """Loads the taxonomy and NLP once; then extracts and compares as often as needed.

    Typical batch use: ``job = analyzer.analyze("job.txt")`` once, then
    ``analyzer.compare(resume, job)`` per résumé. ``options`` (limits, scoring, what "Present"
    means, PDF backend, password, blind mode) apply to every call.

    Thread safety: after construction an Analyzer is only read, and each call builds its own
    spaCy ``Doc``, so one instance may serve several threads at once. Across processes it
    pickles as its taxonomy (nothing for the shipped one) and options; a process rebuilds its
    matchers once per taxonomy and options, however often one arrives.
    """

    def __init__(self, taxonomy: Taxonomy | None = None, options: Options | None = None) -> None:
        self.taxonomy = taxonomy or Taxonomy.default()
        self.options = options or Options()
        collecting = gc.isenabled()
        gc.disable()  # building makes many objects and no garbage: collections only slowed it
        try:
            from skillgap.extraction import Extractor  # spaCy loads here, not on import skillgap

            self.extractor: Extractor = Extractor(self.taxonomy, self.options)
        finally:
            if collecting:
                gc.enable()

    def __reduce__(self) -> tuple[Any, ...]:
        custom = None if self.taxonomy is Taxonomy.default() else self.taxonomy
        return (_restore, (custom, self.options))

    def analyze(self, job: Source) -> Profile:
        """The skills a job asks for; pass the result to :meth:`compare` to reuse it."""
        return self.extract(job, "job")

    def extract(self, source: Source, kind: Kind = "resume") -> Profile:
        """The skills one document claims (résumé) or asks for (job)."""
        if isinstance(source, Profile):
            return source
        document = to_document(source, self.options)
        profile = self.extractor.extract(document, kind)
        return profile.model_copy(update={"quality": document.quality})

    def compare(self, resume: Source, job: Source) -> GapReport:
        """The gap report of one résumé against one job (blind, when the options say so)."""
        resume_profile = self.extract(resume, "resume")
        report = compare_profiles(
            resume_profile, self.extract(job, "job"), self.taxonomy, self.options.scoring
        )
        if self.options.redact:
            from skillgap.report.redact import redact_report

            report, _ = redact_report(report, resume_profile.text, self.taxonomy)
        return report


def to_document(source: str | Path | Document, options: Options | None = None) -> Document:
    """The path-or-text rule of the API (CONTRACT.md): a :class:`Path` or ``"-"`` is read; a
    one-line ``str`` that names an existing file is that file; a one-line ``str`` ending in a
    document suffix that names no file is a :class:`DocumentError`; anything else is text."""
    if isinstance(source, Document):
        return source
    if isinstance(source, Path) or source == "-":
        return read_document(source, options)
    if "\n" not in source and _names_a_file(source):
        return read_document(source, options)
    if "\n" not in source and source.strip().lower().endswith(tuple(SUFFIXES)):
        raise DocumentError(f"{display_name(source)}: no such file; check the path")
    return document_from_text(source)


def _names_a_file(text: str) -> bool:
    """Whether ``text`` is the name of an existing file (not a folder), without ever raising.

    A long one-line text is no file name: a name over the system's limits is never tried, and
    any other OS refusal (a NUL byte, too many links) also means "not a file".
    """
    try:
        encoded = os.fsencode(text)
    except (UnicodeError, ValueError):
        return False
    if not encoded or b"\0" in encoded or len(encoded) > _PATH_MAX:
        return False
    if any(len(part) > _NAME_MAX for part in encoded.split(b"/")):
        return False
    try:
        return not stat.S_ISDIR(os.stat(encoded).st_mode)
    except (OSError, ValueError):
        return False


def _limit(name: str, default: int) -> int:
    try:
        return os.pathconf("/", name)
    except (AttributeError, OSError, ValueError):
        return default


_NAME_MAX = _limit("PC_NAME_MAX", 255)  # bytes in one path component
_PATH_MAX = _limit("PC_PATH_MAX", 4096)


_restored: dict[tuple[str, Options], Analyzer] = {}


def _restore(taxonomy: Taxonomy | None, options: Options) -> Analyzer:
    """Unpickle an Analyzer: one per taxonomy version and options in each process."""
    key = (taxonomy.version if taxonomy else "", options)
    if key not in _restored:
        _restored[key] = Analyzer(taxonomy, options)
    return _restored[key]


@lru_cache(maxsize=4)
def shared_analyzer(taxonomy: Taxonomy | None = None, options: Options | None = None) -> Analyzer:
    """One Analyzer per taxonomy and options in this process, built on first use."""
    return Analyzer(taxonomy, options)


def extract(
    source: Source,
    kind: Kind = "resume",
    *,
    taxonomy: Taxonomy | None = None,
    options: Options | None = None,
) -> Profile:
    """Extract a profile from a path, text or :class:`Document`."""
    return shared_analyzer(taxonomy, options).extract(source, kind)


def compare(
    resume: Source,
    job: Source,
    *,
    taxonomy: Taxonomy | None = None,
    options: Options | None = None,
) -> GapReport:
    """Compare a résumé with a job; each a path, text, :class:`Document` or :class:`Profile`."""
    return shared_analyzer(taxonomy, options).compare(resume, job)
