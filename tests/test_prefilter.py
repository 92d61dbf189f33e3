"""The fast path's pre-pass: sentences without a possible event word are not parsed."""

from __future__ import annotations

import pytest

from eventwire.actors.kb import knowledge_base
from eventwire.coding.prefilter import could_hold_event, inflections, worth_parsing
from eventwire.nlp import paragraphs, parse_in_batches, pieces_to_parse, rough_sentences


@pytest.mark.parametrize("lemma, form", [
    ("meet", "met"), ("impose", "imposing"), ("sanction", "sanctions"), ("threaten", "threatened"),
    ("agree", "agreed"), ("ally", "allies"), ("plan", "planned"), ("strike", "struck"), ("hold", "held"),
])
def test_inflections_cover_the_forms_news_uses(lemma, form):
    assert form in inflections(lemma)


@pytest.mark.parametrize("paragraph, expected", [
    ("Japan imposed sanctions on Iran.", True),
    ("Russia threatened Ukraine with retaliation.", True),
    ("The two leaders met in Geneva.", True),
    ("The chef imposed his style on the menu.", False),  # 'impose' needs a sanction-like object
    ("The weather was mild and the markets closed higher.", False),
    ("Shares of the company rose 3 percent on Tuesday.", False),
])
def test_paragraphs_are_kept_only_when_a_pattern_could_match(paragraph, expected):
    assert could_hold_event(paragraph) is expected


def test_paragraphs_join_back_to_the_text():
    text = "First paragraph.\n\nSecond one.\nThird\n"
    assert "".join(paragraphs(text)) == text
    assert len(paragraphs(text)) == 3


def test_a_sentence_with_a_trigger_needs_its_modifiers():
    assert not could_hold_event("The cat was in the garden.")  # 'in' alone is no sit-in
    assert could_hold_event("Farmers staged a sit-in outside the ministry.")


@pytest.mark.parametrize("paragraph, sentences", [
    ("Iran protested. Iraq agreed! Then? No.", ["Iran protested. ", "Iraq agreed! ", "Then? ", "No."]),
    ('"We will act," he said. The U.S. envoy left.', ['"We will act," he said. ', "The U.S. envoy left."]),
    # a missed sentence end only costs parsing; a false one would cut a sentence's parse
    ("Gen. Smith met Lt. Col. J. Doe in Washington, D.C. on Monday.", None),
    ("Prices rose 3.5 percent. 2019 was worse.", ["Prices rose 3.5 percent. ", "2019 was worse."]),
])
def test_rough_sentences_split_only_at_clear_ends(paragraph, sentences):
    found = rough_sentences(paragraph)
    assert "".join(found) == paragraph
    assert found == (sentences or [paragraph])


def test_only_trigger_sentences_and_the_ones_before_them_are_parsed():
    select = worth_parsing(knowledge_base())
    text = ("Markets were calm. The weather was mild. The minister arrived in Tokyo. "
            "Japan imposed sanctions on Iran. Shares rose.\nNothing happened here.\n")
    pieces = pieces_to_parse(text, select)
    assert "".join(piece for piece, _ in pieces) == text
    assert pieces == [("Markets were calm. ", False),  # 'arrived' and 'imposed' are event words
                      ("The weather was mild. The minister arrived in Tokyo. "
                       "Japan imposed sanctions on Iran. ", True),
                      ("Shares rose.\n", False), ("Nothing happened here.\n", False)]


def test_kept_sentences_are_parsed_together_across_paragraphs():
    select = worth_parsing(knowledge_base())
    text = "Japan imposed sanctions on Iran.\nRussia threatened Ukraine.\n"
    assert pieces_to_parse(text, select) == [(text, True)]


def test_parse_batches_are_bounded_by_length(monkeypatch):
    batches = []

    class Recorder:
        def pipe(self, texts):
            batches.append(list(texts))
            return iter(batches[-1])

    monkeypatch.setattr("eventwire.nlp.PARSE_BATCH_CHARS", 10)
    pieces = ["abcd", "efgh", "ijkl", "a very long piece", "xy"]
    assert list(parse_in_batches(Recorder(), pieces)) == pieces
    assert batches == [["abcd", "efgh"], ["ijkl"], ["a very long piece"], ["xy"]]


def test_a_long_text_is_parsed_in_runs_of_whole_paragraphs(monkeypatch):
    monkeypatch.setattr("eventwire.nlp.PARSE_BATCH_CHARS", 40)
    text = "Japan met Iran.\nRussia met China.\n\nA paragraph longer than the bound itself.\nEnd.\n"
    pieces = pieces_to_parse(text, None)
    assert "".join(piece for piece, _ in pieces) == text
    assert pieces == [("Japan met Iran.\nRussia met China.\n\n", True),
                      ("A paragraph longer than the bound itself.\n", True), ("End.\n", True)]


