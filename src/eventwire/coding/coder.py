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

from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import combinations

from ..actors.resolve import ATTACK_VERBS, NON_STATE_CODES
from ..model import Actor, Document, Event, Evidence
from ..nlp import is_infinitive, trimmed, words_among
from ..ontology import cameo_entry
from ..pipeline import stage
from .arguments import (AIRCRAFT, BORDER_NOUNS, DOCUMENT_NOUNS, FIRED_MUNITIONS, LAUNCH_VERBS, NESTED_TARGET_PREPS,
                        ORIGIN_PREPS, QUANTITY_WORDS, SUMMONING_VERBS, ActorIndex, agent_objects, between_objects,
                        by_phrases, clauses_opened_by, claimants, condition_subjects, direct_objects, object_doer,
                        objects_of, own_subjects, governing_verb, is_participation, condition_clauses, is_passive,
                        is_passive_participle, is_place_actor, is_summons_purpose, message_addressees, nested_targets,
                        noun_sources, object_words, participle_agents, passive_agents, passive_subjects,
                        preposition_objects, purpose_clauses, prep_objects, is_fired_from_afar, is_means,
                        hyphen_partner, scene_of, slot_tokens, struck_from_the_air, subject_token, ultimatum_addressees,
                        ultimatum_giver, verb_sources, word_lemmas)
from .attribution import attribution_for
from .modality import (AVERTING_PREPS, announced_own_acts, aux_modes, clause_chain, is_negated, modality_cues,
                       obligation_clauses)
from .patterns import (DEFAULT_TARGETS, PERSON_OBJECT, PLACE_OBJECT, VERDICT_FLAGS, WRAPPER_FLAGS, Pattern, PatternBook,
                       SenseRule, pattern_book, sense_rules)

# Cooperation that a decision only plans ('decided to hold talks'): the rest is enacted by it.
PLANNED = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Verbs that make a stated future act official: 'announced it would impose sanctions' imposes them.
ANNOUNCING = frozenset({"announce", "declare", "decide", "unveil", "confirm"})
# The sanctions proper (CAMEO 162 cut aid, 163 embargo, ban, boycott) that an announcement imposes;
# an announced withdrawal ('will withdraw its inspectors from X') remains a threat.
ANNOUNCED_SANCTIONS = ("162", "163")
EXPULSION_CAMEO = frozenset({"166", "174"})  # expelling diplomats, deporting people
SPEECH_LEMMAS = frozenset({"tell", "speak", "talk", "say", "write", "explain", "interview"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# Types whose events are often reported without their agent ('were killed', 'was arrested').
UNNAMED_AGENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# How an asked-for act hangs on the asking word: 'urged X to launch', 'its appeal to X to accept',
# 'its call for X to withdraw', 'demanded that X release'.
COMPLEMENT_DEPS = frozenset({"xcomp", "acl", "advcl", "ccomp"})
# Verbs whose passive subject is what is sent ('arms were shipped to X'), not who receives ('X was given aid').
SHIPPING_VERBS = frozenset({"send", "deliver", "ship", "dispatch", "airlift", "fly"})
# Who can be withdrawn: forces, not the blockades or sanctions a withdrawal lifts.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "SPY"})
# Armed groups and criminals, whose seizing of people is abduction, not arrest.
ABDUCTING_SECTORS = frozenset({"REB", "UAF", "CRM"})
# Types whose unnamed agent is the authorities of the place ('was arrested in X', 'were freed in X').
PLACE_AUTHORITY_TYPES = frozenset({"COERCE", "CONCEDE", "RETREAT"})
# Modes whose passive reports leave the agent, the authorities, unnamed ('was put under investigation').
UNNAMED_AGENT_MODES = frozenset({"investigate"})
LOCATION_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT", "CONCEDE"})
# Verbs that report that an event happened rather than who did it: 'protests erupted in X',
# 'fighting broke out', 'the crackdown continued'.  Their event-noun subject is the event.
OCCURRENCE_VERBS = frozenset({"erupt", "break", "continue", "spread", "occur", "happen", "escalate", "intensify",
                              "flare", "rage", "resume", "begin", "start", "sweep", "rock", "grip", "hit", "take",
                              "turn", "enter", "end", "persist", "follow", "mount", "grow", "swell", "leave"})
# Verbs of coming to a place: 'arrived in X to inspect ...' is done in X.
ARRIVAL_VERBS = frozenset({"arrive", "land", "return"})
# Verbs of sending whose 'to X' the parser reads as a dative: 'sent inspectors to X to examine ...'.
DISPATCH_VERBS = frozenset({"send", "dispatch", "deploy"})
# Where a force is placed, facing whom: 'put on alert along the border of X'.
FACING_PREPS = ("along", "near", "on", "against", "toward", "towards")
# Where such an act happened: 'at a jail in X', 'near the border in X'.
LOCATIVE_PREPS = ("at", "near", "outside", "inside", "into", "across", "along", "around")
PLACE_PREPS = (*NESTED_TARGET_PREPS, "in", *LOCATIVE_PREPS)
EVENT_PLACE_PREPS = frozenset({"in", *LOCATIVE_PREPS} - {"into"})
# Subjects that are the means of an attack ('a car bomb killed ...'), and mishaps that are not attacks.
WEAPONS = frozenset({"bomb", "bombing", "blast", "explosion", "attack", "strike", "airstrike", "missile", "rocket",
                     "shell", "mortar", "mine", "grenade", "gunfire", "raid", "ambush", "shelling", "drone",
                     "bomber", "gunman", "sniper", "explosive", "device", "bulldozer", "tank", "jet", "warplane",
                     "helicopter", "artillery", "aircraft", "plane", "gunboat", "warship"})
MISHAPS = frozenset({"earthquake", "flood", "accident", "crash", "storm", "landslide", "avalanche", "cyclone",
                     "hurricane", "typhoon", "tsunami", "blaze", "collision", "stampede", "epidemic", "outbreak",
                     "disease", "heatwave", "drought", "famine", "wildfire", "fire"})
# Subjects whose striving 'to' do something is armed: 'rebels fought to take the town'.
ARMED_GROUPS = frozenset({"rebel", "troop", "soldier", "force", "militant", "fighter", "army", "insurgent", "militia",
                          "guerrilla", "jihadist", "gunman", "police", "military", "marine", "unit", "battalion"})
# ... and subjects whose movements are a force's: 'troops left X', 'F-16 jets took part in strikes'.
FORCES = ARMED_GROUPS | AIRCRAFT
# What is fired or thrown: subjects whose hitting or landing somewhere is an attack ('rockets landed in X').
MUNITIONS = FIRED_MUNITIONS | {"bomb", "grenade", "bullet", "round", "gunfire", "fire"}
# People whose acts 'in protest' are protests.
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "student", "worker", "farmer", "crowd", "marcher",
                        "activist", "striker", "villager", "resident", "youth", "mourner", "refugee", "prisoner"})
# Outcomes of negotiation: failing to reach them is a rejection ('failed to reach a deal').
NEGOTIATED = frozenset({"AGREE", "SUPPORT", "CONSULT"})
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
# Prepositions of time before a gerund: 'detained after throwing stones'.
TIME_PREPS = frozenset({"after", "before", "while", "since", "upon", "on", "when"})
# How a wrapper reaches the event it is about: first through a complement ('plans to meet',
# 'refused to withdraw', 'plans for talks') or an event noun as its object ('proposed sanctions',
# 'wanted talks'), then down that complement's own arguments.
WRAP_DEPS = ("xcomp", "ccomp", "acl", "advcl", "pcomp", "prep", "dobj")
# Wrappers whose object is done, not wrapped: an authority's order enacts it ('ordered sanctions'),
# and an agreement is made ('agreed a bailout deal', 'accepted the truce').
ENACTING_WRAPPERS = frozenset({"order", "agree", "accept"})
INNER_DEPS = ("xcomp", "acl", "ccomp", "advcl", "relcl", "pcomp", "dobj", "prep", "pobj", "nsubjpass")


@dataclass(frozen=True)
class Trigger:
    token: object
    pattern: Pattern
    # other patterns the word also matches, in order of preference: tried when the first codes no
    # event ('held drills' with no partner is a show of force, not a joint exercise)
    alternatives: tuple[Pattern, ...] = ()

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


# Dependents that can carry a pattern's particle: 'call for', 'set free', 'found ... guilty', 'said no to',
# and the first half of a hyphenated verb ('test-fired').
PARTICLE_DEPS = ("prt", "prep", "dative", "dobj", "advmod", "agent", "oprd", "acomp", "ccomp", "xcomp", "npadvmod",
                 "intj")
FIRST_PERSON = {"we", "i"}
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")


def token_parts(token) -> tuple[str, ...]:
    """The pattern parts of speech a word can trigger: 'Fighting between X and Y' is a noun."""
    if token.pos_ == "VERB" and token.tag_ == "VBN":
        return ("VERB", "ADJ")
    if token.pos_ == "VERB":
        return ("NOUN", "VERB") if token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS else ("VERB",)
    if token.pos_ in ("NOUN", "PROPN"):
        return ("NOUN", "VERB") if acts_as_verb(token) else ("NOUN",)
    if token.pos_ == "ADJ":
        return ("ADJ", "VERB") if token.tag_ == "VBN" or acts_as_verb(token) else ("ADJ",)
    return ()


def acts_as_verb(token) -> bool:
    """A verb the tagger took for a noun or adjective ('Police arrest protesters', headline
    style): it heads the clause, with a subject and an object of its own."""
    deps = {c.dep_ for c in token.children}
    return bool(deps & {"nsubj", "nsubjpass"}) and bool(deps & {"dobj", "prep", "dative", "prt"}) and (
        token.dep_ in ("ROOT", "conj", "ccomp", "xcomp") and not any(c.dep_ in ("det", "poss") for c in token.children))


# Words of retaliation whose 'for' phrase names what is avenged: someone else's act.
RETALIATION_WORDS = frozenset({"revenge", "retaliation", "reprisal", "vengeance", "avenge", "retaliate", "punish"})


def is_avenged(noun) -> bool:
    """'took revenge on Israel for the assassination of its leader': the assassination is what is
    avenged, not an act of whoever avenges it; unless its own 'by' phrase names who did it."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or by_phrases(noun):
        return False
    holder = noun.head.head  # 'revenge for', or 'took revenge ... for' with the phrase on the verb
    return bool(RETALIATION_WORDS.intersection(
        [holder.lemma_.lower(), *(c.lemma_.lower() for c in holder.children if c.dep_ == "dobj")]))


def has_particle(token, particle: str | None) -> bool:
    if not particle:
        return True
    words = particle.split()
    for child in token.children:  # after the verb: 'With the deal signed, X agreed' is no 'agree with'
        if child.dep_ in PARTICLE_DEPS and child.lower_ == words[0] and (child.i > token.i or child.dep_ == "npadvmod"):
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


def pattern_matches(pattern: Pattern, token, index: ActorIndex | None) -> bool:
    if not has_particle(token, pattern.particle) or not has_modifiers(token, pattern.modifiers):
        return False
    if pattern.pos == "NOUN" and is_avenged(token):
        return False
    if "deontic" in pattern.flags and not obligation_clauses(token):
        return False
    if "own_agent" in pattern.flags and not agent_phrases(token) and not origin_phrases(token, pattern):
        return False
    if "owned_act" in pattern.flags and not names_its_agent(token):
        return False
    if "when_negated" in pattern.flags and not is_negated(token, modality_cues()):
        return False
    if "ultimatum" in pattern.flags and ultimatum_giver(token) is None:
        return False
    if "that_clause" in pattern.flags and not any(c.dep_ == "ccomp" for c in token.children):
        return False
    if "conditional" in pattern.flags and not (any(c.dep_ == "ccomp" for c in token.children)
                                               and condition_clauses(token)):
        return False
    if "armed_subject" in pattern.flags and not has_armed_subject(token):
        return False
    if "weapon_subject" in pattern.flags and not has_armed_subject(token, MUNITIONS):
        return False
    if "crowd_subject" in pattern.flags and not has_crowd_subject(token):
        return False
    if "no_complement" in pattern.flags and any(c.dep_ == "xcomp" and is_infinitive(c) for c in token.children):
        return False
    if pattern.flags & VERDICT_FLAGS and not is_reported(judged_clause(token, pattern)):
        return False
    if not pattern.with_lemmas:
        return True
    if pattern.pos == "VERB" and "own_act" in pattern.flags:
        return any(pattern.with_lemmas & {w for t in clause.subtree for w in word_lemmas(t)}
                   for clause in announced_own_acts(token, own_side(token, index)))
    if pattern.pos == "VERB":
        return bool(pattern.with_lemmas & object_words(token)) or (
            PLACE_OBJECT in pattern.with_lemmas and takes_a_named_place(token, index)) or (
            PERSON_OBJECT in pattern.with_lemmas and takes_a_person(token, index))
    if pattern.pos == "ADJ":
        return bool(pattern.with_lemmas & {w for c in token.children for w in word_lemmas(c)})
    verb = governing_verb(token)
    return verb is not None and bool(pattern.with_lemmas.intersection(verb_words(verb))) and not (
        calls_off(verb) and not {f"{w} off" for w in word_lemmas(verb)} & pattern.with_lemmas)


def calls_off(verb) -> bool:
    """'called off the strike', 'broke off the talks': the particle undoes what the verb alone names
    (not in 'signed off on the deal', 'cut off aid')."""
    return verb.lemma_.lower() in ("call", "break") and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def has_crowd_subject(noun) -> bool:
    """'Demonstrators tried to cross the buffer zone in a protest against X': an act of protesters
    done 'in protest' is a protest; a state's act so done ('recalled its ambassador in protest') is not."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
    subject = subject_token(verb) if verb is not None and verb.pos_ == "VERB" else None
    return subject is not None and bool(PROTESTERS.intersection(word_lemmas(subject)))


