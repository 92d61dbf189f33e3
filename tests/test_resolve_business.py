"""Actor resolution in business and economic news: companies, central banks, unions, and words
that only look like actors (titles inside company names, currencies, 'a third party', expletive
'it').  The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import Settings, code_article
from eventwire.model import Article

pytestmark = pytest.mark.model
FULL_PARSE = Settings(fast_path=False)
DAY = "2019-06-01"


@pytest.fixture(scope="module")
def code():
    return lambda text: code_article(Article("test", text, dt.date.fromisoformat(DAY)), FULL_PARSE)


def actors_in(doc, phrase: str) -> set[tuple[str | None, str | None]]:
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return {(m.actor.country, m.actor.sector) for m in doc.mentions or ()
            if m.head is not None and start <= m.head < end and m.actor.country}


CASES = [
    # companies whose names hold a role word ('General', 'Bank') are businesses of their home country
    ("General Motors said on Monday it would cut 4,000 jobs in Ohio.", "General Motors", {("USA", "BUS")}),
    ("General Dynamics signed a contract with the Polish army.", "General Dynamics", {("USA", "BUS")}),
    ("Bank of America agreed to pay a fine to regulators.", "Bank of America", {("USA", "BUS")}),
    ("Siemens and Thales bid for the new signalling contract.", "Thales", {("FRA", "BUS")}),
    ("Sberbank cut its lending rates again.", "Sberbank", {("RUS", "BUS")}),
    # central banks belong to the state, whatever the word 'Bank' suggests
    ("The Swiss National Bank raised interest rates on Thursday.", "Swiss National Bank", {("CHE", "GOV")}),
    ("The Bank of Canada held its key rate steady.", "Bank of Canada", {("CAN", "GOV")}),
    ("The Bank of Ghana tightened rules for lenders.", "Bank of Ghana", {("GHA", "GOV")}),
    # unions are LAB of their country
    ("The UAW called a strike at three plants.", "UAW", {("USA", "LAB")}),
    ("IG Metall demanded a wage rise for steel workers.", "IG Metall", {("DEU", "LAB")}),
    # agencies
    ("The Government Accountability Office criticised the tender.", "Government Accountability Office",
     {("USA", "GOV")}),
]


@pytest.mark.parametrize("text, phrase, expected", CASES)
def test_named_business_actors(code, text: str, phrase: str, expected: set) -> None:
    assert expected <= actors_in(code(text), phrase)


NOT_ACTORS = [
    # a country name before a money sign or currency word names the money
    ("Gazprom offered a loan of US $2 billion to the utility.", "US $2"),
    ("The firm lost 300 million Canadian dollars last year.", "Canadian dollars"),
    # 'a third party' is a participant, not a political party
    ("Apple will let third party developers sell apps in Germany.", "third party"),
]


@pytest.mark.parametrize("text, phrase", NOT_ACTORS)
def test_words_that_only_look_like_actors(code, text: str, phrase: str) -> None:
    doc = code(text)
    start = doc.text.index(phrase)
    end = start + len(phrase)
    found = [(m.text, m.actor.country, m.actor.sector) for m in doc.mentions or ()
             if m.head is not None and start <= m.head < end and m.actor.country]
    if phrase == "third party":
        assert all(sector != "PTY" for _, _, sector in found), found
    else:
        assert not found, found


def test_expletive_it_is_no_actor(code) -> None:
    doc = code("General Ann Ross, head of the Norwegian air force, said it is hoped the new jets can fly in 2030.")
    start = doc.text.index("it is hoped")
    assert not [m for m in doc.mentions or () if m.head == start], "expletive 'it' resolved to an actor"


def test_press_conference_is_no_media_actor(code) -> None:
    doc = code("The Kenyan president, speaking at a press conference in Nairobi, praised the deal.")
    assert ("KEN", "MED") not in actors_in(doc, "press conference")


def test_civil_aircraft_are_not_armed_forces(code) -> None:
    doc = code("Rebels in Mali shot down a passenger jet near Gao.")
    assert ("MLI", "MIL") not in actors_in(doc, "passenger jet")



def event_actors(doc) -> list[tuple]:
    return [(side.text, side.country, side.sector) for e in doc.events or () for side in (e.source, e.target) if side]


def test_unknown_company_with_a_legal_form_is_a_business(code) -> None:
    doc = code("Brightwell Aviation Ltd. signed a ten-year contract with the Kenyan air force.")
    assert ("Brightwell Aviation Ltd.", None, "BUS") in event_actors(doc), event_actors(doc)


def test_title_word_inside_an_unknown_company_name_is_no_rank(code) -> None:
    doc = code("General Mills signed a supply deal with a Brazilian farm cooperative.")
    assert all(sector != "MIL" for _, _, sector in event_actors(doc)), event_actors(doc)
