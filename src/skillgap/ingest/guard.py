"""Run a parser that cannot bound itself: under a deadline in this thread, or in a child.

pdfminer is pure Python, and a damaged page can keep it in one loop (operators, layout
grouping) far past ``max_seconds`` without returning to any code of ours. :func:`deadline`
arms one shared watchdog thread, which raises :class:`Expired` in the reading thread when the
time is up (``PyThreadState_SetAsyncExc``: the exception arrives between two bytecodes, in
any thread, with no signal handler taken from the application). ``Expired`` derives from
``BaseException`` so that no ``except Exception`` inside a parser swallows it.

Memory cannot be bounded that way. :func:`in_child` forks, sets RLIMIT_AS and RLIMIT_CPU in
the child, runs the function there and sends its result back; a child that dies, runs out of
memory or overstays is one clear error for the caller. Forking costs a few milliseconds, so
it is kept for what nothing cheaper bounds (a PDF whose encrypted streams cannot be checked).
"""

from __future__ import annotations

import contextlib
import ctypes
import heapq
import itertools
import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class Expired(BaseException):  # noqa: N818 - raised into a thread, not an error class
    """Raised by the watchdog into a thread whose deadline passed."""


class _Watchdog:
    """One daemon thread that raises :class:`Expired` into threads whose deadline passed."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.heap: list[tuple[float, int]] = []
        self.armed: dict[int, tuple[int, float]] = {}  # token -> (thread id, deadline)
        self.fired: set[int] = set()
        self.tokens = itertools.count()
        self.thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="skillgap-deadline")
                self.thread.daemon = True
                self.thread.start()
            token = next(self.tokens)
            due = time.monotonic() + seconds
            self.armed[token] = (threading.get_ident(), due)
            # The thread sleeps until the earliest deadline in the heap (a disarmed one too:
            # it is dropped when it comes up), so only an earlier one needs to wake it. Waking
            # it on every call cost a thread switch per file read.
            wake = not self.heap or due < self.heap[0][0]
            heapq.heappush(self.heap, (due, token))
            if wake:
                self.lock.notify()
            return token

    def disarm(self, token: int) -> bool:
        """Stop watching; True when the deadline had passed (a pending Expired is cancelled)."""
        with self.lock:
            self.armed.pop(token, None)
            if token not in self.fired:
                return False
            self.fired.discard(token)
            _raise_in(threading.get_ident(), None)  # not delivered yet: cancel it
            return True

    def _run(self) -> None:
        with self.lock:
            while True:
                while self.heap and self.heap[0][1] not in self.armed:
                    heapq.heappop(self.heap)
                if not self.heap:
                    self.lock.wait()
                    continue
                due, token = self.heap[0]
                left = due - time.monotonic()
                if left > 0:
                    self.lock.wait(left)
                    continue
                heapq.heappop(self.heap)
                thread, _ = self.armed.pop(token)
                self.fired.add(token)
                _raise_in(thread, Expired)


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(exception) if exception else None
    )


_watchdog = _Watchdog()


@contextlib.contextmanager
def deadline(seconds: float, expired: Callable[[], BaseException]) -> Iterator[None]:
    """Run the block for at most ``seconds``; past that, raise ``expired()`` instead."""
    token = _watchdog.arm(seconds)
    try:
        try:
            yield
        finally:
            late = _watchdog.disarm(token)
    except Expired:
        raise expired() from None
    if late:
        raise expired()


def in_child(
    function: Callable[..., T],
    args: tuple[Any, ...],
    *,
    seconds: float,
    memory: int,
    failed: Callable[[str], BaseException],
) -> T:
    """``function(*args)`` in a forked child limited to ``memory`` more bytes and ``seconds``.

    The child's exception, if it raised one that pickles, is raised here; a child that dies
    or overstays raises ``failed(reason)``. Without ``os.fork`` (Windows) it runs in-process.
    """
    if not hasattr(os, "fork"):
        return function(*args)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(reader)
        _child(writer, function, args, seconds, memory)
    os.close(writer)
    try:
        payload, reason = _collect(reader, pid, seconds + 1.0)
    finally:
        os.close(reader)
    if payload is None:
        raise failed(reason)
    ok, value = pickle.loads(payload)
    if ok:
        return value
    raise value


def _child(writer: int, function: Callable[..., Any], args: tuple, seconds: float, memory: int):  # noqa: ANN202
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent reports an interrupt
        import resource

        _lower(resource.RLIMIT_AS, _address_space() + memory)
        _lower(resource.RLIMIT_CPU, int(seconds) + 1)
        try:
            result = (True, function(*args))
        except MemoryError:  # the limit was reached: the parent reports it as such
            raise
        except Exception as error:  # noqa: BLE001 - sent to the parent, raised there
            result = (False, error)
        try:
            payload = pickle.dumps(result)
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            payload = pickle.dumps((False, RuntimeError(str(result[1]))))
        view = memoryview(payload)
        while view:
            view = view[os.write(writer, view) :]
        status = 0
    except BaseException:  # noqa: BLE001, S110 - MemoryError, a signal: the parent reports it
        pass
    finally:
        os._exit(status)


def _lower(kind: int, limit: int) -> None:
    """Set a resource limit, never above the hard limit already in force (ulimit -v)."""
    import resource

    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(kind, (limit, hard))


def _address_space() -> int:
    """This process's mapped address space (VmSize), in bytes."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _collect(reader: int, pid: int, seconds: float) -> tuple[bytes | None, str]:
    """Read the child's answer until it exits or ``seconds`` pass; always reap it."""
    chunks: list[bytes] = []
    due = time.monotonic() + seconds
    try:
        while True:
            left = due - time.monotonic()
            if left <= 0 or not select.select([reader], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                return None, "time"
            chunk = os.read(reader, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and chunks:
        return b"".join(chunks), ""
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return None, "time"
    return None, "memory"
