"""A wire dateline names where and when a story was filed: not an actor, not an event date."""

from __future__ import annotations

import pytest

from eventwire.datelines import dateline_end, dateline_names, in_dateline

TEXT = "TOKYO, May 16 (Reuters) - Japan and South Korea agreed on Tuesday to resume talks."


@pytest.mark.parametrize("text, has_dateline", [
    (TEXT, True),
    ("NEW YORK, March 3 - The UN Security Council met.", True),
    ("Washington, Jan. 5 (AP) \u2014 Congress voted.", True),
    ("Japan and South Korea agreed on Tuesday to resume talks.", False),
    ("In Tokyo, officials said talks would resume.", False),
    ("ROME (AP) - The Foreign Ministry summoned the ambassador.", True),
    ("NEW YORK - Police arrested two men.", True),
    ("Buenos Aires, June 6, 2009 -- Argentina supports Tuvalu.", True),
    ("NATO said it would send troops.", False),
    ("In Kentucky, the Democratic candidate, Andy Beshear \u2014 whose father was governor \u2014 won.", False),
])
def test_datelines_are_recognised(text, has_dateline):
    assert (dateline_end(text, 0) is not None) is has_dateline


@pytest.mark.parametrize("text, names", [
    (TEXT, ["TOKYO", "May 16"]),
    ("Santos, Colombia -- On Thursday, police arrested two suspects.", ["Santos", "Colombia"]),
    ("PORT-AU-PRINCE, Haiti - The president resigned.", ["PORT-AU-PRINCE", "Haiti"]),
    ("RIO DE JANEIRO (Reuters) - Brazil voted.", ["RIO DE JANEIRO"]),
    ("Japan and South Korea agreed.", []),
])
def test_the_names_a_dateline_gives(text, names):
    assert dateline_names(text) == names


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


@pytest.mark.model
def test_the_dateline_is_no_part_of_the_first_sentence(code):
    doc = code("NAIROBI -- The Nigerian government report documents abuses by Nigerian forces.", "2016-05-16")
    assert [s.text for s in doc.sentences][0] == "NAIROBI --"
    assert all(e.source.text != "NAIROBI" for e in doc.events)


@pytest.mark.model
@pytest.mark.parametrize("text, role, country", [
    # an unowned ministry or police force is most likely the dateline country's
    ("ROME (AP) - The Foreign Ministry summoned the ambassador of Iran.", "The Foreign Ministry", "ITA"),
    ("Santos, Colombia -- On Thursday, police arrested two suspects.", "police", "COL"),
    ("TOKYO, May 16 (Reuters) - Police arrested two men.", "Police", "JPN"),
    # a country named in the sentence comes first
    ("ROME (AP) - Iranian police arrested two men.", "Iranian police", "IRN"),
])
def test_an_unowned_state_body_is_the_dateline_countrys(code, text, role, country):
    doc = code(text, "2016-05-16")
    assert {m.actor.country for m in doc.mentions if m.text == role} == {country}


@pytest.mark.model
def test_the_dateline_country_is_context_for_a_place_name(code):
    """San Rafael is a town in Argentina, Mexico, Costa Rica and the US: a Mexico City dateline says which."""
    doc = code("MEXICO CITY (AP) - Soldiers arrested two men in San Rafael.", "2016-05-16")
    assert {m.actor.country for m in doc.mentions if m.text == "San Rafael"} == {"MEX"}
