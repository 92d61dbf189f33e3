"""Tests for the time-expression tagger and normaliser (eventwire.when).

Each case is a sentence, a publication date, the expression expected in it and
its TIMEX3 value.  The reference publication date is Thursday 8 March 2018
(ISO week 2018-W10) unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.model import Article, Document
from eventwire.when import (
    RULES, _at_word_edges, _candidates, duration_value, find_time_expressions, find_times, infer_tense,
    iso_week_value, parse_iso_value,
)

from .conftest import shared_path

THU = dt.date(2018, 3, 8)  # a Thursday, 2018-W10


def expression(text: str, published: dt.date | None, span: str, tense_hint=None):
    """The one expression whose text is ``span`` (fails clearly when absent)."""
    found = find_time_expressions(text, published, tense_hint)
    matches = [e for e in found if e.text == span]
    assert matches, f"{span!r} not found in {[(e.text, e.value) for e in found]}"
    assert text[matches[0].start:matches[0].end] == span  # offsets point into the text
    return matches[0]


def case(text, span, value, published=THU, type_=None, id_=None):
    return pytest.param(text, published, span, value, type_, id=id_ or f"{span}->{value}")


WEEKDAY_CASES = [
    case("The minister resigned on Thursday.", "Thursday", "2018-03-08",
         id_="past weekday = publication day itself"),
    case("The minister resigned on Wednesday.", "Wednesday", "2018-03-07"),
    case("The minister resigned on Friday.", "Friday", "2018-03-02"),
    case("Rebels met envoys on Monday.", "Monday", "2018-03-05"),
    case("Rebels met envoys on Sunday.", "Sunday", "2018-03-04"),
    case("Police said Saturday that two men were arrested.", "Saturday", "2018-03-03"),
    case("The minister will visit Kabul on Friday.", "Friday", "2018-03-09"),
    case("The minister will visit Kabul on Thursday.", "Thursday", "2018-03-15",
         id_="future weekday = next one after publication day"),
    case("The minister will visit Kabul on Wednesday.", "Wednesday", "2018-03-14"),
    case("Talks are scheduled to resume on Monday.", "Monday", "2018-03-12"),
    case("He spoke last Thursday in Geneva.", "last Thursday", "2018-03-01"),
    case("He spoke last Monday in Geneva.", "last Monday", "2018-03-05"),
    case("They meet next Monday in Geneva.", "next Monday", "2018-03-12"),
    case("They meet next Thursday in Geneva.", "next Thursday", "2018-03-15"),
    case("Troops entered the city on Monday morning.", "Monday morning", "2018-03-05TMO",
         type_="TIME"),
    case("Protests erupted Tuesday night in the capital.", "Tuesday night", "2018-03-06TNI",
         type_="TIME"),
    case("Officials said on Friday that the talks failed.", "Friday", "2018-12-28",
         published=dt.date(2019, 1, 2), id_="past weekday across the year boundary"),
    case("The vote will take place on Thursday.", "Thursday", "2019-01-03",
         published=dt.date(2018, 12, 31), id_="future weekday across the year boundary"),
    case("Wednesday's attack killed five.", "Wednesday's", "2018-03-07"),
    case("The army announced Friday that it will withdraw.", "Friday", "2018-03-02",
         id_="announced Friday that it will: past"),
]

DAY_WORD_CASES = [
    case("Troops withdrew today.", "today", "2018-03-08"),
    case("Troops withdrew yesterday.", "yesterday", "2018-03-07"),
    case("Troops will withdraw tomorrow.", "tomorrow", "2018-03-09"),
    case("The president speaks tonight.", "tonight", "2018-03-08TNI", type_="TIME"),
    case("Shelling resumed yesterday morning.", "yesterday morning", "2018-03-07TMO",
         type_="TIME"),
    case("Shelling resumed last night.", "last night", "2018-03-07TNI", type_="TIME"),
    case("The statement was issued earlier today.", "earlier today", "2018-03-08"),
    case("It happened the day before yesterday.", "the day before yesterday", "2018-03-06"),
    case("Troops withdrew yesterday.", "yesterday", "2017-12-31", published=dt.date(2018, 1, 1),
         id_="yesterday across the year boundary"),
    case("Troops withdrew yesterday.", "yesterday", "2016-02-29", published=dt.date(2016, 3, 1),
         id_="yesterday in a leap year"),
    case("The envoy arrived this morning.", "this morning", "2018-03-08TMO", type_="TIME"),
]

WEEK_CASES = [
    case("Fighting intensified this week.", "this week", "2018-W10"),
    case("Fighting intensified last week.", "last week", "2018-W09"),
    case("Talks resume next week.", "next week", "2018-W11"),
    case("Fighting intensified this week.", "this week", "2019-W01",
         published=dt.date(2018, 12, 31), id_="31 Dec 2018 is in 2019-W01"),
    case("Fighting intensified this week.", "this week", "2020-W53",
         published=dt.date(2021, 1, 1), id_="1 Jan 2021 is in 2020-W53"),
    case("Fighting intensified last week.", "last week", "2020-W53",
         published=dt.date(2021, 1, 4), id_="last week from 2021-W01"),
    case("Fighting intensified this week.", "this week", "2015-W53",
         published=dt.date(2016, 1, 3), id_="3 Jan 2016 is in 2015-W53"),
    case("Talks resume next week.", "next week", "2020-W02", published=dt.date(2019, 12, 30),
         id_="next week from 2020-W01 read in December 2019"),
    case("Clashes broke out earlier this week.", "earlier this week", "2018-W10"),
    case("Leaders will meet this weekend.", "this weekend", "2018-W10-WE"),
    case("Leaders met last weekend.", "last weekend", "2018-W09-WE"),
    case("Protesters gathered over the weekend.", "the weekend", "2018-W09-WE",
         id_="past weekend read on a weekday"),
    case("Leaders meet this weekend.", "this weekend", "2018-W10-WE",
         published=dt.date(2018, 3, 10), id_="weekend read on a Saturday"),
    case("Rebels attacked in the last week of March.", "the last week of March", "2018-W13",
         published=dt.date(2018, 4, 5)),
]

MONTH_CASES = [
    case("Prices rose last month.", "last month", "2018-02"),
    case("Prices will rise next month.", "next month", "2018-04"),
    case("Prices rose this month.", "this month", "2018-03"),
    case("Prices rose last month.", "last month", "2017-12", published=dt.date(2018, 1, 15),
         id_="last month across the year boundary"),
    case("Prices will rise next month.", "next month", "2019-01", published=dt.date(2018, 12, 15),
         id_="next month across the year boundary"),
    case("Prices fell in January.", "January", "2018-01"),
    case("Prices fell in March.", "March", "2018-03"),
    case("Elections will be held in May.", "May", "2018-05"),
    case("Violence erupted in November.", "November", "2017-11",
         id_="past month after publication month is last year's"),
    case("Elections will be held in November.", "November", "2018-11"),
    case("Violence erupted in December.", "December", "2017-12", published=dt.date(2018, 1, 10)),
    case("The ceasefire collapsed last September.", "last September", "2017-09"),
    case("The ceasefire starts next January.", "next January", "2019-01"),
    case("The accord was signed in March 2018.", "March 2018", "2018-03"),
    case("The accord was signed in May of 2016.", "May of 2016", "2016-05"),
    case("The plant will close by early June.", "early June", "2018-06"),
    case("The mission ran between September and October of 2007.", "September", "2007-09",
         id_="coordinated month takes the year of its partner"),
    case("Ties were cut in April of last year.", "April", "2017-04"),
]

YEAR_CASES = [
    case("The war began in 2014.", "2014", "2014"),
    case("He has ruled since 2011.", "2011", "2011"),
    case("It was 2014's worst attack.", "2014's", "2014"),
    case("Exports grew this year.", "this year", "2018"),
    case("Exports grew last year.", "last year", "2017"),
    case("Exports will grow next year.", "next year", "2019"),
    case("Exports grew earlier this year.", "earlier this year", "2018"),
    case("A vote is expected later this year.", "later this year", "2018"),
    case("Exports grew last year.", "last year", "2018", published=dt.date(2019, 1, 2)),
    case("Debt peaked at the end of last year.", "the end of last year", "2017"),
    case("The line opens in mid-2011.", "mid-2011", "2011"),
    case("The index is at its lowest since '82.", "'82", "1982"),
    case("Voters went to the polls in the 2016 election.", "2016", "2016"),
    case("Jobs lived 1955-2011 in California.", "2011", "2011", id_="year range end"),
]

DECADE_CASES = [
    case("The conflict began in the 1990s.", "the 1990s", "199"),
    case("Growth slowed in the 2010s.", "the 2010s", "201"),
    case("It was a hit in the '90s.", "the '90s", "199"),
    case("Reforms began in the early 1980s.", "the early 1980s", "198"),
    case("It was the bloodiest war of the 20th century.", "the 20th century", "19"),
    case("It defines the twenty-first century.", "the twenty-first century", "20"),
    case("Music of the nineties returned.", "the nineties", "199"),
    case("Output fell over the past decade.", "the past decade", "P10Y", type_="DURATION"),
]

AGO_CASES = [
    case("The town fell two years ago.", "two years ago", "2016"),
    case("The town fell 2 weeks ago.", "2 weeks ago", "2018-02-22"),
    case("The town fell three days ago.", "three days ago", "2018-03-05"),
    case("The town fell a month ago.", "a month ago", "2018-02"),
    case("The town fell a decade ago.", "a decade ago", "200"),
    case("The town fell years ago.", "years ago", "PAST_REF"),
]

EXPLICIT_CASES = [
    case("The accord was signed on March 8, 2018.", "March 8, 2018", "2018-03-08"),
    case("The accord was signed on 8 March 2018.", "8 March 2018", "2018-03-08"),
    case("The accord was signed on Mar. 8.", "Mar. 8", "2018-03-08",
         published=dt.date(2018, 3, 20)),
    case("The accord was signed on March 8th.", "March 8th", "2018-03-08"),
    case("The accord was signed on 2018-03-08.", "2018-03-08", "2018-03-08"),
    case("The accord was signed on 03/08/2018.", "03/08/2018", "2018-03-08",
         id_="numeric dates are month first"),
    case("The accord was signed on 25/12/2017.", "25/12/2017", "2017-12-25",
         id_="numeric date day first when month first is impossible"),
    case("It was written as 7/8/07 in the American format.", "7/8/07", "2007-07-08"),
    case("It opened Thursday, March 8, 2018.", "Thursday, March 8, 2018", "2018-03-08"),
    case("It opened on the 8th of March.", "the 8th of March", "2018-03-08"),
    case("He was arrested on Dec. 25.", "Dec. 25", "2017-12-25"),
    case("He will be freed on December 25.", "December 25", "2018-12-25"),
    case("The towers fell in September 2001.", "September 2001", "2001-09"),
    case("A hearing has been scheduled for June 3.", "June 3", "2018-06-03",
         published=dt.date(2018, 5, 14), id_="a far past guess loses to the near date"),
    case("The takeoff was at 08:30 UTC on 27 April 2005.", "27 April 2005", "2005-04-27"),
]

QUARTER_SEASON_CASES = [
    case("Profits fell in the first quarter.", "the first quarter", "2018-Q1",
         published=dt.date(2018, 5, 10)),
    case("Profits fell in the fourth quarter.", "the fourth quarter", "2017-Q4"),
    case("Profits fell last quarter.", "last quarter", "2017-Q4"),
    case("Profits fell in the third quarter of 2016.", "the third quarter of 2016", "2016-Q3"),
    case("Profits fell in Q2 2019.", "Q2 2019", "2019-Q2"),
    case("Troops will leave this summer.", "this summer", "2018-SU"),
    case("Snow blocked roads last winter.", "last winter", "2017-WI"),
    case("The offensive will start in the spring.", "spring", "2018-SP"),
    case("It launches in the fall of 2011.", "fall of 2011", "2011-FA"),
    case("A rival opens in the second half of this year.", "the second half of this year",
         "2018-H2"),
    case("Shops were busy before Christmas.", "Christmas", "2017-12-25"),
    case("The truce holds until Easter.", "Easter", "2018-04-01"),
]

DURATION_CASES = [
    case("He ruled for two years.", "two years", "P2Y", type_="DURATION"),
    case("The siege lasted three days.", "three days", "P3D", type_="DURATION"),
    case("The feud has lasted for decades.", "decades", "PXDE", type_="DURATION"),
    case("He served 18 months in prison.", "18 months", "P18M", type_="DURATION"),
    case("He got a 12-year sentence.", "12-year", "P12Y", type_="DURATION"),
    case("Shots rang out for thirty minutes.", "thirty minutes", "PT30M", type_="DURATION"),
    case("The project is two and a half years late.", "two and a half years", "P2.5Y",
         type_="DURATION"),
    case("Talks took several weeks.", "several weeks", "PXW", type_="DURATION"),
    case("Prices rose over the past five years.", "the past five years", "P5Y",
         type_="DURATION"),
    case("The strike lasted 24 hours.", "24 hours", "PT24H", type_="DURATION"),
    case("The index fell in six straight days.", "six straight days", "P6D", type_="DURATION"),
]

SET_REF_TIME_CASES = [
    case("Patrols are carried out daily.", "daily", "P1D", type_="SET"),
    case("The council meets every week.", "every week", "P1W", type_="SET"),
    case("Inspectors visit twice a year.", "twice a year", "P1Y", type_="SET"),
    case("The report is published annually.", "annually", "P1Y", type_="SET"),
    case("Crowds gather every Monday.", "every Monday", "XXXX-WXX-1", type_="SET"),
    case("The rebels now control the town.", "now", "PRESENT_REF"),
    case("The rebels currently control the town.", "currently", "PRESENT_REF"),
    case("The rebels recently took the town.", "recently", "PAST_REF"),
    case("More talks may follow in the future.", "the future", "FUTURE_REF"),
    case("The blast came at 3 p.m.", "3 p.m.", "2018-03-08T15:00", type_="TIME"),
    case("The blast came at 15:00 GMT on Tuesday.", "15:00 GMT on Tuesday", "2018-03-06T15:00Z",
         type_="TIME"),
    case("The blast came at noon yesterday.", "noon yesterday", "2018-03-07T12:00", type_="TIME"),
    case("Trading halted at 0800 UTC.", "0800 UTC", "2018-03-08T08:00Z", type_="TIME"),
]

ANAPHORA_CASES = [
    case("Rebels seized the town on March 3. The next day, troops struck back.", "The next day",
         "2018-03-04"),
    case("Rebels seized the town on March 3. At 10 a.m. troops struck back.", "10 a.m.",
         "2018-03-03T10:00", type_="TIME"),
    case("Output fell in 2014, and the previous year it rose.", "the previous year", "2013"),
    case("Rebels seized the town on March 3. Troops left the same day.", "the same day",
         "2018-03-03"),
    case("Prices rose in February compared to the same period last year.",
         "the same period last year", "2017-02"),
]

ALL_CASES = (WEEKDAY_CASES + DAY_WORD_CASES + WEEK_CASES + MONTH_CASES + YEAR_CASES
             + DECADE_CASES + AGO_CASES + EXPLICIT_CASES + QUARTER_SEASON_CASES + DURATION_CASES
             + SET_REF_TIME_CASES + ANAPHORA_CASES)


@pytest.mark.parametrize("text, published, span, value, type_", ALL_CASES)
def test_expression_value(text, published, span, value, type_):
    found = expression(text, published, span)
    assert found.value == value
    if type_:
        assert found.type == type_


NOT_TIME = [
    pytest.param("The talks may resume.", id="modal may"),
    pytest.param("Thousands march in the capital.", id="verb march"),
    pytest.param("Stocks fall as fears grow.", id="verb fall"),
    pytest.param("He is in his 50s.", id="age in decades"),
    pytest.param("The Security Council passed Resolution 1973.", id="resolution number"),
    pytest.param("Some 2000 people fled.", id="count of people"),
    pytest.param("The fund lost $2015 million.", id="money"),
    pytest.param("Rebels won a quarter of the vote.", id="a quarter of"),
    pytest.param("The now-defunct party split.", id="now-defunct"),
    pytest.param("Mayor Smith spoke.", id="Mayor is no May"),
]


@pytest.mark.parametrize("text", NOT_TIME)
def test_no_false_expression(text):
    assert find_time_expressions(text, THU) == []


def test_named_weekday_is_no_date():
    found = find_time_expressions("Markets crashed on Black Monday.", THU)
    assert all("Monday" not in e.text for e in found)


def test_invalid_date_gets_no_value():
    found = find_time_expressions("It was signed on February 29, 2017.", THU)
    assert all(e.value != "2017-02-29" for e in found)


NO_DATE_CASES = [
    ("Troops withdrew yesterday.", "yesterday", "XXXX-XX-XX"),
    ("Troops withdrew today.", "today", "XXXX-XX-XX"),
    ("The minister resigned on Thursday.", "Thursday", "XXXX-WXX-4"),
    ("Fighting intensified last week.", "last week", "XXXX-WXX"),
    ("Exports grew last year.", "last year", "XXXX"),
    ("Prices fell in March.", "March", "XXXX-03"),
    ("It opened on March 8.", "March 8", "XXXX-03-08"),
    ("The town fell two years ago.", "two years ago", "XXXX"),
    ("Profits fell in the fourth quarter.", "the fourth quarter", "XXXX-Q4"),
    ("Prices rose last month.", "last month", "XXXX-XX"),
    ("The blast came at 3 p.m.", "3 p.m.", "XXXX-XX-XXT15:00"),
    ("Leaders will meet this weekend.", "this weekend", "XXXX-WXX-WE"),
    ("The accord was signed on March 8, 2018.", "March 8, 2018", "2018-03-08"),
]


@pytest.mark.parametrize("text, span, value", NO_DATE_CASES,
                         ids=[f"no-date:{c[1]}" for c in NO_DATE_CASES])
def test_without_publication_date_no_guess(text, span, value):
    found = expression(text, None, span)
    assert found.value == value
    assert dt.date.today().isoformat() not in found.value


def test_tense_hint_overrides_the_word_heuristic():
    text = "The summit on Monday drew crowds."
    assert expression(text, THU, "Monday").value == "2018-03-05"
    assert expression(text, THU, "Monday", tense_hint=lambda offset: "future").value == \
        "2018-03-12"


@pytest.mark.parametrize("text, span, tense", [
    ("The army will attack on Monday.", "Monday", "future"),
    ("The army attacked on Monday.", "Monday", "past"),
    ("The army said on Monday that it will attack.", "Monday", "past"),
    ("On Monday, the army will attack.", "Monday", "future"),
    ("The hearing is set to begin on Monday.", "Monday", "future"),
])
def test_infer_tense(text, span, tense):
    start = text.index(span)
    assert infer_tense(text, start, start + len(span)) == tense


def test_offsets_and_order():
    text = "Yesterday, on March 3, 2018, and in 2014, for two years."
    found = find_time_expressions(text, THU)
    assert [e.text for e in found] == ["Yesterday", "March 3, 2018", "2014", "two years"]
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.parametrize("value, start, end", [
    ("2018-W10", "2018-03-05", "2018-03-11"),
    ("2020-W53", "2020-12-28", "2021-01-03"),
    ("2018-W10-WE", "2018-03-10", "2018-03-11"),
    ("2014", "2014-01-01", "2014-12-31"),
    ("201", "2010-01-01", "2019-12-31"),
    ("19", "1900-01-01", "1999-12-31"),
    ("2018-03", "2018-03-01", "2018-03-31"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2018-03-08", "2018-03-08", "2018-03-08"),
    ("2018-03-08T15:00", "2018-03-08", "2018-03-08"),
    ("2018-03-08TMO", "2018-03-08", "2018-03-08"),
    ("2018-Q1", "2018-01-01", "2018-03-31"),
    ("2018-H2", "2018-07-01", "2018-12-31"),
    ("2018-SU", "2018-06-01", "2018-08-31"),
    ("2017-WI", "2017-12-01", "2018-02-28"),
])
def test_parse_iso_value(value, start, end):
    assert parse_iso_value(value) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize("value", ["P2Y", "PRESENT_REF", "PAST_REF", "XXXX-03-08", "XXXX-WXX-4",
                                   "", "nonsense", "2018-W60"])
def test_parse_iso_value_without_dates(value):
    assert parse_iso_value(value) == (None, None)


@pytest.mark.parametrize("amount, unit, value", [
    (2, "year", "P2Y"), (30, "minute", "PT30M"), (None, "decade", "PXDE"), (1, "decade", "P10Y"),
    (2.5, "year", "P2.5Y"), (3, "hour", "PT3H"), (2, "quarter", "P2Q"),
])
def test_duration_value(amount, unit, value):
    assert duration_value(amount, unit) == value


def test_iso_week_value_at_year_end():
    assert iso_week_value(dt.date(2018, 12, 31)) == "2019-W01"
    assert iso_week_value(dt.date(2021, 1, 3)) == "2020-W53"


def test_stage_sets_times_without_a_parse():
    article = Article(doc_id="d1", text="Rebels attacked on Monday.", published=THU)
    doc = find_times(Document(article=article, sentences=[]))
    assert [(t.text, t.value) for t in doc.times] == [("Monday", "2018-03-05")]
    assert find_times.requires == ("sentences",) and find_times.assigns == ("times",)


@pytest.mark.model
@pytest.mark.parametrize("text, value", [
    ("The president will travel to Paris on Thursday.", "2018-03-15"),
    ("The president travelled to Paris on Thursday.", "2018-03-08"),
])
def test_stage_uses_the_spacy_parse_for_tense(text, value):
    from eventwire.nlp import load_nlp

    article = Article(doc_id="d2", text=text, published=THU)
    doc = Document(article=article, sentences=[], parsed=load_nlp()(text))
    assert [t.value for t in find_times(doc).times] == [value]


# --- the one-pass scanner finds what each rule's own ``finditer`` finds -----------------------

def candidates_rule_by_rule(text: str) -> list[tuple]:
    found = []
    for rank, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            if "\n" not in match.group(0) and _at_word_edges(text, *match.span()) and (
                    rule.check is None or rule.check(text, match)):
                found.append((match.span(), rank, match.groupdict()))
    return sorted(found, key=lambda c: (c[0], c[1]))


def scanned_candidates(text: str) -> list[tuple]:
    return sorted(((c.match.span(), c.rank, c.match.groupdict()) for c in _candidates(text)),
                  key=lambda c: (c[0], c[1]))


@pytest.mark.parametrize("text", [
    "On Monday, March 5, 2018 at 3 p.m. local time, two weeks ago, the first quarter of 2017 ended.",
    "In the late 1990s and the early twenty-first century, every other Friday night since last spring.",
    "Mid-March; the day before yesterday; 10:30 GMT on Tuesday; Q3 2019; '90s; 5/6/2017 and 2017-05-06.",
    "Thursday\nmorning, March\n5: expressions never cross a line.  Mayor May 1999x",
    "",
])
def test_scanner_finds_what_each_rule_finds(text):
    assert scanned_candidates(text) == candidates_rule_by_rule(text)


@pytest.mark.shared
def test_scanner_finds_what_each_rule_finds_in_meantime():
    lines = shared_path("data", "meantime-en", "meantime_en.jsonl").read_text().splitlines()
    for line in lines:
        text = json.loads(line)["text"]
        assert scanned_candidates(text) == candidates_rule_by_rule(text)
