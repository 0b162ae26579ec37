"""Score the files of a batch in worker processes, where a dead worker costs one row, not the run.

A pipeline meets files that kill the process reading them: the kernel's OOM killer ends the
worker holding a decompression bomb, a C parser crashes. Each worker reads its files one at a
time, in the order sent, so when one dies the first file it had not answered is the one it
died on: that file gets an error row, the files queued behind it go back to the queue, and a
fresh worker takes the next. A worker silent on one file for ``FILE_SECONDS`` is ended the
same way. After ``MAX_RESTARTS`` (plus one per 20 files) replacements the rest of the batch is
reported unscored rather than retried forever.

Workers are forked from a fork server that has loaded spaCy and the default Analyzer once
(:mod:`skillgap.batch.warm`), where the platform has one, else spawned; :func:`warm_up` starts
that server early, while the parent loads its own Analyzer. Workers die with the parent: a
thread in each waits on the parent's sentinel (and Linux also gets PR_SET_PDEATHSIG), so a
``kill -9`` of ``rank`` leaves no orphans. The server and the workers start with SIGINT
blocked: Ctrl-C reaches only the parent, which stops them and reports it once.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, Protocol, TypeVar

from skillgap.models import MatchRow, RankRow

Row = TypeVar("Row", RankRow, MatchRow, covariant=True)


class Task(Protocol, Generic[Row]):
    """A rank or match task: it turns one file into one row and never raises."""

    def score(self, path: str) -> Row: ...

    def failed(self, path: str, message: str) -> Row: ...


IN_FLIGHT_PER_WORKER = 2  # files sent ahead: one being read, one waiting, so no worker idles
MAX_RESTARTS = 8  # replacement workers per batch, plus one per 20 files
FILE_SECONDS = 120.0  # a worker silent this long on one file is ended (parsers are bounded)


def warm_up() -> None:
    """Start the fork server of the workers now, so that it loads while the caller does."""
    context = _context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with _sigint_blocked():  # the server, and every worker forked from it, inherit it
            forkserver.ensure_running()


def _context() -> multiprocessing.context.BaseContext:
    """Fork-server workers where there is one (POSIX), spawned ones elsewhere; both are safe
    with threads, unlike a plain fork."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["skillgap.batch.warm"])
    return context


