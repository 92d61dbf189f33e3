"""Auxiliary modes from the parse: was the event denied, imagined, planned?

PLOVER's ``negation`` and ``hypothetical`` events are reported but not
asserted; ``future`` marks announced events.  ``historical`` is decided from
the event's date (see ``dating.py``).  The cue words are data: ``data/modality.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..datafiles import read_tsv
from ..nlp import is_gerund_read_as_adjective, is_infinitive

MODALITY_FILE = Path(__file__).parent / "data" / "modality.tsv"
CLAUSE_DEPS = {"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "nsubj",
               "nsubjpass", "attr", "dep"}


@dataclass(frozen=True)
class ModalityCues:
    negators: frozenset[str]  # words that negate: not, never, no
    negating_verbs: frozenset[str]  # verbs whose complement did not happen: refuse, fail
    hypothetical_modals: frozenset[str]  # could, might, may, should
    hypothetical_verbs: frozenset[str]  # consider, mull: the complement is not (yet) real
    conditional_marks: frozenset[str]  # if, unless
    future_auxiliaries: frozenset[str]  # will, shall
    reporting_verbs: frozenset[str]  # say, claim: "would" under them is future-in-the-past
    obligation_modals: frozenset[str]  # must, should: "X said Y must ..." asks Y to act
    link_prompts: frozenset[str] = frozenset()  # 'also on', 'read more': page furniture, no article text
    unaddressed_subjects: frozenset[str] = frozenset()  # 'anything we wrote had to ...': nobody is asked
    excluding_verbs: frozenset[str] = frozenset()  # rule out: negating; 'did not rule out X' leaves X possible
    falsity_words: frozenset[str] = frozenset()  # 'reports that X attacked proved false': X did not
    hypothetical_nouns: frozenset[str] = frozenset()  # 'a proposal to send troops': not (yet) done
    hypothetical_determiners: frozenset[str] = frozenset()  # 'would respond to any attack': none has happened
    negating_nouns: frozenset[str] = frozenset()  # 'its refusal to release X': X was not released
    hypothetical_modifiers: frozenset[str] = frozenset()  # 'a possible Israeli attack': not (yet) real


@lru_cache(maxsize=1)
def modality_cues(path: Path = MODALITY_FILE) -> ModalityCues:
    groups: dict[str, set[str]] = {}
    for _, row in read_tsv(path):
        groups.setdefault(row["cue"], set()).add(row["word"].lower())
    return ModalityCues(*(frozenset(groups.get(name, ())) for name in (
        "negator", "negating_verb", "hypothetical_modal", "hypothetical_verb", "conditional_mark",
        "future_auxiliary", "reporting_verb", "obligation_modal", "link_prompt", "unaddressed_subject",
        "excluding_verb", "falsity_word", "hypothetical_noun", "hypothetical_determiner", "negating_noun",
        "hypothetical_modifier")))


def clause_chain(trigger, limit: int = 4) -> list:
    """The trigger and the words that govern it within its clause chain ('refused' over 'condemn')."""
    chain, token = [trigger], trigger
    if is_gerund_read_as_adjective(trigger):  # 'denied supporting rebels': the gerund hangs on 'denied'
        chain, token = [trigger, trigger.head.head], trigger.head.head
    for _ in range(limit):
        # a relative clause is its own assertion: 'X, which attacked Y, denied ...'
        if token.dep_ not in CLAUSE_DEPS or token.head.i == token.i or token.dep_ == "relcl":
            break
        token = token.head
        chain.append(token)
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("ROOT", "ccomp", "advcl", "relcl"):
            break
    return chain


def verb_phrases(token) -> set[str]:
    """A verb's lemma, alone and with its particle: 'ruled out' gives {'rule', 'rule out'}."""
    lemma = token.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in token.children if c.dep_ == "prt"}


def is_negating_verb(token, cues: ModalityCues) -> bool:
    """'refused', 'ruled out': a verb whose complement did not (or will not) happen."""
    return token.pos_ == "VERB" and bool(verb_phrases(token) & (cues.negating_verbs | cues.excluding_verbs))


