"""The stage runner: order checked when the pipeline is built, each field set once."""

from __future__ import annotations

import pytest

from eventwire.errors import PipelineError
from eventwire.model import Article, Document, document_record
from eventwire.pipeline import Pipeline, stage


@stage("split", assigns=["sentences"])
def split(doc: Document) -> Document:
    doc.sentences = []
    return doc


@stage("times", requires=["sentences"], assigns=["times"])
def times(doc: Document) -> Document:
    doc.times = []
    return doc


@stage("again", requires=["sentences"], assigns=["sentences"])
def again(doc: Document) -> Document:
    return doc


def test_stages_run_in_order():
    doc = Pipeline([split, times]).run(Article("a", "Some text."))
    assert doc.sentences == [] and doc.times == []


def test_a_stage_before_what_it_needs_fails_when_built():
    with pytest.raises(PipelineError, match="E001: stage 'times' requires sentences"):
        Pipeline([times, split])


def test_a_field_set_twice_fails_when_built():
    with pytest.raises(PipelineError, match="E002"):
        Pipeline([split, again])


def test_the_parse_never_leaves_the_runner():
    @stage("parse", assigns=["parsed"])
    def parse(doc):
        doc.parsed = object()
        return doc

    assert Pipeline([parse]).run(Article("a", "x")).parsed is None


def test_document_record_follows_the_output_contract():
    record = document_record(Document(article=Article("d1", "Text.")))
    assert record["doc_id"] == "d1" and record["text"] == "Text." and record["events"] == []
    assert record["published"] is None
