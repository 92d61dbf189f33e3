"""Executors: the same events whether coded in-process, in a process pool or on a Dask cluster."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.scale import InProcess, ProcessPool, bounded_map, make_executor

from .test_batch import stored_doc_ids, stored_events, write_corpus

DOCUMENTS = 8


def code_with(corpus: Path, db: Path, *options: str) -> None:
    result = CliRunner().invoke(main, ["code", str(corpus), "--db", str(db), "--quiet", *options])
    assert result.exit_code == 0, result.output
    assert f"{DOCUMENTS} documents coded" in result.output


def parquet_rows(folder: Path) -> int:
    return sum(pq.read_metadata(path).num_rows for path in folder.rglob("*.parquet"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The corpus coded in-process: (corpus folder, stored events, stored doc_ids, Parquet rows)."""
    folder = tmp_path_factory.mktemp("scale")
    corpus = write_corpus(folder / "corpus", DOCUMENTS)
    db = folder / "in-process.duckdb"
    code_with(corpus, db, "--parquet", str(folder / "parquet"))
    return corpus, stored_events(db), stored_doc_ids(db), parquet_rows(folder / "parquet")


# ---------------------------------------------------------------- without the model


def test_bounded_map_keeps_at_most_window_tasks_in_flight_and_returns_every_result():
    in_flight_seen: list[int] = []

    def submit(item: int) -> Future:
        future: Future = Future()
        future.item = item  # type: ignore[attr-defined]
        return future

    def finish_one(pending: set[Future]) -> tuple[set[Future], set[Future]]:
        """Like ``wait(FIRST_COMPLETED)``: complete the oldest task, return it as done."""
        in_flight_seen.append(len(pending))
        oldest = min(pending, key=lambda future: future.item)
        oldest.set_result(oldest.item * oldest.item)
        return {oldest}, pending - {oldest}

    results = list(bounded_map(submit, range(50), 3, finish_one))
    assert results == [i * i for i in range(50)]
    assert max(in_flight_seen) == 3


def test_bounded_map_reads_a_callable_window_as_it_goes():
    windows = iter([1, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5])
    seen: list[int] = []

    def submit(item: int) -> Future:
        future: Future = Future()
        future.set_result(item)
        seen.append(item)
        return future

    results = list(bounded_map(submit, range(6), lambda: next(windows, 5), lambda pending: (pending, set())))
    assert sorted(results) == seen == list(range(6))


@pytest.mark.parametrize("options, kind", [({}, InProcess), ({"workers": 1}, InProcess),
                                           ({"workers": 2}, ProcessPool)])
def test_make_executor_picks_the_executor_the_options_ask_for(options, kind):
    executor = make_executor(**options)
    try:
        assert isinstance(executor, kind)
    finally:
        executor.close()


# ---------------------------------------------------------------- with the model


@pytest.mark.model
@pytest.mark.parametrize("executor", [
    pytest.param(("--workers", "2"), id="process-pool"),
    pytest.param(("--dask-local", "2"), id="local-dask", marks=pytest.mark.dask),
])
def test_two_workers_store_the_same_events_as_in_process(reference, tmp_path, executor):
    if executor[0] == "--dask-local":
        pytest.importorskip("dask.distributed")
    corpus, events, doc_ids, rows = reference
    db = tmp_path / "parallel.duckdb"
    code_with(corpus, db, *executor, "--parquet", str(tmp_path / "parquet"))
    assert stored_doc_ids(db) == doc_ids
    assert stored_events(db) == events != []
    assert parquet_rows(tmp_path / "parquet") == rows
