"""One event per happening: mentions of the same event in an article are merged."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..model import DateRange, Document, Event
from ..pipeline import stage

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4, "reported": 5, None: 6}
# A name beats a role, which beats a pronoun, as the actor shown for a merged event.
REASON_RANK = ("name", "role", "'", "pronoun")


def happening_key(event: Event) -> tuple:
    target = event.target.country if event.target else None
    return (event.type, event.source.country, target, event.asserted)


def parse(day: str | None) -> dt.date | None:
    return dt.date.fromisoformat(day) if day else None


def dates_compatible(a: DateRange | None, b: DateRange | None) -> bool:
    if a is None or b is None:
        return True
    a_start, a_end, b_start, b_end = parse(a.start), parse(a.end), parse(b.start), parse(b.end)
    return (a_start is None or b_end is None or a_start <= b_end) and (
        b_start is None or a_end is None or b_start <= a_end)


def tightest(dates: list[DateRange | None]) -> DateRange | None:
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: PRECISION_RANK.get(d.precision, 6)) if known else None


def actor_rank(event: Event) -> int:
    reason = event.source.reason or ""
    return next((i for i, prefix in enumerate(REASON_RANK) if reason.startswith(prefix)), len(REASON_RANK))


def merge(group: list[Event]) -> Event:
    best = min(group, key=lambda e: (actor_rank(e), -e.confidence))
    evidence, seen = [], set()
    for event in sorted(group, key=lambda e: e.evidence[0].start):
        for span in event.evidence:
            if (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                evidence.append(span)
    aux = sorted({a for e in group for a in e.aux})
    attribution = next((e.attribution for e in group if e.attribution and e.attribution.country),
                       next((e.attribution for e in group if e.attribution), None))
    location = next((e.location for e in group if e.location), None)
    confidence = round(min(0.99, max(e.confidence for e in group) + 0.05 * (len(evidence) - 1)), 2)
    return replace(best, evidence=evidence, aux=aux, date=tightest([e.date for e in group]),
                   attribution=attribution, location=location, confidence=confidence)


def cluster_events(events: list[Event]) -> list[Event]:
    """Group mentions with the same type, dyad and assertion whose dates can be the same happening."""
    groups: list[list[Event]] = []
    for event in sorted(events, key=lambda e: e.evidence[0].start):
        home = next((g for g in groups if happening_key(g[0]) == happening_key(event)
                     and all(dates_compatible(e.date, event.date) for e in g)), None)
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    return [merge(g) if len(g) > 1 else g[0] for g in groups]


@stage("clusters", requires=["event_mentions"], assigns=["events"])
def cluster_mentions(doc: Document) -> Document:
    doc.events = cluster_events(doc.event_mentions or [])
    return doc
