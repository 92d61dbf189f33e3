"""One event per happening: mentions of one event merge; different happenings stay apart."""

from __future__ import annotations

from eventwire.coding.cluster import cluster_events
from eventwire.model import Actor, Attribution, DateRange, Event, Evidence


def mention(start, source="PRK", target="VEN", type_="SUPPORT", date=None, aux=(), reason="name 'x'",
            attribution=None):
    return Event(source=Actor("s", source, "GOV", reason=reason), target=Actor("t", target, "GOV"), type=type_,
                 cameo="051", goldstein=3.4, quad="verbal-cooperation",
                 evidence=[Evidence(start, start + 10, f"sentence {start}")], coder="test", aux=list(aux),
                 date=date, attribution=attribution, confidence=0.6)


def test_mentions_of_one_happening_become_one_event_with_all_evidence():
    events = cluster_events([mention(0), mention(100), mention(200), mention(300)])
    assert len(events) == 1
    assert events[0].mentions == 4
    assert [e.start for e in events[0].evidence] == [0, 100, 200, 300]


def test_the_tightest_date_wins():
    week = DateRange("2018-03-05", "2018-03-11", "week", "'this week'")
    day = DateRange("2018-03-08", "2018-03-08", "day", "'on Thursday'")
    reported = DateRange("2018-03-02", "2018-03-09", "reported", "past tense")
    (event,) = cluster_events([mention(0, date=week), mention(100, date=reported), mention(200, date=day)])
    assert event.date == day


def test_incompatible_dates_are_different_happenings():
    first = DateRange("2014-01-01", "2014-12-31", "range", "'in 2014'")
    second = DateRange("2018-03-08", "2018-03-08", "day", "'on Thursday'")
    assert len(cluster_events([mention(0, date=first), mention(100, date=second)])) == 2


def test_other_dyads_types_and_denials_stay_apart():
    events = cluster_events([mention(0), mention(10, target="USA"), mention(20, type_="ACCUSE"),
                             mention(30, aux=["negation"])])
    assert len(events) == 4


def test_a_named_actor_is_shown_rather_than_a_pronoun():
    (event,) = cluster_events([mention(0, reason="pronoun 'it' = ..."), mention(100, reason="name 'North Korea'")])
    assert event.source.reason.startswith("name")


def test_attribution_with_a_known_speaker_is_kept():
    speaker = Attribution("state media", "PRK", "MED", True)
    (event,) = cluster_events([mention(0, attribution=Attribution("it", None)), mention(100, attribution=speaker)])
    assert event.attribution == speaker
