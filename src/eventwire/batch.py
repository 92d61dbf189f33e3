"""The batch runner: input files -> executor -> store (+ JSON Lines, Parquet).

Documents already stored (same content hash) are not coded again, so a rerun
after an interruption resumes where it stopped and never duplicates anything.
Coded documents are written in batches (``BATCH_SIZE`` documents or
``BATCH_SECONDS``, whichever comes first), one transaction each: a kill loses
at most the batch in progress, which the rerun codes again, and never leaves
half a document.  Memory stays bounded: inputs are streamed, the executor keeps
a fixed window of chunks (bounded in articles and characters) in flight and at
most one batch waits to be written.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from .api import Settings, code_article, code_articles, read_articles
from .errors import EventwireError, InputError
from .model import Article, Document, document_record
from .scale import Executor, InProcess

BATCH_SIZE = 32
BATCH_SECONDS = 2.0
# Articles coded together by one worker task: batching the parse is much faster, and a small
# chunk keeps memory bounded and the work spread evenly over workers.
CHUNK_SIZE = 8
# ...and at most this many characters (a longer article goes alone): a task holds every article's
# parse and findings until its chunk is done, so six copies of a 53,000-character page in one
# chunk peaked 31 MiB higher than each alone.  The parse itself batches by PARSE_BATCH_CHARS.
CHUNK_CHARS = 40_000
# Records of already-stored documents are read back for --out this many at a time:
# one store read per document would cost ~20 ms each on a large rerun.
STORED_CHUNK = 200
STDIN_NAME = "-"


@dataclass
class RunSummary:
    documents: int = 0  # coded and stored in this run
    skipped: int = 0  # already in the store
    sentences: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def describe(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents coded, {self.skipped} already stored, {self.failed} failed; "
                f"{self.sentences} sentences, {self.events} events; {self.seconds:.1f} s ({rate:.2f} documents/s)")


@dataclass(frozen=True)
class CodingFailed:
    """A document the pipeline raised on; a plain record so it pickles back from any worker."""

    message: str


def code_or_report(article: Article, settings: Settings = Settings()) -> Document | CodingFailed:
    """Run the pipeline; an exception on one document is reported, not fatal to the run."""
    try:
        return code_article(article, settings)
    except Exception as error:  # noqa: BLE001 - any stage, any input: report and go on
        reason = f"{type(error).__name__}: {error}"
        return CodingFailed(str(EventwireError("E601", doc_id=article.doc_id, reason=reason)))


def code_chunk(articles: list[Article], settings: Settings = Settings()) -> list[Document | CodingFailed]:
    """Code a few articles together (batched parse); if that fails, one by one to find the culprit."""
    try:
        return list(code_articles(articles, settings))
    except Exception:  # noqa: BLE001 - retried document by document, which reports the failure
        return [code_or_report(article, settings) for article in articles]


def chunks(items: Iterable[Article], size: int, max_chars: int | None = None) -> Iterator[list[Article]]:
    """Consecutive articles, ``size`` at most per chunk; with ``max_chars``, a chunk also ends
    before an article that would take its text past ``max_chars`` (an article that long goes alone)."""
    chunk: list[Article] = []
    chars = 0
    for item in items:
        if chunk and max_chars is not None and chars + len(item.text) > max_chars:
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += len(item.text)
        if len(chunk) == size:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


# ---------------------------------------------------------------- counting inputs


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold, cheaply (no parsing): one per file, one per
    non-blank ``.jsonl`` line.  ``None`` when standard input is among them (unknowable)."""
    from .ingest import input_kind, walk_directory

    total = 0
    for name in paths:
        if name == STDIN_NAME:
            return None
        path = Path(name)
        for found in (walk_directory(path) if path.is_dir() else [path]):
            is_jsonl = not isinstance(found, InputError) and input_kind(found.name) == "jsonl"
            total += count_jsonl_lines(found) if is_jsonl else 1
    return total


def count_jsonl_lines(path: Path) -> int:
    from .ingest.readers import open_binary

    try:
        with open_binary(path) as stream:
            return max(1, sum(1 for line in stream if line.strip()))
    except (OSError, EOFError, zlib.error):  # unreadable: reported as one failure when read
        return 1


# ---------------------------------------------------------------- writing


