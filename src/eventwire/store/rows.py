"""Conversions between ``Document``s and table rows, and from rows back to records.

Pure Python, no SQL: ``duck.py`` moves these rows in and out of DuckDB.
A record rebuilt from rows equals ``model.document_record`` of the stored
document, so every export can be produced from the store alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from dataclasses import asdict
from typing import Any, Iterable

from ..model import Actor, DateRange, Document, Event, actor_record
from .schema import quad_class

ACTOR_PARTS = ("text", "country", "sector", "actor_id", "reason")


# ---------------------------------------------------------------- identifiers

def event_key(content_hash: str, event: Event) -> str:
    """A stable id: the same event in the same text always gets the same id."""
    parts = [
        content_hash,
        event.type,
        *_actor_identity(event.source),
        *_actor_identity(event.target),
        *(f"{e.start}-{e.end}" for e in event.evidence),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _actor_identity(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", "", ""]
    return [actor.country or "", actor.sector or "", actor.actor_id or "", actor.text or ""]


def actor_key(actor: Actor) -> str:
    """What makes two resolved actors of one document the same actor."""
    if actor.actor_id:
        return actor.actor_id
    if actor.country or actor.sector:
        return f"{actor.country or ''}|{actor.sector or ''}"
    return "text:" + (actor.text or "").strip().lower()


def lead_end(text: str) -> int:
    """End offset of the first paragraph: events there are GDELT 'root' events."""
    body_start = len(text) - len(text.lstrip())
    newline = text.find("\n", body_start)
    return len(text) if newline < 0 else newline


# ---------------------------------------------------------------- dates

def parse_date(value: Any, *, end: bool = False) -> dt.date | None:
    """ISO date, or a partial one (``2018-03``, ``2018``) widened to its first/last day."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day)
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


# ---------------------------------------------------------------- document -> rows

def document_rows(doc: Document, coded_at: dt.datetime, coder_version: str) -> dict[str, list[dict]]:
    """Every row one document writes, keyed by table name."""
    article = doc.article
    content_hash = article.content_hash
    events = list(doc.events or ())
    event_ids = _unique_event_ids(content_hash, events)
    return {
        "documents": [{
            "doc_id": article.doc_id, "content_hash": content_hash, "published": article.published,
            "title": article.title, "outlet": article.outlet, "url": article.url,
            "author": article.author, "source_path": article.source_path, "text": article.text,
            "lead_end": lead_end(article.text),
            "warnings": list(article.warnings) + list(doc.warnings),
            "framing_terms": list(doc.framing_terms or ()),
            "coded_at": coded_at, "coder_version": coder_version,
        }],
        "actors": _actor_rows(doc),
        "events": [_event_row(article.doc_id, i, eid, e) for i, (eid, e) in enumerate(zip(event_ids, events))],
        "evidence": [
            {"event_id": eid, "doc_id": article.doc_id, "ordinal": n,
             "start": ev.start, "end": ev.end, "sentence": ev.sentence}
            for eid, e in zip(event_ids, events) for n, ev in enumerate(e.evidence)
        ],
        "times": [{"doc_id": article.doc_id, "ordinal": i, **asdict(t)} for i, t in enumerate(doc.times or ())],
        "places": [{"doc_id": article.doc_id, "ordinal": i, **asdict(p)} for i, p in enumerate(doc.places or ())],
        "quotes": [
            {"doc_id": article.doc_id, "ordinal": i, "start": q.start, "end": q.end, "text": q.text,
             "speaker": _json_or_none(actor_record(q.speaker))}
            for i, q in enumerate(doc.quotes or ())
        ],
        "relations": [
            {"doc_id": article.doc_id, "ordinal": i, **_prefixed("a", r.a), **_prefixed("b", r.b),
             "type": r.type, "evidence": json.dumps(asdict(r.evidence), ensure_ascii=False)}
            for i, r in enumerate(doc.relations or ())
        ],
    }


def _unique_event_ids(content_hash: str, events: list[Event]) -> list[str]:
    """Stable ids; a repeated identical event gets its occurrence number appended."""
    seen: dict[str, int] = {}
    ids = []
    for event in events:
        base = event_key(content_hash, event)
        count = seen.get(base, 0)
        seen[base] = count + 1
        ids.append(base if count == 0 else f"{base}-{count}")
    return ids


def _event_row(doc_id: str, ordinal: int, event_id: str, event: Event) -> dict:
    date = event.date or DateRange(None, None)
    place = event.location
    return {
        "event_id": event_id, "doc_id": doc_id, "ordinal": ordinal,
        **_prefixed("source", event.source), **_prefixed("target", event.target),
        "type": event.type, "mode": event.mode,
        "context": list(event.context), "aux": list(event.aux), "asserted": event.asserted,
        "cameo": event.cameo, "goldstein": event.goldstein,
        "quad": event.quad, "quad_class": quad_class(event.quad),
        "date_start": parse_date(date.start), "date_end": parse_date(date.end, end=True),
        "date_precision": date.precision, "date_basis": date.basis,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "place_geonameid": place.geonameid if place else None,
        "attribution": _json_or_none(asdict(event.attribution) if event.attribution else None),
        "mentions": event.mentions, "confidence": event.confidence, "coder": event.coder,
        "trigger_start": event.trigger[0] if event.trigger else None,
        "trigger_end": event.trigger[1] if event.trigger else None,
    }