def summoned_parties(token) -> list:
    """'summoned the ambassador to protest ...', 'called in the envoy to complain': whom an act
    done at a summons is addressed to (unlike 'invited X to attend', where X acts)."""
    verb = token.head
    if token.dep_ not in ("xcomp", "advcl") or not is_infinitive(token) or verb.i == token.i:
        return []
    if verb.lemma_.lower() == "summon":
        return direct_objects(verb)
    if verb.lemma_.lower() != "call":
        return []
    particle = next((c for c in verb.children if c.lower_ == "in" and c.i == verb.i + 1), None)
    if particle is None:
        return []
    # the parser may read 'called in the envoy' as a place phrase
    return direct_objects(verb) if particle.dep_ == "prt" else objects_of(particle)


# What is rejected when an accusation is: 'rejected the charge', 'denied the allegations'.
CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "claim", "criticism", "condemnation"})


def rejects_a_charge(verb) -> bool:
    return any(o.lemma_.lower() in CHARGE_NOUNS for o in direct_objects(verb))


def counts_brokers(pattern: Pattern) -> bool:
    """Whether a deal's broker may be the target: not of agreeing to it ('a truce brokered by Egypt'
    is no deal with Egypt), but of rejecting it (the broker's offer is rejected)."""
    return pattern.type not in NEGOTIATED


# Verbs of a phase of another act: 'began leaving' is leaving
ASPECT_VERBS = frozenset({"begin", "start", "continue", "resume", "finish", "complete", "keep"})


def has_armed_subject(token, armed: frozenset[str] = FORCES) -> bool:
    """A finite verb whose subject is a force (or another of the ``armed`` words): 'troops left X', not
    '... stormed a church, leaving 21 dead'; for a noun, the verb governing it ('jets took part in strikes')."""
    verb = governing_verb(token) if token.pos_ in ("NOUN", "PROPN") else token
    perfect = verb is not None and verb.tag_ == "VBN" and any(  # 'have taken part'
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    begun = verb is not None and verb.tag_ == "VBG" and verb.dep_ == "xcomp" and (  # 'began leaving'
        verb.head.lemma_.lower() in ASPECT_VERBS)
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP", "VB") and not perfect and not begun:
        return False
    subject = subject_token(verb)
    if subject is None:
        return False
    counted = prep_objects(subject, "of") if subject.lemma_.lower() in QUANTITY_WORDS else []  # 'thousands of troops'
    return any(armed.intersection(word_lemmas(word)) for word in (subject, *counted))


def is_link_prompt(sentence) -> bool:
    """Page furniture pointing at other articles: 'Also on rt.com ...', 'READ MORE: ...'."""
    opening = " ".join(t.lower_ for t in sentence[:4])
    return any(opening.startswith(prompt) for prompt in modality_cues().link_prompts)


def everyday_sense(pattern: Pattern, token) -> bool:
    """The word is used in a non-political sense (``data/senses.tsv``): 'fighting cancer', 'beat
    Croatia 2-1', 'declined to comment'.  A pattern whose own objects matched keeps its sense
    against an object rule that names its own objects: 'struck a deal' is no strike."""
    return any(sense_applies(rule, pattern, token) for rule in sense_rules().get((pattern.pos, pattern.lemma), ()))


def sense_applies(rule: SenseRule, pattern: Pattern, token) -> bool:
    if rule.cue == "object":  # 'the communique released by the ministers': the communique too
        head = word_lemmas(token.head) if is_passive_participle(token) else ()
        return bool(rule.words & (object_words(token) | set(head)) - pattern.with_lemmas)
    if rule.cue == "direct_object":  # ... but 'fired a salvo of rockets' is the rocket pattern's
        if pattern.with_lemmas & object_words(token):
            return False
        return bool(rule.words & {w for obj in direct_objects(token) for w in word_lemmas(obj)} - pattern.with_lemmas)
    if rule.cue == "context":  # a pattern whose own words are there keeps its sense ('took to the streets')
        if pattern.with_lemmas and pattern.with_lemmas & object_words(token):
            return False
        return any(t.lemma_.lower() in rule.words or t.lower_ in rule.words for t in token.sent)
    if rule.cue == "complement":
        return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in rule.words for c in token.children)
    if rule.cue == "particle":
        return any(c.dep_ in ("prt", "prep") and c.lower_ in rule.words and c.i == token.i + 1 for c in token.children)
    if rule.cue == "clause":
        return any(c.dep_ == "ccomp" for c in token.children)
    if rule.cue == "surface":
        return token.lower_ in rule.words
    if rule.cue == "infinitive":  # 'tried to find', 'fought to get the script' (parsed as a purpose)
        if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "against")) for c in token.children):
            return False  # 'fought the army to take the city': an opponent, real fighting
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in ARMED_GROUPS for c in token.children):
            return False  # 'rebels fought to take the town'
        return any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > token.i
                   and is_infinitive(c) for c in token.children)
    if rule.cue == "transitive":  # an object, or a passive ('as demonstrated by his departure')
        return any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in token.children)
    if rule.cue == "entity_object":
        return any(c.dep_ == "dobj" and c.ent_type_ in {w.upper() for w in rule.words} for c in token.children)
    if rule.cue == "passive_subject":  # 'he was fired': dismissed; 'he fired on the crowd' is shooting
        return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in rule.words for c in token.children)
    if rule.cue == "subject":  # a pattern that asks for a weapon as subject keeps it ('missiles slammed into X')
        return "weapon_subject" not in pattern.flags and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in rule.words for c in token.children)
    if rule.cue == "of_head":  # 'a state of siege': the kind of a state, no siege laid
        return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in rule.words
    if rule.cue == "agent":  # 'troops backed by tanks': armed with them, not politically supported
        return any(o.lemma_.lower() in rule.words for c in token.children if c.dep_ == "agent"
                   for obj in objects_of(c) for o in (obj, *obj.conjuncts))
    # a pattern named by the modifier keeps its sense: 'drone strike' is no walk-out, but is an attack
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in rule.words - set(pattern.modifiers)
               for c in token.children)


def verb_words(verb) -> set[str]:
    """A verb's lemmas, with its particle or idiomatic object: 'broke out' gives 'break out',
    'took place' 'take place'."""
    lemmas = set(word_lemmas(verb))
    if any(is_participation(c) for c in verb.children if c.dep_ == "prep"):
        lemmas.add("join")  # 'took part in a protest' joined it
    return lemmas | {f"{lemma} {c.lower_}" for lemma in lemmas for c in verb.children if c.dep_ in ("prt", "dobj")}


def takes_a_named_place(verb, index: ActorIndex | None) -> bool:
    """'captured Goma': an active verb, no particle ('taken over', 'took out') and no 'to' or 'as'
    ('took Hungary to task', 'took Britain as a model'), whose object is a name the actor stage read
    as a place (the tagger calls many a town a person); with no actors yet, any name may be one."""
    if any(c.dep_ in ("prt", "nsubjpass", "auxpass") or c.dep_ == "prep" and c.lower_ in ("to", "as")
           for c in verb.children):
        return False
    names = [word for word in verb.children if word.dep_ == "dobj" and word.pos_ == "PROPN"]
    if index is None:
        return bool(names)
    return any(is_place(actor, word) for word in names for actor in index.at(word))


def takes_a_person(verb, index: ActorIndex | None) -> bool:
    """'released Roxana Saberi', 'freed two Britons': a direct object that is a person's name or a
    nationality used as a noun (civilians of a country to the actor stage); with no actors (nor
    entities) yet, any capitalised word, which every one of those is."""
    objects = [o for o in direct_objects(verb) if o.pos_ in ("PROPN", "NOUN")]
    if index is None:
        return any(o.text[:1].isupper() for o in objects)
    return any(o.ent_type_ in ("PERSON", "NORP")
               or (o.text[:1].isupper() and any(a.sector == "CVL" for a in index.at(o))) for o in objects)


def find_trigger(token, book: PatternBook, index: ActorIndex | None) -> Trigger | None:
    matching = [pattern for pos in token_parts(token) for lemma in word_lemmas(token)
                for pattern in book.candidates(pos, lemma)
                if pattern_matches(pattern, token, index) and not everyday_sense(pattern, token)]
    if not matching:
        return None
    matching = object_head_first(matching, token)
    first = matching[0]
    # only plain patterns are fallbacks: a wrapper codes a statement about another event; and
    # where 'X was to blame' is a verdict, X blamed nobody
    rest = () if first.flags & VERDICT_FLAGS else tuple(dict.fromkeys(
        p for p in matching[1:] if p.id != first.id and not any(f in p.flags for f in WRAPPER_FLAGS)))
    return Trigger(token, first, rest)


def hyphen_compounds(parsed, forms: frozenset[str]) -> list[int]:
    """The right parts of hyphenated words that, joined, are one of ``forms`` ('pull-out')."""
    return [i + 1 for i in words_among(parsed, {"-"}) if i + 1 < len(parsed)
            and hyphen_partner(word := parsed[i + 1]) is not None and forms.intersection(word_lemmas(word)[2:])]


def sentence_triggers(sentence, positions: list[int], book: PatternBook,
                      index: ActorIndex | None) -> dict[int, Trigger]:
    """A sentence's triggers by position; ``positions`` are the parse's words that could be one."""
    inside = positions[bisect_left(positions, sentence.start):bisect_left(positions, sentence.end)]
    return {i: trigger for i in inside if (trigger := find_trigger(sentence.doc[i], book, index))}


def object_head_first(patterns: list[Pattern], verb) -> list[Pattern]:
    """Patterns whose object word is an object's head before those where it only qualifies one:
    'released the aid worker' is the release of people ('worker'), not of funds ('aid')."""
    if len(patterns) < 2:
        return patterns  # nothing to order: spare the object walk on every trigger
    objects = direct_objects(verb) + [o for c in verb.children if c.dep_ in ("prep", "agent") for o in objects_of(c)]
    heads = {w for obj in objects for w in word_lemmas(obj)}
    modifiers = {w for obj in objects for c in obj.children if c.dep_ in ("compound", "amod") for w in word_lemmas(c)}
    nested = object_words(verb) - modifiers - heads

    def only_qualifies(pattern: Pattern) -> bool:
        words = pattern.with_lemmas
        return pattern.pos == "VERB" and bool(words & modifiers) and not words & (heads | nested)

    if not any(p.pos == "VERB" and p.with_lemmas & heads for p in patterns):
        return patterns
    return sorted(patterns, key=only_qualifies)


