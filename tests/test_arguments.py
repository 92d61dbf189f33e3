"""Who did it to whom, rule by rule: each way of reaching a source or a target has its own case.

Sentences are written for these tests (not taken from any evaluation set).  The parse-repair
helpers are also checked on hand-built parses, so they do not depend on what the model does.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.coding.arguments import (ActorIndex, between_objects, counted_objects, nested_targets,
                                        purpose_clauses, subject_token)
from eventwire.coding.coder import same_actor
from eventwire.model import Actor, Mention

from .conftest import dyads

model = pytest.mark.model


TARGET_CASES = [
    # a wrapper with no inner event: the target is in its complement clause
    ("Venezuela threatened to take measures against Colombia.", ("THREATEN", "VEN", "COL")),
    ("Brazil promised to continue food aid to Haiti.", ("AGREE", "BRA", "HTI")),
    # a slot's phrase that is no actor is looked through: 'a suspension of flights with X'
    ("Chile announced a suspension of flights with Peru.", ("SANCTION", "CHL", "PER")),
    # ... also to the doer of an event noun: 'abuses committed by X', 'an admission by X'
    ("Canada announced an investigation into abuses committed by Saudi forces.", ("ACCUSE", "CAN", "SAU")),
    ("Poland demanded an admission by Russia that the town had been shelled.", ("REQUEST", "POL", "RUS")),
    # ... through 'from' to who is asked: 'a demand for compensation from X'
    ("Lebanon issued a demand for compensation from Israel.", ("REQUEST", "LBN", "ISR")),
    ("Tunisian lawyers rallied to press their demands for reforms from the Tunisian government.",
     ("PROTEST", "TUN", "TUN")),
    # ... and through a phrase the source merely owns: 'its border war with X'
    ("Iran threatened to launch a new offensive in its border war with Iraq.", ("THREATEN", "IRN", "IRQ")),
    # an act done for another is aimed at the other's target
    ("Students in Kenya marched to demand the resignation of the Kenyan president.", ("PROTEST", "KEN", "KEN")),
    ("The army of Mali mobilized reservists for a war against Niger.", ("MOBILIZE", "MLI", "NER")),
    # protests, withdrawals and concessions in a place are aimed at that place
    ("Ukrainian workers rioted at a factory in Poland.", ("PROTEST", "UKR", "POL")),
    ("Israel will evacuate all settlements in the West Bank.", ("AGREE", "ISR", "PSE")),
    # a demand's addressee is the subject of its 'that' clause, even on the governing verb
    ("Germany reiterated its demand that Russia free the journalists.", ("REQUEST", "DEU", "RUS")),
    # a noun event that names its verb takes the verb's object: 'hosted X for a summit'
    ("Sweden hosted the Finnish president for a summit.", ("CONSULT", "SWE", "FIN")),
    # a pattern whose own slots are empty falls back on the default slots: 'refused visas to X'
    ("Hungary refused visas to Serbian officials.", ("REJECT", "HUN", "SRB")),
    # a named organisation modifying the target noun: 'the Hezbollah armed faction'
    ("France imposed sanctions on the Hezbollah armed faction.", ("SANCTION", "FRA", "LBN")),
    # a domestic dyad: the state's officials acting on their own capital
    ("The president of Kenya threatened to impose a curfew in Nairobi.", ("THREATEN", "KEN", "KEN")),
]

SOURCE_CASES = [
    # the parties of 'fighting between X and Y', where 'between' hangs on the verb
    ("Fighting broke out between Armenia and Azerbaijan.", ("ASSAULT", "ARM", "AZE")),
    # coordinated nationalities before one noun are two parties, and an agreement is mutual
    ("The Turkish and Greek sides agreed to share information.", ("AGREE", "TUR", "GRC")),
]


@model
@pytest.mark.parametrize("text, expected", TARGET_CASES + SOURCE_CASES,
                         ids=[f"{c[1][0]}:{c[0][:40]}" for c in TARGET_CASES + SOURCE_CASES])
def test_who_did_it_to_whom(text, expected, code):
    events = code(text).events or []
    assert expected in dyads(events), dyads(events)


@model
def test_a_pronoun_for_the_source_is_not_a_target(code):
    events = code("Iran vowed to continue its war with Iraq.").events or []
    assert ("IRN", "IRN") not in {(s, t) for _, s, t in dyads(events)}


@model
def test_an_actor_is_not_looked_through(code):
    """'rebels backed by X' are the rebels, not X."""
    events = code("Congolese troops attacked rebels backed by Rwanda.").events or []
    assert ("ASSAULT", "COD", "RWA") not in dyads(events)


# --- hand-built parses: the parse repairs and clause finders ---------------------------------------------

def parse(words, heads, deps, pos=None, tags=None):
    """A hand-built parse; a blank English vocabulary gives the words their lower-case forms."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos or ["NOUN"] * len(words),
               tags=tags or [""] * len(words))


