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
from .arguments import (NESTED_TARGET_PREPS, ActorIndex, direct_objects, objects_of, governing_verb, is_passive,
                        nested_targets, noun_sources, object_words, purpose_clauses, slot_tokens, subject_token,
                        verb_sources, word_lemmas)
from .attribution import attribution_for
from .modality import aux_modes, is_negated, modality_cues, obligation_clauses
from .patterns import DEFAULT_TARGETS, WRAPPER_FLAGS, Pattern, PatternBook, pattern_book

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# Types whose events are often reported without their agent ('were killed', 'was arrested').
UNNAMED_AGENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Modes whose passive reports leave the agent, the authorities, unnamed ('was put under investigation').
UNNAMED_AGENT_MODES = frozenset({"investigate"})
LOCATION_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT", "CONCEDE"})
# Where such an act happened: 'at a jail in X', 'near the border in X'.
LOCATIVE_PREPS = ("at", "near", "outside", "inside", "into", "across", "along", "around")
PLACE_PREPS = (*NESTED_TARGET_PREPS, "in", *LOCATIVE_PREPS)
# Subjects that are the means of an attack ('a car bomb killed ...'), and mishaps that are not attacks.
WEAPONS = frozenset({"bomb", "bombing", "blast", "explosion", "attack", "strike", "airstrike", "missile", "rocket",
                     "shell", "mortar", "mine", "grenade", "gunfire", "raid", "ambush", "shelling", "drone",
                     "bomber", "gunman", "sniper", "explosive", "device", "bulldozer", "tank", "jet", "warplane",
                     "helicopter", "artillery", "aircraft", "plane", "gunboat", "warship"})
MISHAPS = frozenset({"earthquake", "flood", "accident", "crash", "storm", "landslide", "avalanche", "cyclone",
                     "hurricane", "typhoon", "tsunami", "blaze", "collision", "stampede", "epidemic", "outbreak",
                     "disease", "heatwave", "drought", "famine", "wildfire", "fire"})
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
# How a wrapper reaches the event it is about: first through a complement ('plans to meet',
# 'refused to withdraw', 'plans for talks'), then down that complement's own arguments.
WRAP_DEPS = ("xcomp", "ccomp", "acl", "advcl", "pcomp", "prep")
INNER_DEPS = ("xcomp", "acl", "ccomp", "advcl", "relcl", "pcomp", "dobj", "prep", "pobj", "nsubjpass")


@dataclass(frozen=True)
class Trigger:
    token: object
    pattern: Pattern

    @property
    def wrapper(self) -> str | None:
        """The pattern's wrapper flag, if it has one."""
        return next((f for f in WRAPPER_FLAGS if f in self.pattern.flags), None)


@dataclass(frozen=True)
class Coding:
    """What an event is coded as: type, CAMEO code, mode and the pattern ids that gave it."""

    type: str
    cameo: str
    mode: str | None
    coder: str


# Dependents that can carry a pattern's particle: 'call for', 'set free', 'found ... guilty'.
PARTICLE_DEPS = ("prt", "prep", "dative", "dobj", "advmod", "agent", "oprd", "acomp", "ccomp", "xcomp")
FIRST_PERSON = {"we", "i"}
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")


def token_parts(token) -> tuple[str, ...]:
    """The pattern parts of speech a word can trigger: 'Fighting between X and Y' is a noun."""
    if token.pos_ == "VERB" and token.tag_ == "VBN":
        return ("VERB", "ADJ")
    if token.pos_ == "VERB":
        return ("NOUN", "VERB") if token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS else ("VERB",)
    if token.pos_ in ("NOUN", "PROPN"):
        return ("NOUN",)
    if token.pos_ == "ADJ" or (token.pos_ == "VERB" and token.tag_ == "VBN"):
        return ("ADJ",)
    return ()


def has_particle(token, particle: str | None) -> bool:
    if not particle:
        return True
    words = particle.split()
    for child in token.children:
        if child.dep_ in PARTICLE_DEPS and child.lower_ == words[0]:
            rest = [t.lower_ for t in child.doc[child.i + 1: child.i + len(words)]]
            return rest == words[1:]
    return False