def has_negator(token, cues: ModalityCues) -> bool:
    return any(c.dep_ in ("neg", "advmod", "det") and c.lower_ in cues.negators for c in token.children)


def is_called_false(verb, cues: ModalityCues) -> bool:
    """'... proved false', '... were baseless', '... turned out to be lies': the subject is untrue."""
    return any(c.dep_ in ("acomp", "oprd", "attr", "xcomp") and c.lemma_.lower() in cues.falsity_words
               for c in verb.children)


def negated_negation(chain: list, cues: ModalityCues):
    """The negated negating verb over a trigger (its ``clause_chain``), if any: 'never stopped
    fighting' (fighting goes on), 'did not rule out sending troops' (sending stays possible)."""
    return next((token for token in chain[1:] if is_negating_verb(token, cues) and has_negator(token, cues)), None)


def is_negated(trigger, cues: ModalityCues) -> bool:
    chain = clause_chain(trigger)
    if negated_negation(chain, cues) is not None:
        return False
    if trigger.dep_ == "acl" and trigger.tag_ in ("VBN", "VBD") and has_negator(trigger.head, cues):
        return True  # 'no rockets fired', 'no shots fired'
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
            trigger.head.head.lemma_.lower() in HALTING_NOUNS:
        return True  # 'declared a three-month suspension of attacks'
    for position, token in enumerate(chain):
        if has_negator(token, cues) and (position == 0 or token.pos_ in ("VERB", "AUX")):
            return True
        if position > 0 and chain[position - 1].dep_ in ("nsubj", "nsubjpass") and is_called_false(token, cues):
            return True  # 'rumours that China had deployed troops proved false'
        # 'refused to condemn' negates condemn; 'refused to condemn and arranged plans' does not negate the plan
        # ... but not what a condition or a time clause on it says ('if X invades, Y will halt the pipeline')
        if position > 0 and is_negating_verb(token, cues) and not is_denied_charge(chain[position - 1], token):
            return chain[position - 1].dep_ not in ("conj", "advcl")
        if position == 1 and token.lemma_.lower() in cues.negating_nouns and chain[0].dep_ == "acl" \
                and is_infinitive(chain[0]):
            return True  # 'Beijing's refusal to release the journalists'
        # 'has yet to apologise', 'is yet to sign': not so far
        if position > 0 and chain[position - 1].dep_ == "xcomp" and any(
                c.lower_ == "yet" and c.dep_ == "advmod" for c in token.children):
            return True
        if position > 0 and chain[position - 1].dep_ == "conj" and token.pos_ == "VERB":
            break
        if token.dep_ in ("ROOT", "relcl", "advcl") and position > 0:
            break
    # "the meeting never materialized": a noun event whose own verb is negated
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass"):
        return any(c.lower_ in cues.negators for c in trigger.head.children if c.dep_ in ("neg", "advmod"))
    return False


def is_denied_charge(clause, verb) -> bool:
    """'X accused Y of ..., a charge Y denied': the parser hangs the accusation on the denial of it,
    whose subject is the charge; what is denied is the charge, not that it was made."""
    return clause.i < verb.i and any(c.dep_ == "nsubj" and c.lemma_.lower() in CHARGE_NOUNS for c in verb.children)


# What stops the act of its 'of' phrase: 'a suspension of attacks'; not 'the end of their meeting'.
HALTING_NOUNS = frozenset({"suspension", "halt", "cessation", "moratorium", "freeze", "cancellation"})
CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "claim", "assertion"})


def modal_auxiliaries(token) -> list[str]:
    return [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]


def is_under_reporting_verb(token, cues: ModalityCues) -> bool:
    head = token
    for _ in range(4):
        if head.dep_ not in ("ccomp", "conj", "xcomp") or head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in cues.reporting_verbs:
            return True
    return False