def inner_trigger(trigger: Trigger, triggers: dict[int, Trigger]) -> Trigger | None:
    """The event a wrapper is about: 'plans to meet' -> meet; 'offered to hand over' -> hand over."""
    if trigger.wrapper == "dismissal":
        return dismissed_trigger(trigger.token, triggers)
    frontier = [trigger.token]
    for hop in range(3):
        deps = WRAP_DEPS if hop == 0 and trigger.pattern.pos != "NOUN" else INNER_DEPS
        # a clause before the wrapper is its circumstance ('Speaking in Brussels, X urged Y to ...')
        frontier = [c for t in frontier for c in t.children if c.dep_ in deps
                    and not (c.dep_ == "advcl" and c.i < trigger.token.i)
                    # nor is its condition ('threatened to burn half of Israel if it attacked Iraq')
                    and not (c.dep_ == "advcl" and is_condition(c))
                    # what was done to an object is its history ('to reopen a hotline that had been cut off')
                    and not (c.dep_ == "relcl" and is_passive(c))
                    and not (c.dep_ == "dobj" and hop == 0 and trigger.token.lemma_.lower() in ENACTING_WRAPPERS)]
        # an object the wrapper's own words name is its frame, not the event ('put pressure on X to ...')
        framing = {t.i for t in frontier if hop == 0 and t.dep_ == "dobj"
                   and t.lemma_.lower() in trigger.pattern.with_lemmas}
        for token in frontier:
            found = triggers.get(token.i)
            if found is not None and found.wrapper is None and token.i not in framing:
                return found
        if hop == 0:  # any other object is the wrapped event itself ('proposed sanctions'), never a way to one
            frontier = [t for t in frontier if t.dep_ != "dobj" or t.i in framing]
    return None


def is_conditional_consequence(token) -> bool:
    """An act an 'if'/'unless' clause on its own clause sets a condition for, itself in no such clause."""
    chain = clause_chain(token)
    return not any(is_condition(t) for t in chain) and any(condition_clauses(t) for t in chain)


def is_condition(clause) -> bool:
    return any(m.dep_ == "mark" and m.lower_ in modality_cues().conditional_marks for m in clause.children)


def copula_of(token):
    """The verb 'be' a predicate phrase hangs on: 'talks are out of the question'."""
    verb = governing_verb(token)
    return verb if verb is not None and "be" in word_lemmas(verb) else None


def is_reported(clause) -> bool:
    """'Russia said [Georgia was to blame]': a clause that someone's verb reports."""
    return clause is not None and clause.dep_ in ("ccomp", "conj") and clause.head.pos_ in ("VERB", "AUX")


def judged_clause(token, pattern: Pattern):
    """The clause a verdict pronounces on its subject: the verb itself ('X would pay a heavy
    price'), or the 'be' of a predicate ('X was to blame', 'X was guilty')."""
    return token if "pronounced" in pattern.flags else copula_of(token)


def dismissed_trigger(token, triggers: dict[int, Trigger]) -> Trigger | None:
    """The event named by the subject of 'X is out of the question': the first trigger in it."""
    copula = copula_of(token)
    if copula is None:
        return None
    for subject in (c for c in copula.children if c.dep_ in ("nsubj", "csubj")):
        for word in subject.subtree:
            found = triggers.get(word.i)
            if found is not None and found.wrapper is None:
                return found
    return None


def wrapped_coding(trigger: Trigger, inner: Trigger | None) -> Coding | None:
    """The coding of a wrapper pattern around ``inner``; None when the wrapper codes nothing."""
    pattern, kind = trigger.pattern, trigger.wrapper
    own = Coding(pattern.type, pattern.cameo, pattern.mode, f"pattern:{pattern.id}")
    if kind == "dismissal" and copula_of(trigger.token) is None:
        return None  # 'put the proposal on the table' is no rejection
    if kind == "request" and ordered_to_leave(trigger.token) is not None:
        return Coding("SANCTION", "166", "expel", f"pattern:{pattern.id}+leave")  # 'ordered the diplomats to leave'
    if inner is None:
        return None if "needs_inner" in pattern.flags else own
    inner_type, coder = inner.pattern.type, f"pattern:{pattern.id}+{inner.pattern.id}"
    if kind == "decision":  # a decided meeting is a plan; a decided concession or sanction is done
        negated = is_negated(inner.token, modality_cues())
        if inner_type not in PLANNED and not (negated and inner_type in COOPERATIVE):
            return None
        kind = "intent"
    if kind == "intent" and asked_party(trigger.token, inner.token) is not None:
        kind = "request"  # 'Serbia wanted the UN to lift the sanctions': asked of the UN
    if kind in ("intent", "preparation"):
        negated = is_negated(inner.token, modality_cues()) and "when_negated" not in pattern.flags
        if inner_type in COOPERATIVE and negated:
            return refusal_coding(inner_type, coder)  # vowed not to
        if inner_type in COOPERATIVE:
            return Coding("AGREE", INTENT_CAMEO[inner_type], None, coder)
        if inner_type in FORCEFUL and kind == "preparation":  # 'prepared to resume shelling': force posture
            return Coding("MOBILIZE", "154", "troops", coder)
        if inner_type in FORCEFUL and "symmetric" in pattern.flags:
            return None  # 'X and Y agreed to step up patrols': a joint decision, no threat to anyone
        if inner_type in FORCEFUL:
            return threat_coding(inner, coder)
        return None  # 'vowed to condemn': the inner statement codes itself
    if kind == "threat":
        return threat_coding(inner, coder)
    if kind == "dismissal":  # 'removing the sanctions is out of the question': a refused concession
        if inner_type in COOPERATIVE:
            return refusal_coding(inner_type, coder)
        return own
    if kind == "refusal":
        if "needs_inner" in pattern.flags and inner_type not in NEGOTIATED:
            return None  # 'failed to release them': a non-event, flagged as negated, no refusal
        if inner_type in COOPERATIVE:
            return refusal_coding(inner_type, coder)
        if inner_type == "SANCTION":  # 'refused to impose sanctions', 'refused to suspend enrichment': a rejection
            return Coding("REJECT", "120", None, coder)
        return None  # 'refused to condemn': a negated accusation, not a rejection
    table = DEMAND_CAMEO if pattern.cameo.startswith("10") else APPEAL_CAMEO
    if inner_type in COOPERATIVE:
        return Coding("REQUEST", table[inner_type], ASK_MODE.get(inner_type), coder)
    return Coding("REQUEST", pattern.cameo, pattern.mode, coder)


# Verbs of wishing: wishing an act of someone else's is asking it of them, unless the wish is
# a share of a public's opinion.
WISH_LEMMAS = frozenset({"want", "wish", "hope", "like", "prefer", "expect"})
OPINION_QUANTIFIERS = frozenset({"many", "most", "some", "few", "several", "majority", "half"})


def asked_party(wrapper, inner):
    """'wanted the UN to lift', 'hopes the US will lift': the subject of a wished act, named and
    no pronoun, when it is someone other than who wishes it."""
    subject = next((c for c in inner.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or not WISH_LEMMAS.intersection(word_lemmas(wrapper)):
        return None  # 'agreed that their countries should cooperate' is agreed, not asked
    own = subject_token(wrapper)
    if own is not None and (own.lower_ == "percent" or any(c.lower_ in OPINION_QUANTIFIERS for c in own.children)):
        return None  # 'many voters want parliament to ...': an opinion, not a request
    return subject if own is None or own.i != subject.i else None


# What a journey is made for: 'flew to X for talks with Y' is a meeting with Y.
MEETING_NOUNS = frozenset({"talk", "meeting", "consultation", "summit", "discussion", "negotiation"})


def meeting_partners(token) -> list:
    """Whom a journey's 'for talks with' phrase names (on the journey's verb or its noun)."""
    verb = governing_verb(token) if token.pos_ in ("NOUN", "PROPN") else token
    meetings = [o for t in (token, verb) if t is not None for o in prep_objects(t, "for")
                if MEETING_NOUNS.intersection(word_lemmas(o))]
    return [p for m in meetings for p in prep_objects(m, "with")]


LEFT_LANDS = frozenset({"country", "territory", "kingdom", "state", "republic", "island"})


def ordered_to_leave(verb):
    """The infinitive 'leave' a request verb governs when it is people who are to go ('ordered three
    diplomats to leave the country'): an expulsion; troops ordered out are asked to withdraw."""
    ordered = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(FORCES.intersection(word_lemmas(w)) for o in ordered for w in o.subtree):
        return None
    leave = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() == "leave"
                  and is_infinitive(c)), None)
    left = direct_objects(leave) if leave is not None else []
    # a country, not 'the streets' (a dispersal)
    return leave if all(o.pos_ == "PROPN" or o.lemma_.lower() in LEFT_LANDS for o in left) else None


def refusal_coding(inner_type: str, coder: str) -> Coding:
    """A refused act of cooperation ('vowed not to meet', 'refused to withdraw') is a REJECT of it."""
    return Coding("REJECT", REFUSAL_CAMEO[inner_type], ASK_MODE.get(inner_type), coder)


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
    # 'the army would crush Hamas if rocket fire did not stop': force on a condition is a threat
    if "hypothetical" in aux and "negation" not in aux and coding.type in FORCEFUL \
            and is_conditional_consequence(token):
        rest = [a for a in aux if a not in ("future", "hypothetical")]
        return threat_coding(Trigger(token, pattern), coding.coder), rest
    if "future" not in aux or "hypothetical" in aux:
        return coding, aux
    rest = [a for a in aux if a not in ("future", "negation")]
    if "negation" in aux:
        if coding.type in COOPERATIVE:
            return Coding("REJECT", REFUSAL_CAMEO[coding.type], ASK_MODE.get(coding.type), coding.coder), rest
        return coding, aux
    if coding.cameo.startswith(ANNOUNCED_SANCTIONS) and is_announced(token) and not has_ultimatum(token):
        return coding, rest  # PLOVER: announced sanctions are SANCTION, threatened ones THREATEN
    if coding.type in FORCEFUL - {"MOBILIZE"} or has_ultimatum(token):
        return threat_coding(Trigger(token, pattern), coding.coder), rest
    if coding.type not in COOPERATIVE or coding.type == "AGREE":
        return coding, aux
    return Coding("AGREE", INTENT_CAMEO[coding.type], None, coding.coder), rest


def is_announced(token) -> bool:
    """'X announced it would ban imports from Y': the future act is the content of an official
    announcement, not a conditional threat."""
    return token.dep_ in ("ccomp", "xcomp") and bool(ANNOUNCING.intersection(word_lemmas(token.head)))