def has_modifiers(token, modifiers: tuple[str, ...]) -> bool:
    """The words right before an event noun: 'hunger' before 'strike'."""
    if not modifiers:
        return True
    start = token.i - len(modifiers)
    return start >= 0 and all(word in (t.lower_, t.lemma_.lower())
                              for word, t in zip(modifiers, token.doc[start:token.i]))


def pattern_matches(pattern: Pattern, token) -> bool:
    if not has_particle(token, pattern.particle) or not has_modifiers(token, pattern.modifiers):
        return False
    if "deontic" in pattern.flags and not obligation_clauses(token):
        return False
    if not pattern.with_lemmas:
        return True
    if pattern.pos == "VERB":
        return bool(pattern.with_lemmas & object_words(token))
    if pattern.pos == "ADJ":
        return bool(pattern.with_lemmas & {w for c in token.children for w in word_lemmas(c)})
    verb = governing_verb(token)
    return verb is not None and bool(pattern.with_lemmas.intersection(word_lemmas(verb)))


def find_trigger(token, book: PatternBook) -> Trigger | None:
    for pos in token_parts(token):
        for lemma in word_lemmas(token):
            for pattern in book.candidates(pos, lemma):
                if pattern_matches(pattern, token):
                    return Trigger(token, pattern)
    return None


def inner_trigger(trigger: Trigger, triggers: dict[int, Trigger]) -> Trigger | None:
    """The event a wrapper is about: 'plans to meet' -> meet; 'offered to hand over' -> hand over."""
    frontier = [trigger.token]
    for hop in range(3):
        deps = WRAP_DEPS if hop == 0 and trigger.pattern.pos != "NOUN" else INNER_DEPS
        frontier = [c for t in frontier for c in t.children if c.dep_ in deps]
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
    if kind in ("intent", "preparation"):
        if inner_type in COOPERATIVE and is_negated(inner.token, modality_cues()):
            return Coding("REJECT", REFUSAL_CAMEO[inner_type], ASK_MODE.get(inner_type), coder)  # vowed not to
        if inner_type in COOPERATIVE:
            return Coding("AGREE", INTENT_CAMEO[inner_type], None, coder)
        if inner_type in FORCEFUL and kind == "preparation":  # 'prepared to resume shelling': force posture
            return Coding("MOBILIZE", "154", "troops", coder)
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


def stated_intention(coding: Coding, pattern: Pattern, token, aux: list[str]) -> tuple[Coding, list[str]]:
    """An announced future act is a statement about it (PLOVER Draft 2.0): 'X will meet Y' is an
    intention (AGREE), 'X will not withdraw' a refusal (REJECT), 'X will impose sanctions' or
    'X will withdraw ... unless Y ...' a threat (THREATEN)."""
    if "future" not in aux or "hypothetical" in aux:
        return coding, aux
    rest = [a for a in aux if a not in ("future", "negation")]
    if "negation" in aux:
        if coding.type in COOPERATIVE:
            return Coding("REJECT", REFUSAL_CAMEO[coding.type], ASK_MODE.get(coding.type), coding.coder), rest
        return coding, aux
    if coding.type in FORCEFUL - {"MOBILIZE"} or has_ultimatum(token):
        return threat_coding(Trigger(token, pattern), coding.coder), rest
    if coding.type not in COOPERATIVE or coding.type == "AGREE":
        return coding, aux
    return Coding("AGREE", INTENT_CAMEO[coding.type], None, coding.coder), rest


