"""The event coder: pattern dictionary + dependency parse -> one event per (source, target, sentence).

Most patterns code their own type.  A *wrapper* pattern (flags ``intent``, ``threat``,
``refusal``, ``request``, ``deontic``) takes the event it governs ('plans to meet',
'threatened to attack', 'refused to withdraw', 'urged X to release', 'said X must
return') and codes the statement about it, following PLOVER Draft 2.0: promised
cooperation is AGREE, promised force is THREATEN, refused cooperation is REJECT and
asked-for action is REQUEST, each with the CAMEO code of what was promised, refused or
asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..model import Actor, Document, Event, Evidence
from ..nlp import trimmed
from ..ontology import cameo_entry
from ..pipeline import stage
from .arguments import ActorIndex, governing_verb, is_passive, noun_sources, object_words, slot_tokens, verb_sources
from .attribution import attribution_for
from .modality import aux_modes, obligation_clauses
from .patterns import WRAPPER_FLAGS, Pattern, PatternBook, pattern_book

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# Types whose events are often reported without their agent ('were killed', 'was arrested').
UNNAMED_AGENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# What is promised (AGREE: CAMEO 03x), refused (REJECT: 12x) or asked for (REQUEST: 02x / 10x).
INTENT_CAMEO = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032", "CONCEDE": "035",
                "RETREAT": "035", "AGREE": "030"}
REFUSAL_CAMEO = {"CONSULT": "125", "AID": "122", "COOPERATE": "121", "SUPPORT": "120", "CONCEDE": "124",
                 "RETREAT": "124", "AGREE": "127"}
APPEAL_CAMEO = {"CONSULT": "026", "AID": "023", "COOPERATE": "021", "SUPPORT": "022", "CONCEDE": "025",
                "RETREAT": "025", "AGREE": "027"}
DEMAND_CAMEO = {"CONSULT": "106", "AID": "103", "COOPERATE": "101", "SUPPORT": "102", "CONCEDE": "105",
                "RETREAT": "105", "AGREE": "107"}
ASK_MODE = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
            "CONCEDE": "yield", "RETREAT": "yield"}
# Threatened force: the CAMEO 13x code and THREATEN mode for the kind of act threatened.
THREAT_OF = {"ASSAULT": ("138", "violence"), "MOBILIZE": ("138", "violence"), "COERCE": ("137", None),
             "SANCTION": ("131", "relations"), "PROTEST": ("133", None)}
THREAT_MODES = {"restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"}
INNER_DEPS = ("xcomp", "acl", "ccomp", "advcl", "relcl", "pcomp", "dobj", "prep", "pobj", "conj", "nsubjpass")


@dataclass(frozen=True)
class Trigger:
    token: object
    pattern: Pattern

    @property
    def wrapper(self) -> str | None:
        return next((f for f in WRAPPER_FLAGS if f in self.pattern.flags), None)


@dataclass(frozen=True)
class Coding:
    """What an event is coded as: type, CAMEO code, mode and the pattern ids that gave it."""

    type: str
    cameo: str
    mode: str | None
    coder: str


def token_pos(token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if token.pos_ == "ADJ":
        return "ADJ"
    return None


def has_particle(token, particle: str | None) -> bool:
    if not particle:
        return True
    words = particle.split()
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dative", "dobj", "advmod", "agent") and child.lower_ == words[0]:
            rest = [t.lower_ for t in child.doc[child.i + 1: child.i + len(words)]]
            return rest == words[1:]
    return False


def pattern_matches(pattern: Pattern, token) -> bool:
    if not has_particle(token, pattern.particle):
        return False
    if "deontic" in pattern.flags and not obligation_clauses(token):
        return False
    if not pattern.with_lemmas:
        return True
    if pattern.pos == "VERB":
        return bool(pattern.with_lemmas & object_words(token))
    if pattern.pos == "ADJ":
        return bool(pattern.with_lemmas & {c.lemma_.lower() for c in token.children})
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
    """The event a wrapper is about: 'plans to meet' -> meet; 'offered to hand over' -> hand over."""
    frontier = [trigger.token]
    for _ in range(3):
        frontier = [c for t in frontier for c in t.children if c.dep_ in INNER_DEPS]
        for token in frontier:
            found = triggers.get(token.i)
            if found is not None and found.wrapper is None:
                return found
    return None


def wrapped_coding(trigger: Trigger, inner: Trigger | None) -> Coding | None:
    """The coding of a wrapper pattern around ``inner``; None when the wrapper codes nothing."""
    pattern, kind = trigger.pattern, trigger.wrapper
    own = Coding(pattern.type, pattern.cameo, pattern.mode, f"pattern:{pattern.id}")
    if inner is None:
        return own
    inner_type, coder = inner.pattern.type, f"pattern:{pattern.id}+{inner.pattern.id}"
    if kind == "intent":
        if inner_type in COOPERATIVE:
            return Coding("AGREE", INTENT_CAMEO[inner_type], None, coder)
        if inner_type in FORCEFUL:
            return threat_coding(inner, coder)
        return None  # 'vowed to condemn': the inner statement codes itself
    if kind == "threat":
        return threat_coding(inner, coder)
    if kind == "refusal":
        if inner_type in COOPERATIVE:
            return Coding("REJECT", REFUSAL_CAMEO[inner_type], ASK_MODE.get(inner_type), coder)
        return None  # 'refused to condemn': a negated accusation, not a rejection
    table = DEMAND_CAMEO if pattern.cameo.startswith("10") else APPEAL_CAMEO
    if inner_type in COOPERATIVE:
        return Coding("REQUEST", table[inner_type], ASK_MODE.get(inner_type), coder)
    return Coding("REQUEST", pattern.cameo, pattern.mode, coder)


def threat_coding(inner: Trigger, coder: str) -> Coding:
    cameo, mode = THREAT_OF.get(inner.pattern.type, ("130", None))
    if inner.pattern.type == "SANCTION" and inner.pattern.cameo == "163":
        cameo, mode = "1312", "restrict"
    if mode is None and inner.pattern.mode in THREAT_MODES:
        mode = inner.pattern.mode
    return Coding("THREATEN", cameo, mode, coder)


def stated_intention(coding: Coding, aux: list[str]) -> tuple[Coding, list[str]]:
    """'X will meet Y' states an intention (AGREE); 'X will not withdraw' states a refusal (REJECT)."""
    if coding.type not in COOPERATIVE or "future" not in aux or "hypothetical" in aux:
        return coding, aux
    rest = [a for a in aux if a not in ("future", "negation")]
    if "negation" in aux:
        return Coding("REJECT", REFUSAL_CAMEO[coding.type], ASK_MODE.get(coding.type), coding.coder), rest
    if coding.type == "AGREE":
        return coding, aux
    return Coding("AGREE", INTENT_CAMEO[coding.type], None, coding.coder), rest


class SentenceCoder:
    def __init__(self, doc: Document, book: PatternBook, index: ActorIndex):
        self.doc, self.book, self.index = doc, book, index

    def code(self, sentence) -> list[Event]:
        triggers = {t.i: trig for t in sentence if (trig := find_trigger(t, self.book))}
        consumed = self.consumed_by_verbs(triggers)
        plans = []
        for position, trigger in sorted(triggers.items()):
            if trigger.wrapper is None:
                plans.append((trigger, None, None))
                continue
            inner = inner_trigger(trigger, triggers)
            coding = wrapped_coding(trigger, inner)
            if coding is not None:
                if inner is not None:
                    consumed.add(inner.token.i)
                plans.append((trigger, inner, coding))
        events = []
        for trigger, inner, coding in plans:
            if trigger.token.i not in consumed:
                events.extend(self.events_for(trigger, inner, coding, sentence))
        return events

    def consumed_by_verbs(self, triggers: dict[int, Trigger]) -> set[int]:
        """A noun trigger that is the object of a verb trigger is the same event ('imposed sanctions')."""
        consumed = set()
        for position, trigger in triggers.items():
            if trigger.pattern.pos == "NOUN" and trigger.wrapper is None:
                verb = governing_verb(trigger.token)
                if verb is not None and verb.i in triggers and triggers[verb.i].wrapper is None:
                    consumed.add(position)
        return consumed

    def sources(self, token, pattern: Pattern) -> list[Actor]:
        if pattern.pos == "VERB":
            return verb_sources(self.index, token)
        if pattern.pos == "ADJ":  # 'X is willing to ...': the subject of the copula
            return verb_sources(self.index, token.head) if token.head.i != token.i else []
        return noun_sources(self.index, token)

    def targets(self, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
        """The first target slot of the pattern that names an actor other than the source."""
        for find in (self.index.for_argument, self.index.arguments):
            for slot in trigger.pattern.targets:
                actors = [a for tok in slot_tokens(trigger.token, slot) for a in find(tok)
                          if not any(same_actor(a, s) for s in sources)]
                if actors:
                    return actors
        return []

    def event_targets(self, trigger: Trigger, inner: Trigger | None, sources: list[Actor]) -> list[Actor]:
        if inner is None:
            return self.targets(trigger, sources)
        if trigger.wrapper in ("request", "deontic"):  # 'urged Iran to release ...': who is asked
            return self.targets(trigger, sources) or self.targets(inner, sources)
        return self.targets(inner, sources) or self.targets(trigger, sources)

    def events_for(self, trigger: Trigger, inner: Trigger | None, coding: Coding | None, sentence) -> list[Event]:
        pattern, token = trigger.pattern, trigger.token
        if coding is None:
            coding = Coding(pattern.type, pattern.cameo, pattern.mode, f"pattern:{pattern.id}")
        sources = self.sources(token, pattern)
        if not sources and coding.type in UNNAMED_AGENT_TYPES and has_unnamed_agent(token, pattern):
            sources = [Actor("", None, None, None, "agent not named")]
        if not sources:
            return []
        targets = self.event_targets(trigger, inner, sources)
        aux = aux_modes(token)
        if inner is None:
            coding, aux = stated_intention(coding, aux)
        dyads = self.dyads(sources, targets, pattern if inner is None else inner.pattern)
        attribution = attribution_for(self.doc, token, self.index)
        start, end = trimmed(self.doc.text, sentence.start_char, sentence.end_char)
        evidence = Evidence(start, end, self.doc.text[start:end])
        trigger_span = (token.idx, token.idx + len(token))
        entry = cameo_entry(coding.cameo)
        return [Event(source=source, target=target, type=coding.type, cameo=coding.cameo,
                      goldstein=entry.goldstein, quad=entry.quad, evidence=[evidence], coder=coding.coder,
                      mode=coding.mode, context=list(entry.context), aux=list(aux), attribution=attribution,
                      confidence=confidence(source, target, pattern), trigger=trigger_span)
                for source, target in dyads]

    @staticmethod
    def dyads(sources: list[Actor], targets: list[Actor], pattern: Pattern) -> list[tuple[Actor, Actor | None]]:
        if targets:
            pairs = [(s, t) for s in sources for t in targets if not same_actor(s, t)]
        elif len(sources) > 1 and "symmetric" in pattern.flags:
            pairs = [(a, b) for a, b in combinations(sources, 2) if not same_actor(a, b)]
        elif "needs_target" in pattern.flags:
            pairs = []
        else:
            pairs = [(s, None) for s in sources]
        return distinct_dyads(pairs)


def has_unnamed_agent(token, pattern: Pattern) -> bool:
    """'were killed', or 'a car bomb killed ...': force used by someone the sentence does not name."""
    if pattern.pos != "VERB":
        return False
    if is_passive(token):
        return not any(c.dep_ == "agent" for c in token.children)
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in token.children)


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
        if actor is not None and actor.country and actor.reason and not actor.reason.startswith(("pronoun", "'")):
            score += 0.15
    if not source.country:
        score -= 0.2
    return round(min(max(score, 0.1), 0.95), 2)


@stage("events", requires=["sentences", "mentions", "quotes"], assigns=["event_mentions"])
def code_events(doc: Document) -> Document:
    """Assign ``doc.event_mentions``: one event per trigger, dyad and sentence."""
    from ..actors.kb import knowledge_base

    book = pattern_book()
    index = ActorIndex(doc, knowledge_base().roles)
    coder = SentenceCoder(doc, book, index)
    events = []
    for sentence in doc.parsed.sents:
        events.extend(coder.code(sentence))
    doc.event_mentions = events
    return doc
