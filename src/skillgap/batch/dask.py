"""Rank résumés on a Dask cluster: the same rows as ``skillgap rank``, past one machine.

Install with ``pip install 'skillgap[dask]'``. The job is analysed once on the client and
shipped with each partition, with the analyzer's taxonomy and options; a worker process
builds one :class:`Analyzer` per taxonomy and options (on its first partition) and reuses it.
Paths must be readable from the workers (a shared file system, or mount the bucket); each
partition returns plain dicts, so a bag can go straight to ``.to_textfiles()`` as JSON lines
or to a dataframe.

>>> from distributed import Client                                    # doctest: +SKIP
>>> client = Client("scheduler:8786")                                 # doctest: +SKIP
>>> rows = rank_bag("job.txt", paths, npartitions=2000).compute()     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import dask.bag as db

from skillgap.analyzer import Analyzer, Source
from skillgap.batch.rank import RankTask, rank_rows
from skillgap.models import RankRow


def rank_bag(
    job: Source,
    paths: Iterable[str | Path],
    *,
    analyzer: Analyzer | None = None,
    npartitions: int | None = None,
    top_missing: int = 5,
) -> db.Bag:
    """A lazy bag with one row dict per résumé (``RankRow`` fields), in input order.

    ``analyzer`` carries the taxonomy (a custom one too) and the options to the workers.
    """
    analyzer = analyzer or Analyzer()
    task = RankTask(analyzer, analyzer.analyze(job), top_missing)
    files = [str(path) for path in paths]
    bag = db.from_sequence(files, npartitions=npartitions or max(1, min(len(files), 100)))
    return bag.map_partitions(_score_partition, task)


def rank(job: Source, paths: Iterable[str | Path], **settings: object) -> list[RankRow]:
    """Compute :func:`rank_bag` on the current Dask scheduler and rank the rows, best first."""
    rows = rank_bag(job, paths, **settings).compute()  # type: ignore[arg-type]
    return rank_rows(RankRow.model_validate(row) for row in rows)


def _score_partition(paths: Iterable[str], task: RankTask) -> list[dict[str, object]]:
    return [task.score(path).model_dump() for path in paths]