class BatchWriter:
    """Writes coded documents to the store a batch at a time, then their records to ``out``.

    The JSON Lines records of a batch are written only after its transaction
    commits, so ``out`` never names a document the store lacks.
    """

    def __init__(self, store, out: TextIO | None, summary: RunSummary, size: int = BATCH_SIZE,
                 seconds: float = BATCH_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.store, self.out, self.summary = store, out, summary
        self.size, self.seconds, self.clock = size, seconds, clock
        self.pending: list[Document] = []
        self.first_pending_at = 0.0
        self.stored_ids: list[str] = []  # already-stored documents still to write to ``out``

    def add(self, doc: Document) -> None:
        if not self.pending:
            self.first_pending_at = self.clock()
        self.pending.append(doc)
        if len(self.pending) >= self.size or self.clock() - self.first_pending_at >= self.seconds:
            self.flush()

    def add_stored(self, article: Article) -> None:
        if self.out is not None:
            self.stored_ids.append(article.doc_id)
            if len(self.stored_ids) >= STORED_CHUNK:
                self.flush_stored()

    def flush(self) -> None:
        if not self.pending:
            return
        batch = self.pending
        try:
            written = self.store.add_documents(batch, batch_size=len(batch))
        except ValueError:  # a doc_id stored with another text: find it, keep the rest
            batch = self.write_one_by_one(batch)
            written = len(batch)
        self.pending = []
        self.count(batch, written)
        if self.out is not None:
            for doc in batch:
                self.out.write(json.dumps(document_record(doc), ensure_ascii=False) + "\n")
            self.out.flush()  # the file then always lists what the store holds, batch by batch

    def write_one_by_one(self, batch: list[Document]) -> list[Document]:
        """The documents of ``batch`` now stored; each refused one becomes a failure."""
        stored = []
        for doc in batch:
            try:
                self.store.add_document(doc)
                stored.append(doc)
            except ValueError as error:
                self.summary.failures.append(str(EventwireError("E602", doc_id=doc.article.doc_id, reason=error)))
        return stored

    def count(self, batch: list[Document], written: int) -> None:
        # Inputs are filtered against the stored hashes first, so a batch is all new
        # unless another writer got there first (then its counts are approximate).
        self.summary.documents += written
        self.summary.skipped += len(batch) - written
        self.summary.sentences += sum(len(doc.sentences or ()) for doc in batch)
        self.summary.events += sum(len(doc.events or ()) for doc in batch)

    def flush_stored(self) -> None:
        """Write the records of already-stored documents to ``out``, from the store."""
        if self.out is None or not self.stored_ids:
            return
        self.flush()  # a repeat of a document coded in this run is readable only once it is written
        for record in self.store.load_documents(self.stored_ids):
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stored_ids = []

    def close(self) -> None:
        self.flush()
        self.flush_stored()


def new_articles(articles: Iterable[Article | EventwireError], known: set[str], summary: RunSummary,
                 on_skip: Callable[[Article], None], on_done: Callable[[int], None]) -> Iterator[Article]:
    """Articles not stored yet; bad inputs and repeats are counted (and reported as done), not coded."""
    for item in articles:
        if isinstance(item, EventwireError):
            summary.failures.append(str(item))
            on_done(1)
        elif item.content_hash in known:
            summary.skipped += 1
            on_skip(item)
            on_done(1)
        else:
            known.add(item.content_hash)
            yield item


def code_files(paths: Iterable[str], store, out: TextIO | None = None, published: dt.date | None = None,
               settings: Settings = Settings(), executor: Executor | None = None,
               progress: Callable[[int], None] | None = None,
               parquet_dir: str | Path | None = None, batch_size: int | None = None,
               batch_seconds: float | None = None) -> RunSummary:
    """Code every input into ``store``; write each document's record to ``out`` if given.

    ``progress(n)`` is called as ``n`` more inputs are done (coded, already
    stored or failed), so it can drive a bar whose total is ``count_inputs(paths)``.
    A batch is written every ``batch_size`` documents or ``batch_seconds``,
    whichever comes first (defaults ``BATCH_SIZE``, ``BATCH_SECONDS``).
    """
    summary, started = RunSummary(), time.perf_counter()
    executor = executor or InProcess()
    on_done = progress or (lambda n: None)
    writer = BatchWriter(store, out, summary, batch_size or BATCH_SIZE, batch_seconds or BATCH_SECONDS)
    articles = new_articles(read_articles(paths, published), store.known_hashes(), summary,
                            writer.add_stored, on_done)
    try:
        for results in executor.map(partial(code_chunk, settings=settings), chunks(articles, CHUNK_SIZE, CHUNK_CHARS)):
            for result in results:
                if isinstance(result, CodingFailed):
                    summary.failures.append(result.message)
                else:
                    writer.add(result)
                on_done(1)
    except KeyboardInterrupt:
        writer.flush()  # keep the work already coded; the rerun does the rest
        raise
    writer.close()
    if parquet_dir is not None:  # the whole store, partitioned by publication month
        from .export import export

        export(store, "parquet", parquet_dir, partition_by_month=True)
    summary.seconds = time.perf_counter() - started
    return summary