def test_counted_objects_undo_up_as_a_particle():
    # 'kidnapped up to 16 advisers': the parser makes 'up' a particle and 'advisers' the object of 'to'
    doc = parse(["kidnapped", "up", "to", "16", "advisers"], [0, 0, 1, 4, 2],
                ["ROOT", "prt", "prep", "nummod", "pobj"], ["VERB", "ADP", "ADP", "NUM", "NOUN"])
    assert [t.text for t in counted_objects(doc[0])] == ["advisers"]


def test_counted_objects_need_a_number():
    doc = parse(["gave", "up", "to", "advisers"], [0, 0, 1, 2], ["ROOT", "prt", "prep", "pobj"],
                ["VERB", "ADP", "ADP", "NOUN"])
    assert counted_objects(doc[0]) == []


def test_a_participle_parsed_as_the_subject_gives_way_to_its_noun():
    # 'Monitors operating in Chad said ...': the parser makes 'operating' the subject of 'said'
    doc = parse(["Monitors", "operating", "in", "Chad", "said"], [1, 4, 1, 2, 4],
                ["nsubj", "nsubj", "prep", "pobj", "ROOT"], ["NOUN", "VERB", "ADP", "PROPN", "VERB"],
                ["NNS", "VBG", "IN", "NNP", "VBD"])
    assert subject_token(doc[4]).text == "Monitors"


def test_a_gerund_subject_without_a_subject_of_its_own_stays():
    doc = parse(["Fighting", "continued"], [1, 1], ["nsubj", "ROOT"], ["VERB", "VERB"], ["VBG", "VBD"])
    assert subject_token(doc[1]).text == "Fighting"


def test_between_on_the_verb_of_an_event_noun():
    doc = parse(["Fighting", "erupted", "between", "Chad", "and", "Sudan"], [1, 1, 1, 2, 3, 3],
                ["nsubj", "ROOT", "prep", "pobj", "cc", "conj"], ["NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN"])
    assert [t.text for t in between_objects(doc[0])] == ["Chad"]  # 'Sudan' is its conjunct


@pytest.mark.parametrize("words, heads, deps, pos, tags, expected", [
    # 'marched to demand': an infinitive without its own subject
    (["marched", "to", "demand", "reforms"], [0, 2, 0, 2], ["ROOT", "aux", "advcl", "dobj"],
     ["VERB", "PART", "VERB", "NOUN"], ["VBD", "TO", "VB", "NNS"], ["demand"]),
    # 'joined them in demanding': a gerund under 'in'
    (["joined", "them", "in", "demanding", "votes"], [0, 0, 0, 2, 3], ["ROOT", "dobj", "prep", "pcomp", "dobj"],
     ["VERB", "PRON", "ADP", "VERB", "NOUN"], ["VBD", "PRP", "IN", "VBG", "NNS"], ["demanding"]),
    # 'asked Chad to leave': the clause has a subject of its own, so it is no purpose
    (["asked", "Chad", "to", "leave"], [0, 3, 3, 0], ["ROOT", "nsubj", "aux", "ccomp"],
     ["VERB", "PROPN", "PART", "VERB"], ["VBD", "NNP", "TO", "VB"], []),
])
def test_purpose_clauses(words, heads, deps, pos, tags, expected):
    doc = parse(words, heads, deps, pos, tags)
    assert [t.text for t in purpose_clauses(doc[0])] == expected


