"""The array-level attribute ruler and lemmatizer, and numpy's matrix products in place of BLIS, give
exactly the stock pipeline's tokens."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from thinc.api import Model, NumpyOps

from eventwire.fast_components import ArrayAttributeRuler, use_array_rules
from eventwire.nlp import MODEL_NAME, blas_threads, load_nlp, parse_texts

from .conftest import shared_path

SENTENCES = [
    "I don't think they'll sign it, and I can't say we won't.",
    "The minister's aides said the U.S. army's 3rd Brigade wasn't there.",
    "NATO AND THE EU CONDEMNED THE ATTACK ON 12 MARCH.",
    "A 20-year-old man was shot dead in a 2-hour stand-off; 1,500 people fled.",
    '"We are ready," he said. \'They aren\'t,\' she replied.',
    "It's gonna rain, y'all: let's go, c'mon!  Nothin' ain't free.",
    "There is no doubt. There were protests.\n\nI met them and they met me.",
    "Does he have it? He did, and has done so since the 1990s.",
    "Officials who had been detained were released by the police on Tuesday.",
    "   Leading spaces, then\ttabs and\n\nbreaks.   ",
]


def token_rows(parsed) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in parsed]


def hand_built(use_stand_ins: bool):
    """A blank pipeline with a ruler whose rules overlap: a later rule must win."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET", "LEMMA": "the"})
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}]], {"POS": "PRON"})
    ruler.add([[{"LOWER": "new"}, {"TEXT": {"REGEX": "^Y"}}]], {"POS": "PROPN", "LEMMA": "York"}, index=-1)
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "new"]}, "IS_SPACE": False}]], {"MORPH": "Foreign=Yes"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE", "MORPH": "_"})
    if use_stand_ins:
        use_array_rules(nlp)
    return nlp


@pytest.mark.parametrize("text", ["The new York", "the  NEW York. A new year", "new", ""])
def test_hand_built_rules(text):
    assert token_rows(hand_built(True)(text)) == token_rows(hand_built(False)(text))
    assert isinstance(hand_built(True).get_pipe("attribute_ruler"), ArrayAttributeRuler)


def test_unsupported_rule_keeps_the_stock_ruler():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    use_array_rules(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)


@pytest.fixture(scope="module")
def stock():
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def assert_same_tokens(stock, texts: list[str]) -> None:
    for expected, parsed in zip(stock.pipe(texts), load_nlp().pipe(texts), strict=True):
        assert token_rows(parsed) == token_rows(expected)


@pytest.mark.model
def test_model_pipeline_uses_stand_ins(stock):
    assert load_nlp().pipe_names == stock.pipe_names
    assert isinstance(load_nlp().get_pipe("attribute_ruler"), ArrayAttributeRuler)


@pytest.mark.model
def test_model_multiplies_with_numpy():
    nodes = [node for _, component in load_nlp().pipeline if isinstance(getattr(component, "model", None), Model)
             for node in component.model.walk()]
    assert nodes and all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in nodes)


@pytest.mark.model
def test_parse_uses_one_blas_thread(monkeypatch):
    seen = []
    real_pipe = load_nlp().pipe
    monkeypatch.setattr(load_nlp(), "pipe", lambda texts: seen.append(blas_threads().info()) or real_pipe(texts))
    parse_texts(["The army shelled the town."])
    blas = [lib for info in seen for lib in info if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)


@pytest.mark.model
@pytest.mark.parametrize("text", SENTENCES)
def test_sentence(stock, text):
    assert token_rows(load_nlp()(text)) == token_rows(stock(text))


@pytest.mark.model
def test_sentences_in_one_batch(stock):
    assert_same_tokens(stock, SENTENCES)


@pytest.mark.model
@pytest.mark.shared
def test_seed_article(stock):
    assert_same_tokens(stock, [shared_path("examples", "nk-venezuela-solidarity.txt").read_text()])


@pytest.mark.model
@pytest.mark.shared
def test_meantime_texts(stock):
    lines = shared_path("data", "meantime-en", "meantime_en.jsonl").read_text().splitlines()
    assert_same_tokens(stock, [json.loads(line)["text"] for line in lines if line.strip()][:20])
