"""One résumé against many job ads: which ad fits best and why, the job seeker's ``rank``.

The résumé is read once; each job ad becomes one row (score, fit band, share of the required
skills met, the top missing required skills and where to start), best first. A job file that
cannot be read becomes a row with an ``error`` and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from skillgap.batch.pool import score_files
from skillgap.batch.rank import rank_rows
from skillgap.errors import SkillgapError
from skillgap.files import display_name
from skillgap.models import MatchRow, Profile

if TYPE_CHECKING:  # the Analyzer (and spaCy) load when a batch runs, not on import
    from skillgap.analyzer import Analyzer, Source


@dataclass(frozen=True)
class MatchTask:
    """What every job of one run is compared with; built once, shipped to each worker (its
    Analyzer arrives as a reference to the worker's own, built once per process)."""

    analyzer: Analyzer
    resume: Profile
    top_missing: int = 5  # missing required skills shown per row

    def failed(self, path: str, reason: str) -> MatchRow:
        """The row of a job file that could not be read, for ``reason``."""
        shown = display_name(path)
        return MatchRow(
            file=shown, error=" ".join(f"{shown}: {reason}".split()), resume=self.source
        )

    def score(self, path: str | Path) -> MatchRow:
        """Compare the résumé with one job file; any failure becomes the row's error."""
        return self.score_source(str(path), Path(path))

    def score_source(self, name: str, source: Source | Callable[[], Source]) -> MatchRow:
        """The row of one job ad, however it arrives: a path, or a callable that reads it
        (an upload the server holds in memory), so that reading fails into the row too."""
        shown = display_name(name)
        try:
            job = source() if callable(source) else source
            report = self.analyzer.compare(self.resume, job)
        except SkillgapError as error:
            return MatchRow(file=shown, error=" ".join(str(error).split()), resume=self.source)
        except Exception as error:  # one broken file must not end the run
            message = f"{shown}: unexpected {type(error).__name__} ({error}); please report it"
            return MatchRow(file=shown, error=" ".join(message.split()), resume=self.source)
        missing = [gap for gap in report.missing if gap.requirement == "required"]
        missing.sort(
            key=lambda gap: (not gap.essential, gap.kind == "soft", -len(gap.job_mentions))
        )
        first = next((step for step in report.learning_plan if not step.alternative_to), None)
        scope = next((n for n in report.notes if n.kind == "no_backend_skills"), None)
        return MatchRow(
            file=shown,
            score=report.score,
            fit=report.fit,
            required_met=report.required_met,
            missing_required=[gap.name for gap in missing[: self.top_missing]],
            start_here=first.skill if first else None,
            note="the ad names no backend-engineering skill" if scope else None,
            resume=self.source,
        )

    @property
    def source(self) -> str:
        return self.resume.source


def match(
    resume: Source,
    jobs: Iterable[str | Path],
    *,
    analyzer: Analyzer | None = None,
    top_missing: int = 5,
    workers: int = 1,
) -> list[MatchRow]:
    """Compare one résumé with every job file, best fit first; a bad file gets an error row."""
    from skillgap.analyzer import Analyzer

    analyzer = analyzer or Analyzer()
    task = MatchTask(analyzer, analyzer.extract(resume, "resume"), top_missing)
    return match_rows(score_files(task, [str(path) for path in jobs], jobs=workers))


def match_rows(rows: Iterable[MatchRow]) -> list[MatchRow]:
    """Best fit first; ads out of scope (no backend skill) after them, unranked; errors last."""
    rows = list(rows)
    scoped = rank_rows([row for row in rows if row.note is None])
    unscoped = [row for row in rank_rows([row for row in rows if row.note]) if row.error is None]
    ranked = [row for row in scoped if row.error is None]
    errors = [row for row in scoped if row.error is not None]
    return ranked + [row.model_copy(update={"rank": None}) for row in unscoped] + errors
