"""Score the files of a batch in worker processes, where a dead worker costs one row, not the run.

A pipeline meets files that kill the process reading them: the kernel's OOM killer ends the
worker holding a decompression bomb, a C parser crashes. Each worker reads its files one at a
time, in the order sent, so when one dies the first file it had not answered is the one it
died on: that file gets an error row, the files queued behind it go back to the queue, and a
fresh worker takes the next. A worker silent on one file for ``FILE_SECONDS`` is ended the
same way. After ``MAX_RESTARTS`` (plus one per 20 files) replacements the rest of the batch is
reported unscored rather than retried forever.

Where it is safe (Linux, and this process runs one thread: ``rank``'s parent does until it
reads the job, and it never loads spaCy), the first worker is forked from this process. It
loads spaCy and the default Analyzer (:mod:`skillgap.batch.warm`), then forks the others,
which share those pages instead of each loading a copy; :func:`warm_up` starts this early, so
it happens while the parent reads the job, and the task arrives over the pipe. No process
that reads no file holds an Analyzer (a fork server preloaded with one was a third copy).
The others are that worker's children, so it reaps them and sends their exit status through
a pipe; if it dies first they go on with their files. Where a fork is not safe (more
threads, other systems), each worker comes from a fork server that has loaded the Analyzer
once, or is spawned. Workers die with the parent: a thread in each waits on the parent's
sentinel (and Linux also gets PR_SET_PDEATHSIG), so a ``kill -9`` of ``rank`` leaves no
orphans. Workers (and the fork server) start with SIGINT blocked: Ctrl-C reaches only the
parent, which stops them and reports it once.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import selectors
import signal
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
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
START_SECONDS = 300.0  # a worker not loaded after this long is ended (spaCy loads in ~1 s)

_spares: list[_Worker] = []  # started by warm_up, taken by the next batch


def warm_up(workers: int) -> None:
    """Start ``workers`` worker processes now: they load spaCy and the Analyzer while the
    caller reads the job, and the next :func:`score_files` hands them its task."""
    if len(_spares) < workers:
        _spares.extend(_Worker.start(_context(), workers - len(_spares)))


def _context() -> multiprocessing.context.BaseContext:
    """A plain fork while this process runs one thread (a fork copies only the thread that
    calls it, so another one could leave a lock held in the child for ever); else a fork
    server (POSIX) or spawned interpreters, both safe with threads.

    The first worker forks its siblings with numpy's BLAS threads running, as a fork server
    that has loaded spaCy does: that library prepares its threads for a fork.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _one_thread():
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["skillgap.batch.warm"])
    return context


def _one_thread() -> bool:
    """Whether this process runs a single thread, native ones included (numpy's BLAS starts
    some when spaCy loads, and ``threading`` does not see them); only Linux can tell."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc (not Linux): where a fork is not the default, do not risk it
        return False


def score_files(task: Task[Row], paths: list[str], *, jobs: int = 1) -> Iterator[Row]:
    """Yield one row per path, in completion order, using ``jobs`` processes.

    Workers get the task once, when they start.
    """
    if jobs <= 1 or len(paths) <= 1:
        _stop_spares()  # warmed up for nothing (a resumed run left one file): free them
        for path in paths:
            yield task.score(path)
        return
    pool = _Pool(task, min(jobs, len(paths)), restarts=MAX_RESTARTS + len(paths) // 20)
    try:
        yield from pool.run(deque(paths))
    finally:  # done, interrupted, or the consumer stopped early
        pool.close()


def _stop_spares() -> None:
    """End the workers warm_up started that no batch took."""
    while _spares:
        _spares.pop().stop()


class _Worker:
    """One worker process, its end of the pipe, and the files it has not answered yet."""

    def __init__(
        self,
        process: multiprocessing.process.BaseProcess | _Sibling,
        ours: Connection,
        sentinel: int | None = None,
    ) -> None:
        self.process = process
        self.connection = ours
        self.sentinel: int = process.sentinel if sentinel is None else sentinel  # ends with it
        self.pidfd = sentinel
        self.files: deque[str] = deque()
        self.ready = False  # it has loaded and has the task: only then is it sent files
        self.since = time.monotonic()  # start, or when its current file was sent or begun

    @classmethod
    def start(cls, context: multiprocessing.context.BaseContext, count: int) -> list[_Worker]:
        """``count`` workers. Forked from here, the first one forks the others once it has
        loaded, so they share its memory instead of each loading a copy."""
        share = context.get_start_method() == "fork" and hasattr(os, "pidfd_open")
        siblings = [_SiblingEnds.make() for _ in range(count - 1 if share else 0)]
        ours, theirs = context.Pipe(duplex=True)
        process = context.Process(target=_work, args=(theirs, siblings), daemon=True)
        with _sigint_blocked(context):  # the child (or fork server) inherits it: no Ctrl-C
            process.start()
        theirs.close()
        # Its siblings inherit the pipe multiprocessing sees it end by: a pidfd ends with it.
        pidfd = os.pidfd_open(process.pid) if siblings else None  # type: ignore[arg-type]
        workers = [cls(process, ours, pidfd)]
        for ends in siblings:
            workers.append(cls(_Sibling(ends.status), ends.ours))
            ends.close_theirs()
        others = count - len(workers)
        return workers + [w for _ in range(others) for w in cls.start(context, 1)]

    def give(self, task: Task[Any]) -> None:
        """Send the task, the worker's first message: it reads it once it has loaded."""
        with contextlib.suppress(OSError):  # it died; its sentinel says so
            self.connection.send(task)

    def late(self) -> bool:
        """Silent on its current file for ``FILE_SECONDS``, or not loaded in ``START_SECONDS``."""
        deadline = self.deadline()
        return deadline is not None and time.monotonic() > deadline

    def deadline(self) -> float | None:
        """When :meth:`late` turns true, if the worker owes an answer."""
        if self.files or not self.ready:
            return self.since + (FILE_SECONDS if self.ready else START_SECONDS)
        return None

    def send(self, path: str) -> None:
        if not self.files:
            self.since = time.monotonic()
        self.connection.send(path)
        self.files.append(path)

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.connection.close()  # a sibling not yet ready (pid unknown) reads the end of it
        if self.pidfd is None:
            self.process.join(timeout=5)
            return
        wait([self.pidfd], 5)  # join() waits on a pipe its siblings hold open too
        _ = self.process.exitcode  # reaps it
        os.close(self.pidfd)
        self.pidfd = None