def has_ultimatum(token) -> bool:
    """'... will withdraw its force unless Y holds elections': a condition imposed on the other side."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in token.children)


class SentenceCoder:
    def __init__(self, doc: Document, book: PatternBook, index: ActorIndex):
        self.doc, self.book, self.index = doc, book, index
        self.triggers: dict[int, Trigger] = {}  # the sentence being coded: its triggers by position

    def code(self, sentence) -> list[Event]:
        triggers = {t.i: trig for t in sentence if (trig := find_trigger(t, self.book))}
        self.triggers = triggers
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
        """A noun trigger that is the object of a verb trigger is the same event ('imposed sanctions'):
        the verb codes it, unless the noun's pattern names that verb ('approved the extradition').
        A subject noun is another event ('Fighting ... killed dozens'), unless its pattern names the
        verb ('peacekeepers arrived in X': the noun codes it)."""
        consumed = set()
        for position, trigger in triggers.items():
            if trigger.pattern.pos != "NOUN" or trigger.wrapper is not None:
                continue
            is_object = trigger.token.dep_ not in ("nsubj", "csubj")
            if not is_object and not trigger.pattern.with_lemmas:
                continue
            verb = governing_verb(trigger.token)
            if verb is not None and verb.i in triggers and triggers[verb.i].wrapper is None:
                consumed.add(verb.i if trigger.pattern.with_lemmas else position)
        return consumed

    def sources(self, token, pattern: Pattern) -> list[Actor]:
        if pattern.pos == "VERB":
            return verb_sources(self.index, token) or self.quoted_speaker(token)
        if pattern.pos == "ADJ":
            return self.predicate_sources(token)
        return noun_sources(self.index, token)

    def quoted_speaker(self, verb) -> list[Actor]:
        """'"We will never recognise Kosovo," the president of Serbia said': 'we' is the speaker."""
        subject = subject_token(verb)
        if subject is None or subject.lower_ not in FIRST_PERSON:
            return []
        for quote in self.doc.quotes or ():
            if quote.start <= verb.idx < quote.end and quote.speaker is not None and quote.speaker.country:
                return [quote.speaker]
        return []

    def unnamed_agent(self, token, coding: Coding) -> Actor:
        """'was arrested in Lebanon': arrests and other state coercion are the work of the
        authorities of the place; otherwise the agent is unknown."""
        if coding.type == "COERCE" or coding.mode in UNNAMED_AGENT_MODES:
            places = [a for a in self.index.for_argument_list(slot_tokens(token, "prep:in")) if a.country]
            if places:
                place = places[0]
                return Actor("", place.country, None, None, f"agent not named; authorities of '{place.text}'")
        return Actor("", None, None, None, "agent not named")

    def predicate_sources(self, adjective) -> list[Actor]:
        """Who is 'willing to ...': the copula's subject ('X is willing'), or the object of the verb
        that makes them so ('left them eager to ...')."""
        subjects = [c for c in adjective.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return self.index.arguments(subjects[0])
        if adjective.head.i == adjective.i:
            return []
        if adjective.dep_ == "acomp":
            return verb_sources(self.index, adjective.head)
        objects = [c for c in adjective.head.children if c.dep_ == "dobj"]
        return self.index.arguments(objects[0]) if objects else []

    def targets(self, trigger: Trigger, sources: list[Actor], depth: int = 0) -> list[Actor]:
        return self.slot_targets(trigger, sources) or self.fallback_targets(trigger, sources, depth)

    def slot_targets(self, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
        """The first target slot of the pattern that names an actor other than the source; force
        used 'in X' with no other target is used against X ('a bombing in central Baghdad').
        Actors named by a slot come first, then actors inside a slot's phrase that is no actor
        itself ('a war against X'), then actors of unknown country ('rebels')."""
        slots = trigger.pattern.targets
        preps = NESTED_TARGET_PREPS
        if trigger.pattern.type in LOCATION_TARGET_TYPES:  # 'rioted at a jail in X'
            slots, preps = (*slots, "prep:in", *(f"prep:{p}" for p in LOCATIVE_PREPS)), PLACE_PREPS
        filled = [slot_tokens(trigger.token, slot) for slot in slots]
        for find in (self.index.for_argument, lambda t: nested_targets(self.index, t, preps), self.index.arguments):
            for tokens in filled:
                actors = self.others(sources, [a for tok in tokens for a in find(tok)])
                if actors:
                    return actors
        return []

    @staticmethod
    def others(sources: list[Actor], actors: list[Actor]) -> list[Actor]:
        return [a for a in actors if not any(same_actor(a, s) for s in sources)]

    def fallback_targets(self, trigger: Trigger, sources: list[Actor], depth: int = 0) -> list[Actor]:
        """Targets outside the pattern's slots, for an event whose slots name none."""
        token, pattern = trigger.token, trigger.pattern
        found = []
        if pattern.pos == "NOUN" and pattern.with_lemmas:  # 'hosted X for a meeting': verb and noun are one event
            verb = governing_verb(token)
            objects = [o for o in direct_objects(verb) if o.i != token.i] if verb is not None else []
            found = self.others(sources, [a for o in objects for a in self.index.for_argument(o)])
        if not found and pattern.type == "REQUEST":  # 'reiterated its demand that X ease ...': who is asked
            verb = governing_verb(token) if pattern.pos == "NOUN" else None
            asked = slot_tokens(token, "clause") + (slot_tokens(verb, "clause") if verb is not None else [])
            found = self.others(sources, [a for t in asked for a in self.index.arguments(t)])
        if not found and trigger.wrapper is not None:  # 'threatened to take countermeasures against X'
            found = self.complement_targets(token, sources)
        if not found and trigger.wrapper is None and depth < 2:  # 'staged protests to demand X's resignation'
            found = self.purpose_targets(token, sources, depth)
        if not found and pattern.targets[:-1] != DEFAULT_TARGETS[pattern.pos]:
            found = self.default_slot_targets(trigger, sources)
        return found

    def default_slot_targets(self, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
        """A pattern's own slots are where its target usually is; when they name none, an actor in
        the default slots of its part of speech is the target ('refused admittance to X',
        'demanded reforms by X')."""
        for slot in DEFAULT_TARGETS[trigger.pattern.pos]:
            actors = self.others(sources, self.phrase_targets(slot_tokens(trigger.token, slot)))
            if actors:
                return actors
        return []

    def phrase_targets(self, tokens, preps: tuple[str, ...] = NESTED_TARGET_PREPS) -> list[Actor]:
        """The actors argument phrases name, or else name inside them ('a war against X')."""
        return [a for t in tokens for a in self.index.for_argument(t) or nested_targets(self.index, t, preps)]

    def complement_targets(self, token, sources: list[Actor]) -> list[Actor]:
        """Targets in the default slots of the verbs of a wrapper's complement clause."""
        frontier = [token]
        for _ in range(2):
            frontier = [c for t in frontier for c in t.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
            for verb in frontier:
                for slot in (*DEFAULT_TARGETS["VERB"], "prep:in"):  # 'threatened to impose a curfew in X'
                    actors = self.others(sources, self.phrase_targets(slot_tokens(verb, slot), PLACE_PREPS))
                    if actors:
                        return actors
        return []

    def purpose_targets(self, token, sources: list[Actor], depth: int) -> list[Actor]:
        """An act done to obtain another ('opened fire to disperse X', 'marched to demand the
        resignation of X', 'rioted ... in demanding a vote on independence from X') is aimed at
        the target of the act it is done for."""
        verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
        if verb is None:
            return []
        for purpose in (o for head in (verb, *direct_objects(verb)) for c in head.children
                        if c.dep_ == "prep" and c.lower_ == "for" for o in objects_of(c)):
            actors = self.others(sources, nested_targets(self.index, purpose))  # 'mobilized troops for a war on X'
            if actors:
                return actors
        for clause in purpose_clauses(verb):
            for candidate in (clause, *direct_objects(clause)):
                inner = self.triggers.get(candidate.i)
                if inner is not None and inner.wrapper in (None, "request") and inner.token.i != token.i:
                    actors = self.targets(inner, sources, depth + 1)
                    if actors:
                        return actors
        return []

    def event_targets(self, trigger: Trigger, inner: Trigger | None, sources: list[Actor]) -> list[Actor]:
        if inner is None:
            order = [trigger]
        elif trigger.wrapper in ("request", "deontic"):  # 'urged Iran to release ...': who is asked
            order = [trigger, inner]
        else:
            order = [inner, trigger]
        for each in order:
            actors = self.slot_targets(each, sources)
            if actors:
                return actors
        for each in order:
            actors = self.fallback_targets(each, sources)
            if actors:
                return actors
        return []

    def events_for(self, trigger: Trigger, inner: Trigger | None, coding: Coding | None, sentence) -> list[Event]:
        pattern, token = trigger.pattern, trigger.token
        if coding is None:
            coding = Coding(pattern.type, pattern.cameo, pattern.mode, f"pattern:{pattern.id}")
        sources = self.sources(token, pattern)
        unnamed_agent_kind = coding.type in UNNAMED_AGENT_TYPES or coding.mode in UNNAMED_AGENT_MODES
        if not sources and unnamed_agent_kind and has_unnamed_agent(token, pattern):
            sources = [self.unnamed_agent(token, coding)]
        if not sources:
            return []
        targets = self.event_targets(trigger, inner, sources)
        aux = aux_modes(token)
        if inner is None:
            coding, aux = stated_intention(coding, pattern, token, aux)
        # a promised relation ('eager to establish ties', 'plans talks') is coded only with a partner
        needs_target = "needs_target" in pattern.flags or (
            inner is not None and coding.type == "AGREE" and "symmetric" in inner.pattern.flags)
        # 'X and Y agreed to share ...': parties to an agreement act on each other
        mutual = inner is not None and "symmetric" in pattern.flags and coding.type == "AGREE"
        dyads = self.dyads(sources, targets, pattern if inner is None else inner.pattern, needs_target, mutual)
        attribution = attribution_for(self.doc, token, self.index)
        start, end = evidence_span(self.doc.text, sentence.start_char, sentence.end_char, token.idx)
        evidence = Evidence(start, end, self.doc.text[start:end])
        trigger_span = (token.idx, token.idx + len(token))
        entry = cameo_entry(coding.cameo)
        return [Event(source=source, target=target, type=coding.type, cameo=coding.cameo,
                      goldstein=entry.goldstein, quad=entry.quad, evidence=[evidence], coder=coding.coder,
                      mode=coding.mode, context=list(entry.context), aux=list(aux), attribution=attribution,
                      confidence=confidence(source, target, pattern), trigger=trigger_span)
                for source, target in dyads]

    @staticmethod
    def dyads(sources: list[Actor], targets: list[Actor], pattern: Pattern,
              needs_target: bool = False, mutual: bool = False) -> list[tuple[Actor, Actor | None]]:
        if targets:
            pairs = [(s, t) for s in sources for t in targets if not same_actor(s, t)]
        elif len(sources) > 1 and ("symmetric" in pattern.flags or mutual):
            pairs = [(a, b) for a, b in combinations(sources, 2) if not same_actor(a, b)]
        elif needs_target or "needs_target" in pattern.flags:
            pairs = []
        else:
            pairs = [(s, None) for s in sources]
        return distinct_dyads(pairs)


def evidence_span(text: str, start: int, end: int, trigger: int) -> tuple[int, int]:
    """The trigger's sentence, never across a line break (paragraphs are units, even where the
    fast path left a neighbouring paragraph unparsed and the parse ran its sentence on)."""
    before = text.rfind("\n", start, trigger)
    after = text.find("\n", trigger, end)
    return trimmed(text, before + 1 if before >= 0 else start, after if after >= 0 else end)


def has_unnamed_agent(token, pattern: Pattern) -> bool:
    """'were killed in a bombing', or 'a car bomb killed ...': force used by someone the sentence
    does not name; not 'were killed in an earthquake' nor 'the flood killed ...'."""
    if pattern.pos != "VERB":
        return False
    words = {w for c in token.subtree for w in word_lemmas(c)}
    if words & MISHAPS:
        return False
    if is_passive(token):
        return not any(c.dep_ == "agent" for c in token.children)
    return any(c.dep_ == "nsubj" and WEAPONS.intersection(word_lemmas(c)) for c in token.children)


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
    """The same actor named twice: the same words, a pronoun for it ('Iran ... its war'), or the
    same specific actor id.  A bare country id names the state, not one actor: a president acting
    on his own capital is a domestic dyad ('the president imposed a curfew in Algiers')."""
    if a.country != b.country or a.sector != b.sector:
        return False
    if a.text == b.text or is_pronoun(a) or is_pronoun(b):
        return True
    return a.actor_id == b.actor_id and a.actor_id not in (None, a.country)


def is_pronoun(actor: Actor) -> bool:
    return bool(actor.reason) and actor.reason.startswith("pronoun")


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