def has_ultimatum(token) -> bool:
    """'... will withdraw its force unless Y holds elections': a condition imposed on the other side."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in token.children)


class SentenceCoder:
    def __init__(self, doc: Document, book: PatternBook, index: ActorIndex):
        self.doc, self.book, self.index = doc, book, index
        self.triggers: dict[int, Trigger] = {}  # the sentence being coded: its triggers by position
        # most words trigger nothing; a hyphenated word's right part may ('cease-fire')
        self.trigger_positions = sorted({*words_among(doc.parsed, book.trigger_forms),
                                         *hyphen_compounds(doc.parsed, book.trigger_forms)})
        self.accusations: list[Event] = []  # the article's accusations so far: whose charge is rejected later

    def code(self, sentence) -> list[Event]:
        if is_link_prompt(sentence):
            return []
        triggers = sentence_triggers(sentence, self.trigger_positions, self.book, self.index)
        self.triggers = triggers
        consumed = (self.consumed_by_verbs(triggers) | consumed_by_warnings(triggers, self.index)
                    | consumed_by_ultimatums(triggers))
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
                if inner is not None and inner.token.dep_ in COMPLEMENT_DEPS:
                    # what is asked, threatened or planned is not done ('pleaded with NATO to launch air
                    # strikes', 'threatened to launch attacks on Iraq'): nor is the act its verb governs
                    consumed.update(p for p, t in triggers.items() if t.pattern.pos == "NOUN"
                                    and (verb := governing_verb(t.token)) is not None and verb.i == inner.token.i)
                plans.append((trigger, inner, coding))
        events = []
        for trigger, inner, coding in plans:
            if trigger.token.i not in consumed:
                events.extend(self.events_for(trigger, inner, coding, sentence) or self.fallback_events(
                    trigger, inner, sentence))
        events = with_victims_placed(with_shared_targets(events, sentence))
        self.accusations.extend(e for e in events if e.type == "ACCUSE" and e.target is not None)
        # events whose agent is known come first (named, or a country from where it happened): an
        # unknown agent's event is the less informative
        return sorted(events, key=lambda e: not (e.source.text or e.source.country))

    def fallback_events(self, trigger: Trigger, inner: Trigger | None, sentence) -> list[Event]:
        """The events of the next pattern the trigger matches, when its first one codes none (a
        pattern that needs a target actor and finds none)."""
        if inner is not None or trigger.wrapper is not None:
            return []
        for pattern in trigger.alternatives:
            events = self.events_for(Trigger(trigger.token, pattern), None, None, sentence)
            if events:
                return events
        return []

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
            verb = governing_verb(trigger.token) or verb_of_object_phrase(trigger.token)
            if verb is None or verb.i not in triggers:
                continue
            if triggers[verb.i].wrapper is None:
                consumed.add(verb.i if trigger.pattern.with_lemmas else position)
            elif (triggers[verb.i].wrapper == "request" and is_object
                  and verb.lemma_.lower() in trigger.pattern.with_lemmas):
                consumed.add(verb.i)  # 'ordered the arrest of X': the order is the arrest, no request
        return consumed

    def sources(self, token, pattern: Pattern) -> list[Actor]:
        if pattern.flags & VERDICT_FLAGS:
            return self.reporters(judged_clause(token, pattern))
        if "ultimatum" in pattern.flags:  # who set the demand, not who must meet it
            return verb_sources(self.index, ultimatum_giver(token))
        if pattern.pos == "VERB":
            return verb_sources(self.index, token) or self.quoted_speaker(token) or self.clause_sources(token)
        if pattern.pos == "ADJ":
            return self.predicate_sources(token)
        if "dismissal" in pattern.flags:
            return self.reporters(copula_of(token))
        givers = [a for obj in origin_phrases(token, pattern) for a in self.index.arguments(obj)]
        if "own_agent" in pattern.flags:  # 'the expulsion of diplomats by Britain' (or 'from Britain')
            return [a for obj in agent_phrases(token) for a in self.index.arguments(obj)] or givers
        if givers:
            return givers
        # the verb the pattern names does the act ('restored relations, broken off by Moscow ...':
        # who restored them, not who broke them off)
        verb = governing_verb(token) if pattern.with_lemmas else None
        if verb is not None and token.dep_ == "dobj" and pattern.with_lemmas.intersection(word_lemmas(verb)):
            doers = verb_sources(self.index, verb)
            if any(a.country for a in doers):
                return doers
        return noun_sources(self.index, token, names_victims="itself" in pattern.targets)

    def subject_actors(self, clause) -> list[Actor]:
        """The actors named in a clause's subject: 'X is out of the question', 'X was to blame'."""
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "csubj")] if clause is not None else []
        return [a for subject in subjects for word in subject.subtree if word.i != subject.i or word.pos_ != "VERB"
                for a in self.index.for_argument(word)]

    def reporters(self, clause) -> list[Actor]:
        """Who says a clause: the subject of the verb reporting it ('Serbia said that recognising
        Kosovo is out of the question')."""
        return verb_sources(self.index, clause.head) if is_reported(clause) else []

    def clause_sources(self, verb) -> list[Actor]:
        """Parses that hide a verb's subject: a gerund after a preposition ('responded by shelling
        X', 'after shelling X, Y declared ...') acts for the subject of the verb the preposition
        hangs on (for a passive verb, for the one it was done to); a finite verb the parser hung on
        a sentence-initial noun phrase ('Troops from X withdrew ...' read as a noun with a clause)
        has that noun as subject; a main verb left without subject takes the nouns right before it;
        the infinitive of a passive verb ('X is expected to withdraw') has the passive's subject."""
        head = verb.head
        if object_doer(verb) is not None:
            return []  # 'accused the West of supporting ...': the West, whom no actor names, not the accuser
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            main = head.head
            # 'protesters were detained after throwing stones': the protesters threw; but 'arrested for
            # spying' gives the charge, not an established act
            if is_passive(main) and head.lower_ in TIME_PREPS:
                return [a for patient in slot_tokens(main, "dobj") for a in self.index.arguments(patient)]
            if head.lower_ in AVERTING_PREPS and direct_objects(main):  # 'warned Kyiv against attacking'
                return [a for kept in direct_objects(main) for a in self.index.arguments(kept)]
            return verb_sources(self.index, main)
        # a participle with an object is active, and so is an intransitive one ('activists protested')
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and not is_passive_participle(verb))
        if verb.dep_ == "acl" and finite and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
            return self.index.arguments(head)
        if verb.dep_ == "ROOT" or visiting_subjects(verb):
            return [a for t in stranded_subject(verb) for a in self.index.for_argument(t)]
        # 'Pakistan became the first country to recognise the Taliban': the subject of 'became'
        if verb.dep_ in ("acl", "relcl") and is_infinitive(verb) and head.dep_ == "attr" and (
                head.head.lemma_.lower() in ("be", "become", "remain")):
            return verb_sources(self.index, head.head)
        # 'took to the streets to protest ...': a purpose is its main verb's subject's
        if verb.dep_ == "advcl" and is_infinitive(verb) and head.pos_ == "VERB" and not is_passive(head) and not (
                is_passive(verb)):
            return [a for s in (subject_token(head),) if s is not None for a in self.index.arguments(s)]
        # 'X is set / expected / due to withdraw'; not 'the envoy was summoned to protest ...'
        if verb.dep_ == "xcomp" and is_passive(head) and not is_summons_purpose(verb):
            subjects = passive_subjects(head)
            return self.index.arguments(subjects[0]) if subjects else []
        return []

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
        """'was arrested in Lebanon', 'the curfew in Kashmir was lifted', 'prisoners were freed in
        Kenya': arrests, other state coercion, its easing and releases are the work of the authorities
        of the place; otherwise the agent is unknown."""
        # 'were expelled from Iraq': the authorities of the country they had to leave
        slot = "prep:from" if coding.cameo in EXPULSION_CAMEO else "prep:in"
        # 'martial law was imposed on Lhasa': a curfew or an emergency is the place's own authorities'
        slots = (slot, "prep:on") if coding.mode == "curfew" else (slot, "prep:across", "prep:throughout")
        if (coding.type in PLACE_AUTHORITY_TYPES or coding.mode in UNNAMED_AGENT_MODES
                or coding.cameo in EXPULSION_CAMEO):
            left = [*direct_objects(leave)] if coding.cameo in EXPULSION_CAMEO and (
                leave := ordered_to_leave(token)) is not None else []  # 'were ordered to leave Britain'
            # ... or where those it is done to were held: 'two journalists held in North Korea were freed'
            held = [o for s in passive_subjects(token) for acl in s.children if acl.dep_ == "acl"
                    for o in prep_objects(acl, "in")] if slot == "prep:in" else []
            named = [t for each in slots for t in slot_tokens(token, each)]
            places = [a for a in self.index.for_argument_list([*named, *left, *held]) if a.country]
            if places:
                place = places[0]
                return Actor("", place.country, None, None, f"agent not named; authorities of '{place.text}'")
            # 'Aung San Suu Kyi was released from house arrest', 'martial law was imposed': people held or
            # freed, and curfews, in an article of one country are its authorities' doing (not so
            # sanctions lifted on it)
            home = is_state_measure(coding) or any(self.index.names_people(s) for s in passive_subjects(token))
            if home and len(countries := self.index.countries()) == 1 and not countries & NON_STATE_CODES:
                return Actor("", countries.pop(), None, None,
                             "agent not named; authorities of the one country the article names")
        if token.lemma_.lower() in SUMMONING_VERBS:  # 'was summoned to the Foreign Ministry in Tehran'
            # ... by the host, not by the envoy's own state ("Britain's ambassador was summoned to the ministry")
            summoned = {a.country for s in passive_subjects(token) for a in self.index.arguments(s)}
            summoners = [a for a in self.index.for_argument_list(slot_tokens(token, "prep:to"))
                         if a.country and a.country not in summoned]
            if summoners:
                return replace(summoners[0], reason=f"summoned to '{summoners[0].text}': {summoners[0].reason}")
        if coding.type == "ASSAULT" and struck_from_the_air(token):
            return Actor("", None, None, None, "agent not named; air attacks are seldom the place's own")
        if coding.type == "ASSAULT" and (subject := subject_token(token)) is not None and is_fired_from_afar(
                subject) and self.launch_site(token) is None:
            return Actor("", None, None, None, "agent not named; what lands somewhere is fired from elsewhere")
        if coding.type == "ASSAULT":  # 'were killed in X', 'a car bomb exploded in X': violence in X
            if attackers := self.attackers_at_the_time(token) or self.passive_weapon_users(token):
                return attackers[0]  # 'five soldiers were killed when Israeli troops raided a border post'
            # ... or where its victims were ('the embassy in X was destroyed'), or in its 'when' clause
            # ('were killed when their vehicle hit a landmine in X')
            heads = [token, *([token.head] if token.dep_ in ("nsubj", "nsubjpass") else []), *direct_objects(token),
                     *when_clauses(token)]
            place = self.launch_site(token) or next(
                (p for head in heads if (p := scene_of(self.index, head)) is not None), None)
            if place is not None:
                return Actor("", place.country, None, None, f"agent not named; violence in '{place.text}'")
        return Actor("", None, None, None, "agent not named")

    def attackers_at_the_time(self, verb) -> list[Actor]:
        """Who attacked in the 'when' clause of a passive killing: 'were killed when rebels attacked ...'."""
        # the attack verb's own subject ('rebels'), not whatever its phrase names ('their vehicle hit a landmine')
        return [a for clause in when_clauses(verb) if clause.lemma_.lower() in ATTACK_VERBS and not is_passive(clause)
                for subject in own_subjects(clause) for a in self.index.at(subject) if a.country]

    def recalling_states(self, verb) -> list[Actor]:
        """'Israel's ambassador to Egypt was recalled': an envoy is called home by his own state."""
        return [Actor("", a.country, "GOV", None, f"agent not named; '{a.text}' is recalled by its own state")
                for subject in passive_subjects(verb) for a in self.index.at(subject) if a.country]

    def passive_weapon_users(self, verb) -> list[Actor]:
        """Who used the weapon a passive killing names: 'were killed by a bomb planted by Hezbollah',
        'by rockets fired by guerrillas'."""
        weapons = [w for w in passive_agents(verb) if w.lemma_.lower() in WEAPONS]
        return [a for weapon in weapons for user in participle_agents(weapon) for a in self.index.arguments(user)
                if a.country]

    def launch_site(self, verb) -> Actor | None:
        """'rockets were fired at X from southern Lebanon': fire comes from where it was launched
        (the parser may hang the 'from' on the target's phrase)."""
        if verb.lemma_.lower() not in LAUNCH_VERBS:
            return None
        origins = [o for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ORIGIN_PREPS for o in objects_of(t)]
        return next((a for o in origins for a in self.index.for_argument(o) if a.country), None)

    def unplaced_agent(self, trigger: Trigger, coding: Coding) -> list[Actor]:
        """The source of an event with a clear trigger and a resolved target whose agent no actor
        names: coded with an unknown source, as GDELT and POLECAT code an empty actor1, rather than
        dropped.  Either the sentence names no agent ('sanctions on X were lifted'), or it names a
        person or group the knowledge base cannot place ('a group called Y attacked X'), kept
        with its words.  A thing as subject ('the report criticized X', 'the message expressed
        support') is no agent."""
        token = trigger.token
        if self.agent_left_unnamed(trigger):
            return [self.unnamed_agent(token, coding)]
        subject = subject_token(token) if trigger.pattern.pos == "VERB" and not is_passive(token) else None
        if subject is not None and subject.head.i == token.i and is_agentive(subject):
            words = self.doc.text[subject.left_edge.idx: subject.right_edge.idx + len(subject.right_edge)]
            return [Actor(words, None, None, None, "agent not in the knowledge base")]
        return []

    def agent_left_unnamed(self, trigger: Trigger) -> bool:
        """No agent named at all: an agentless passive, a finite verb without subject, an event
        noun with no possessor, 'by' phrase or subject of its verb."""
        token = trigger.token
        if is_mishap(token):
            return False  # 'killed in a helicopter crash': an accident has no agent to leave unnamed
        if trigger.pattern.pos == "VERB":
            if is_passive(token):
                return names_no_agent(token)
            subject = subject_token(token)
            if subject is not None and is_issued_at_a_meeting(subject):
                return True  # 'the communique issued at the end of the summit urged X': its participants
            # a gerund or infinitive has an agent elsewhere ('for defending X'): not unnamed
            return token.tag_ in ("VBD", "VBZ", "VBP") and subject is None and not any(
                c.dep_ in ("csubj", "expl") for c in token.children)
        if trigger.pattern.pos == "NOUN":
            if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children):
                return False
            verb = governing_verb(token)  # 'the report urged sanctions on X': an agent, not placeable
            if verb is None:
                return True
            if token.dep_ in ("nsubj", "nsubjpass"):  # 'a bombing near X killed ...': the verb codes it
                return verb.i not in self.triggers
            return subject_token(verb) is None
        return False

    def crowd_of_place(self, token, pattern: Pattern, protesters: list[Actor]) -> list[Actor]:
        """'Thousands marched in X', 'protests erupted in X': protesters the sentence does not name,
        or names with no country ('Muslims demonstrated in Cairo'), are people of the place where
        they protest."""
        if pattern.pos == "VERB" and subject_token(token) is None:
            return protesters
        verb = event_verb(token, pattern)
        subject = subject_token(verb) if verb is not None else None
        heads = [token] + ([token.head] if pattern.pos == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")
                           and token.head.pos_ in ("VERB", "AUX") else []) + (
            [subject] if protesters and subject is not None else [])  # 'Shiite Muslims in Bahrain staged ...'
        for head in heads:
            places = [a for a in self.index.for_argument_list(slot_tokens(head, "prep:in")) if a.country]
            if places:
                place = places[0]
                if protesters:
                    return [replace(p, country=place.country, reason=f"{p.reason}; people of '{place.text}', "
                                    "where they protest") for p in protesters]
                return [Actor("", place.country, "CVL", None, f"protesters not named; people of '{place.text}'")]
        return protesters

    def deployed_forces(self, verb) -> list[Actor]:
        """'troops from X were deployed to ...': a force moved without a named agent belongs to
        the actor that commands it."""
        subjects = passive_subjects(verb)
        return self.index.arguments(subjects[0]) if subjects else []

    def predicate_sources(self, adjective) -> list[Actor]:
        """Who is 'willing to ...': the copula's subject ('X is willing'), or the object of the verb
        that makes them so ('left them eager to ...')."""
        subjects = [c for c in adjective.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return self.index.arguments(subjects[0])
        if adjective.head.i == adjective.i:
            return []
        if adjective.dep_ == "acomp":  # '"We are ready to talk," the president said': we are the speaker
            return verb_sources(self.index, adjective.head) or self.quoted_speaker(adjective.head)
        objects = [c for c in adjective.head.children if c.dep_ == "dobj"]
        return self.index.arguments(objects[0]) if objects else []

    def targets(self, trigger: Trigger, sources: list[Actor], depth: int = 0) -> list[Actor]:
        return self.slot_targets(trigger, sources) or self.fallback_targets(trigger, sources, depth)

    def destination_targets(self, token, sources: list[Actor]) -> list[Actor]:
        """'sent experts to Bosnia to investigate the feasibility of a force': an act done where its
        doers were sent is aimed at that place when its own object names no country."""
        if token.dep_ not in ("advcl", "xcomp", "acl", "relcl") or not is_infinitive(token):
            return []
        sending = token.head
        if token.dep_ in ("acl", "relcl"):  # 'sent inspectors to X to examine ...': the task of the sent
            if sending.dep_ != "dobj":
                return []
            sending = sending.head
        preps = ("to", "into", "in") if sending.lemma_.lower() in ARRIVAL_VERBS else ("to", "into")
        # the parser makes 'sent inspectors to X' a dative; 'gave money to X to help' is no sending
        deps = ("prep", "dative") if sending.lemma_.lower() in DISPATCH_VERBS else ("prep",)
        places = [o for c in sending.children if c.dep_ in deps and c.lower_ in preps for o in objects_of(c)]
        return [a for a in self.others(sources, self.index.for_argument_list(places)) if a.country]

    def rivals(self, token, own: set[str | None]) -> list[Actor]:
        """Whom a force build-up faces, as the sentence says: 'its border with X', 'amid tension with X',
        'a standoff with X', 'units facing X', 'the coast opposite X'."""
        words = [t for t in token.sent if t.lemma_.lower() in RIVALRY_NOUNS]
        faced = [o for w in words for o in prep_objects(w, "with")]
        faced += [o for t in token.sent if t.lower_ in FACING_WORDS
                  for o in (direct_objects(t) if t.pos_ == "VERB" else objects_of(t))]
        actors = [a for o in faced for a in self.index.for_argument(o)]
        return [a for a in actors if a.country and a.country not in own]

    def protested_missions(self, token, own: set[str | None]) -> list[Actor]:
        """A foreign embassy or consulate a protest is held at, outside or in front of: its state is protested."""
        verbs = [token, *([token.head] if token.dep_ in ("advcl", "xcomp", "conj") else [])]
        places = [o for v in verbs for c in v.children if c.dep_ in ("prep", "dobj")
                  for o in (objects_of(c) or [c] if c.dep_ == "prep" else [c])]
        places += [o for p in places if p.lower_ == "front" for o in prep_objects(p, "of")]  # 'in front of'
        missions = [a for p in places if MISSION_NOUNS.intersection(word_lemmas(p))
                    for a in self.index.for_argument(p) if a.country]
        return [a for a in missions if a.country not in own]

    def promisees(self, verb, sources: list[Actor]) -> list[Actor]:
        """Whom a promise with a 'that' clause is made to: its object or indirect object."""
        if not any(c.dep_ == "ccomp" for c in verb.children):
            return []
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")]
        return [a for a in self.others(sources, self.index.for_argument_list(told)) if a.country]

    def addressee_targets(self, token, sources: list[Actor]) -> list[Actor]:
        """'sent a letter to the UN asking for mediation': what a letter asks is asked of its addressee."""
        actors = self.others(sources, self.index.for_argument_list(message_addressees(token)))
        return [a for a in actors if a.country]

    def slot_targets(self, trigger: Trigger, sources: list[Actor], located: bool = True) -> list[Actor]:
        """The first target slot of the pattern that names an actor other than the source; force
        used 'in X' with no other target is used against X ('a bombing in central Baghdad').
        Actors named by a slot come first, then actors inside a slot's phrase that is no actor
        itself ('a war against X'), then actors of unknown country ('rebels')."""
        slots = trigger.pattern.targets
        preps = NESTED_TARGET_PREPS
        # 'rioted at a jail in X'; but in 'clashes between X and Y in Z' the parties face each other,
        # and a third party can only be one they act with
        mutual = is_mutual(trigger, sources)
        if mutual:
            slots = tuple(slot for slot in slots if slot.partition(":")[2] in PARTY_PREPS)
        located = located and trigger.pattern.type in LOCATION_TARGET_TYPES
        if located and not mutual:
            slots, preps = (*slots, "prep:in", *(f"prep:{p}" for p in LOCATIVE_PREPS)), PLACE_PREPS
        # 'overran a town near the Guinean border': a border as the place of force names neither side
        filled = [[t for t in slot_tokens(trigger.token, slot)
                   if not (located and slot.partition(":")[2] in EVENT_PLACE_PREPS - {"across"}
                           and t.lemma_.lower() in BORDER_NOUNS)]
                  for slot in slots]
        brokers = counts_brokers(trigger.pattern)
        for find in (self.index.for_argument, lambda t: nested_targets(self.index, t, preps, brokers=brokers),
                     self.index.arguments):
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
            if pattern.type == "MOBILIZE" and verb is not None:  # 'put troops along X's border on alert'
                objects += [o for p in FACING_PREPS for o in prep_objects(verb, p)]
            found = not_own_forces(self.others(sources, [a for o in objects for a in self.index.for_argument(o)]),
                                   sources, pattern.type == "MOBILIZE")
        if not found and pattern.type == "MOBILIZE":
            verb = event_verb(token, pattern)
            found = self.others(sources, [a for o in border_partners(verb) for a in self.index.for_argument(o)])
        if not found and pattern.type == "REQUEST":  # 'reiterated its demand that X ease ...': who is asked
            verb = governing_verb(token) if pattern.pos == "NOUN" else None
            asked = slot_tokens(token, "clause") + (slot_tokens(verb, "clause") if verb is not None else [])
            found = self.others(sources, [a for t in asked for a in self.index.arguments(t)])
        if not found and trigger.wrapper == "dismissal":  # 'recognising X is out of the question'
            found = self.others(sources, self.subject_actors(copula_of(token)))
        # 'threatened to take countermeasures against X', 'warned it would respond to any Indian test'
        if not found and (trigger.wrapper is not None or "own_act" in pattern.flags):
            found = self.complement_targets(token, sources)
        if not found and trigger.wrapper is None and depth < 2:  # 'staged protests to demand X's resignation'
            found = self.purpose_targets(token, sources, depth)
        # 'donated (pledged) $100 million to rebuild Lebanon': whom the aid (CAMEO 033, promised aid) is for
        if not found and (pattern.type == "AID" or pattern.cameo.startswith("033")):
            verb = event_verb(token, pattern)
            helped = [word for clause in (aid_purposes(verb) if verb is not None else [])
                      for word in [c for c in clause.children if c.dep_ == "nsubj"] or direct_objects(clause)]
            found = self.others(sources, self.phrase_targets(helped))
        if not found and pattern.type == "REJECT" and rejects_a_charge(token):  # 'Cairo rejected the charge'
            found = self.accusers_of(sources)
        if not found and pattern.targets[:-1] != DEFAULT_TARGETS[pattern.pos] and "only_slots" not in pattern.flags:
            found = self.default_slot_targets(trigger, sources)
        return found

    def accusers_of(self, sources: list[Actor]) -> list[Actor]:
        """Who last accused one of the sources in this article ('Ethiopia accused Egypt of sabotage')."""
        countries = {s.country for s in sources if s.country}
        return next(([e.source] for e in reversed(self.accusations)
                     if e.target.country in countries and e.source.country not in countries | {None}), [])

    def default_slot_targets(self, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
        """A pattern's own slots are where its target usually is; when they name none, an actor in
        the default slots of its part of speech is the target ('refused admittance to X',
        'demanded reforms by X')."""
        brokers = counts_brokers(trigger.pattern)
        for slot in DEFAULT_TARGETS[trigger.pattern.pos]:
            tokens = [t for t in slot_tokens(trigger.token, slot) if not self.is_theme_actor(t, trigger.pattern)]
            actors = self.others(sources, self.phrase_targets(tokens, brokers=brokers))
            if actors:
                return actors
        return []

    def is_theme_actor(self, token, pattern: Pattern) -> bool:
        """'sent troops to help X': the troops the pattern is keyed on are what is sent, not its target
        (though the owner of a keyed object may be: 'boycott Algeria's elections')."""
        return bool(pattern.with_lemmas.intersection(word_lemmas(token))) and bool(self.index.at(token))

    def phrase_targets(self, tokens, preps: tuple[str, ...] = NESTED_TARGET_PREPS,
                       brokers: bool = False) -> list[Actor]:
        """The actors argument phrases name, or else name inside them ('a war against X'); a broker
        named on them ('a deal brokered by X') only if ``brokers``."""
        return [a for t in tokens
                for a in self.index.for_argument(t) or nested_targets(self.index, t, preps, brokers=brokers)]

    def complement_targets(self, token, sources: list[Actor]) -> list[Actor]:
        """Targets in the default slots of the verbs of a wrapper's complement clause."""
        frontier = [token]
        for _ in range(2):
            frontier = [c for t in frontier for c in t.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
            for verb in frontier:
                for slot in (*DEFAULT_TARGETS["VERB"], "prep:in"):  # 'threatened to impose a curfew in X'
                    # the source's own forces are what it would use: 'hinted it could use force against X'
                    actors = not_own_forces(self.others(sources, self.phrase_targets(
                        slot_tokens(verb, slot), PLACE_PREPS)), sources, unowned_too=True)
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
        if trigger.pattern.flags & VERDICT_FLAGS:  # 'X was to blame': the judged subject
            return self.others(sources, self.subject_actors(judged_clause(trigger.token, trigger.pattern)))
        if "ultimatum" in trigger.pattern.flags:  # 'gave Iraq until January 15 to withdraw or face ...'
            addressees = ultimatum_addressees(ultimatum_giver(trigger.token))
            return self.others(sources, self.index.for_argument_list(addressees))
        if inner is None:
            order = [trigger]
        elif trigger.wrapper in ("request", "deontic"):  # 'urged Iran to release ...': who is asked
            order = [trigger, inner]
        elif trigger.wrapper == "intent" and (asked := asked_party(trigger.token, inner.token)) is not None:
            return self.others(sources, self.index.arguments(asked))  # 'wanted the UN to lift ...'
        elif trigger.wrapper == "intent" and (promised := self.promisees(trigger.token, sources)):
            return promised  # 'promised Warren Christopher that Palestinian police would act ...'
        else:
            order = [inner, trigger]
        if trigger.pattern.type == "REJECT":  # 'declined to hand him over despite demands by X': X is refused
            defied = self.others(sources, self.phrase_targets(
                [o for each in order for o in prep_objects(each.token, "despite")], ("by", "from", "of")))
            if defied:
                return defied
        if inner is None and (summoned := self.others(sources, self.index.for_argument_list(
                summoned_parties(trigger.token)))):
            return summoned  # 'summoned the Iranian envoy to protest the detention of ...': said to the envoy
        mobilizing = trigger.pattern.type == "MOBILIZE"
        named = []
        if inner is None and trigger.wrapper is None and trigger.pattern.type in LOCATION_TARGET_TYPES and not any(
                a.country for a in self.slot_targets(trigger, sources, located=False)):
            # 'held a rally in Tokyo to protest against X': what an act is for before where it is
            purposes = not_own_forces(self.purpose_targets(trigger.token, sources, 0), sources, mobilizing)
            named = [a for a in purposes if a.country]
        if inner is None and trigger.pattern.mode == "visit":  # 'flew to Lusaka for talks with ANC leaders'
            named = [a for a in self.others(sources, self.index.for_argument_list(
                meeting_partners(trigger.token))) if a.country]
        if not named:
            named = next((actors for each in order
                          if (actors := not_own_forces(self.slot_targets(each, sources), sources, mobilizing))), [])
        # 'X and Y reached agreement on Z's fleet', 'X and Y agreed to hold talks in Z': each other's
        if is_mutual(order[0], sources):
            return named
        if not any(a.country for a in named):
            named = next((actors for each in order
                          if (actors := self.destination_targets(each.token, sources)
                              or self.addressee_targets(each.token, sources))), named)
        if named:
            return named
        return next((actors for each in order if (actors := self.fallback_targets(each, sources))), [])

    def events_for(self, trigger: Trigger, inner: Trigger | None, coding: Coding | None, sentence) -> list[Event]:
        pattern, token = trigger.pattern, trigger.token
        if coding is None:
            coding = Coding(pattern.type, pattern.cameo, pattern.mode, f"pattern:{pattern.id}")
        sources = self.sources(token, pattern)
        unnamed_agent_kind = coding.type in UNNAMED_AGENT_TYPES or coding.mode in UNNAMED_AGENT_MODES
        unnamed = has_unnamed_agent(token, pattern) or reported_occurrence(token, pattern)
        if not sources and unnamed_agent_kind and unnamed:
            sources = [self.unnamed_agent(token, coding)]
        if coding.type == "PROTEST" and not any(s.country for s in sources):
            sources = self.crowd_of_place(token, pattern, sources)
        # 'troops were deployed', 'was put on alert', 'Cuban soldiers have been withdrawn from Angola',
        # 'Israeli jets were sent to ...': what is moved or given belongs to who moves or gives it
        if not sources and (coding.type == "MOBILIZE" or coding.mode == "withdraw"
                            or coding.type == "AID" and token.lemma_.lower() in SHIPPING_VERBS):
            verb = event_verb(token, pattern)
            sources = self.deployed_forces(verb) if verb is not None and is_passive(verb) else []
            if coding.mode == "withdraw":  # but 'the blockade of Qatar was eased' is Qatar's blockade
                sources = [s for s in sources if s.sector in ARMED_SECTORS]
        if not sources and "home_recall" in pattern.flags and is_passive(token):
            sources = self.recalling_states(token)
        claimed = self.index.for_argument_list(claimants(token)) if coding.type == "ASSAULT" else []
        if claimed and not any(s.country for s in sources):
            sources = claimed  # 'a suicide bomber killed 18 people, in an attack claimed by Hamas'
        targets, told_press = without_press(trigger, self.event_targets(trigger, inner, sources))
        targets = [t for t in targets if not any(same_actor(t, c) for c in claimed)]
        if "home_recall" in pattern.flags:  # 'was recalled to Jerusalem': home is no target
            targets = [t for t in targets if t.country not in {s.country for s in sources}]
        if told_press and not targets and coding.type == "CONSULT":
            return []  # 'speaking to Reuters': an interview, not a consultation
        if "recipient" in pattern.flags and sources:  # 'X received weapons from Y': Y gave them to X
            if "needs_target" in pattern.flags and not any(t.country for t in targets):
                return []  # 'came under fire for failing to ...' names no one firing: criticism
            sources, targets = targets or [Actor("", None, None, None, "giver not named")], sources
        if not sources and "symmetric" in pattern.flags and len(targets) > 1 and between_objects(token):
            sources, targets = targets, []  # 'talks were held between X and Y': X and Y talked
        if not sources and any(t.country for t in targets):
            sources = self.unplaced_agent(trigger, coding)
        if not sources:
            return []
        aux = aux_modes(token)
        if "when_negated" in pattern.flags:  # 'did not rule out force': the negation makes the event
            aux = [a for a in aux if a != "negation"]
        if "pronounced" in pattern.flags:  # 'X would pay a price': the modal is the threat's own
            aux = [a for a in aux if a == "negation"]
        if inner is None:
            coding, aux = stated_intention(coding, pattern, token, aux)
        if coding.type == "THREATEN" and not targets:  # 'would respond militarily if NATO deployed ...'
            targets = self.others(sources, [a for s in condition_subjects(token) for a in self.index.arguments(s)])
        # a promised relation ('eager to establish ties', 'plans talks') is coded only with a partner
        needs_target = "needs_target" in pattern.flags or (
            inner is not None and coding.type == "AGREE" and "symmetric" in inner.pattern.flags)
        # 'X and Y agreed to share ...': parties to an agreement act on each other
        mutual = inner is not None and "symmetric" in pattern.flags and coding.type == "AGREE" or reciprocal(token)
        # 'reinforced its troops in X': the source's own forces are no target, so X is the place
        foreign = not_own_forces(targets, sources, coding.type == "MOBILIZE")
        own = {s.country for s in sources}
        if coding.type == "MOBILIZE" and all(t.country in {None, *own} for t in foreign):
            foreign = self.rivals(token, own) or foreign  # 'massed troops on its border with Sudan'
        # 'massed outside the U.S. consulate in Karachi': a foreign mission outranks the protesters' own country
        if coding.type == "PROTEST" and all(t.country in {None, *own} for t in foreign):
            foreign = self.protested_missions(token, own) or foreign
        # 'agreed in Ouagadougou', 'endorsed the plan at its summit in Beirut': a foreign capital is the venue
        venue_of = sources if coding.type in DIPLOMATIC_TYPES else None
        place = None if any(t.country for t in foreign) else self.place_of_event(trigger, inner, venue_of)
        # 'aid for refugees in Pakistan': targets of no country are where it happens; 'withdrew from
        # their barracks in Slovenia': what a withdrawal from one's own leaves is the place
        if place is not None and (foreign or coding.mode == "withdraw"):
            foreign = [place]
        if place is None and not foreign and is_domestic(coding):
            place = own_country(sources, states_too=is_state_measure(coding))
        elif place is None and not foreign and coding.type in DOMESTIC_IN_ONE_COUNTRY and (
                self.index.countries() <= {s.country for s in sources}):
            # 'King Gyanendra restored the dissolved House', 'the opposition demanded early elections':
            # in an article that names no other country, an act is done at home
            place = own_country(sources, states_too=DOMESTIC_IN_ONE_COUNTRY[coding.type])
        elif place is None and foreign and (is_state_measure(coding) or coding.mode == "release") and not any(
                t.country for t in foreign) and (home := own_country(sources, states_too=True)) is not None:
            # 'Dissident Wei Jingsheng was detained by Beijing police': a state represses (or frees) its own people
            foreign = [replace(t, country=home.country, reason=f"{t.reason}; of no country named: the country "
                                                                f"whose authorities act") for t in foreign]
        if coding.type == "PROTEST" and not any(t.country and t.country not in {s.country for s in sources}
                                                for t in foreign) and (jailers := self.jailers(token, pattern)):
            foreign, place = jailers, None  # 'Palestinian prisoners in Israeli jails began a hunger strike'
        dyads = self.dyads(sources, foreign, pattern if inner is None else inner.pattern, needs_target, mutual, place)
        attribution = attribution_for(self.doc, token, self.index)
        start, end = evidence_span(self.doc.text, sentence.start_char, sentence.end_char, token.idx)
        evidence = Evidence(start, end, self.doc.text[start:end])
        trigger_span = (token.idx, token.idx + len(token))
        # 'Libya expelled thousands of Egyptian workers': a deportation, where expelling diplomats is a sanction
        expels = coding.mode == "expel" and (token.lemma_.lower() in EXPELLING_VERBS or (
            pattern.pos == "VERB" and ordered_to_leave(token) is not None))
        takes_people = coding.type == "COERCE" and pattern.pos == "VERB" and any(
            self.index.names_people(o) for o in direct_objects(token))
        events = []
        for source, target in dyads:
            done = coding_for_source(coding, pattern, source, takes_people)
            if expels and target is not None and target.sector in DEPORTED_SECTORS:
                done = Coding("COERCE", "174", "deport", done.coder)  # expelled workers are deported
            entry = cameo_entry(done.cameo)
            events.append(Event(source=source, target=target, type=done.type, cameo=done.cameo,
                                goldstein=entry.goldstein, quad=entry.quad, evidence=[evidence], coder=done.coder,
                                mode=done.mode, context=list(entry.context), aux=list(aux), attribution=attribution,
                                confidence=confidence(source, target, pattern), trigger=trigger_span))
        return events

    def jailers(self, token, pattern: Pattern) -> list[Actor]:
        """Whose jails protesting prisoners are in ('Palestinian prisoners in Israeli jails'): the
        state their protest is aimed at."""
        verb = event_verb(token, pattern)
        subject = subject_token(verb) if verb is not None else None
        if subject is None:
            return []
        held = [subject, *(c for c in subject.children if c.dep_ == "acl")]  # 'prisoners held in ...'
        prisons = [o for w in held for o in prep_objects(w, "in") if o.lemma_.lower() in PRISON_NOUNS]
        return [a for p in prisons for c in p.children if c.dep_ in ("amod", "compound", "poss")
                for a in self.index.arguments(c) if a.country]

    def place_of_event(self, trigger: Trigger, inner: Trigger | None,
                       venue_of: list[Actor] | None = None) -> Actor | None:
        """The country of the place an event is said to happen in ('took steps to widen freedoms in
        Sudan'), as the target of last resort: event data codes a domestic act as aimed at its country.
        With ``venue_of`` (the sources of a diplomatic act), a capital of none of theirs is only where they met."""
        for each in (trigger, inner) if inner is not None else (trigger,):
            for token in place_phrases(each.token):
                place = next((a for a in self.index.for_argument(token) if is_place(a, token)
                              and not (venue_of and is_third_capital(a, venue_of))), None)
                if place is not None:
                    return Actor(place.text, place.country, None, place.actor_id,
                                 f"no target named; the country where it happened ('{place.text}')",
                                 place.start, place.end)
        return None

    @staticmethod
    def dyads(sources: list[Actor], targets: list[Actor], pattern: Pattern, needs_target: bool = False,
              mutual: bool = False, place: Actor | None = None) -> list[tuple[Actor, Actor | None]]:
        """Source-target pairs; ``targets`` are already free of the sources' own forces.  Parties to
        a mutual act whose target names no country act on each other ('Thailand and Cambodia agreed
        to withdraw their troops from the disputed temple area')."""
        sources = [s for i, s in enumerate(sources) if not any(same_actor(s, t) for t in sources[:i])]
        each_other = len(sources) > 1 and ("symmetric" in pattern.flags or mutual)
        if targets and not (each_other and not any(t.country for t in targets)):
            # 'a hotline between Athens and Ankara', set up by the Greek and Turkish leaders: each
            # at the other, not at itself
            several = len({t.country for t in targets if t.country}) > 1 and ("symmetric" in pattern.flags or mutual)
            pairs = [(s, t) for s in sources for t in targets if not same_actor(s, t)
                     and not (several and s.country and t.country == s.country)]
        elif each_other:
            pairs = [(a, b) for a, b in combinations(sources, 2) if not same_actor(a, b)]
        elif needs_target or "needs_target" in pattern.flags:
            pairs = []
        else:
            pairs = [(s, place if place is not None and not same_actor(s, place) else None) for s in sources]
        return distinct_dyads([(s, t) for s, t in pairs if is_political(s) or is_political(t)])


# The prepositions naming a party to what coordinated actors do together: 'X and Y signed a deal with Z'.
PARTY_PREPS = frozenset({"with", "between"})


RECIPROCAL_WORDS = ("each other", "one another")


def reciprocal(token) -> bool:
    """'Pakistan and Afghanistan accused each other of ...': the act's object is its own subjects."""
    objects = [*direct_objects(token), *(o for c in token.children if c.dep_ == "prep" for o in objects_of(c))]
    return any(obj.doc[start:start + 2].text.lower() in RECIPROCAL_WORDS
               for obj in objects for start in (max(obj.i - 1, 0), obj.i))


def is_mutual(trigger: Trigger, sources: list[Actor]) -> bool:
    """Coordinated actors of a symmetric act act on each other: 'X and Y held talks'."""
    return "symmetric" in trigger.pattern.flags and len(sources) > 1


# Acts aimed at the actor's own country when the sentence names no target and no place: people's
# protests and threats against their state, and a state's repression of its people (its curfews,
# arrests, bans and censorship; not its seizures, deportations or cyber attacks, aimed abroad).
DOMESTIC_TYPES = frozenset({"PROTEST", "THREATEN"})
# Words naming whom a force build-up faces: 'its border with X', 'tension with X', 'facing X', 'opposite X'.
RIVALRY_NOUNS = frozenset({"border", "frontier", "tension", "standoff", "stand-off", "showdown", "dispute",
                           "conflict", "confrontation", "row", "crisis", "feud"})
FACING_WORDS = frozenset({"facing", "opposite"})
# A state's missions abroad, whose state a protest held at one is aimed at.
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})
# Acts whose place, a foreign capital, is where the parties met rather than what the act is about.
DIPLOMATIC_TYPES = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE"})
# Acts whose several words in one sentence are most often one incident: 'were killed when troops stormed ...'.
SAME_INCIDENT_TYPES = frozenset({"ASSAULT", "PROTEST"})
# A blockade (CAMEO 191) by people, not a state, is a protest: 'coca growers blockaded highways'.
BLOCKADE_CAMEO = "191"
PROTESTING_SECTORS = frozenset({"CVL", "LAB", "AGR", "EDU", "OPP", "HLH", "REL"})
# Acts aimed at home when the article names no other country: by anyone (True), or only by people
# and groups outside the state (False): a government's unaimed demand may be of anyone.
# (Repression is at home anyway: is_state_measure; other coercion, such as annexing, is not.)
DOMESTIC_IN_ONE_COUNTRY = {"CONCEDE": True, "ASSAULT": True, "RETREAT": True,
                           "REQUEST": False, "ACCUSE": False, "REJECT": False}
TRUCE_CAMEO = "0871"
PRISON_NOUNS = frozenset({"jail", "prison", "gaol", "custody", "detention", "camp", "cell"})
REPRESSION_MODES = frozenset({None, "curfew", "arrest", "ban", "censor"})
EASED_RESTRICTIONS = "081"  # CAMEO: eased restrictions, bans, curfews, states of emergency


def is_domestic(coding: Coding) -> bool:
    """Protests, threats, repression and truces ('the IRA announced a cessation of operations'):
    aimed at the actors' own country when no one else is named."""
    return coding.type in DOMESTIC_TYPES or is_state_measure(coding) or coding.cameo == TRUCE_CAMEO


def is_state_measure(coding: Coding) -> bool:
    """Repression and its easing ('declared a state of siege', 'lifted the state of emergency'): a
    state's act on its own country."""
    return (coding.type == "COERCE" and coding.mode in REPRESSION_MODES
            or coding.type == "CONCEDE" and coding.cameo.startswith(EASED_RESTRICTIONS))


def own_country(sources: list[Actor], states_too: bool) -> Actor | None:
    """A protest or threat by people or groups that names no target and no place is aimed at their
    own country ('Greek farmers blocked roads to protest falling prices', 'rebels vowed to fight on'),
    as event data codes domestic conflict; so is repression ('Pinochet declared a state of siege') and its
    easing ('lifted the state of emergency').
    A government's or an army's protest or threat is aimed at someone else ('Tokyo protested after
    ...', 'the army warned it would attack')."""
    countries = {s.country for s in sources if s.country and s.country not in NON_STATE_CODES
                 and (states_too or s.sector not in ("GOV", "MIL"))}
    if len(countries) != 1:
        return None  # 'Benin, Guinea and Liberia declared emergencies': each its own, no one target
    country = countries.pop()
    return Actor("", country, None, country, "no target named; the actors' own country")


def without_press(trigger: Trigger, targets: list[Actor]) -> tuple[list[Actor], bool]:
    """'told Reuters', 'speaking to reporters': the press spoken to is the channel of a statement,
    not a party to it. The targets kept, and whether any was the press."""
    if trigger.token.lemma_.lower() not in SPEECH_LEMMAS:
        return targets, False
    kept = [t for t in targets if t.sector != "MED"]
    return kept, len(kept) < len(targets)


def names_its_agent(noun) -> bool:
    """'China's ban', 'the visit by X', 'the Israeli easing of restrictions': the act's doer is named on it."""
    return bool(agent_phrases(noun)) or any(
        c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.i < noun.i
        for c in noun.children)


# Whom expelling is deporting (CAMEO 174), not a diplomatic sanction: people, not envoys or missions.
DEPORTED_SECTORS = frozenset({"CVL", "LAB", "MED", "EDU", "REL", "BUS", "AGR", "HLH", "CRM", "REF"})
EXPELLING_VERBS = frozenset({"expel", "eject", "oust"})


def coding_for_source(coding: Coding, pattern: Pattern, source: Actor, takes_people: bool) -> Coding:
    """What the act is, done by this source: a raid by police is a law-enforcement search (PLOVER
    COERCE/seize), not an assault; people seized or detained by gunmen or rebels are abducted; a
    government that protests ('Tokyo protested after Chinese ships entered its waters') complains in
    words."""
    if "police_search" in pattern.flags and source.sector == "COP":
        return Coding("COERCE", "171", "seize", f"{coding.coder} (by police: a search)")
    if takes_people and coding.type == "COERCE" and coding.mode in ("arrest", "seize") and \
            source.sector in ABDUCTING_SECTORS:
        return Coding("ASSAULT", "181", "abduct", f"{coding.coder} (people taken by an armed group: an abduction)")
    if pattern.type == "PROTEST" and pattern.lemma == "protest" and pattern.pos == "VERB" and source.sector == "GOV":
        return Coding("ACCUSE", "114", "disapprove", f"{coding.coder} (by a government: an official complaint)")
    if coding.cameo == BLOCKADE_CAMEO and source.sector in PROTESTING_SECTORS:
        return Coding("PROTEST", "144", "obstruct", f"{coding.coder} (by people, not a state: a protest blockade)")
    return coding


def verb_of_object_phrase(noun):
    """'claimed responsibility for the attack': the verb whose object the noun's phrase qualifies."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.dep_ != "dobj":
        return None
    verb = prep.head.head
    return verb if verb.pos_ == "VERB" else None


def is_political(actor: Actor | None) -> bool:
    """Political event data needs an actor with a country or a public role: 'Fiat plans to buy a stake'
    or 'investors pulled out' (no country, business only) is business news, not a political event."""
    return actor is not None and bool(actor.country or actor.sector not in (None, "BUS"))


def evidence_span(text: str, start: int, end: int, trigger: int) -> tuple[int, int]:
    """The trigger's sentence, never across a line break (paragraphs are units, even where the
    fast path left a neighbouring paragraph unparsed and the parse ran its sentence on)."""
    before = text.rfind("\n", start, trigger)
    after = text.find("\n", trigger, end)
    return trimmed(text, before + 1 if before >= 0 else start, after if after >= 0 else end)


# Nouns naming people who act, for subjects the knowledge base cannot place ('gunmen', 'a mob').
AGENT_NOUNS = frozenset({"gunman", "attacker", "assailant", "militant", "man", "group", "mob", "crowd", "kidnapper",
                         "pirate", "sniper", "bomber", "terrorist", "insurgent", "extremist", "jihadist", "guerrilla",
                         "separatist", "activist", "fighter", "raider", "hijacker", "official", "leader"})
AGENT_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def is_agentive(subject) -> bool:
    """A subject naming a person or group: a named entity of that kind, or a noun for people."""
    if subject.pos_ not in ("NOUN", "PROPN"):
        return False
    return subject.ent_type_ in AGENT_ENTITIES or bool(AGENT_NOUNS.intersection(word_lemmas(subject)))


def when_clauses(verb) -> list:
    return clauses_opened_by(verb, ("when",), ("advmod",))


def has_unnamed_agent(token, pattern: Pattern) -> bool:
    """'were killed in a bombing', or 'a car bomb killed ...': force used by someone the sentence
    does not name; not 'were killed in an earthquake' nor 'the flood killed ...'."""
    if pattern.pos != "VERB" or is_mishap(token):
        return False
    if is_passive(token):
        return names_no_agent(token)
    return any(c.dep_ == "nsubj" and WEAPONS.intersection(word_lemmas(c)) for c in token.children)


def is_mishap(token) -> bool:
    """An accident or disaster in the event word's phrase: 'killed in an earthquake'."""
    return bool(MISHAPS.intersection(w for t in token.subtree if t.i != token.i for w in word_lemmas(t)))


