"""Event dates: when each event happened, not when it was reported.

In order: the time expression that governs the event's clause; an era named
after a person ("in the days of Hugo Chávez", "the Trump administration"),
bounded by that person's terms of office; otherwise the tense, relative to the
publication date (``precision: reported``).  Participants named by a past
office ("former leader Kim Jong-il") bound the range by that office.  Without a
publication date and without an absolute date, events get no date, never today's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..actors.kb import Entry, KnowledgeBase
from ..actors.resolve import person_actor
from ..datelines import in_dateline
from ..model import Actor, DateRange, Document, Event, TimeExpression
from ..nlp import clause_verb, token_at
from ..pipeline import FunctionStage
from ..when import parse_iso_value

ERA_BEFORE = re.compile(r"\b(?:days|era|time|times|rule|reign|presidency|tenure|years|government|"
                        r"administration|regime)\s+of\s+(?:the\s+late\s+|late\s+|former\s+)?"
                        r"(?:president\s+|leader\s+|prime\s+minister\s+)?$", re.IGNORECASE)
ERA_AFTER = re.compile(r"^(?:['\u2019]s?\s+(?:era|presidency|rule|reign|tenure|government|administration|years|regime)|"
                       r"\s+(?:administration|era|government|presidency|regime|years))\b", re.IGNORECASE)
TITLE_BEFORE = re.compile(r"\b(?:leader|president|premier|prime\s+minister|chairman|king|dictator|chancellor|"
                          r"ruler|minister)\s+$", re.IGNORECASE)
HISTORICAL_AFTER = dt.timedelta(days=365)
REPORTING_WINDOW = dt.timedelta(days=7)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def time_root(parsed, expression: TimeExpression):
    span = parsed.char_span(expression.start, expression.end, alignment_mode="expand")
    return span.root if span is not None else None


def governs(time_token, trigger) -> bool:
    """A time expression governs the event word it hangs from, or one whose clause verb it modifies."""
    if trigger in time_token.ancestors:
        return True
    verb = clause_verb(time_token.head)
    trigger_verb = clause_verb(trigger)
    return verb is not None and trigger_verb is not None and trigger_verb.i == verb.i


def expression_range(expression: TimeExpression) -> tuple[dt.date | None, dt.date | None]:
    try:
        return parse_iso_value(expression.value)
    except (ValueError, TypeError):
        return None, None


def governing_time(doc: Document, event: Event, trigger) -> DateRange | None:
    evidence = event.evidence[0]
    for expression in doc.times or ():
        if not evidence.start <= expression.start < evidence.end or expression.type not in ("DATE", "TIME"):
            continue
        if in_dateline(doc.text, evidence.start, expression.start):
            continue
        start, end = expression_range(expression)
        if start is None and end is None:
            continue
        token = time_root(doc.parsed, expression)
        if token is not None and governs(token, trigger):
            precision = "day" if start == end else ("week" if end and start and (end - start).days == 6 else "range")
            return DateRange(iso(start), iso(end), precision, f"'{expression.text}' ({expression.value})")
    return None


def person_entries(doc: Document, kb: KnowledgeBase, start: int, end: int) -> list[tuple[int, int, Entry]]:
    found = []
    for mention in doc.mentions or ():
        if start <= mention.start < end and mention.kind in ("person", "coref") and mention.actor.actor_id:
            entry = next((e for e in kb.lookup(mention.text) if e.id == mention.actor.actor_id and e.terms), None)
            if entry is not None:
                found.append((mention.start, mention.end, entry))
    return found


def office_span(entry: Entry, around: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The term covering a date, else the whole span of the person's terms."""
    term = entry.term_on(around) if around else None
    if term is not None and term.sector != "OPP":
        return term.start, term.end
    return entry.offices[0].start, entry.offices[-1].end


def era_range(doc: Document, kb: KnowledgeBase, event: Event) -> DateRange | None:
    evidence = event.evidence[0]
    published = doc.article.published
    participants = {event.source.actor_id, event.target.actor_id if event.target else None} - {None}
    for start, end, entry in person_entries(doc, kb, evidence.start, evidence.end):
        if entry.id not in participants:
            continue
        before, after = doc.text[max(0, start - 60):start], doc.text[end:end + 30]
        if ERA_BEFORE.search(before) or (ERA_AFTER.match(after) and before.rstrip().lower().endswith("the")) \
                or ERA_AFTER.match(after):
            first, last = office_span(entry, published)
            if published and (last is None or last > published):
                last = published
            return DateRange(iso(first), iso(last), "range", f"during the time in office of {entry.name}")
    return None


