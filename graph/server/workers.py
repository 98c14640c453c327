"""Running jobs in killable child processes, with a time limit and a bound on how many at once."""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from graph.server.worker import Job, Reply, serve_jobs

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


class _Worker:
    """A child process that performs jobs sent through a pipe, one at a time."""

    def __init__(self, context: Any) -> None:
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(target=serve_jobs, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


class Workers:
    """Run jobs in a pool of child processes; kill and replace one at the time limit.

    Workers are forked from a ``forkserver`` that has pyoxigraph and the SPARQL parser loaded,
    and each keeps its read-only opening of the store between jobs (until the store's files
    change), so a job costs little more than its query. A job past the limit gets its worker
    killed, which frees the CPU at once, and a fresh worker takes its place.

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
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
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

    def _worker(self) -> _Worker:
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            return _Worker(self._context)
        if worker.process.is_alive():
            return worker
        worker.stop()
        return _Worker(self._context)

    def _run(self, job: Job, deadline: float) -> Reply:
        worker = self._worker()
        try:
            worker.connection.send(job)
            if not worker.connection.poll(max(deadline - time.monotonic(), 0.0)):
                worker.stop()
                return Reply.text(
                    503, f"the {job.action.replace('graph-', 'graph store ')} was stopped after "
                    f"{self.timeout:g} s, this server's time limit; narrow it down or add LIMIT"
                )
            reply: Reply = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            code = worker.process.exitcode
            worker.stop()
            return Reply.text(500, f"the worker died (exit code {code})")
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        """Stop the idle workers."""
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return