def names_no_agent(verb) -> bool:
    """A passive verb with no 'by' phrase, or one that names only the weapon ('were killed by a
    roadside bomb'), not who used it."""
    if not any(c.dep_ == "agent" and not is_means(c) for c in verb.children):
        return True  # 'were deported from Malaysia by ship'
    agents = agent_objects(verb)
    return bool(agents) and all(WEAPONS.intersection(word_lemmas(a)) and not AGENT_NOUNS.intersection(word_lemmas(a))
                                and not agent_phrases(a) for a in agents)


# Words of a noun phrase standing right before its verb: 'the government of X and Y have agreed'.
SUBJECT_RUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "SYM", "NUM", "PART", "ADP"})
VERB_PREFIX_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def is_verb_prefix(token) -> bool:
    """Words between a subject and its verb: auxiliaries, adverbs, a day ('Pakistan yesterday
    fired'), the first half of a hyphenated verb ('test-fired')."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (token.dep_ in VERB_PREFIX_DEPS or token.tag_ == "HYPH"
            or token.dep_ == "npadvmod" and (token.ent_type_ in ("DATE", "TIME")
                                             or following is not None and following.tag_ == "HYPH"))


def with_shared_targets(events: list[Event], sentence) -> list[Event]:
    """'Eritrea mobilised reservists and moved troops toward the border with Ethiopia': a build-up
    with no target shares the target of the build-up coordinated with it."""
    def verb(event):
        span = sentence.doc.char_span(*event.trigger) if event.trigger else None
        return span.root if span is not None else None

    aimed = {(e.source.country, v.i): e.target for e in events if e.type == "MOBILIZE" and e.target is not None
             and e.target.country and (v := verb(e)) is not None}
    shared = []
    for e in events:
        v = verb(e) if e.type == "MOBILIZE" and e.target is None else None
        if v is not None and any(c.dep_ == "prep" and c.lower_ in FACING_PREPS + ("in", "to", "into") for w in (
                v, *direct_objects(v)) for c in w.children):
            v = None  # 'bolstering its presence in the South Pacific, and sent troops to X': placed already
        partners = [(e.source.country, t.i) for t in ((v.head,) if v.dep_ == "conj" else ()) + tuple(
            c for c in v.children if c.dep_ == "conj")] if v is not None else []
        target = next((aimed[p] for p in partners if p in aimed), None)
        shared.append(replace(e, target=target) if target is not None else e)
    return shared


def with_victims_placed(events: list[Event]) -> list[Event]:
    """'Thirteen people were killed when Soviet troops overran the television tower in Vilnius': the
    victims of no known country of one attack are those of the attack the same attackers made in
    the same sentence on one country; so for protests ('formed a human chain ... to protest against
    the stationing of American missiles'), where a target only guessed from the actors' own country
    or the place gives way too."""
    def guessed(target: Actor | None) -> bool:
        return target is None or not target.country or not target.text

    hit = {}
    for e in events:
        if e.type in SAME_INCIDENT_TYPES and e.asserted and not guessed(e.target):
            hit.setdefault((e.type, e.source.country), set()).add(e.target.country)
    placed = []
    for e in events:
        countries = hit.get((e.type, e.source.country), set()) if e.source.country else set()
        if len(countries) == 1 and guessed(e.target) and (e.target is None or e.target.country not in countries):
            country = next(iter(countries))
            same = f"of {country}, like the target of the same actors' {e.type.lower()} in the same sentence"
            e = replace(e, target=replace(e.target, country=country, reason=f"{e.target.reason}; {same}")
                        if e.target is not None and e.target.text else Actor("", country, None, None, same))
        placed.append(e)
    return placed


def visiting_subjects(verb) -> list:
    """'Visiting Kazakh President Nazarbayev and Hu Jintao discussed ...', read as a gerund subject
    'visiting X and Y': X and Y are the subjects."""
    visitors = [o for c in verb.children if c.dep_ == "csubj" and c.lower_ == "visiting" and c.i == c.sent.start
                for o in c.children if o.dep_ == "dobj"]
    return [t for o in visitors for t in (o, *o.conjuncts)]


def stranded_subject(verb) -> list:
    """A main verb the parser left without a subject, its subject hung on an earlier phrase
    ('With the signing of X, the government and the rebels have agreed ...'): the coordinated
    nouns right before the verb."""
    if visitors := visiting_subjects(verb):
        return visitors
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return []
    # 'Mugabe, addressing a rally in Harare, denounced ...', the subject hung on the participle
    participles = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < verb.i]
    if subjects := [s for c in participles for s in c.children if s.dep_ == "nsubj" and s.i < c.i]:
        return subjects
    position = verb.i - 1
    while position >= verb.sent.start and is_verb_prefix(verb.doc[position]):
        position -= 1
    if position < verb.sent.start or verb.doc[position].pos_ not in ("NOUN", "PROPN"):
        return []
    nearest = verb.doc[position]
    heads = [nearest]
    while nearest.dep_ == "conj" and nearest.head.i < nearest.i and all(
            t.pos_ in SUBJECT_RUN_POS and t.lower_ != "," for t in verb.doc[nearest.head.i + 1: nearest.i]):
        nearest = nearest.head
        heads.append(nearest)
    return [t for t in heads if t.pos_ in ("NOUN", "PROPN")]


def agent_phrases(noun) -> list:
    """Who a nominal event is done by, named on the noun itself: 'the arrest of X by Y', where the
    parser may hang 'by Y' on X; or its possessor when 'of' names whom it is done to ("Uganda's
    expulsion of Asians"; without 'of', "his arrest" is done to him)."""
    patients = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in objects_of(c)]
    by = [o for head in [noun, *patients] for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
          for o in objects_of(c)]
    return by or ([c for c in noun.children if c.dep_ == "poss"] if patients else [])


def reported_occurrence(token, pattern: Pattern) -> bool:
    """'Fighting erupted in X', 'a bombing rocked X': an event noun reported as happening, whose
    agent the sentence leaves unnamed."""
    head = token.head
    return (pattern.pos == "NOUN" and token.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX")
            and bool(OCCURRENCE_VERBS.intersection(word_lemmas(head))))


def distinct_dyads(pairs: list[tuple[Actor, Actor | None]]) -> list[tuple[Actor, Actor | None]]:
    """'the regime in Venezuela' names Venezuela twice: one event per country-and-sector dyad."""
    seen, result = set(), []
    for source, target in pairs:
        key = (source.country, source.sector, target.country if target else None, target.sector if target else None)
        if key not in seen:
            seen.add(key)
            result.append((source, target))
    return result


def place_phrases(trigger) -> list:
    """Objects of locative prepositions in the trigger's own clause, however deep in its phrases
    ('promote tolerance in Sudan'), but not in a clause with a subject of its own."""
    return [token for token in trigger.subtree
            if token.dep_ == "pobj" and token.head.lower_ in EVENT_PLACE_PREPS and in_own_clause(token, trigger)
            and token.lemma_.lower() not in BORDER_NOUNS  # 'near the Guinean border': on neither side
            and not in_a_document(token, trigger) and not in_opening_phrase(token, trigger)
            and not in_participle_of_a_noun(token, trigger)]


def in_participle_of_a_noun(token, trigger) -> bool:
    """'disarming its fighters under the peace plan signed in Paris': where a thing the act names
    was done (signed, announced) is not where the act is ('a show of force aimed at Iran' is aimed)."""
    return token.head.lower_ == "in" and any(t.dep_ == "acl" and t.tag_ == "VBN" for t in token.ancestors
                                             if t.i != trigger.i and trigger in t.ancestors)


def in_opening_phrase(token, trigger) -> bool:
    """'Meeting in Casablanca, the Arab League endorsed ...': where a participle before the verb
    says its actors were is no target of the act."""
    return any(t.dep_ == "advcl" and t.i < trigger.i for t in token.ancestors if t.i != trigger.i
               and trigger in t.ancestors)


def in_a_document(token, trigger) -> bool:
    """'In a statement released in Nicosia, the PLO denied ...': where a text was issued is not
    where the act happened."""
    head = token.head
    while head.i != trigger.i and head.head.i != head.i:
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            return True
        head = head.head
    return False


def in_own_clause(token, trigger) -> bool:
    """No verb with a subject of its own lies between the word and the trigger."""
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in ancestor.children):
            return False
    return False


