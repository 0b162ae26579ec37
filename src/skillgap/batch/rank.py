"""Rank many résumés against one job: one row per file, scored in parallel, streamed to disk.

A hiring pipeline runs this unattended over thousands of files, so three rules hold:
a bad file becomes a row with an ``error`` and the batch goes on; every finished row is written
to the output at once, so an interrupted run keeps its work and ``--resume`` skips it; and the
analyzer is built once per worker process, never per file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from skillgap.batch.journal import RowJournal
from skillgap.batch.pool import score_files
from skillgap.errors import SkillgapError
from skillgap.files import check_output, display_name, is_regular_or_new, write_output
from skillgap.models import Document, MatchRow, Profile, RankRow
from skillgap.report.redact import pseudonym
from skillgap.report.rows import RowFormat, format_rows

if TYPE_CHECKING:  # the Analyzer (and spaCy) load when a batch runs, not on import
    from skillgap.analyzer import Analyzer, Source
    from skillgap.options import Options
    from skillgap.taxonomy import Taxonomy


class LazyAnalyzer:
    """An Analyzer named by its taxonomy and options, built in a process only when it is used
    there: a ``rank`` parent that hands every file to workers never loads spaCy (nor holds
    its memory). It pickles as an Analyzer does, so each worker gets its own, built once."""

    def __init__(self, taxonomy: Taxonomy, options: Options) -> None:
        self.taxonomy, self.options = taxonomy, options

    def __reduce__(self) -> tuple[object, ...]:
        return (_analyzer_for, (self._custom(), self.options))

    def __getattr__(self, name: str) -> object:  # what an Analyzer has beyond the two above
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_analyzer_for(self._custom(), self.options), name)

    def _custom(self) -> Taxonomy | None:
        from skillgap.taxonomy import Taxonomy

        return None if self.taxonomy is Taxonomy.default() else self.taxonomy


def _analyzer_for(taxonomy: Taxonomy | None, options: Options) -> Analyzer:
    """The Analyzer of this process for a taxonomy (None: the shipped one) and options,
    tokenizing as a stream: a batch is one."""
    from skillgap.analyzer import _restore

    analyzer = _restore(taxonomy, options)
    analyzer.extractor.nlp.tokenizer.stream()
    return analyzer


@dataclass(frozen=True)
class RankTask:
    """What every file of one batch is scored against; built once, shipped to each worker."""

    analyzer: Analyzer | LazyAnalyzer
    job: Profile | Document  # a Document is analyzed once in each process that scores files
    top_missing: int = 5  # missing required skills shown per row

    def job_profile(self) -> Profile:
        """The job's profile: ``job`` itself, or ``job`` analyzed once in this process."""
        if isinstance(self.job, Profile):
            return self.job
        profile = self.__dict__.get("_job_profile")
        if profile is None:
            profile = self.analyzer.analyze(self.job)
            object.__setattr__(self, "_job_profile", profile)  # a cache, not a field
        return profile

    def shown(self, path: str) -> str:
        """The file as rows show it: its display name, or a pseudonym in blind mode."""
        name = display_name(path)
        return pseudonym(name) if self.analyzer.options.redact else name

    def failed(self, path: str, reason: str) -> RankRow:
        """The row of a file that could not be scored, for ``reason``."""
        shown = self.shown(path)
        return RankRow(
            file=shown, error=" ".join(f"{shown}: {reason}".split()), job=self.job.source
        )

    def score(self, path: str | Path) -> RankRow:
        """Compare one résumé file with the job; any failure becomes the row's error."""
        if _is_pattern(str(path)) and not Path(path).exists():
            return self.failed(
                str(path), "no file matches the pattern; check it, and quote it for the shell"
            )
        return self.score_source(str(path), Path(path))

    def score_source(self, name: str, source: Source | Callable[[], Source]) -> RankRow:
        """The row of one résumé, however it arrives: a path, or a callable that reads it
        (an upload the server holds in memory), so that reading fails into the row too."""
        shown = self.shown(name)
        try:
            resume = source() if callable(source) else source
            report = self.analyzer.compare(resume, self.job_profile())
        except SkillgapError as error:
            message = str(error).replace(display_name(name), shown)
            return RankRow(file=shown, error=" ".join(message.split()), job=self.job.source)
        except Exception as error:  # one broken file must not end the batch
            message = (
                f"{shown}: unexpected {type(error).__name__} ({error}); please report this file"
            )
            return RankRow(file=shown, error=" ".join(message.split()), job=self.job.source)
        missing = [gap for gap in report.missing if gap.requirement == "required"]
        missing.sort(key=lambda gap: -len(gap.job_mentions))  # most-mentioned first; stable
        return RankRow(
            file=shown,
            score=report.score,
            missing_required=[gap.name for gap in missing[: self.top_missing]],
            job=self.job.source,
        )


