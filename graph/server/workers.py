"""Running jobs in killable child processes, with a time limit and a bound on how many at once."""

from __future__ import annotations

import multiprocessing
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from graph.server.worker import Job, Reply, run_in_child

__all__ = ["ReadWriteLock", "Workers"]


def _preload() -> list[str]:
    """Modules the forkserver imports once, so that starting a child costs milliseconds.

    Each child runs the parent's main script again (``multiprocessing`` does that, and in
    Python 3.11 the forkserver's own ``__main__`` preload never happens); the modules that
    script imports are preloaded so that this costs nothing: the ``kg`` command's, and those
    of a ``python -m`` package.
    """
    modules = ["graph.server.worker"]
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is None and "graph.cli" in sys.modules:
        modules.append("graph.cli")
    return modules


class ReadWriteLock:
    """Many readers or one writer: updates wait for running queries and hold new ones back.

    A reader opens the on-disk store read-only, which must not happen while it is written. A
    waiting writer goes before readers that come after it, so a stream of queries cannot
    starve it. Waiting longer than ``timeout`` seconds raises :class:`TimeoutError`.

    Examples
    --------
    >>> lock = ReadWriteLock()
    >>> with lock.reading(), lock.reading():
    ...     lock.readers
    2
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.readers = 0
        self._writing = False
        self._waiting_writers = 0

    @contextmanager
    def reading(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the lock as one of many readers."""
        with self._cond:
            if not self._cond.wait_for(
                lambda: not self._writing and not self._waiting_writers, timeout
            ):
                raise TimeoutError("an update is running")
            self.readers += 1
        try:
            yield
        finally:
            with self._cond:
                self.readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the lock alone."""
        with self._cond:
            self._waiting_writers += 1
            try:
                if not self._cond.wait_for(
                    lambda: not self._writing and self.readers == 0, timeout
                ):
                    raise TimeoutError("queries are running")
            finally:
                self._waiting_writers -= 1
                self._cond.notify_all()
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Workers:
    """Run each job in a fresh child process and kill it at the time limit.

    Children are forked from a ``forkserver`` that has pyoxigraph and the SPARQL parser loaded,
    so starting one costs milliseconds.

    Parameters
    ----------
    timeout : float
        Seconds a job may run, waiting for a free slot included.
    slots : int
        Jobs running at once; more wait for a slot.
    """

    def __init__(self, timeout: float = 10.0, slots: int = 2) -> None:
        self.timeout = timeout
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(_preload())
        self._slots = threading.BoundedSemaphore(slots)
        self.lock = ReadWriteLock()

    def warm(self) -> None:
        """Start the forkserver now rather than on the first request."""
        from multiprocessing import forkserver

        forkserver.ensure_running()

    def run(self, job: Job) -> Reply:
        """Run ``job`` in a child; a job past the limit is killed and answered with 503."""
        deadline = time.monotonic() + self.timeout
        if not self._slots.acquire(timeout=self.timeout):
            return Reply.text(503, f"the server is busy; try again (limit {self.timeout:g} s)")
        try:
            writes = job.action in ("update", "graph-put", "graph-post", "graph-delete")
            remaining = max(deadline - time.monotonic(), 0.0)
            with self.lock.writing(remaining) if writes else self.lock.reading(remaining):
                return self._run(job, deadline)
        except TimeoutError as exc:
            return Reply.text(503, f"the server is busy ({exc}); try again")
        finally:
            self._slots.release()

    def _run(self, job: Job, deadline: float) -> Reply:
        receiver, sender = self._context.Pipe(duplex=False)
        process = self._context.Process(target=run_in_child, args=(job, sender), daemon=True)
        try:
            process.start()
            sender.close()
            if not receiver.poll(max(deadline - time.monotonic(), 0.0)):
                process.kill()
                process.join()
                return Reply.text(
                    503, f"the {job.action.replace('graph-', 'graph store ')} was stopped after "
                    f"{self.timeout:g} s, this server's time limit; narrow it down or add LIMIT"
                )
            try:
                reply: Reply = receiver.recv()
            except EOFError:
                process.join()
                return Reply.text(500, f"the worker died (exit code {process.exitcode})")
            process.join(5)
            return reply
        finally:
            receiver.close()
            if process.is_alive():
                process.kill()
                process.join()