def bound_by_offices(doc: Document, kb: KnowledgeBase, event: Event, date: DateRange) -> DateRange:
    """'former leader Kim Jong-il': an event with a leader happened while he led."""
    evidence = event.evidence[0]
    first, last = parse_day(date.start), parse_day(date.end)
    basis = date.basis
    for start, _, entry in person_entries(doc, kb, evidence.start, evidence.end):
        if not TITLE_BEFORE.search(doc.text[max(0, start - 40):start]):
            continue
        office_first, office_last = entry.offices[0].start, entry.offices[-1].end
        if office_last and (last is None or office_last < last):
            last, basis = office_last, f"{basis}; bounded by the office of {entry.name}"
        if office_first and (first is None or office_first > first) and (last is None or office_first <= last):
            first = office_first
    return DateRange(iso(first), iso(last), date.precision, basis)


def parse_day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def tense_range(trigger, published: dt.date) -> DateRange:
    verb = clause_verb(trigger) or trigger
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "shall", "'ll"}:
        return DateRange(iso(published), None, "range", "future tense: after publication")
    if auxiliaries & {"has", "have", "'s", "'ve"} or verb.tag_ in ("VBG", "VBZ", "VBP"):
        return DateRange(None, iso(published), "range", "present or perfect tense: up to publication")
    return DateRange(iso(published - REPORTING_WINDOW), iso(published), "reported",
                     "past tense, no date in the text: the week before publication")


def date_event(doc: Document, kb: KnowledgeBase, event: Event, trigger) -> DateRange | None:
    published = doc.article.published
    date = governing_time(doc, event, trigger) or era_range(doc, kb, event)
    if date is None and published is not None:
        date = tense_range(trigger, published)
    return bound_by_offices(doc, kb, event, date) if date is not None else None


def is_historical(date: DateRange | None, published: dt.date | None) -> bool:
    end = parse_day(date.end) if date else None
    return bool(end and published and end < published - HISTORICAL_AFTER)


def date_events(doc: Document, kb: KnowledgeBase) -> Document:
    """Set each event mention's date, and the ``historical`` mode for events long before publication.

    A person's sector depends on the date (Chávez is VEN GOV only while in office), so people
    among the actors are resolved again for the event's date.
    """
    undated = 0
    for event in doc.event_mentions or ():
        trigger = token_at(doc.parsed, event.trigger[0]) if event.trigger else None
        event.date = date_event(doc, kb, event, trigger) if trigger is not None else None
        undated += event.date is None
        if is_historical(event.date, doc.article.published) and "historical" not in event.aux:
            event.aux.append("historical")
        event.source = actor_on_event_date(kb, event.source, event.date)
        event.target = actor_on_event_date(kb, event.target, event.date) if event.target else None
    if undated and doc.article.published is None:
        doc.warnings.append(f"{undated} event(s) left undated: no publication date and no absolute date in the text")
    return doc


def actor_on_event_date(kb: KnowledgeBase, actor: Actor, date: DateRange | None) -> Actor:
    entry = kb.person(actor.actor_id) if actor.actor_id else None
    day = reference_day(date)
    if entry is None or day is None:
        return actor
    dated = person_actor(entry, actor.text, day)
    if actor.sector is not None and dated.sector is None:
        return actor  # a role word ('the Trump administration') keeps its own sector
    return replace(actor, country=dated.country, sector=dated.sector if actor.reason and actor.reason.startswith(
        entry.name) else (actor.sector or dated.sector), reason=f"{dated.reason} (event date)")


def reference_day(date: DateRange | None) -> dt.date | None:
    """The day a person's office is checked on: the end of the event's range (its latest possible day)."""
    if date is None:
        return None
    return parse_day(date.end) or parse_day(date.start)


def dating_stage(kb: KnowledgeBase) -> FunctionStage:
    return FunctionStage("event_dates", ("event_mentions", "times"), ("event_dates",),
                         lambda doc: date_events(doc, kb))