@pytest.mark.model
def test_a_text_parsed_in_pieces_keeps_its_text_and_sentences(monkeypatch):
    from eventwire.nlp import parse_texts

    text = "Japan imposed sanctions on Iran.\nRussia threatened Ukraine on Monday.\n"
    whole = parse_texts([text])[0]
    monkeypatch.setattr("eventwire.nlp.PARSE_BATCH_CHARS", 40)
    pieces = parse_texts([text])[0]
    assert pieces.text == text
    assert [s.text for s in pieces.sents] == [s.text for s in whole.sents]
    assert [t.ent_type_ for t in pieces] == [t.ent_type_ for t in whole]


def token_rows(parsed):
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in parsed]


@pytest.mark.model
def test_joined_pieces_equal_spacys_own_concatenation():
    """The fast path's Doc is what ``Doc.from_docs`` would give, only cheaper to make."""
    from spacy.tokens import Doc

    from eventwire.nlp import PIECE_ATTRS, joined, load_nlp, unparsed_array

    nlp = load_nlp()
    parsed = nlp("Japan imposed sanctions on Iran.\n")
    flat = nlp.make_doc("Shares rose 3 percent.\n")
    doc = joined(nlp, [unparsed_array(nlp, flat.text), parsed.to_array(PIECE_ATTRS)])
    flat_tree = Doc(nlp.vocab, words=[t.text for t in flat], spaces=[bool(t.whitespace_) for t in flat],
                    heads=[0] * len(flat), deps=["ROOT"] + ["dep"] * (len(flat) - 1))
    reference = Doc.from_docs([flat_tree, parsed], ensure_whitespace=False, exclude=["tensor"])
    assert doc.text == reference.text
    assert token_rows(doc) == token_rows(reference)
    assert [e.text for e in doc.ents] == ["Japan", "Iran"]


@pytest.mark.model
def test_entities_only_where_a_pattern_matches_and_in_the_sentence_before():
    from eventwire.coding.coder import needs_entities
    from eventwire.nlp import load_nlp, parse_texts

    text = ("Lionel Messi was in Paris. Angela Merkel was in Madrid. France accused Germany of spying. "
            "Boris Johnson was in Rome.\n")
    with load_nlp().select_pipes(disable=["ner"]):
        assert needs_entities(load_nlp()(text)) == [False, True, True, False]
    whole = parse_texts([text])[0]
    picked = parse_texts([text], None, needs_entities)[0]
    assert [e.text for e in whole.ents] == ["Lionel Messi", "Paris", "Angela Merkel", "Madrid", "France",
                                            "Germany", "Boris Johnson", "Rome"]
    assert [e.text for e in picked.ents] == ["Angela Merkel", "Madrid", "France", "Germany"]
    parse = [(t.text, t.tag_, t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in picked]
    assert parse == [(t.text, t.tag_, t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in whole]


@pytest.mark.model
def test_entities_are_not_sought_where_nothing_is_named():
    # a capitalised first word is a name only as a proper noun ('Protesters' is not, 'Smith' is)
    from eventwire.coding.coder import needs_entities
    from eventwire.nlp import load_nlp

    with load_nlp().select_pipes(disable=["ner"]):
        assert needs_entities(load_nlp()("The talks ended. Protesters attacked the police.")) == [False, False]
        assert needs_entities(load_nlp()("The talks ended in Geneva. Protesters attacked the police.")) == [True, False]
        assert needs_entities(load_nlp()("Rioters burned cars. Smith attacked the police.")) == [False, True]


@pytest.mark.model
def test_a_piece_whose_every_sentence_needs_entities_is_recognised_whole():
    from eventwire.coding.coder import needs_entities
    from eventwire.nlp import parse_texts

    text = "Angela Merkel was in Madrid. France accused Germany of spying.\n"
    assert token_rows(parse_texts([text], None, needs_entities)[0]) == token_rows(parse_texts([text])[0])


@pytest.mark.model
def test_a_named_object_may_be_a_place_before_entities_are_known():
    from eventwire.coding.coder import takes_a_named_place
    from eventwire.nlp import load_nlp

    captured, = [t for t in load_nlp()("Rebels captured Goma.") if t.lemma_ == "capture"]
    took, = [t for t in load_nlp()("They took Hungary to task.") if t.lemma_ == "take"]
    assert takes_a_named_place(captured, None)
    assert not takes_a_named_place(took, None)


@pytest.mark.model
def test_a_person_object_before_entities_are_known_is_any_capitalised_word():
    # 'Germans' is a noun the recogniser calls NORP: before it has run, its capital is all there is
    from eventwire.coding.coder import needs_entities
    from eventwire.nlp import load_nlp

    with load_nlp().select_pipes(disable=["ner"]):
        assert needs_entities(load_nlp()("Iran released three Germans. The weather was cold.")) == [True, False]
        assert needs_entities(load_nlp()("Iran released three reports. The weather was cold.")) == [False, False]
