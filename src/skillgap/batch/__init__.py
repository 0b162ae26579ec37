"""Batch: rank many résumés against one job, in worker processes, resumable, or on Dask; or
match one résumé against many jobs.

Modules: ``rank`` (the task, one row per file, the ranking, the whole run), ``match`` (one
résumé, many job ads: the job seeker's ranking), ``pool`` (worker
processes), ``journal`` (rows appended as they finish; ``--resume``), ``inputs`` (files,
folders, globs), ``dask`` (the same rows on a cluster; needs the ``dask`` extra). It sits
beside the flow: it uses the :class:`~skillgap.Analyzer` and the report's row formats.
"""

from skillgap.batch.inputs import expand_inputs
from skillgap.batch.match import MatchTask, match, match_rows
from skillgap.batch.rank import RankTask, rank, rank_rows, run_rank

__all__ = [
    "MatchTask",
    "RankTask",
    "expand_inputs",
    "match",
    "match_rows",
    "rank",
    "rank_rows",
    "run_rank",
]
