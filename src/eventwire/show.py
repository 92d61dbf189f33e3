"""One document for reading: its text cut into highlighted segments, and its events described.

Pure Python, no I/O: ``eventwire show`` renders the segments with ANSI
colours and the dashboard renders the same segments as escaped HTML, so
the terminal and the browser highlight exactly the same spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

# Highlight kinds, in the order a terminal picks its colour when spans overlap.
KINDS = ("event", "actor", "time", "place", "quote")
ANSI = {
    "event": "\x1b[1;31m",   # bold red: the event word(s)
    "actor": "\x1b[1;34m",   # bold blue
    "time": "\x1b[32m",      # green
    "place": "\x1b[35m",     # magenta
    "quote": "\x1b[3;33m",   # italic yellow
}
ANSI_RESET = "\x1b[0m"
ANSI_DIM = "\x1b[2m"
ANSI_BOLD = "\x1b[1m"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text whose highlight kinds are the same throughout (empty for plain text)."""

    text: str
    kinds: tuple[str, ...]


# ---------------------------------------------------------------- spans

def annotation_spans(record: dict, mentions: Iterable[tuple[int, int]] | None = None) -> list[Span]:
    """Spans to highlight in ``record["text"]`` (a ``Store.document`` record).

    Actor spans come from ``mentions`` (exact offsets, when the document was
    just coded) or else from every occurrence of the actors' surface texts,
    because the store keeps resolved actors but not their mention offsets.
    """
    text = record["text"]
    spans = [Span(s, e, "actor") for s, e in mentions] if mentions is not None else actor_occurrences(text, record)
    for event in record.get("events", ()):
        if event.get("trigger"):
            spans.append(Span(event["trigger"][0], event["trigger"][1], "event"))
    spans += [Span(t["start"], t["end"], "time") for t in record.get("times", ())]
    spans += [Span(p["start"], p["end"], "place") for p in record.get("places", ())
              if p.get("start") is not None and p.get("end") and p["end"] > p["start"]]
    spans += [Span(q["start"], q["end"], "quote") for q in record.get("quotes", ())]
    return [s for s in spans if 0 <= s.start < s.end <= len(text)]


def actor_occurrences(text: str, record: dict) -> list[Span]:
    """Every whole-word occurrence of a stored actor's or event participant's surface text."""
    names = {a["text"] for a in record.get("actors", ()) if a.get("text")}
    for event in record.get("events", ()):
        names.update(actor["text"] for actor in (event.get("source"), event.get("target"))
                     if actor and actor.get("text"))
    spans = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            spans.append(Span(match.start(), match.end(), "actor"))
    return spans


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` wherever the set of covering spans changes; overlapping spans combine."""
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span.kind)
        ends.setdefault(span.end, []).append(span.kind)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[str, int] = {}
    result = []
    for left, right in zip(cuts, cuts[1:]):
        for kind in ends.get(left, ()):
            active[kind] -= 1
        for kind in starts.get(left, ()):
            active[kind] = active.get(kind, 0) + 1
        kinds = tuple(k for k in KINDS if active.get(k, 0) > 0)
        if result and result[-1].kinds == kinds:
            result[-1] = Segment(result[-1].text + text[left:right], kinds)
        else:
            result.append(Segment(text[left:right], kinds))
    return result


def evidence_segments(record: dict, event: dict) -> list[Segment]:
    """The event's evidence sentence with its event word(s) marked."""
    evidence = event.get("evidence") or {"start": 0, "end": 0, "sentence": ""}
    trigger = event.get("trigger")
    spans = []
    if trigger and evidence["start"] <= trigger[0] < trigger[1] <= evidence["end"]:
        spans.append(Span(trigger[0] - evidence["start"], trigger[1] - evidence["start"], "event"))
    return segments(evidence["sentence"], spans)


# ---------------------------------------------------------------- describing events

def actor_label(actor: dict | None) -> str:
    if not actor:
        return "-"
    codes = " ".join(c for c in (actor.get("country"), actor.get("sector")) if c)
    return f"{actor.get('text') or '?'} [{codes or '?'}]"


def date_label(event: dict) -> str:
    date = event.get("date")
    if not date:
        return "publication date"
    start, end = date.get("start") or "?", date.get("end") or "?"
    span = start if start == end else f"{start}..{end}"
    basis = f"; {date['basis']}" if date.get("basis") else ""
    return f"{span} ({date.get('precision') or '?'}{basis})"


def attribution_label(event: dict) -> str:
    said = event.get("attribution")
    if not said:
        return "-"
    codes = " ".join(c for c in (said.get("country"), said.get("sector")) if c)
    return f"{said['speaker']}{f' [{codes}]' if codes else ''}{' (quote)' if said.get('quote') else ''}"


def event_facts(event: dict) -> list[tuple[str, str]]:
    """The labelled facts of one event card, in reading order."""
    place = event.get("location")
    return [
        ("source", actor_label(event.get("source"))),
        ("target", actor_label(event.get("target"))),
        ("date", date_label(event)),
        ("place", f"{place['name']} [{place.get('country') or '?'}]" if place else "-"),
        ("aux", ", ".join(event.get("aux") or ()) or "-"),
        ("attribution", attribution_label(event)),
        ("confidence", f"{event.get('confidence', 0):.2f}"),
        ("coder", event.get("coder") or "-"),
    ]


def event_headline(event: dict) -> str:
    goldstein = event.get("goldstein")
    score = f", {goldstein:+.1f}" if goldstein is not None else ""
    asserted = "" if event.get("asserted", True) else "  (not asserted)"
    return f"{event['type']} {event.get('cameo') or ''} ({event.get('quad') or '?'}{score}){asserted}"


# ---------------------------------------------------------------- terminal

def ansi(parts: Iterable[Segment], color: bool = True) -> str:
    """Segments as terminal text: each highlighted run in its first kind's colour."""
    if not color:
        return "".join(part.text for part in parts)
    return "".join(ANSI[part.kinds[0]] + part.text + ANSI_RESET if part.kinds else part.text for part in parts)


def render_document(record: dict, color: bool = True, mentions: Iterable[tuple[int, int]] | None = None) -> str:
    """A stored document for the terminal: header, highlighted text, legend, then every event."""
    return "\n".join(_document_lines(record, color, mentions)) + "\n"


def _document_lines(record: dict, color: bool, mentions: Iterable[tuple[int, int]] | None) -> Iterator[str]:
    bold = (lambda s: ANSI_BOLD + s + ANSI_RESET) if color else (lambda s: s)
    dim = (lambda s: ANSI_DIM + s + ANSI_RESET) if color else (lambda s: s)
    yield bold(record.get("title") or record["doc_id"])
    yield dim(" | ".join(str(v) for v in (record["doc_id"], record.get("published"), record.get("outlet"),
                                          record.get("url")) if v))
    if color:
        yield "  ".join(ANSI[k] + k + ANSI_RESET for k in KINDS)
    yield ""
    yield ansi(segments(record["text"], annotation_spans(record, mentions)), color)
    yield ""
    events = record.get("events", ())
    yield bold(f"{len(events)} events")
    for number, event in enumerate(events, 1):
        yield ""
        yield f"[{number}] " + bold(event_headline(event))
        for label, value in event_facts(event):
            yield f"    {label:<12}{value}"
        yield "    " + dim("evidence    ") + ansi(evidence_segments(record, event), color)
