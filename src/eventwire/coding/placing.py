"""Where each event happened: the place its sentence gives in a locative phrase, else none."""

from __future__ import annotations

from ..model import Document
from ..pipeline import stage
from ..where import place_of_event


@stage("event_places", requires=["event_mentions", "places"], assigns=["event_places"])
def place_events(doc: Document) -> Document:
    for event in doc.event_mentions or ():
        evidence = event.evidence[0]
        event.location = place_of_event(doc, evidence.start, evidence.end, event.trigger)
    return doc
