"""Executors: where the pipeline runs.  The stages never know which one is used.

Every executor maps ``code_article(article, settings)`` over a stream of
articles, keeping at most ``window`` of them in flight so memory stays bounded
however large the corpus, and yields results as they complete.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Executor(Protocol):
    def map(self, func: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]: ...

    def close(self) -> None: ...


class InProcess:
    """Runs in the calling process: the simplest and the reference for the others."""

    workers = 1

    def map(self, func, items):
        return map(func, items)

    def close(self) -> None:
        pass


def bounded_map(submit: Callable[[Item], Future], items: Iterable[Item], window: int | Callable[[], int],
                wait_any: Callable) -> Iterator:
    """Submit while fewer than ``window`` tasks are pending; yield results as they finish.

    ``window`` may be a callable, re-read before each submission: a cluster that
    grows while the run goes on (``cluster.scale``) then gets more work in flight.
    """
    window_now = window if callable(window) else (lambda: window)
    pending: set = set()
    iterator = iter(items)
    exhausted = False
    while pending or not exhausted:
        while not exhausted and len(pending) < window_now():
            try:
                pending.add(submit(next(iterator)))
            except StopIteration:
                exhausted = True
        if pending:
            done, pending = wait_any(pending)
            for future in done:
                yield future.result()


def _warm_worker() -> None:
    # Load the language model once per worker, before the first document arrives.
    from ..nlp import load_nlp

    load_nlp()


class ProcessPool:
    """N local worker processes."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker)

    def map(self, func, items):
        def wait_any(pending):
            done, rest = wait(pending, return_when=FIRST_COMPLETED)
            return done, set(rest)

        return bounded_map(lambda item: self.pool.submit(func, item), items, 4 * self.workers, wait_any)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskCluster:
    """An existing Dask cluster (``tcp://scheduler:8786``) or a local one of N worker processes.

    Workers must have eventwire (and its spaCy model) installed; each loads the
    model on its first document and keeps it.  Results come back to this process,
    which alone writes the store.
    """

    WORKER_COUNT_SECONDS = 5.0  # how often the in-flight window follows the cluster's size

    def __init__(self, address: str | None = None, local_workers: int | None = None):
        from dask.distributed import Client, LocalCluster

        if address:
            self.cluster = None
            self.client = Client(address)
        else:
            self.cluster = LocalCluster(n_workers=local_workers or os.cpu_count() or 1, threads_per_worker=1,
                                        processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        self._counted_at = float("-inf")
        self._count = local_workers or 1
        self.workers = self.worker_count()

    def worker_count(self) -> int:
        """Workers connected now (refreshed every few seconds; asking the scheduler costs a round trip)."""
        now = time.monotonic()
        if now - self._counted_at >= self.WORKER_COUNT_SECONDS:
            self._counted_at = now
            self._count = len(self.client.scheduler_info().get("workers", {})) or self._count
        return self._count

    def map(self, func, items):
        from dask.distributed import wait as dask_wait

        def wait_any(pending):
            result = dask_wait(list(pending), return_when="FIRST_COMPLETED")
            return result.done, set(result.not_done)

        return bounded_map(lambda item: self.client.submit(func, item, pure=False), items,
                           lambda: 4 * self.worker_count(), wait_any)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(workers: int = 1, dask: str | None = None, dask_local: int | None = None) -> Executor:
    if dask or dask_local:
        return DaskCluster(dask, dask_local)
    if workers > 1:
        return ProcessPool(workers)
    return InProcess()


__all__ = ["Executor", "InProcess", "ProcessPool", "DaskCluster", "make_executor"]
