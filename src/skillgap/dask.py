"""Rank résumés on a Dask cluster: the same rows as ``skillgap rank``, past one machine.

Install with ``pip install 'skillgap[dask]'``. The job is analysed once on the client and
shipped with each partition; every worker process builds one :class:`Analyzer` (on its first
partition) and reuses it. Paths must be readable from the workers (a shared file system, or
mount the bucket); each partition returns plain dicts, so a bag can go straight to
``.to_textfiles()`` as JSON lines or to a dataframe.

>>> from distributed import Client                                    # doctest: +SKIP
>>> client = Client("scheduler:8786")                                 # doctest: +SKIP
>>> rows = rank_bag("job.txt", paths, npartitions=2000).compute()     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import dask.bag as db

from skillgap.analyzer import Analyzer, Source
from skillgap.models import Profile
from skillgap.rank import RankRow, rank_rows, score_file


def rank_bag(
    job: Source,
    paths: Iterable[str | Path],
    *,
    npartitions: int | None = None,
    top_missing: int = 5,
    redact: bool = False,
) -> db.Bag:
    """A lazy bag with one row dict per résumé (``RankRow`` fields), in input order."""
    job_profile = _analyzer().analyze(job)
    files = [str(path) for path in paths]
    bag = db.from_sequence(files, npartitions=npartitions or max(1, min(len(files), 100)))
    return bag.map_partitions(_score_partition, job_profile, top_missing, redact)


def rank(job: Source, paths: Iterable[str | Path], **options: object) -> list[RankRow]:
    """Compute :func:`rank_bag` on the current Dask scheduler and rank the rows, best first."""
    rows = rank_bag(job, paths, **options).compute()  # type: ignore[arg-type]
    return rank_rows(RankRow.model_validate(row) for row in rows)


@cache
def _analyzer() -> Analyzer:
    """One analyzer per process: built on a worker's first partition, then reused."""
    return Analyzer()


def _score_partition(
    paths: Iterable[str], job: Profile, top_missing: int, redact: bool
) -> list[dict[str, object]]:
    analyzer = _analyzer()
    return [score_file(analyzer, job, path, top_missing, redact).model_dump() for path in paths]