def index_for(doc, named: dict[str, str]) -> ActorIndex:
    """An actor index with one country actor per named word."""
    mentions = [Mention(t.idx, t.idx + len(t), t.text, Actor(t.text, named[t.text], "GOV"), head=t.idx)
                for t in doc if t.text in named]
    return ActorIndex(SimpleNamespace(text=doc.text, mentions=mentions, parsed=doc))


def test_nested_targets_go_through_prepositions_and_agents():
    # 'a war against Chad' / 'abuses committed by Chad'
    war = parse(["war", "against", "Chad"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["NOUN", "ADP", "PROPN"])
    assert [a.country for a in nested_targets(index_for(war, {"Chad": "TCD"}), war[0])] == ["TCD"]
    abuses = parse(["abuses", "committed", "by", "Chad"], [0, 0, 1, 2], ["ROOT", "acl", "agent", "pobj"],
                   ["NOUN", "VERB", "ADP", "PROPN"])
    assert [a.country for a in nested_targets(index_for(abuses, {"Chad": "TCD"}), abuses[0])] == ["TCD"]


def test_nested_targets_stop_at_an_actor():
    # 'Chad against Niger': the phrase is an actor itself, never looked through
    doc = parse(["Chad", "against", "Niger"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["PROPN", "ADP", "PROPN"])
    assert nested_targets(index_for(doc, {"Chad": "TCD", "Niger": "NER"}), doc[0]) == []


def test_nested_compounds_name_the_actor():
    # 'Chad Reaper attacks': the name hangs off an inner compound
    doc = parse(["Chad", "Reaper", "attacks"], [1, 2, 2], ["compound", "compound", "ROOT"],
                ["PROPN", "PROPN", "NOUN"])
    assert [a.country for a in index_for(doc, {"Chad": "TCD"}).for_argument(doc[2])] == ["TCD"]


@pytest.mark.parametrize("a, b, same", [
    (Actor("Iran", "IRN", "GOV", "IRN"), Actor("Iran", "IRN", "GOV", "IRN"), True),
    (Actor("Iran", "IRN", "GOV", "IRN"), Actor("its", "IRN", "GOV", "IRN", "pronoun 'its' = 'Iran'"), True),
    (Actor("Tehran", "IRN", "GOV", "IRN"), Actor("the president", "IRN", "GOV", "IRN"), False),
    (Actor("Ali Khamenei", "IRN", "GOV", "irn-khamenei"), Actor("the Leader", "IRN", "GOV", "irn-khamenei"), True),
    (Actor("Iran", "IRN", "GOV", "IRN"), Actor("Iraq", "IRQ", "GOV", "IRQ"), False),
    # a pronoun carries its antecedent's id: another specific actor of the same country and sector is not it
    (Actor("they", "NGA", "GOV", "NGA", "pronoun 'they' = 'leaders'"),
     Actor("Olusegun Obasanjo", "NGA", "GOV", "nga_olusegun_obasanjo"), False),
    (Actor("he", "NGA", "GOV", "nga_olusegun_obasanjo", "pronoun 'he' = 'Obasanjo'"),
     Actor("Olusegun Obasanjo", "NGA", "GOV", "nga_olusegun_obasanjo"), True),
    (Actor("he", "USA", "GOV", "usa_barack_obama", "pronoun 'he' = 'Obama'"), Actor("the president", "USA", "GOV", "USA"),
     True),
])
def test_same_actor(a, b, same):
    assert same_actor(a, b) is same