def rank(
    job: Source,
    resumes: Iterable[str | Path],
    *,
    analyzer: Analyzer | None = None,
    top_missing: int = 5,
) -> list[RankRow]:
    """Score every résumé file against one job, best first; a bad file gets an error row."""
    from skillgap.analyzer import Analyzer

    analyzer = analyzer or Analyzer()
    task = RankTask(analyzer, analyzer.analyze(job), top_missing)
    return rank_rows(task.score(path) for path in resumes)


Row = TypeVar("Row", RankRow, MatchRow)


def rank_rows(rows: Iterable[Row]) -> list[Row]:
    """Best score first, unread files last; equal scores share a rank (1, 2, 2, 4)."""
    ordered = sorted(rows, key=lambda row: (row.score is None, -(row.score or 0), row.file))
    ranked: list[Row] = []
    for position, row in enumerate(ordered, start=1):
        rank = None
        if row.score is not None:
            previous = ranked[-1] if ranked else None
            same = previous is not None and previous.score == row.score
            rank = previous.rank if same and previous else position
        ranked.append(row.model_copy(update={"rank": rank}))
    return ranked


def run_rank(
    task: RankTask,
    paths: list[str],
    *,
    output: Path | None = None,
    fmt: RowFormat = "text",
    resume: bool = False,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> list[RankRow]:
    """Score ``paths`` (skipping those already in ``output`` when ``resume``) and rank all rows.

    Rows stream to ``output`` as they finish; at the end it holds the ranked result. Without
    ``output`` nothing is written: the caller prints the returned rows.
    """
    job = task.job
    journal = None
    if output is not None:
        check_output(output)  # a folder or a disk is refused before any file is read
        if is_regular_or_new(output):
            journal = RowJournal(output, fmt)
        elif resume:
            raise SkillgapError(
                f"{display_name(output)}: --resume needs a regular file to read rows back from"
            )
    kept: list[RankRow] = []
    if journal is not None and resume:
        kept = journal.read()
        other_jobs = {row.job for row in kept if row.job and row.job != job.source}
        if other_jobs:
            raise SkillgapError(
                f"{display_name(journal.path)}: holds results for job {sorted(other_jobs)[0]}, "
                f"not {job.source}; drop --resume to start over, or choose another --output"
            )
    # Every earlier row of this job stays, asked for again or not; only its files are skipped.
    kept = list({row.file: row for row in kept}.values())
    done = {row.file for row in kept}
    shown = {task.shown(path): path for path in paths}
    todo = [path for name, path in shown.items() if name not in done]
    rows = list(kept)
    total = len(rows) + len(todo)
    if journal is not None:
        journal.start(kept)
    try:
        if progress:
            progress(len(rows), total)
        for row in score_files(task, todo, jobs=jobs):
            rows.append(row)
            if journal is not None:
                journal.add(row)
            if progress:
                progress(len(rows), total)
    finally:
        if journal is not None:
            journal.close()
    ranked = rank_rows(rows)
    if journal is not None:
        journal.finish(ranked, job.source)
    elif output is not None:  # a FIFO or a device: the ranked output, written through once
        write_output(output, format_rows(ranked, fmt, job.source))
    return ranked


def _is_pattern(path: str) -> bool:
    return any(char in path for char in "*?[")
