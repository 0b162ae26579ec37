"""The worker pool of rank: a worker that dies costs the row of the file it was reading, no more.

The tasks here are light stand-ins for RankTask (the pool needs only ``score`` in the worker
and ``failed`` in the parent), so each worker starts in a fraction of a second; the real
command, with a killed worker among real résumés, is tested in tests/cli/test_cli_hostile.py.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass

import pytest

from skillgap.batch import pool
from skillgap.models import RankRow

pytestmark = pytest.mark.slow  # worker processes


@pytest.fixture(autouse=True, params=["fork", "fork server"])
def start(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test with workers forked from this process and from the fork server (what the
    pool falls back on while this process runs other threads)."""
    monkeypatch.setattr(pool, "_one_thread", lambda: request.param == "fork")
    return str(request.param)


@dataclass(frozen=True)
class Task:
    """Scores a file as the length of its name; a file named ``kill-*`` kills its worker."""

    deadly: str = "kill-"
    stall: str = "stall-"

    def score(self, path: str) -> RankRow:
        if path.startswith(self.deadly):
            os.kill(os.getpid(), signal.SIGKILL)
        if path.startswith(self.stall):
            time.sleep(3600)
        return RankRow(file=path, score=len(path), job="job.txt")

    def failed(self, path: str, reason: str) -> RankRow:
        return RankRow(file=path, error=f"{path}: {reason}", job="job.txt")


def _rows(paths: list[str], jobs: int = 2) -> dict[str, RankRow]:
    rows = list(pool.score_files(Task(), paths, jobs=jobs))  # type: ignore[arg-type]
    assert len(rows) == len(paths)
    return {row.file: row for row in rows}


def test_workers_warmed_up_early_take_the_next_batch_and_extra_ones_end() -> None:
    pool.warm_up(3)
    spares = [worker.process for worker in pool._spares]
    assert len(spares) == 3
    rows = _rows([f"cv-{number}.txt" for number in range(6)])
    assert all(row.score == len("cv-0.txt") for row in rows.values())
    assert pool._spares == []
    assert not any(process.is_alive() for process in spares)  # two scored, one was not needed


def test_a_killed_worker_costs_only_the_row_of_its_file() -> None:
    paths = [f"cv-{number:02d}.txt" for number in range(12)]
    paths[5:5] = ["kill-me.txt"]
    rows = _rows(paths)
    assert "worker process reading it died (killed by signal 9 (SIGKILL)" in (
        rows["kill-me.txt"].error or ""
    )
    assert all(rows[path].score == len(path) for path in paths if path != "kill-me.txt")


def test_a_machine_that_kills_every_worker_still_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "MAX_RESTARTS", 1)
    paths = [f"kill-{number}.txt" for number in range(6)]
    rows = _rows(paths)
    reasons = sorted((row.error or "").split(": ", 1)[1][:20] for row in rows.values())
    assert all(row.score is None for row in rows.values())
    assert reasons.count("not scored: worker p") >= 1
    assert "the worker process r" in reasons


def test_a_silent_worker_is_ended_and_its_file_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "FILE_SECONDS", 2.0)
    rows = _rows(["a.txt", "stall-forever.txt", "b.txt", "c.txt"])
    assert "gave no answer for 2 s" in (rows["stall-forever.txt"].error or "")
    assert [rows[name].score for name in ("a.txt", "b.txt", "c.txt")] == [5, 5, 5]


def test_workers_forked_by_the_first_one_outlive_it(start: str) -> None:
    if start != "fork" or not hasattr(os, "pidfd_open"):
        pytest.skip("only forked workers share the first one's memory")
    first, sibling = pool._Worker.start(pool._context(), 2)
    try:
        assert isinstance(sibling.process, pool._Sibling)
        for worker in (first, sibling):
            worker.give(Task())
        assert first.connection.recv() == first.process.pid
        sibling.process.pid = sibling.connection.recv()
        first.stop()  # killed, as by the kernel
        sibling.send("cv.txt")
        assert sibling.connection.recv().score == len("cv.txt")
        assert sibling.process.is_alive()
    finally:
        for worker in (first, sibling):
            worker.stop()
    assert not sibling.process.is_alive()