# Verbs after which a bare verb is required, not stated: 'insisted that Iraq comply'.
MANDATIVE_VERBS = frozenset({"insist", "demand", "urge", "ask", "recommend", "propose", "require", "request",
                             "suggest", "order", "stipulate"})


def is_subjunctive(verb, subject) -> bool:
    """A bare verb after a singular subject ('that Iraq comply') states what is required, not a fact."""
    singular = subject.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in subject.children)
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and singular)


def obligation_clauses(verb) -> list:
    """Complement clauses of ``verb`` that state an obligation: 'that Sudan must return ...'."""
    cues = modality_cues()
    clauses = []
    for clause in verb.children:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        # 'we must address the problem': the speaker's own duty; 'anything ... had to': nobody's
        if clause.dep_ not in ("ccomp", "xcomp") or not subjects or subjects[0].lower_ in cues.unaddressed_subjects:
            continue
        words = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        # "have to" / "need to": the obligation is the clause's own verb
        if words & cues.obligation_modals or (clause.lemma_ in ("have", "need") and
                                              any(c.dep_ == "xcomp" for c in clause.children)):
            clauses.append(clause)
        elif not words and verb.lemma_.lower() in MANDATIVE_VERBS and is_subjunctive(clause, subjects[0]):
            clauses.append(clause)
    return clauses


# Subjects through which a speaker announces its own act: 'warned it would use force'.
OWN_ACT_SUBJECTS = frozenset({"it", "we", "they", "he", "she", "i"})
OWN_FORCE_POSSESSORS = frozenset({"its", "our", "their", "his", "her", "my"})  # 'warned its fleet would sink ...'


def announced_own_acts(verb, own_side: Callable[[object], bool] = lambda subject: False) -> list:
    """Complement clauses in which the speaker says what it will do: 'warned Iran it would use
    force', 'warned that any attack would be met with force' (a passive names no one else), or,
    by ``own_side``, 'warned Zimbabwe that Pretoria would strike' from South Africa; not 'warned
    that Iran would attack'."""
    # 'warned it would', reported 'will', and the threat left open: 'hinted it could use force'
    futures = modality_cues().future_auxiliaries | {"would", "could", "may", "might"}
    clauses = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not futures & {c.lower_ for c in clause.children if c.dep_ == "aux"}:
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        passive = any(c.dep_ == "nsubjpass" for c in subjects) and not any(c.dep_ == "agent" for c in clause.children)
        if passive or (subjects and (subjects[0].lower_ in OWN_ACT_SUBJECTS or is_any_case(subjects[0])
                                     or is_own_force(subjects[0]) or own_side(subjects[0]))):
            clauses.append(clause)
    return clauses


def is_own_force(subject) -> bool:
    """'warned Argentina that its fleet would sink any ship': the speaker's own forces act for it."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_FORCE_POSSESSORS for c in subject.children)


def is_any_case(subject) -> bool:
    """'any move toward independence would mean war': whatever the other side does, the speaker
    says what follows; a condition, not a forecast of someone's act."""
    return any(c.dep_ == "det" and c.lower_ == "any" for c in subject.children)


# Verbs whose 'against' phrase is what they would avert: 'warned against military action'.
WARNING_VERBS = frozenset({"warn", "caution", "advise", "counsel"})
AVERTING_PREPS = frozenset({"against", "from"})
# Words that schedule the act of their infinitive complement: 'is set to', 'is due to'.
SCHEDULED = frozenset({"set", "due", "poised", "scheduled", "slated", "about"})
# ... and words that forecast it: 'is expected to', 'is likely to'.
SPECULATED = frozenset({"expected", "likely", "unlikely", "believed", "thought"})