def is_third_capital(place: Actor, sources: list[Actor]) -> bool:
    """A capital (a seat of government: its id is its country's) of none of the sources' countries."""
    return place.sector == "GOV" and place.actor_id == place.country and all(
        s.country != place.country for s in sources)


def is_place(actor: Actor, token) -> bool:
    """A country, its capital or a town in it, as the knowledge base names places (the id is the
    country's code) or the gazetteer does, or by the named-entity label where a user's dictionary does not say."""
    return actor.country is not None and (actor.actor_id == actor.country or is_place_actor(actor)
                                          or token.ent_type_ in ("GPE", "LOC"))


def same_actor(a: Actor, b: Actor) -> bool:
    """The same actor named twice: the same words, a pronoun for it ('Iran ... its war'; not for
    another specific person or organisation than the one it stands for), or the same specific id.
    A bare country id names the state, not one actor: a president acting on his own capital is a
    domestic dyad ('the president imposed a curfew in Algiers')."""
    if a.country != b.country or a.sector != b.sector:
        return False
    if a.text == b.text:
        return True
    if is_pronoun(a) or is_pronoun(b):  # it carries its antecedent's id: another specific actor is not it
        pronoun, other = (a, b) if is_pronoun(a) else (b, a)
        return other.actor_id in (None, other.country) or other.actor_id == pronoun.actor_id
    return a.actor_id == b.actor_id and a.actor_id not in (None, a.country)


