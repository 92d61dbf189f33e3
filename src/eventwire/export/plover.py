"""PLOVER/POLECAT-style JSON: one object per event, as an array or JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterator


def write_plover(store: Any, out_path: Path, lines: bool = False, **filters: Any) -> int:
    """Write the events ``store.events(**filters)`` selects; returns the record count."""
    count = 0
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    with Path(out_path).open("w", encoding="utf-8") as out:
        if not lines:
            out.write("[")
        for record in _records(store, filters):
            text = json.dumps(record, ensure_ascii=False)
            if lines:
                out.write(text + "\n")
            else:
                out.write(("\n" if count == 0 else ",\n") + text)
            count += 1
        if not lines:
            out.write("\n]\n")
    return count


def _records(store: Any, filters: dict[str, Any]) -> Iterator[dict]:
    for batch in store.events(arrow=True, **filters).to_batches():
        for event in batch.to_pylist():
            yield plover_record(event)


def plover_record(event: dict) -> dict:
    """One ``store.events()`` row as a PLOVER event record."""
    published = _iso(event["published"])
    return {
        "id": event["event_id"],
        "event_type": event["type"],
        "mode": event["mode"],
        "context": list(event["context"] or ()),
        "aux": list(event["aux"] or ()),
        "asserted": event["asserted"],
        "source": _actor(event, "source"),
        "target": _actor(event, "target"),
        "date": _iso(event["event_date"]),
        "date_range": {
            "start": _iso(event["date_start"]), "end": _iso(event["date_end"]),
            "precision": event["date_precision"], "basis": event["date_basis"],
        },
        "location": {
            "name": event["place_name"], "country": event["place_country"],
            "lat": event["lat"], "lon": event["lon"], "geonameid": event["place_geonameid"],
        } if event["place_name"] is not None else None,
        "event_text": event["evidence_sentence"],
        "story_id": event["doc_id"],
        "publication_date": published,
        "url": event["url"],
        "cameo": event["cameo"],
        "goldstein": event["goldstein"],
        "quad": event["quad"],
        "mentions": event["mentions"],
        "confidence": event["confidence"],
        "coder": event["coder"],
        "attribution": json.loads(event["attribution"]) if event["attribution"] else None,
    }


def _actor(event: dict, role: str) -> dict | None:
    actor = {
        "name": event[f"{role}_text"], "country": event[f"{role}_country"],
        "sector": event[f"{role}_sector"], "actor_id": event[f"{role}_actor_id"],
    }
    return None if all(v is None for v in actor.values()) else actor


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None
