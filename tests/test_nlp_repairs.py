"""Repairs of the small model's frequent slips: a name cut at a hyphen, a coordinate made a modifier,
a gerund made an adjective, a sentence read as a noun phrase, a verb read as an auxiliary."""

from __future__ import annotations

import pytest

from eventwire.nlp import (hyphenated_end, hyphenated_span, is_gerund_read_as_adjective, is_stranded_coordinate,
                           load_nlp, repair_appositive_clauses, repair_false_auxiliaries, repair_verbless_sentences)

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, end, whole", [
    ("fired at Mazar-i-Sharif on Saturday", len("fired at Mazar"), "Mazar-i-Sharif"),
    ("in Port-au-Prince.", len("in Port"), "Port-au-Prince"),
    ("in Kabul - the capital", len("in Kabul"), "Kabul"),  # a spaced dash joins nothing
])
def test_a_name_runs_to_the_end_of_its_hyphenated_compound(text, end, whole):
    start = text.index(whole)
    assert text[start:hyphenated_end(text, end)] == whole


def test_an_entity_is_widened_with_its_label():
    parsed = load_nlp()("Taliban militia fired rockets at the northern city of Mazar-i-Sharif on Saturday.")
    cut = next(e for e in parsed.ents if e.text == "Mazar")
    widened = hyphenated_span(cut, parsed.text)
    assert (widened.text, widened.label_) == ("Mazar-i-Sharif", cut.label_)


@pytest.mark.parametrize("text, word, stranded", [
    ("The Philippines and Muslim rebels reached a peace agreement.", "Philippines", True),
    ("Police and state security agents rescued 12 students.", "Police", True),
    # a modifier with its own determiner before the name of the second phrase
    ("The Colombian government and FARC rebels resumed peace talks.", "government", True),
    ("North and South Korea agreed to reopen a hotline.", "North", True),
    ("Separatist and leftist rebels fought the army.", "Separatist", False),  # shared adjectives
    ("Philippine troops attacked the rebels.", "Philippine", False),
])
def test_a_modifier_with_a_stranded_and_is_a_coordinate(text, word, stranded):
    token = next(t for t in load_nlp()(text) if t.text == word)
    assert is_stranded_coordinate(token) is stranded


@pytest.mark.parametrize("text, word, misread", [
    ("Liberian President Charles Taylor denied supporting rebels in Sierra Leone.", "supporting", True),
    ("The army attacked the retreating rebels.", "retreating", False),
])
def test_a_gerund_right_after_the_verb_is_its_complement(text, word, misread):
    token = next(t for t in load_nlp()(text) if t.text == word)
    assert is_gerund_read_as_adjective(token) is misread


@pytest.mark.parametrize("text, subject, verb, obj", [
    ("The IMF suspended loans to Zambia over its failure to meet economic targets.", "IMF", "suspended", "loans"),
    ("The army bombed camps run by the PKK.", "army", "bombed", "camps"),
    ("North Korea test-fired two missiles into the sea.", "Korea", "fired", "missiles"),
])
def test_a_sentence_read_as_a_noun_phrase_is_a_clause_again(text, subject, verb, obj):
    parsed = load_nlp()(text)
    repair_verbless_sentences(parsed)
    words = {t.text: t for t in parsed}
    assert [(t.text, t.dep_, t.head.text) for t in (words[subject], words[verb], words[obj])] == [
        (subject, "nsubj", verb), (verb, "ROOT", verb), (obj, "dobj", verb)]
    assert len(list(parsed.sents)) == 1


@pytest.mark.parametrize("text", ["Police arrested dozens of protesters in Cairo.", "Wounded soldiers in Kabul.",
                                  "Government-backed militias in Darfur."])
def test_a_clause_or_a_true_noun_phrase_is_left_as_parsed(text):
    parsed = load_nlp()(text)
    before = [(t.dep_, t.head.i) for t in parsed]
    repair_verbless_sentences(parsed)
    assert [(t.dep_, t.head.i) for t in parsed] == before


def verb_and_arguments(parsed, subject: str, verb: str, obj: str) -> list[tuple[str, str, str]]:
    words = {t.text: t for t in parsed}
    return [(t.text, t.dep_, t.head.text) for t in (words[subject], words[verb], words[obj])]


def test_a_verb_read_as_an_auxiliary_is_the_verb_again():
    parsed = load_nlp()("Israeli warplanes raided suspected Hezbollah positions in southern Lebanon.")
    repair_false_auxiliaries(parsed)
    assert verb_and_arguments(parsed, "warplanes", "raided", "positions") == [
        ("warplanes", "nsubj", "raided"), ("raided", "ROOT", "raided"), ("positions", "dobj", "raided")]
    assert parsed[2].lemma_ == "raid" and parsed[3].dep_ == "amod"


@pytest.mark.parametrize("text", ["The police had arrested suspected militants.", "Troops were deployed in Kabul."])
def test_true_auxiliaries_are_left_as_parsed(text):
    parsed = load_nlp()(text)
    before = [(t.dep_, t.head.i) for t in parsed]
    repair_false_auxiliaries(parsed)
    assert [(t.dep_, t.head.i) for t in parsed] == before


def test_a_clause_read_as_a_noun_in_apposition_is_a_clause_again():
    parsed = load_nlp()("Dockworkers at the Lenin shipyard in Gdansk downed tools on Monday.")
    repair_appositive_clauses(parsed)
    assert verb_and_arguments(parsed, "Dockworkers", "downed", "tools") == [
        ("Dockworkers", "nsubj", "downed"), ("downed", "ROOT", "downed"), ("tools", "dobj", "downed")]
    assert parsed[9].head.text == "downed"  # 'on Monday'


def test_a_true_apposition_is_left_as_parsed():
    parsed = load_nlp()("Mr. Smith, the new ambassador to Kenya.")
    before = [(t.dep_, t.head.i) for t in parsed]
    repair_appositive_clauses(parsed)
    assert [(t.dep_, t.head.i) for t in parsed] == before