@dataclass
class _SiblingEnds:
    """The pipes of a worker that the first worker will fork: the two ends of its task
    pipe, and its status pipe, which the first worker writes its exit status to."""

    ours: Connection
    theirs: Connection
    status: int  # read here
    status_w: int  # held by the first worker (which writes it) and the sibling (keep-alive)

    @classmethod
    def make(cls) -> _SiblingEnds:
        ours, theirs = multiprocessing.Pipe(duplex=True)
        status, status_w = os.pipe()
        return cls(ours, theirs, status, status_w)

    def close_theirs(self) -> None:
        self.theirs.close()
        os.close(self.status_w)


class _Sibling:
    """A worker forked by the first one: it is that worker's child, not ours, so its exit
    status comes through a pipe (the first worker reaps it and writes it there), and its pid
    with its first answer. The pipe ends when both are gone: if the first worker dies, the
    sibling holds it open and goes on with its files."""

    def __init__(self, status: int) -> None:
        self.sentinel = status
        self.pid: int | None = None
        self.exitcode: int | None = None
        self._ended = False

    def _ended_by(self, timeout: float | None) -> bool:
        if not self._ended and wait([self.sentinel], timeout):
            data = os.read(self.sentinel, 4)
            self.exitcode = struct.unpack("i", data)[0] if len(data) == 4 else None
            self._ended = True
            os.close(self.sentinel)
        return self._ended

    def is_alive(self) -> bool:
        return not self._ended_by(0)

    def kill(self) -> None:
        if self.pid is not None and self.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def join(self, timeout: float | None = None) -> None:
        self._ended_by(timeout)


