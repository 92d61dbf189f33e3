"""The fast path's pre-pass: paragraphs without a possible event word are not parsed."""

from __future__ import annotations

import pytest

from eventwire.coding.prefilter import could_hold_event, inflections
from eventwire.nlp import paragraphs


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
