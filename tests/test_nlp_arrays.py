"""The array shortcuts find exactly the words a token-by-token walk finds."""

from __future__ import annotations

import pytest
from spacy.attrs import IDX

from eventwire.actors.names import fold_same_length, folded_char
from eventwire.nlp import load_nlp, word_starting_at, words_among, words_tagged

TEXTS = [
    "Rebels fled the town after troops ATTACKED it; the Summit was called off.",
    "Police in São Paulo said the protesters had been freed on Tuesday.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_among_is_the_form_or_lemma_test(text):
    parsed = load_nlp()(text)
    words = frozenset({"flee", "attack", "summit", "free", "say"})
    expected = [t.i for t in parsed if t.lower_ in words or t.lemma_.lower() in words]
    assert words_among(parsed, words) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_words_tagged_is_the_part_of_speech_test(text):
    parsed = load_nlp()(text)
    assert words_tagged(parsed, ["PROPN", "NOUN"]) == [t.i for t in parsed if t.pos_ in ("PROPN", "NOUN")]


def test_word_starting_at_only_at_a_word_start():
    parsed = load_nlp()(TEXTS[0])
    starts = parsed.to_array(IDX)
    assert word_starting_at(parsed, starts, TEXTS[0].index("fled")).text == "fled"
    assert word_starting_at(parsed, starts, TEXTS[0].index("fled") + 1) is None
    assert word_starting_at(parsed, starts, len(TEXTS[0]) + 5) is None


@pytest.mark.parametrize("text", ["Chávez met KIM Jong-il in İstanbul", "Plain ASCII, U.S.-led", "Ærø’s ﬁrst"])
def test_folding_keeps_every_offset_and_folds_each_character(text):
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert folded == "".join(folded_char(c) for c in text)
    assert fold_same_length("Chávez") == "chavez"