def is_headline_infinitive(verb) -> bool:
    """'Russia to withdraw troops from Syria': an infinitive heading its sentence; not a purpose
    clause the parser made the root after missing the finite verb ('Demonstrators in Athens hurled
    stones at the embassy to protest ...')."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VB" and is_infinitive(verb) and not any(
        t.tag_ in FINITE_OR_PARTICIPLE for t in verb.doc[verb.sent.start:verb.i])


FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBN", "VBZ", "VBP"})


def is_averted(trigger) -> bool:
    """A gerund after 'against' or 'from' on a verb ('warned Kyiv against attacking', 'barred Iran
    from enriching'): what someone is kept from doing, not done."""
    prep = trigger.head
    if (trigger.dep_ == "pcomp" and trigger.tag_ == "VBG" and prep.dep_ == "prep"
            and prep.lower_ in AVERTING_PREPS and prep.head.pos_ == "VERB"):
        return True
    # 'warned against military action', 'cautioned Kyiv against any attempt to retake the city'
    noun = trigger.head if trigger.dep_ == "acl" and is_infinitive(trigger) else trigger
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "against" and prep.head.lemma_.lower() in WARNING_VERBS


def object_proposes(infinitive, cues: ModalityCues) -> bool:
    """An infinitive the parser hangs on a verb right after the verb's object, which is a proposal,
    a call or a demand: 'ignored calls to free X' is 'calls (to free X)'."""
    if infinitive.dep_ != "advcl" or not is_infinitive(infinitive):
        return False
    return any(c.dep_ == "dobj" and c.right_edge.i == infinitive.left_edge.i - 1
               and c.lemma_.lower() in cues.hypothetical_nouns for c in infinitive.head.children)


def is_question(trigger) -> bool:
    """The trigger's sentence asks a question: it ends with a question mark (before any closing quote)."""
    text = trigger.sent.text.rstrip().rstrip("\"'”’)")
    return text.endswith("?")


def aux_modes(trigger) -> list[str]:
    """The PLOVER auxiliary modes the parse gives an event word."""
    cues = modality_cues()
    modes = []
    if is_negated(trigger, cues):
        modes.append("negation")
    chain = clause_chain(trigger)
    hypothetical = future = False
    for position, token in enumerate(chain):
        for word in modal_auxiliaries(token):
            if word in cues.hypothetical_modals:
                reported_would = word == "would" and is_under_reporting_verb(token, cues)
                future |= reported_would
                hypothetical |= not reported_would
            elif word in cues.future_auxiliaries or (word == "going" and token.tag_ == "VB"):
                future = True
        if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in token.children):
            hypothetical = True
        if position > 0 and token.lemma_.lower() in cues.hypothetical_verbs:
            hypothetical = True
        if position == 1 and token.lemma_.lower() in cues.hypothetical_nouns and chain[0].dep_ == "acl" \
                and is_infinitive(chain[0]):
            hypothetical = True  # 'a proposal to send peacekeepers', 'an offer to mediate'
        if position == 0 and object_proposes(token, cues):
            hypothetical = True  # 'ignored calls to free X', the infinitive hung on the verb

        if position > 0 and chain[position - 1].dep_ == "xcomp" and token.lower_ in SCHEDULED:
            future = True  # 'is set to impose', 'is due to visit'
        if position > 0 and chain[position - 1].dep_ == "xcomp" and token.lower_ in SPECULATED:
            hypothetical = True  # 'is expected to release': others' forecast, not yet real
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in cues.hypothetical_determiners
                                      or c.dep_ == "amod" and c.lower_ in cues.hypothetical_modifiers
                                      for c in trigger.children):
        hypothetical = True  # 'any Israeli attack', 'any incursion', 'a possible deployment'
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and \
            trigger.head.head.lemma_.lower() in cues.hypothetical_nouns:
        hypothetical = True  # "Syria's demand for an Israeli withdrawal", 'a plan for talks'
    if is_question(trigger) or is_averted(trigger):
        hypothetical = True  # 'Will Russia invade?': asked; 'warned X against attacking': averted
    if (negation := negated_negation(chain, cues)) is not None and verb_phrases(negation) & cues.excluding_verbs:
        hypothetical = True  # 'has not ruled out sending troops': possible, not done
    if is_headline_infinitive(trigger):
        future = True  # 'Russia to withdraw troops': a headline's announced act
    if hypothetical:
        modes.append("hypothetical")
    if future:
        modes.append("future")
    return modes
