"""A wire dateline names where and when a story was filed: not an actor, not an event date."""

from __future__ import annotations

import pytest

from eventwire.datelines import dateline_end, in_dateline

TEXT = "TOKYO, May 16 (Reuters) - Japan and South Korea agreed on Tuesday to resume talks."


@pytest.mark.parametrize("text, has_dateline", [
    (TEXT, True),
    ("NEW YORK, March 3 - The UN Security Council met.", True),
    ("Washington, Jan. 5 (AP) \u2014 Congress voted.", True),
    ("Japan and South Korea agreed on Tuesday to resume talks.", False),
    ("In Tokyo, officials said talks would resume.", False),
])
def test_datelines_are_recognised(text, has_dateline):
    assert (dateline_end(text, 0) is not None) is has_dateline


def test_offsets_inside_and_after_the_dateline():
    assert in_dateline(TEXT, 0, TEXT.index("May"))
    assert not in_dateline(TEXT, 0, TEXT.index("Tuesday"))


@pytest.mark.model
def test_the_dateline_city_is_not_an_actor(code):
    doc = code(TEXT, "2023-05-16")
    assert not [m for m in doc.mentions if m.text == "TOKYO"]
    assert all(e.source.text != "TOKYO" for e in doc.events)
    agreed = [e for e in doc.events if e.type == "AGREE"]
    assert agreed and agreed[0].date.start == "2023-05-16"
