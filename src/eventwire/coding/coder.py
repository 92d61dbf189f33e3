"""The event coder: pattern dictionary + dependency parse -> one event per (source, target, sentence)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..model import Actor, Document, Event, Evidence
from ..nlp import trimmed
from ..ontology import cameo_entry
from ..pipeline import stage
from .arguments import (ActorIndex, governing_verb, noun_sources, object_words, slot_tokens,
                        verb_sources)
from .attribution import attribution_for
from .modality import aux_modes
from .patterns import Pattern, PatternBook, pattern_book

# An intention wrapped around another event makes it AGREE (PLOVER Draft 2.0), with the
# CAMEO "express intent to ..." code for what is intended.
INTENT_CAMEO = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032", "CONCEDE": "035",
                "RETREAT": "035", "AGREE": "030"}
INNER_DEPS = ("xcomp", "acl", "ccomp", "advcl", "relcl", "pcomp", "dobj", "prep", "pobj", "conj")


@dataclass(frozen=True)
class Trigger:
    token: object
    pattern: Pattern


def token_pos(token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "VERB" and token.tag_ == "VBG"):
        return "NOUN"
    return None


def has_particle(token, particle: str | None) -> bool:
    if not particle:
        return True
    words = particle.split()
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dative", "dobj", "advmod") and child.lower_ == words[0]:
            rest = [t.lower_ for t in child.doc[child.i + 1: child.i + len(words)]]
            return rest == words[1:]
    return False


def pattern_matches(pattern: Pattern, token) -> bool:
    if not has_particle(token, pattern.particle):
        return False
    if not pattern.with_lemmas:
        return True
    if pattern.pos == "VERB":
        return bool(pattern.with_lemmas & object_words(token))
    verb = governing_verb(token)
    return verb is not None and verb.lemma_.lower() in pattern.with_lemmas


def find_trigger(token, book: PatternBook) -> Trigger | None:
    pos = token_pos(token)
    if pos is None:
        return None
    lemma = token.lemma_.lower()
    for pattern in book.candidates(pos, lemma) or book.candidates(pos, token.lower_):
        if pattern_matches(pattern, token):
            return Trigger(token, pattern)
    return None


def inner_trigger(trigger: Trigger, triggers: dict[int, Trigger]) -> Trigger | None:
    """The event an intention is about: 'plans to meet' -> meet; 'offered to hand over' -> hand over."""
    frontier = [trigger.token]
    for _ in range(3):
        frontier = [c for t in frontier for c in t.children if c.dep_ in INNER_DEPS]
        for token in frontier:
            found = triggers.get(token.i)
            if found is not None and "intent" not in found.pattern.flags:
                return found
    return None


class SentenceCoder:
    def __init__(self, doc: Document, book: PatternBook, index: ActorIndex):
        self.doc, self.book, self.index = doc, book, index

    def code(self, sentence) -> list[Event]:
        triggers = {t.i: trig for t in sentence if (trig := find_trigger(t, self.book))}
        consumed = self.consumed_by_verbs(triggers)
        events = []
        for position, trigger in sorted(triggers.items()):
            if position in consumed:
                continue
            inner = inner_trigger(trigger, triggers) if "intent" in trigger.pattern.flags else None
            if inner is not None:
                consumed.add(inner.token.i)
            events.extend(self.events_for(trigger, inner, sentence))
        return events

    def consumed_by_verbs(self, triggers: dict[int, Trigger]) -> set[int]:
        """A noun trigger that is the object of a verb trigger is the same event ('imposed sanctions')."""
        consumed = set()
        for position, trigger in triggers.items():
            if trigger.pattern.pos == "NOUN" and "intent" not in trigger.pattern.flags:
                verb = governing_verb(trigger.token)
                if verb is not None and verb.i in triggers and "intent" not in triggers[verb.i].pattern.flags:
                    consumed.add(position)
        return consumed

    def sources(self, token, pattern: Pattern) -> list[Actor]:
        if pattern.pos == "VERB":
            return verb_sources(self.index, token)
        return noun_sources(self.index, token)

    def targets(self, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
        """The first target slot of the pattern that names an actor other than the source."""
        for slot in trigger.pattern.targets:
            actors = [a for tok in slot_tokens(trigger.token, slot) for a in self.index.for_argument(tok)
                      if not any(same_actor(a, s) for s in sources)]
            if actors:
                return actors
        return []

    def events_for(self, trigger: Trigger, inner: Trigger | None, sentence) -> list[Event]:
        pattern, token = trigger.pattern, trigger.token
        sources = self.sources(token, pattern)
        if not sources:
            return []
        targets = (self.targets(inner, sources) if inner else []) or self.targets(trigger, sources)
        if inner is not None:
            event_type, cameo, mode = "AGREE", INTENT_CAMEO.get(inner.pattern.type, "030"), None
            coder = f"pattern:{pattern.id}+{inner.pattern.id}"
            aux_token = token
        else:
            event_type, cameo, mode = pattern.type, pattern.cameo, pattern.mode
            coder, aux_token = f"pattern:{pattern.id}", token
        dyads = self.dyads(sources, targets, pattern if inner is None else inner.pattern)
        aux = aux_modes(aux_token)
        attribution = attribution_for(self.doc, token, self.index)
        start, end = trimmed(self.doc.text, sentence.start_char, sentence.end_char)
        evidence = Evidence(start, end, self.doc.text[start:end])
        trigger_span = (token.idx, token.idx + len(token))
        entry = cameo_entry(cameo)
        return [Event(source=source, target=target, type=event_type, cameo=cameo, goldstein=entry.goldstein,
                      quad=entry.quad, evidence=[evidence], coder=coder, mode=mode,
                      context=list(entry.context), aux=list(aux),
                      attribution=attribution, confidence=confidence(source, target, pattern),
                      trigger=trigger_span)
                for source, target in dyads]

    @staticmethod
    def dyads(sources: list[Actor], targets: list[Actor], pattern: Pattern) -> list[tuple[Actor, Actor | None]]:
        if targets:
            pairs = [(s, t) for s in sources for t in targets if not same_actor(s, t)]
        elif len(sources) > 1 and "symmetric" in pattern.flags:
            pairs = [(a, b) for a, b in combinations(sources, 2) if not same_actor(a, b)]
        elif "no_target" in pattern.flags:
            pairs = [(s, None) for s in sources]
        else:
            pairs = []
        return distinct_dyads(pairs)


def distinct_dyads(pairs: list[tuple[Actor, Actor | None]]) -> list[tuple[Actor, Actor | None]]:
    """'the regime in Venezuela' names Venezuela twice: one event per country-and-sector dyad."""
    seen, result = set(), []
    for source, target in pairs:
        key = (source.country, source.sector, target.country if target else None, target.sector if target else None)
        if key not in seen:
            seen.add(key)
            result.append((source, target))
    return result


def same_actor(a: Actor, b: Actor) -> bool:
    return a.country == b.country and a.sector == b.sector and (a.actor_id == b.actor_id or a.text == b.text)


def confidence(source: Actor, target: Actor | None, pattern: Pattern) -> float:
    score = 0.5 + 0.1 * bool(pattern.with_lemmas or pattern.particle)
    for actor in (source, target):
        if actor is not None and actor.reason and not actor.reason.startswith(("pronoun", "'")):
            score += 0.15
    return round(min(score, 0.95), 2)


@stage("events", requires=["sentences", "mentions", "quotes"], assigns=["event_mentions"])
def code_events(doc: Document) -> Document:
    """Assign ``doc.event_mentions``: one event per trigger, dyad and sentence."""
    book = pattern_book()
    index = ActorIndex(doc)
    coder = SentenceCoder(doc, book, index)
    events = []
    for sentence in doc.parsed.sents:
        if index.has_any(sentence):
            events.extend(coder.code(sentence))
    doc.event_mentions = events
    return doc