class _Pool:
    def __init__(self, task: Task[Any], size: int, restarts: int) -> None:
        self.task = task
        self.restarts = restarts
        self.workers = _spares[:size]  # started early by warm_up, loading already
        del _spares[:size]
        _stop_spares()  # more than this batch needs (a resumed run has fewer files left)
        if len(self.workers) < size:
            self.workers += _Worker.start(_context(), size - len(self.workers))
        self.selector = selectors.DefaultSelector()  # watches every worker: one wait per row
        for worker in self.workers:
            self._watch(worker)
            worker.give(task)

    def _watch(self, worker: _Worker) -> None:
        self.selector.register(worker.connection, selectors.EVENT_READ)
        self.selector.register(worker.sentinel, selectors.EVENT_READ)

    def _unwatch(self, worker: _Worker) -> None:
        for handle in (worker.connection, worker.sentinel):
            with contextlib.suppress(KeyError, ValueError, OSError):
                self.selector.unregister(handle)

    def run(self, queue: deque[str]) -> Iterator[Any]:
        while queue or any(worker.files for worker in self.workers):
            for worker in self.workers:
                while worker.ready and queue and len(worker.files) < IN_FLIGHT_PER_WORKER:
                    try:
                        worker.send(queue[0])
                    except OSError:  # it died; its sentinel says so below
                        break
                    queue.popleft()
            deadlines = [d for w in self.workers if (d := w.deadline()) is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = {key.fileobj for key, _ in self.selector.select(timeout)}
            for worker in list(self.workers):
                dead = worker.sentinel in ready
                if dead or worker.connection in ready:
                    yield from self._answers(worker, every=dead)  # a dead one's last rows count
                late = not dead and worker.late()
                if dead or late:
                    yield from self._replace(worker, queue, late=late)

    def _answers(self, worker: _Worker, *, every: bool) -> Iterator[Any]:
        """The next message of this worker, which the selector says has come; with ``every``,
        all that are waiting in its pipe (it died: the next wait would not see them)."""
        try:
            while True:
                row = worker.connection.recv()
                worker.since = time.monotonic()
                if isinstance(row, int):  # its pid: loaded, task read, waiting for files
                    worker.ready = True
                    if isinstance(worker.process, _Sibling):
                        worker.process.pid = row
                else:
                    worker.files.popleft()
                    yield row
                if not (every and worker.connection.poll()):
                    return
        except (EOFError, OSError):  # it died; the caller replaces it
            return

    def _replace(self, worker: _Worker, queue: deque[str], *, late: bool) -> Iterator[Any]:
        """A worker died (or overstayed): its current file gets an error row, a fresh one
        takes over the queue."""
        self._unwatch(worker)
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
            [fresh] = _Worker.start(_context(), 1)
            self._watch(fresh)
            fresh.give(self.task)
            self.workers.append(fresh)

    def close(self) -> None:
        """End the workers at once: they hold nothing to save, and a clean exit of a process
        with spaCy loaded takes seconds."""
        for worker in self.workers:
            self._unwatch(worker)
            worker.stop()
        self.workers = []
        self.selector.close()


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
    elif exitcode is None:  # a sibling whose first worker died before it: no one reaped it
        how = "exit status unknown"
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
def _sigint_blocked(context: multiprocessing.context.BaseContext) -> Iterator[None]:
    """Block SIGINT in this thread while a child starts; a Ctrl-C meanwhile arrives after.

    A fork server or a spawned child needs the resource tracker, which is started first:
    starting it unblocks SIGINT in the calling thread (multiprocessing restores its own
    mask), which would undo the block for the child. A plain fork needs no tracker.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    if context.get_start_method() != "fork":
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _work(connection: Connection, siblings: list[_SiblingEnds]) -> None:
    """A worker: load; fork ``siblings``, which then share what it loaded; read the task,
    then score each path it receives until it receives None or the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(watch=False)  # the watch thread starts after the forks
    from skillgap.batch import warm  # noqa: F401 - spaCy and the Analyzer, before the task

    for ends in siblings:
        ends.ours.close()  # the parent's end: the sibling's end of file when it closes it
    for index, ends in enumerate(siblings):
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                connection.close()
                for other in siblings[:index] + siblings[index + 1 :]:
                    other.theirs.close()
                    os.close(other.status_w)
                _watch_parent()  # not its parent's death: that is this worker, a sibling
                _serve(ends.theirs)
                status = 0
            finally:
                os._exit(status)
        ends.theirs.close()
        threading.Thread(target=_reap, args=(pid, ends.status_w), daemon=True).start()
    _watch_parent()
    _serve(connection)


def _serve(connection: Connection) -> None:
    """Read the task, say so with this process's pid, then answer each path sent."""
    try:
        task: Task[Any] = connection.recv()  # its Analyzer unpickles to the one loaded
    except (EOFError, OSError):
        return
    connection.send(os.getpid())  # ready for files
    while True:
        try:
            path = connection.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        connection.send(task.score(path))


def _reap(pid: int, status_w: int) -> None:
    """Wait for a sibling this worker forked, and send its exit status to the parent."""
    with contextlib.suppress(ChildProcessError):
        _, status = os.waitpid(pid, 0)
        with contextlib.suppress(OSError):
            os.write(status_w, struct.pack("i", os.waitstatus_to_exitcode(status)))
    os.close(status_w)


def _die_with_parent(*, watch: bool = True) -> None:
    """End this process when the parent ends, however it ends (kill -9 included)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if watch:
        _watch_parent()


def _watch_parent() -> None:
    """A thread that ends this process when the parent (``rank``) ends: it waits on the
    parent's sentinel, which a sibling inherits from the worker that forked it."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel
    if wait([sentinel], 0):  # it died already
        os._exit(1)

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="skillgap-parent-watch", daemon=True).start()
