"""The batch runner: input files -> executor -> store (+ JSON Lines, Parquet).

Documents already stored (same content hash) are not coded again, so a rerun
after an interruption resumes where it stopped and never duplicates anything.
Every document is written in one transaction: a kill leaves no half document.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from .api import Settings, code_article, read_articles
from .errors import EventwireError
from .model import Article, Document, document_record
from .scale import Executor, InProcess


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


def new_articles(articles: Iterable[Article | EventwireError], known: set[str], summary: RunSummary,
                 on_skip: Callable[[Article], None]) -> Iterator[Article]:
    """Articles not stored yet; bad inputs and repeats are counted, not coded."""
    for item in articles:
        if isinstance(item, EventwireError):
            summary.failures.append(str(item))
        elif item.content_hash in known:
            summary.skipped += 1
            on_skip(item)
        else:
            known.add(item.content_hash)
            yield item


def code_files(paths: Iterable[str], store, out: TextIO | None = None, published: dt.date | None = None,
               settings: Settings = Settings(), executor: Executor | None = None,
               progress: Callable[[Document], None] | None = None,
               parquet_dir: str | Path | None = None) -> RunSummary:
    """Code every input into ``store``; write each document's record to ``out`` if given."""
    summary, started = RunSummary(), time.perf_counter()
    executor = executor or InProcess()

    def write_stored(article: Article) -> None:
        if out is not None:
            for record in store.load_documents([article.doc_id]):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

    articles = new_articles(read_articles(paths, published), store.known_hashes(), summary, write_stored)
    for doc in executor.map(partial(code_article, settings=settings), articles):
        if store.add_document(doc):
            summary.documents += 1
            summary.sentences += len(doc.sentences or ())
            summary.events += len(doc.events or ())
        else:
            summary.skipped += 1
        if out is not None:
            out.write(json.dumps(document_record(doc), ensure_ascii=False) + "\n")
        if progress is not None:
            progress(doc)
    if parquet_dir is not None:  # the whole store, partitioned by publication month
        from .export import export

        export(store, "parquet", parquet_dir, partition_by_month=True)
    summary.seconds = time.perf_counter() - started
    return summary
