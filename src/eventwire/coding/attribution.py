"""Quotes and who says so: quotation spans, their speakers, and each event's attribution."""

from __future__ import annotations

import re

from ..model import Actor, Attribution, Document, Quote
from ..pipeline import stage
from .arguments import ActorIndex, subject_token
from .modality import modality_cues

QUOTE_SPANS = re.compile(r"\u201c([^\u201d]{3,}?)\u201d|\"([^\"\n]{3,}?)\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of quoted passages, without the quotation marks."""
    return [(m.start() + 1, m.end() - 1) for m in QUOTE_SPANS.finditer(text)]


def reporting_verb_near(parsed, start: int, end: int):
    """The reporting verb of a quote: the sentence's reporting verb outside the quoted span."""
    cues = modality_cues()
    sentence = parsed.char_span(start, end, alignment_mode="expand")
    if sentence is None:
        return None
    sentences = {sentence[0].sent, sentence[-1].sent}
    candidates = [t for sent in sorted(sentences, key=lambda s: s.start) for t in sent
                  if t.lemma_.lower() in cues.reporting_verbs and t.pos_ == "VERB" and not start <= t.idx < end]
    return candidates[0] if candidates else None


def speaker_of(verb, index: ActorIndex, text: str) -> tuple[Actor | None, str | None]:
    subject = subject_token(verb)
    if subject is None:
        return None, None
    actors = index.for_argument(subject)
    phrase = text[subject.left_edge.idx:subject.idx + len(subject)]
    return (actors[0] if actors else None), phrase


@stage("quotes", requires=["sentences", "mentions"], assigns=["quotes"])
def find_quotes(doc: Document) -> Document:
    index = ActorIndex(doc)
    quotes = []
    for start, end in quote_spans(doc.text):
        verb = reporting_verb_near(doc.parsed, start, end) if doc.parsed is not None else None
        speaker = None
        if verb is not None:
            actor, phrase = speaker_of(verb, index, doc.text)
            speaker = actor or (Actor(phrase, None, None, None, "speaker not resolved") if phrase else None)
        quotes.append(Quote(start, end, doc.text[start:end], speaker))
    doc.quotes = quotes
    return doc


def attribution_for(doc: Document, trigger, index: ActorIndex) -> Attribution | None:
    """Who claims the event: the quote around it, or the reporting verb that governs it."""
    cues = modality_cues()
    for quote in doc.quotes or ():
        if quote.start <= trigger.idx < quote.end and quote.speaker is not None:
            return as_attribution(quote.speaker, quoted=True)
    token = trigger
    for _ in range(5):
        if token.head.i == token.i:
            break
        token = token.head
        if token.lemma_.lower() in cues.reporting_verbs and token.pos_ == "VERB":
            actor, phrase = speaker_of(token, index, doc.text)
            if actor is not None or phrase:
                return as_attribution(actor or Actor(phrase, None), quoted=False)
    return according_to(doc, trigger, index)


def according_to(doc: Document, trigger, index: ActorIndex) -> Attribution | None:
    sentence = trigger.sent
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objects:
                actors = index.for_argument(objects[0])
                phrase = doc.text[objects[0].left_edge.idx:objects[0].right_edge.idx + len(objects[0].right_edge)]
                return as_attribution(actors[0] if actors else Actor(phrase, None), quoted=False)
    return None


def as_attribution(actor: Actor, quoted: bool) -> Attribution:
    return Attribution(actor.text, actor.country, actor.sector, quoted)
