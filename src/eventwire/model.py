"""The one typed data model: every record the pipeline reads or writes.

Text-bearing records (sentences, mentions, times, places, evidence) are
offsets into ``Document.text``, the single clean text that is emitted, so
provenance stays exact.  Each ``Document`` field after ``text`` is set by
exactly one stage (see ``pipeline.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
AUX_MODES = ("historical", "future", "hypothetical", "negation")
# Events carrying one of these are reported but not asserted.
UNASSERTED_AUX = frozenset({"hypothetical", "negation"})


@dataclass(slots=True)
class Article:
    """One input document as read, before any analysis."""

    doc_id: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    source_path: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """A resolved actor: who, in PLOVER/CAMEO country and sector codes."""

    text: str
    country: str | None
    sector: str | None = None
    actor_id: str | None = None
    reason: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Mention:
    """A span of text that refers to an actor (name, role, metonym or pronoun)."""

    start: int
    end: int
    text: str
    actor: Actor
    kind: str = "name"  # name | role | metonym | demonym | coref
    head: int | None = None  # offset of the phrase's head word, which the coder looks up


@dataclass(slots=True, frozen=True)
class TimeExpression:
    """A TIMEX3-style time expression normalised against the publication date."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # e.g. 2018-03-08, 2018-W10, 2014, P2Y, PRESENT_REF


@dataclass(slots=True)
class DateRange:
    start: str | None
    end: str | None
    precision: str | None = None  # day | week | month | year | range | reported
    basis: str | None = None


@dataclass(slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None
    geonameid: int | None = None
    kind: str | None = None  # city | region | country | ...


@dataclass(slots=True)
class Attribution:
    speaker: str
    country: str | None = None
    sector: str | None = None
    quote: bool = False


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    sentence: str


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: Actor | None = None


@dataclass(slots=True)
class Relation:
    """A stated standing relation (alliance, rivalry), not an event."""

    a: Actor
    b: Actor
    type: str  # ALLY | RIVAL
    evidence: Evidence


@dataclass(slots=True)
class Event:
    source: Actor
    target: Actor | None
    type: str
    cameo: str
    goldstein: float
    quad: str
    evidence: list[Evidence]
    coder: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    aux: list[str] = field(default_factory=list)
    date: DateRange | None = None
    location: Place | None = None
    attribution: Attribution | None = None
    confidence: float = 0.5
    trigger: tuple[int, int] | None = None  # offsets of the event word(s)

    @property
    def asserted(self) -> bool:
        return not UNASSERTED_AUX.intersection(self.aux)

    @property
    def mentions(self) -> int:
        return len(self.evidence)


@dataclass(slots=True)
class Document:
    """An article with everything the stages found in it."""

    article: Article
    sentences: list[Sentence] | None = None
    mentions: list[Mention] | None = None
    times: list[TimeExpression] | None = None
    places: list[Place] | None = None
    quotes: list[Quote] | None = None
    event_mentions: list[Event] | None = None  # one per evidence sentence, before clustering
    events: list[Event] | None = None
    relations: list[Relation] | None = None
    framing_terms: list[str] | None = None
    warnings: list[str] = field(default_factory=list)
    # The parsed spaCy Doc; kept out of serialisation, never leaves a worker.
    parsed: Any = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.article.text


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def actor_record(actor: Actor | None) -> dict | None:
    if actor is None:
        return None
    return {k: v for k, v in asdict(actor).items() if k not in ("start", "end")}


def event_record(event: Event) -> dict:
    """An event as the JSON output contract (../shared/eval/README.md, section 1) spells it."""
    first = event.evidence[0]
    return _plain({
        "source": actor_record(event.source),
        "target": actor_record(event.target),
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "aux": list(event.aux),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad": event.quad,
        "date": asdict(event.date) if event.date else None,
        "location": {k: v for k, v in asdict(event.location).items()
                     if k in ("name", "country", "lat", "lon")} if event.location else None,
        "attribution": asdict(event.attribution) if event.attribution else None,
        "evidence": asdict(first),
        "all_evidence": [asdict(e) for e in event.evidence],
        "mentions": event.mentions,
        "confidence": event.confidence,
        "coder": event.coder,
    })


def document_record(doc: Document) -> dict:
    """One JSON Lines record per document, as the output contract spells it."""
    article = doc.article
    return _plain({
        "doc_id": article.doc_id,
        "published": article.published,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "text": article.text,
        "events": [event_record(e) for e in doc.events or ()],
        "times": [asdict(t) for t in doc.times or ()],
        "places": [asdict(p) for p in doc.places or ()],
        "quotes": [{"start": q.start, "end": q.end, "text": q.text,
                    "speaker": actor_record(q.speaker)} for q in doc.quotes or ()],
        "relations": [{"a": actor_record(r.a), "b": actor_record(r.b), "type": r.type,
                       "evidence": asdict(r.evidence)} for r in doc.relations or ()],
        "framing_terms": list(doc.framing_terms or ()),
        "warnings": list(article.warnings) + list(doc.warnings),
    })
