"""The batch runner: batched writes, resume after a kill, no duplicates, bad inputs reported."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire import batch
from click.testing import CliRunner

from eventwire.api import open as open_store
from eventwire.batch import BatchWriter, RunSummary, code_files, count_inputs
from eventwire.cli import main
from eventwire.model import Article, Document, Sentence
from eventwire.store import Store

# Hand-written wire-style sentences; documents are made of them in different orders.
WIRE_SENTENCES = (
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.",
    "The two leaders signed an agreement on energy cooperation, the Kremlin said.",
    "Japan pledged $10 million in aid to the Philippines after the typhoon.",
    "Germany accused Russia of a cyberattack on its parliament.",
    "Police arrested twelve protesters outside the French embassy in Ankara on Wednesday.",
    "The United States imposed new sanctions on Iran over its missile programme.",
    "Indian Prime Minister Narendra Modi visited Nepal and met its prime minister.",
    "Egypt hosted talks between Israeli and Palestinian negotiators in Cairo.",
    "Brazil recalled its ambassador to Venezuela after the disputed election.",
    "South Korea and Japan agreed to share military intelligence, officials said.",
    "Turkish troops shelled Kurdish positions in northern Syria on Thursday.",
    "The Kenyan government rejected a demand by opposition leaders for new elections.",
    "Mexico asked the United States to extradite a former governor.",
    "Pakistan warned India that it would respond to any attack.",
    "France sent two warships to the eastern Mediterranean.",
    "Nigeria and Ghana signed a trade deal in Abuja on Friday.",
)
DATELINES = ("MOSCOW", "TOKYO", "BERLIN", "ANKARA", "CAIRO", "NAIROBI")


def wire_text(index: int, sentences: int = len(WIRE_SENTENCES)) -> str:
    """A unique wire report: a dateline, the sentences rotated by ``index`` (then again
    backwards, for up to twice as many), a sign-off."""
    shift = index % len(WIRE_SENTENCES)
    rotated = WIRE_SENTENCES[shift:] + WIRE_SENTENCES[:shift]
    body = " ".join((rotated + rotated[::-1])[:sentences])
    return f"{DATELINES[index % len(DATELINES)]}, March {1 + index % 28} (Wire) - {body}\nReported by desk {index}.\n"


def write_corpus(folder: Path, count: int, sentences: int = len(WIRE_SENTENCES)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"wire-{index:03d}.txt").write_text(wire_text(index, sentences), encoding="utf-8")
    return folder


def stored_events(db: Path) -> list[tuple]:
    """The stored event table without ids and timestamps, in a stable order."""
    with open_store(db, read_only=True) as store:
        table = store.events(asserted_only=False).drop(columns=["event_id", "coded_at"])
    rows = [tuple(json.dumps(value, default=str) for value in row) for row in table.itertuples(index=False)]
    return sorted(rows)


def stored_doc_ids(db: Path) -> list[str]:
    with open_store(db, read_only=True) as store:
        return sorted(store.documents()["doc_id"])


# ---------------------------------------------------------------- without the model


def fake_document(article: Article) -> Document:
    first = article.text.split(".")[0] + "."
    return Document(article=article, sentences=[Sentence(0, len(first), first)], events=[])


class FakeExecutor:
    """Codes nothing: wraps each article as a document, and can raise Ctrl-C after ``stop_after``."""

    workers = 1

    def __init__(self, stop_after: int | None = None):
        self.stop_after = stop_after

    def map(self, func, chunks):
        done = 0
        for chunk in chunks:  # the runner sends articles in chunks, each coded together
            results = []
            for article in chunk:
                if done == self.stop_after:
                    raise KeyboardInterrupt
                results.append(fake_document(article))
                done += 1
            yield results

    def close(self) -> None:
        pass


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def documents_in(store: Store) -> int:
    return store.stats()["documents"]


def article_of_length(index: int, chars: int) -> Article:
    return Article(doc_id=f"a{index}", text="x" * chars)


@pytest.mark.parametrize("lengths, max_chars, expected", [
    ((10, 10, 10, 10), None, [3, 1]),  # by count alone
    ((10, 10, 10, 10), 100, [3, 1]),  # short articles: still by count
    ((10, 10, 50, 10, 10, 10, 10), 30, [2, 1, 3, 1]),  # the long one alone, then by count again
    ((50, 50), 30, [1, 1]),  # an article longer than the bound still goes, alone
])
def test_chunks_end_at_size_articles_or_before_max_chars(lengths, max_chars, expected):
    articles = [article_of_length(index, chars) for index, chars in enumerate(lengths)]
    found = list(batch.chunks(articles, 3, max_chars))
    assert [len(chunk) for chunk in found] == expected
    assert [article for chunk in found for article in chunk] == articles  # every article once, in order


def test_code_files_sends_chunks_bounded_in_characters(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_CHARS", len(wire_text(0)) + 1)  # room for one wire report
    corpus = write_corpus(tmp_path / "corpus", 3)
    sizes: list[int] = []

    class RecordingExecutor(FakeExecutor):
        def map(self, func, chunks):
            chunks = list(chunks)
            sizes.extend(len(chunk) for chunk in chunks)
            return super().map(func, chunks)

    with Store(":memory:") as store:
        summary = code_files([str(corpus)], store, executor=RecordingExecutor())
    assert summary.documents == 3
    assert sizes == [1, 1, 1]


def test_count_inputs_counts_files_and_jsonl_lines_without_parsing(tmp_path):
    write_corpus(tmp_path / "corpus", 3)
    (tmp_path / "corpus" / "notes.csv").write_text("ignored")
    (tmp_path / "lines.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\nnot json\n')
    paths = [str(tmp_path / "corpus"), str(tmp_path / "lines.jsonl"), str(tmp_path / "missing.txt")]
    assert count_inputs(paths) == 3 + 3 + 1
    assert count_inputs([str(tmp_path / "lines.jsonl"), "-"]) is None


@pytest.mark.parametrize("size, adds, expected_stored", [(2, 1, 0), (2, 2, 2), (2, 3, 2), (4, 3, 0)])
def test_the_writer_flushes_every_batch_size_documents(size, adds, expected_stored):
    with Store(":memory:") as store:
        writer = BatchWriter(store, None, RunSummary(), size=size, seconds=60, clock=FakeClock())
        for index in range(adds):
            writer.add(fake_document(Article(doc_id=f"d{index}", text=wire_text(index))))
        assert documents_in(store) == expected_stored
        writer.close()
        assert documents_in(store) == adds


def test_the_writer_flushes_after_batch_seconds():
    clock = FakeClock()
    with Store(":memory:") as store:
        writer = BatchWriter(store, None, RunSummary(), size=100, seconds=2.0, clock=clock)
        writer.add(fake_document(Article(doc_id="d0", text=wire_text(0))))
        clock.now = 1.9
        writer.add(fake_document(Article(doc_id="d1", text=wire_text(1))))
        assert documents_in(store) == 0
        clock.now = 2.0
        writer.add(fake_document(Article(doc_id="d2", text=wire_text(2))))
        assert documents_in(store) == 3


def test_json_lines_are_written_only_once_their_batch_is_stored(tmp_path):
    out = (tmp_path / "out.jsonl").open("w+", encoding="utf-8")
    with Store(":memory:") as store:
        writer = BatchWriter(store, out, RunSummary(), size=2, seconds=60, clock=FakeClock())
        writer.add(fake_document(Article(doc_id="d0", text=wire_text(0))))
        out.flush()
        assert (tmp_path / "out.jsonl").read_text() == ""
        writer.add(fake_document(Article(doc_id="d1", text=wire_text(1))))
        out.flush()
        assert [json.loads(line)["doc_id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()] == [
            "d0", "d1"]


def test_a_doc_id_stored_with_another_text_fails_alone_and_the_batch_is_kept():
    summary = RunSummary()
    with Store(":memory:") as store:
        store.add_document(fake_document(Article(doc_id="taken", text="An older text.")))
        writer = BatchWriter(store, None, summary, size=3, seconds=60, clock=FakeClock())
        for doc_id, index in (("new-1", 1), ("taken", 2), ("new-3", 3)):
            writer.add(fake_document(Article(doc_id=doc_id, text=wire_text(index))))
        assert documents_in(store) == 3
    assert summary.documents == 2 and len(summary.failures) == 1
    assert summary.failures[0].startswith("E602: taken: not stored")


def test_a_rerun_skips_stored_documents_and_still_writes_every_record(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 5)
    with Store(tmp_path / "e.duckdb") as store:
        first = code_files([str(corpus)], store, executor=FakeExecutor(), batch_size=2)
        with (tmp_path / "again.jsonl").open("w", encoding="utf-8") as out:
            second = code_files([str(corpus)], store, out=out, executor=FakeExecutor(), batch_size=2)
        assert documents_in(store) == 5
    assert (first.documents, first.skipped) == (5, 0)
    assert (second.documents, second.skipped) == (0, 5)
    records = [json.loads(line) for line in (tmp_path / "again.jsonl").read_text().splitlines()]
    assert sorted(r["doc_id"] for r in records) == [f"wire-{i:03d}" for i in range(5)]


def test_the_same_text_twice_in_one_run_is_stored_once(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 2)
    (corpus / "copy.txt").write_text(wire_text(0), encoding="utf-8")
    with Store(tmp_path / "e.duckdb") as store:
        summary = code_files([str(corpus)], store, executor=FakeExecutor())
        assert documents_in(store) == 2
    assert (summary.documents, summary.skipped) == (2, 1)


def test_ctrl_c_keeps_what_was_coded_and_the_rerun_codes_only_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_SIZE", 1)  # one document per task: Ctrl-C after the fourth
    corpus = write_corpus(tmp_path / "corpus", 6)
    with Store(tmp_path / "e.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            code_files([str(corpus)], store, executor=FakeExecutor(stop_after=4), batch_size=32)
        assert documents_in(store) == 4
        rerun = code_files([str(corpus)], store, executor=FakeExecutor())
        assert documents_in(store) == 6
    assert (rerun.documents, rerun.skipped) == (2, 4)


def test_bad_inputs_are_reported_and_the_rest_stored(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 3)
    (corpus / "empty.txt").write_text("")
    (corpus / "blob.txt").write_bytes(b"\x00\x01\x02" * 40)
    with Store(tmp_path / "e.duckdb") as store:
        summary = code_files([str(corpus), str(tmp_path / "missing.txt")], store, executor=FakeExecutor())
        assert documents_in(store) == 3
    assert summary.documents == 3 and summary.failed == 3
    assert {failure[:4] for failure in summary.failures} == {"E101", "E102", "E103"}


def test_progress_counts_every_input_once(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 4)
    (corpus / "empty.txt").write_text("")
    ticks: list[int] = []
    with Store(tmp_path / "e.duckdb") as store:
        code_files([str(corpus)], store, executor=FakeExecutor(), progress=ticks.append)
        code_files([str(corpus)], store, executor=FakeExecutor(), progress=ticks.append)
    assert sum(ticks) == 2 * count_inputs([str(corpus)]) == 10


# ---------------------------------------------------------------- with the model


@pytest.mark.model
def test_cli_reports_bad_inputs_stores_the_rest_and_exits_non_zero(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 2, sentences=3)
    (corpus / "empty.txt").write_text("")
    (corpus / "lines.jsonl").write_text(json.dumps({"text": wire_text(7, 3)}) + "\n{broken\n")
    db, out = tmp_path / "e.duckdb", tmp_path / "e.jsonl"
    result = CliRunner().invoke(main, ["code", str(corpus), "--db", str(db), "--out", str(out), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "empty.txt: file is empty" in result.output and "lines.jsonl: line 2" in result.output
    assert "3 documents coded" in result.output and "2 failed" in result.output
    assert stored_doc_ids(db) == ["lines:1", "wire-000", "wire-001"]
    assert len(out.read_text().splitlines()) == 3


@pytest.mark.model
def test_a_rerun_never_duplicates_and_still_writes_every_record(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 4, sentences=4)
    db, out = tmp_path / "e.duckdb", tmp_path / "e.jsonl"
    first = CliRunner().invoke(main, ["code", str(corpus), "--db", str(db), "--quiet"])
    events = stored_events(db)
    second = CliRunner().invoke(main, ["code", str(corpus), "--db", str(db), "--out", str(out), "--quiet"])
    assert first.exit_code == second.exit_code == 0, second.output
    assert "0 documents coded, 4 already stored" in second.output
    assert stored_events(db) == events and events
    assert sorted(json.loads(line)["doc_id"] for line in out.read_text().splitlines()) == stored_doc_ids(db)


def eventwire_code(*args: str, batch_size: int | None = None) -> list[str]:
    """``eventwire code ARGS`` in a new process, optionally with smaller batches (so a kill can land
    between two of them however fast the machine is)."""
    smaller = f"import eventwire.batch as b; b.BATCH_SIZE = {batch_size}; b.CHUNK_SIZE = 1; " if batch_size else ""
    return [sys.executable, "-c", f"{smaller}from eventwire.cli import main; main()", "code", *args]


def kill_once_some_are_stored(command: list[str], out: Path, timeout: float = 120) -> int:
    """Start ``command``; SIGKILL it once ``out`` names a stored document; the lines seen then."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and process.poll() is None:
            lines = out.read_text().count("\n") if out.exists() else 0
            if lines:  # records are written only after their batch commits
                process.send_signal(signal.SIGKILL)
                process.wait()
                return lines
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    pytest.fail(f"the run ended before it could be killed midway (exit {process.returncode}): "
                f"{process.stderr.read().decode()[-2000:]}")


@pytest.mark.model
def test_a_run_killed_midway_then_rerun_stores_exactly_what_one_run_stores(tmp_path):
    total = 30
    corpus = write_corpus(tmp_path / "corpus", total, sentences=2 * len(WIRE_SENTENCES))  # several 2 s batches
    reference_db = tmp_path / "reference.duckdb"
    with open_store(reference_db) as store:
        code_files([str(corpus)], store)
    killed_db, out = tmp_path / "killed.duckdb", tmp_path / "killed.jsonl"
    command = eventwire_code(str(corpus), "--db", str(killed_db), "--out", str(out), "--workers", "1", "--quiet",
                             batch_size=4)
    stored_when_killed = kill_once_some_are_stored(command, out)
    assert 0 < stored_when_killed < total
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    coded, skipped = map(int, re.search(r"(\d+) documents coded, (\d+) already stored", rerun.stderr).groups())
    assert coded + skipped == total and skipped >= stored_when_killed  # a batch may commit just before its lines
    assert stored_doc_ids(killed_db) == stored_doc_ids(reference_db)
    assert stored_events(killed_db) == stored_events(reference_db) != []