OWNING_PRONOUNS = ("its ", "their ")  # not "his": "release the PM and members of his government"


def is_issued_at_a_meeting(subject) -> bool:
    """'the communique issued at the end of the summit', 'a declaration adopted by the conference':
    a text of a meeting speaks for its participants, whom the sentence leaves unnamed."""
    return subject.lemma_.lower() in DOCUMENT_NOUNS and any(
        w.lemma_.lower() in MEETING_NOUNS for c in subject.children if c.dep_ in ("acl", "prep") for w in c.subtree)


MEETING_NOUNS = frozenset({"summit", "conference", "meeting", "talks", "session", "assembly", "congress", "forum"})


def is_own_part(target: Actor, source: Actor, unowned_too: bool = False) -> bool:
    """'India put its forces on alert', 'mobilized their army': the source's own forces are no
    target (its leaders may be: 'the army arrested its leaders', whose 'its' is the opposition's).
    With ``unowned_too``, forces of its country named without 'its' are its own as well: a state
    mobilises only its own forces ('Peru's army put troops on alert'), and uses them ('could use force')."""
    return (target.country == source.country and target.sector in ("MIL", "COP")
            and (unowned_too or target.text.lower().startswith(OWNING_PRONOUNS)))


def event_verb(token, pattern: Pattern):
    """The verb of an event: the trigger itself, or the verb governing an event noun."""
    return token if pattern.pos == "VERB" else governing_verb(token)


