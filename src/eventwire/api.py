"""The Python API: code text or files, open a store.  The CLI and the dashboard call only this."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .errors import EventwireError
from .model import Article, Document, Event
from .pipeline import Pipeline


@dataclass(frozen=True)
class Settings:
    """Everything that changes what the pipeline produces; workers rebuild the pipeline from it."""

    actor_files: tuple[str, ...] = ()
    # Parse only the sentences that could hold an event: faster, but on ordinary news it misses
    # events whose actors are named elsewhere in the article (bench/throughput.py prints how many).
    fast_path: bool = False


def build_pipeline(settings: Settings = Settings()) -> Pipeline:
    """The stages in order; the runner checks that each finds what it needs."""
    from .actors.kb import knowledge_base
    from .actors.resolve import actor_stage
    from .coding.attribution import find_quotes
    from .coding.cluster import cluster_mentions
    from .coding.coder import code_events, needs_entities
    from .coding.dating import dating_stage
    from .coding.relations import find_relations
    from .coding.prefilter import worth_parsing
    from .nlp import parse_stage
    from .when import find_times
    from .coding.placing import place_events
    from .where import find_places_stage

    kb = knowledge_base(settings.actor_files)
    parse = parse_stage(worth_parsing(kb), needs_entities) if settings.fast_path else parse_stage()
    return Pipeline([parse, find_times, actor_stage(kb), find_places_stage, find_quotes, find_relations,
                     code_events, dating_stage(kb), place_events, cluster_mentions])


@lru_cache(maxsize=4)
def pipeline_for(settings: Settings = Settings()) -> Pipeline:
    return build_pipeline(settings)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise EventwireError("E502", value=value) from None


def code_article(article: Article, settings: Settings = Settings()) -> Document:
    return pipeline_for(settings).run(article)


def code_articles(articles: list[Article], settings: Settings = Settings()) -> list[Document]:
    """Code a batch of articles together (the parse is batched: faster than one by one)."""
    return pipeline_for(settings).run_many(articles)


def code_document(text: str, published: str | dt.date | None = None, doc_id: str = "text",
                  **metadata) -> Document:
    """Code one text; returns the whole analysed ``Document`` (events, times, places, quotes...)."""
    article = Article(doc_id=doc_id, text=text, published=parse_date(published), **metadata)
    return code_article(article)


def code_text(text: str, published: str | dt.date | None = None, **metadata) -> list[Event]:
    """Code one text and return its events (one per happening, with evidence and provenance)."""
    return code_document(text, published, **metadata).events or []


def read_articles(paths: Iterable[str], published: dt.date | None = None) -> Iterator[Article | EventwireError]:
    from .ingest import read_inputs

    return read_inputs(paths, published=published)


def open(path: str | Path, read_only: bool = False):  # noqa: A001 - eventwire.open(path) reads naturally
    """Open (or create) an event store; its queries return pandas DataFrames."""
    from .store import Store

    return Store(path, read_only=read_only)