def score_files(task: Task[Row], paths: list[str], *, jobs: int = 1) -> Iterator[Row]:
    """Yield one row per path, in completion order, using ``jobs`` processes.

    Workers get the task once, when they start.
    """
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield task.score(path)
        return
    pool = _Pool(task, min(jobs, len(paths)), restarts=MAX_RESTARTS + len(paths) // 20)
    try:
        yield from pool.run(deque(paths))
    finally:  # done, interrupted, or the consumer stopped early
        pool.close()


class _Worker:
    """One worker process, its end of the pipe, and the files it has not answered yet."""

    def __init__(self, context: multiprocessing.context.BaseContext, task: Task[Any]) -> None:
        ours, theirs = context.Pipe(duplex=True)
        self.process = context.Process(target=_work, args=(theirs, task), daemon=True)
        with _sigint_blocked():  # the child (or fork server) inherits it: no Ctrl-C reaches it
            self.process.start()
        theirs.close()
        self.connection: Connection = ours
        self.files: deque[str] = deque()
        self.ready = False  # it has loaded the task: only then is it sent files
        self.since = time.monotonic()  # start, or when its current file was sent or begun

    def send(self, path: str) -> None:
        if not self.files:
            self.since = time.monotonic()
        self.connection.send(path)
        self.files.append(path)

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class _Pool:
    def __init__(self, task: Task[Any], size: int, restarts: int) -> None:
        self.task = task
        self.context = _context()
        self.restarts = restarts
        self.workers = [_Worker(self.context, task) for _ in range(size)]

    def run(self, queue: deque[str]) -> Iterator[Any]:
        while queue or any(worker.files for worker in self.workers):
            for worker in self.workers:
                while worker.ready and queue and len(worker.files) < IN_FLIGHT_PER_WORKER:
                    try:
                        worker.send(queue[0])
                    except OSError:  # it died; its sentinel says so below
                        break
                    queue.popleft()
            busy = [worker for worker in self.workers if worker.files or not worker.ready]
            timeout = min((w.since + FILE_SECONDS for w in busy), default=None)
            if timeout is not None:
                timeout = max(0.0, timeout - time.monotonic())
            handles = [w.connection for w in self.workers]
            handles += [w.process.sentinel for w in self.workers]
            ready = set(wait(handles, timeout))
            for worker in list(self.workers):
                yield from self._answers(worker)
                dead = worker.process.sentinel in ready or not worker.process.is_alive()
                waiting = worker.files or not worker.ready
                late = waiting and time.monotonic() - worker.since > FILE_SECONDS
                if dead or late:
                    yield from self._replace(worker, queue, late=bool(late and not dead))

    def _answers(self, worker: _Worker) -> Iterator[Any]:
        """The rows this worker has sent, as many as are waiting in its pipe."""
        try:
            while worker.connection.poll():
                row = worker.connection.recv()
                worker.since = time.monotonic()
                if row is None:  # loaded and waiting for files
                    worker.ready = True
                    continue
                worker.files.popleft()
                yield row
        except (EOFError, OSError):  # it died; the caller replaces it
            return

    def _replace(self, worker: _Worker, queue: deque[str], *, late: bool) -> Iterator[Any]:
        """A worker died (or overstayed): its current file gets an error row, a fresh one
        takes over the queue."""
        worker.stop()
        self.workers.remove(worker)
        if worker.files:
            culprit = worker.files.popleft()
            queue.extendleft(reversed(worker.files))  # waiting behind it: read them again
            yield self.task.failed(culprit, _why(worker.process.exitcode, late))
        if self.restarts <= 0:
            if not self.workers:  # nobody is left: the rest of the batch is not scored
                while queue:
                    yield self.task.failed(queue.popleft(), _gave_up())
            return
        self.restarts -= 1
        if queue or not self.workers:
            self.workers.append(_Worker(self.context, self.task))

    def close(self) -> None:
        """End the workers at once: they hold nothing to save, and a clean exit of a process
        with spaCy loaded takes seconds."""
        for worker in self.workers:
            worker.stop()
        self.workers = []


def _why(exitcode: int | None, late: bool) -> str:
    if late:
        return (
            f"the worker reading it gave no answer for {FILE_SECONDS:g} s and was stopped; "
            "the file may be hostile; it was not scored"
        )
    if exitcode is not None and exitcode < 0:
        number = -exitcode
        try:
            label = signal.Signals(number).name
        except ValueError:
            label = f"signal {number}"
        how = f"killed by signal {number} ({label})"
        if number == signal.SIGKILL:
            how += ", as the kernel does when memory runs out"
    else:
        how = f"exit status {exitcode}"
    return (
        f"the worker process reading it died ({how}); the file may be hostile (a "
        "decompression bomb, a parser crash); it was not scored"
    )


def _gave_up() -> str:
    return (
        "not scored: worker processes kept dying, so the batch stopped starting new ones; "
        "check the memory limits of this machine"
    )


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT in this thread while a child starts; a Ctrl-C meanwhile arrives after.

    The resource tracker is started first: starting it unblocks SIGINT in the calling thread
    (multiprocessing restores its own mask), which would undo the block for the child.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _work(connection: Connection, task: Task[Any]) -> None:
    """A worker: score each path it receives until it receives None or the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    connection.send(None)  # the task is loaded (spawn unpickled it): ready for files
    while True:
        try:
            path = connection.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        connection.send(task.score(path))


def _die_with_parent() -> None:
    """End this process when the parent ends, however it ends (kill -9 included)."""
    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if parent is None:
        return
    sentinel = parent.sentinel
    if wait([sentinel], 0):  # it died already
        os._exit(1)

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="skillgap-parent-watch", daemon=True).start()
