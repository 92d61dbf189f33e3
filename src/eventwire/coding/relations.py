"""What is not an event: stated relations ('X and Y are allies') and the outlet's loaded words."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..datafiles import read_tsv
from ..model import Document, Evidence, Relation
from ..nlp import trimmed, words_among
from ..pipeline import stage
from .arguments import ActorIndex, objects_of

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def relation_nouns() -> dict[str, str]:
    return {row["noun"]: row["relation"] for _, row in read_tsv(DATA / "relations.tsv")}


@lru_cache(maxsize=1)
def framing_words() -> frozenset[str]:
    return frozenset(row["term"].lower() for _, row in read_tsv(DATA / "framing.tsv"))


def stated_relations(doc: Document, index: ActorIndex) -> list[Relation]:
    """Copular sentences: subject 'be' (an) ally/rival of X; or 'X and Y are allies'."""
    relations = []
    for position in words_among(doc.parsed, relation_nouns()):
        token = doc.parsed[position]
        kind = relation_nouns().get(token.lemma_.lower())
        if kind is None or token.dep_ != "attr" or token.head.lemma_ != "be":
            continue
        subjects = [a for s in token.head.children if s.dep_ == "nsubj" for a in index.for_argument(s)]
        partners = [a for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "to", "with")
                    for obj in objects_of(p) for a in index.for_argument(obj)]
        start, end = trimmed(doc.text, token.sent.start_char, token.sent.end_char)
        evidence = Evidence(start, end, doc.text[start:end])
        pairs = [(a, b) for a in subjects for b in partners] if partners else [
            (a, b) for i, a in enumerate(subjects) for b in subjects[i + 1:]]
        relations.extend(Relation(a, b, kind, evidence) for a, b in pairs
                         if a.country and b.country and a.country != b.country)
    return relations


def framing_terms(parsed, text: str) -> list[str]:
    """Loaded words with the adjectives in front of them, in order of first use; ``text`` is the
    parse's own (``Doc.text`` joins every word anew)."""
    words, terms = framing_words(), []
    for token in map(parsed.__getitem__, words_among(parsed, words)):
        if token.pos_ == "ADJ" and token.head.lower_ in words:
            continue  # reported with its noun
        modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound") and c.i == token.i - 1]
        start = modifiers[0].idx if modifiers else token.idx
        term = text[start:token.idx + len(token)]
        if term not in terms:
            terms.append(term)
    return terms


@stage("relations", requires=["sentences", "mentions"], assigns=["relations", "framing_terms"])
def find_relations(doc: Document) -> Document:
    doc.relations = stated_relations(doc, ActorIndex(doc))
    doc.framing_terms = framing_terms(doc.parsed, doc.text)
    return doc
