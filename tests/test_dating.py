"""Event dates come from the text, not from the day the article appeared."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2018-03-09"  # a Friday


def only_event(code, text, published=PUBLISHED):
    doc = code(text, published)
    assert doc.events, f"no event coded in: {text}"
    return doc, doc.events[0]


@pytest.mark.parametrize("text, start, end, precision", [
    ("North Korea congratulated Venezuela on Thursday.", "2018-03-08", "2018-03-08", "day"),
    ("On Friday, Japan imposed sanctions on Russia.", "2018-03-09", "2018-03-09", "day"),
    ("In 2014, Japan imposed sanctions on Russia.", "2014-01-01", "2014-12-31", "range"),
    ("Japan imposed sanctions on Russia on March 2, 2018.", "2018-03-02", "2018-03-02", "day"),
    ("Japan imposed sanctions on Russia last month.", "2018-02-01", "2018-02-28", "range"),
    ("The Trump administration has imposed sanctions on Iran.", "2017-01-20", PUBLISHED, "range"),
    ("Japan imposed sanctions on Russia.", "2018-03-02", PUBLISHED, "reported"),
])
def test_event_dates(code, text, start, end, precision):
    _, event = only_event(code, text)
    assert (event.date.start, event.date.end, event.date.precision) == (start, end, precision)
    assert event.date.basis


def test_an_event_long_before_publication_is_historical(code):
    _, event = only_event(code, "In 2014, Japan imposed sanctions on Russia.")
    assert "historical" in event.aux


def test_a_person_is_dated_by_the_event_not_the_article(code):
    _, event = only_event(code, "In 2005, Hugo Chávez signed an agreement with Cuba.")
    assert (event.source.country, event.source.sector) == ("VEN", "GOV")


def test_a_person_out_of_office_is_not_government(code):
    doc = code("Hugo Chávez met Fidel Castro in Havana.", "2020-01-01")
    chavez = [m for m in doc.mentions if m.text == "Hugo Chávez"]
    assert chavez and chavez[0].actor.country == "VEN" and chavez[0].actor.sector != "GOV"


def test_no_publication_date_and_no_absolute_date_gives_no_date_and_a_warning(code):
    doc = code("North Korea congratulated Venezuela on Thursday.", None)
    assert doc.events and doc.events[0].date is None
    assert any("undated" in w for w in doc.warnings)


def test_the_days_of_a_leader_are_his_years_in_office_not_in_opposition(code):
    # Chávez led the opposition from 1992 (people.tsv); 'his days' are the presidency from 1999
    _, event = only_event(code, "Cuba signed an agreement with the government of Hugo Chávez.")
    assert (event.date.start, event.date.precision) == ("1999-02-02", "range")


def test_a_leader_in_opposition_on_the_day_is_opposition(code):
    _, event = only_event(code, "In 1995, Hugo Chávez called for a boycott of the elections.")
    assert (event.source.country, event.source.sector) == ("VEN", "OPP")
