"""The Stage protocol and the runner.

A stage is a callable ``Document -> Document`` that declares which
``Document`` fields it ``requires`` and which it ``assigns``.  The runner
checks the order when it is built, so a mis-ordered pipeline fails at once,
and each field is set by exactly one stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Protocol, runtime_checkable

from .errors import PipelineError
from .model import Article, Document

# Fields an Article-backed Document has before any stage runs.
INITIAL_FIELDS = frozenset({"article", "text"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class FunctionStage:
    """Wraps a plain function as a stage; ``run_batch`` optionally does many documents at once."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Document], Document]
    run_batch: Callable[[list[Document]], list[Document]] | None = None

    def __call__(self, doc: Document) -> Document:
        return self.run(doc)


def stage(name: str, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Decorator: ``@stage("times", requires=["sentences"], assigns=["times"])``."""

    def wrap(func: Callable[[Document], Document]) -> FunctionStage:
        return FunctionStage(name, tuple(requires), tuple(assigns), func)

    return wrap


class Pipeline:
    def __init__(self, stages: Iterable[Stage]):
        self.stages = list(stages)
        self._check_order()

    def _check_order(self) -> None:
        available = set(INITIAL_FIELDS)
        for st in self.stages:
            missing = [f for f in st.requires if f not in available]
            if missing:
                raise PipelineError("E001", stage=st.name, missing=", ".join(missing))
            twice = [f for f in st.assigns if f in available]
            if twice:
                raise PipelineError("E002", stage=st.name, fields=", ".join(twice))
            available.update(st.assigns)

    @property
    def names(self) -> list[str]:
        return [st.name for st in self.stages]

    def run(self, article: Article) -> Document:
        return self.run_many([article])[0]

    def run_many(self, articles: list[Article]) -> list[Document]:
        """Run every stage over a batch; stages with a ``run_batch`` see the whole batch."""
        docs = [Document(article=article) for article in articles]
        for st in self.stages:
            batch = getattr(st, "run_batch", None)
            docs = batch(docs) if batch is not None else [st(doc) for doc in docs]
        for doc in docs:
            doc.parsed = None  # the spaCy Doc never leaves the worker
        return docs

    def __call__(self, article: Article) -> Document:
        return self.run(article)
