"""Score the files of a batch in worker processes, a few queued per worker at a time."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Iterator
from typing import Any, Generic, Protocol, TypeVar

from skillgap.models import MatchRow, RankRow

Row = TypeVar("Row", RankRow, MatchRow, covariant=True)


class Task(Protocol, Generic[Row]):
    """A rank or match task: it turns one file into one row and never raises."""

    def score(self, path: str) -> Row: ...


IN_FLIGHT_PER_WORKER = 4  # files queued per worker: keeps workers busy, memory flat

_task: Task[Any] | None = None


def _init_worker(task: Task[Any]) -> None:
    """Runs once per worker process: the analyzer arrives pickled and rebuilds its matchers."""
    global _task
    _task = task


def _score_in_worker(path: str) -> RankRow | MatchRow:
    assert _task is not None, "worker not initialised"
    return _task.score(path)


def score_files(task: Task[Row], paths: list[str], *, jobs: int = 1) -> Iterator[Row]:
    """Yield one row per path, in completion order, using ``jobs`` processes.

    Workers start with ``spawn`` (safe with threads, same on every OS) and get the task once
    through the pool initializer.
    """
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield task.score(path)
        return
    pool = cf.ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(task,),
    )
    try:
        pending: set[cf.Future[Row]] = set()
        queue = iter(paths)
        limit = jobs * IN_FLIGHT_PER_WORKER
        while True:
            for path in queue:
                pending.add(pool.submit(_score_in_worker, path))
                if len(pending) >= limit:
                    break
            if not pending:
                break
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield future.result()
    except BaseException:  # interrupted, or the consumer stopped early: drop queued files
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