def _actor_rows(doc: Document) -> list[dict]:
    """One row per distinct resolved actor, counting the mentions that name it."""
    rows: dict[str, dict] = {}

    def add(actor: Actor | None, mention: bool) -> None:
        if actor is None:
            return
        row = rows.setdefault(actor_key(actor), {
            "doc_id": doc.article.doc_id, "actor_key": actor_key(actor),
            **{part: getattr(actor, part) for part in ACTOR_PARTS}, "mentions": 0,
        })
        row["mentions"] += int(mention)

    for mention in doc.mentions or ():
        add(mention.actor, True)
    for event in doc.events or ():
        add(event.source, False)
        add(event.target, False)
    for relation in doc.relations or ():
        add(relation.a, False)
        add(relation.b, False)
    for quote in doc.quotes or ():
        add(quote.speaker, False)
    return list(rows.values())


def _prefixed(prefix: str, actor: Actor | None) -> dict:
    return {f"{prefix}_{part}": getattr(actor, part) if actor else None for part in ACTOR_PARTS}


def _json_or_none(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------- rows -> records

def iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def actor_from_row(row: dict, prefix: str) -> dict | None:
    actor = {part: row[f"{prefix}_{part}"] for part in ACTOR_PARTS}
    return None if all(v is None for v in actor.values()) else actor


def event_record_from_rows(row: dict, evidence: list[dict], *, extended: bool = False) -> dict:
    """The output-contract event (``model.event_record``) rebuilt from its rows."""
    spans = [{"start": v["start"], "end": v["end"], "sentence": v["sentence"]} for v in evidence]
    has_date = any(row[k] is not None for k in ("date_start", "date_end", "date_precision", "date_basis"))
    record = {
        "source": actor_from_row(row, "source"),
        "target": actor_from_row(row, "target"),
        "type": row["type"], "mode": row["mode"],
        "context": list(row["context"] or ()), "aux": list(row["aux"] or ()),
        "cameo": row["cameo"], "goldstein": row["goldstein"], "quad": row["quad"],
        "date": {"start": iso(row["date_start"]), "end": iso(row["date_end"]),
                 "precision": row["date_precision"], "basis": row["date_basis"]} if has_date else None,
        "location": {"name": row["place_name"], "country": row["place_country"],
                     "lat": row["lat"], "lon": row["lon"]} if row["place_name"] is not None else None,
        "attribution": _loads(row["attribution"]),
        "evidence": spans[0] if spans else None,
        "all_evidence": spans,
        "mentions": row["mentions"], "confidence": row["confidence"], "coder": row["coder"],
    }
    if extended:
        record.update({
            "event_id": row["event_id"], "asserted": row["asserted"], "quad_class": row["quad_class"],
            "trigger": [row["trigger_start"], row["trigger_end"]] if row["trigger_start"] is not None else None,
        })
    return record


def document_record_from_rows(doc: dict, tables: dict[str, list[dict]], *, extended: bool = False) -> dict:
    """The output-contract document (``model.document_record``) rebuilt from its rows."""
    evidence_by_event: dict[str, list[dict]] = {}
    for row in tables["evidence"]:
        evidence_by_event.setdefault(row["event_id"], []).append(row)
    record = {
        "doc_id": doc["doc_id"], "published": iso(doc["published"]),
        "title": doc["title"], "outlet": doc["outlet"], "url": doc["url"], "text": doc["text"],
        "events": [event_record_from_rows(e, evidence_by_event.get(e["event_id"], []), extended=extended)
                   for e in tables["events"]],
        "times": [_without(t, "doc_id", "ordinal") for t in tables["times"]],
        "places": [_without(p, "doc_id", "ordinal") for p in tables["places"]],
        "quotes": [{"start": q["start"], "end": q["end"], "text": q["text"], "speaker": _loads(q["speaker"])}
                   for q in tables["quotes"]],
        "relations": [{"a": actor_from_row(r, "a"), "b": actor_from_row(r, "b"), "type": r["type"],
                       "evidence": _loads(r["evidence"])} for r in tables["relations"]],
        "framing_terms": list(doc["framing_terms"] or ()),
        "warnings": list(doc["warnings"] or ()),
    }
    if extended:
        record.update({
            "content_hash": doc["content_hash"], "author": doc["author"],
            "source_path": doc["source_path"], "coded_at": iso(doc["coded_at"]),
            "coder_version": doc["coder_version"],
            "actors": [_without(a, "doc_id") for a in tables["actors"]],
        })
    return record


def _without(row: dict, *keys: str) -> dict:
    return {k: v for k, v in row.items() if k not in keys}


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def group_by_doc(rows: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped
