"""The CPU work of the server, off the event loop, in a bounded pool of threads.

Reading a PDF and matching skills hold a thread for tens of milliseconds to seconds; done on
the event loop they would stop every other request. Here they run in ``workers`` threads
sharing the one Analyzer (it is only read after construction), and the event loop keeps
answering: a decompression bomb takes one worker for at most its reading limits, never the
server. At most ``workers + queue`` requests hold or wait for a thread; the next one is
told ``busy`` at once rather than piling up. A slot is freed when its work really ends, not
when its caller stops waiting, so work that overran ``work_seconds`` still counts.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from skillgap.serve.limits import ServeLimits
from skillgap.serve.problems import ApiError

T = TypeVar("T")


class Workers:
    """A fixed pool of threads with an admission bound and an answer deadline."""

    def __init__(self, limits: ServeLimits) -> None:
        self.limits = limits
        self.executor = ThreadPoolExecutor(limits.workers, thread_name_prefix="skillgap-serve")
        self.slots = limits.workers + limits.queue
        self.taken = 0  # only touched on the event loop's thread

    async def run(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)`` in a worker thread; ``busy`` or ``timeout`` as an ApiError."""
        if self.taken >= self.slots:
            raise ApiError(
                "busy",
                f"all {self.limits.workers} workers are busy and {self.limits.queue} requests "
                "wait; retry in a moment",
            )
        loop = asyncio.get_running_loop()
        self.taken += 1
        future = self.executor.submit(function, *args)

        def done(_: object) -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed: the server is stopping
                loop.call_soon_threadsafe(self._release)

        future.add_done_callback(done)
        try:
            return await asyncio.wait_for(
                asyncio.shield(asyncio.wrap_future(future)), self.limits.work_seconds
            )
        except asyncio.TimeoutError:
            raise ApiError(
                "timeout",
                f"the work took over {self.limits.work_seconds:g} s (work_seconds); "
                "send fewer or smaller documents",
            ) from None

    def _release(self) -> None:
        self.taken -= 1

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