def aid_purposes(verb) -> list:
    """What aid is for: 'gave $50 million to help X', with the infinitive on the verb or on the gift;
    also what the help is for: 'to help rebuild X', 'to help X fight drought' (X its subject)."""
    clauses = purpose_clauses(verb) + [c for gift in direct_objects(verb) for c in gift.children
                                       if c.dep_ in ("acl", "relcl") and is_infinitive(c)]
    return clauses + [c for clause in clauses if clause.lemma_.lower() == "help" and not direct_objects(clause)
                      for c in clause.children if c.dep_ in ("xcomp", "ccomp")]


def border_partners(verb) -> list:
    """'massed troops along the border with X': the parser often hangs 'with X' on the verb."""
    if verb is None:
        return []
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > 0
            and c.doc[c.i - 1].lemma_.lower() in BORDER_NOUNS for o in objects_of(c)]


def origin_phrases(token, pattern: Pattern) -> list:
    """For an ``origin`` noun, the objects of its 'from': 'aid from Japan arrived', 'the expulsion of
    diplomats from Britain' (the 'from' hung on the people)."""
    return preposition_objects(token, "from") if "origin" in pattern.flags else []


def consumed_by_ultimatums(triggers: dict[int, Trigger]) -> set[int]:
    """'warned Damascus to stop sheltering Ocalan or face the consequences': an ultimatum is one
    threat, coded by its 'or face'; the warning and the demanded act are parts of it, not events."""
    consumed = set()
    for trigger in triggers.values():
        if "ultimatum" in trigger.pattern.flags:
            giver = ultimatum_giver(trigger.token)
            kept = {t.i for t in trigger.token.subtree}
            consumed |= {t.i for t in trigger.token.head.subtree if t.i not in kept} | {giver.i}
    return consumed & triggers.keys()


def consumed_by_warnings(triggers: dict[int, Trigger], index: ActorIndex) -> set[int]:
    """'warned Argentina that its fleet would sink any ship': a warning to someone is the threat,
    coded once, by the warning verb (an ``own_act`` pattern), at whom it warns."""
    return {clause.i for trigger in triggers.values() if "own_act" in trigger.pattern.flags
            and direct_objects(trigger.token)
            for clause in announced_own_acts(trigger.token, own_side(trigger.token, index)) if clause.i in triggers}


def own_side(verb, index: ActorIndex | None):
    """Whether a clause subject names the country of the verb's own subject ('Botha warned Zimbabwe
    that Pretoria would strike': Pretoria is South Africa, as Botha is)."""
    if index is None:
        return lambda subject: False
    speakers = {a.country for a in verb_sources(index, verb) if a.country}
    return lambda subject: bool(speakers) and subject.pos_ == "PROPN" and {
        a.country for a in index.arguments(subject)} == speakers


def not_own_forces(targets: list[Actor], sources: list[Actor], unowned_too: bool) -> list[Actor]:
    return [t for t in targets if not any(is_own_part(t, s, unowned_too) for s in sources)]


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


def needs_entities(parsed) -> list[bool]:
    """Which sentences of a parse without entities yet need them: those where some pattern
    matches (their actors), and the sentence before each (a name a pronoun may stand for);
    of those, only the ones that name something."""
    book = pattern_book()
    positions = words_among(parsed, book.trigger_forms)
    sentences = list(parsed.sents)
    coded = [bool(sentence_triggers(sentence, positions, book, None)) for sentence in sentences]
    return [(here or after) and names_something(sentence)
            for here, after, sentence in zip(coded, coded[1:] + [False], sentences)]


def names_something(sentence) -> bool:
    """A capitalised word (the first only as a proper noun): every entity the coder reads has
    one, and a sentence without it is a tenth of the words the recogniser would see."""
    return any(token.text[:1].isupper() and (token.i > sentence.start or token.pos_ == "PROPN")
               for token in sentence)


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
