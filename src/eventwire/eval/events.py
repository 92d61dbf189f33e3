"""Score coded events against gold files: section 3 of ``../shared/eval/README.md``.

The rules, exactly as the README states them:

* Only *asserted* predictions are scored: an event whose ``aux`` holds
  ``negation`` or ``hypothetical`` is skipped (counted as ``unasserted``).
* A prediction's evidence sentence is ``evidence.sentence``, else
  ``text[start:end]``; sentence and anchors are normalised alike (NFKC, curly
  quotes and primes to straight quotes, whitespace folded, lower case).
* A prediction *matches* a gold entry when the sentence contains one of the
  entry's anchors, the entry's ``plover`` list holds the predicted type (or
  ``"*"``), and (source, target) countries equal the entry's (``"*"`` matches
  anything; either order when ``symmetric``; a null predicted target equals a
  null or absent gold target).
* Matching a required entry is a true positive; matching only ``optional``
  entries is ignored; anything else is a false positive, and also *forbidden*
  when it matches a ``must_not`` entry.
* precision = TP / (TP + FP); recall = required entries matched at least once /
  required entries; F1; dyad recall = recall with the type ignored.  All totals
  are micro-averaged: counts are summed over documents, then divided.

Clustered events.  Our coder may emit ``all_evidence``: every span of one
event that it clustered as mentions of the same real-world event.  Each span
is tried as that event's evidence sentence, so the event matches an entry
when *any* of its spans matches it.  The event still counts **once**: an
event with four spans that each match the same gold entry is one true
positive, not four (a coder that reports the four mentions as four separate
events gets four true positives, which the README allows).  For an event with
only ``evidence`` this is exactly the plain contract rule.

Sector accuracy: over true-positive predictions whose matched required
entries give a ``source_sector`` list; right when the predicted source sector
is in one of those lists (``""`` in the list accepts a null or empty sector).

Date accuracy: over true-positive predictions whose matched required entries
carry a date with at least one bounded side (see ``date_is_right``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ..datafiles import read_jsonl
from ..errors import EventwireError
from ..model import UNASSERTED_AUX

MAX_EXTRA_DAYS = 7
ENTRY_KINDS = ("events", "optional", "must_not")

# Curly quotes, primes and their look-alikes, mapped to straight quotes.
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2035": "'",
    "\u02bc": "'", "\u00b4": "'", "\u0060": "'", "\u2039": "'", "\u203a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u2036": '"',
    "\u00ab": '"', "\u00bb": '"', "\u301d": '"', "\u301e": '"',
})
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, straight quotes, folded whitespace, lower case.

    Quotes are straightened before NFKC too, because NFKC turns a double prime
    into two single primes, which would then no longer equal a ``"``.
    """
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES)).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().lower()


# ---------------------------------------------------------------- loading


def _gold_paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    return found


def _check_entry(entry: object, kind: str, index: int) -> str | None:
    """Why a gold entry is malformed, or None when it is fine."""
    where = f"{kind}[{index}]"
    if not isinstance(entry, dict):
        return f"{where} is not an object"
    anchors = entry.get("anchors")
    if not isinstance(anchors, list) or not anchors or not all(
            isinstance(a, str) and a.strip() for a in anchors):
        return f"{where} needs 'anchors': a non-empty list of non-empty strings"
    if not isinstance(entry.get("plover"), list) or not entry["plover"]:
        return f"{where} needs 'plover': a non-empty list of types"
    date = entry.get("date")
    if date is not None:
        if not isinstance(date, dict):
            return f"{where}: 'date' must be an object with start/end"
        for side in ("start", "end"):
            if date.get(side) is not None and _parse_date(date[side]) is None:
                return f"{where}: date {side} '{date[side]}' is not YYYY-MM-DD"
    return None


def _load_gold_file(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EventwireError("E401", path=path, reason=str(exc)) from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("doc_id"), str):
        raise EventwireError("E401", path=path, reason="no 'doc_id' string")
    if not isinstance(gold.get("events"), list):
        raise EventwireError("E401", path=path, reason="no 'events' list")
    for kind in ENTRY_KINDS:
        entries = gold.get(kind, [])
        if not isinstance(entries, list):
            raise EventwireError("E401", path=path, reason=f"'{kind}' is not a list")
        for index, entry in enumerate(entries):
            problem = _check_entry(entry, kind, index)
            if problem:
                raise EventwireError("E401", path=path, reason=problem)
    return gold


def load_gold(paths: str | Path | Iterable[str | Path]) -> list[dict]:
    """Read one or many gold files (a directory means its ``*.gold.json``).

    Raises ``EventwireError("E401")`` for a file that is not valid gold.
    """
    golds: list[dict] = []
    for path in _gold_paths(paths):
        gold = _load_gold_file(path)
        if any(g["doc_id"] == gold["doc_id"] for g in golds):
            raise EventwireError("E401", path=path, reason=f"doc_id '{gold['doc_id']}' repeats")
        golds.append(gold)
    return golds


def load_predictions(path: str | Path) -> dict[str, dict]:
    """Read the coder's JSON Lines output into ``{doc_id: record}``."""
    records: dict[str, dict] = {}
    for number, record in read_jsonl(path):
        problem = _prediction_problem(record, records)
        if problem:
            raise EventwireError("E106", path=path, line=number, reason=problem)
        records[record["doc_id"]] = record
    return records


def _prediction_problem(record: object, seen: Mapping[str, dict]) -> str | None:
    if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
        return "not an object with a 'doc_id' string"
    if record["doc_id"] in seen:
        return f"doc_id '{record['doc_id']}' repeats"
    if not isinstance(record.get("events", []), list):
        return "'events' is not a list"
    return None


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class GoldEntry:
    """One gold entry, with its anchors normalised once."""

    id: str
    kind: str  # events | optional | must_not
    anchors: tuple[str, ...]
    types: frozenset[str]
    source: str | None
    target: str | None
    symmetric: bool
    source_sector: tuple[str, ...] | None
    date: tuple[str | None, str | None] | None

    @classmethod
    def from_dict(cls, entry: dict, kind: str, index: int) -> GoldEntry:
        sectors = entry.get("source_sector")
        date = entry.get("date") or {}
        bounds = (date.get("start"), date.get("end"))
        return cls(
            id=str(entry.get("id") or f"{kind}[{index}]"),
            kind=kind,
            anchors=tuple(normalise_text(a) for a in entry["anchors"]),
            types=frozenset(str(t).upper() for t in entry["plover"]),
            source=_code(entry.get("source")),
            target=_code(entry.get("target")),
            symmetric=bool(entry.get("symmetric")),
            source_sector=tuple(s or "" for s in sectors) if isinstance(sectors, list) else None,
            date=bounds if bounds != (None, None) else None,
        )


@dataclass(frozen=True)
class Prediction:
    """What the scorer needs from one predicted event."""

    index: int
    type: str
    source: str | None
    target: str | None
    sector: str
    date: tuple[str | None, str | None]
    sentences: tuple[str, ...]  # normalised evidence sentences, one per span
    asserted: bool

    @classmethod
    def from_dict(cls, event: dict, text: str, index: int, *,
                  use_all_evidence: bool = True) -> Prediction:
        source = event.get("source") or {}
        target = event.get("target") or {}
        date = event.get("date") or {}
        aux = {str(a).lower() for a in event.get("aux") or ()}
        return cls(
            index=index,
            type=str(event.get("type") or "").upper(),
            source=_code(source.get("country")),
            target=_code(target.get("country")),
            sector=source.get("sector") or "",
            date=(date.get("start"), date.get("end")),
            sentences=tuple(normalise_text(s) for s in evidence_sentences(
                event if use_all_evidence else {"evidence": event.get("evidence")}, text)),
            asserted=not aux & UNASSERTED_AUX,
        )


def _code(value: object) -> str | None:
    """An upper-case country code, or None for a null or empty one."""
    if value is None:
        return None
    return str(value).strip().upper() or None


def evidence_sentences(event: dict, text: str) -> list[str]:
    """The event's evidence sentences: ``evidence`` first, then ``all_evidence``.

    Each span gives ``sentence`` when it is a non-empty string, else
    ``text[start:end]``.  Repeated spans are kept once.
    """
    spans = [event.get("evidence")] + list(event.get("all_evidence") or ())
    sentences: list[str] = []
    for span in spans:
        sentence = _span_sentence(span, text)
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return sentences


def _span_sentence(span: object, text: str) -> str | None:
    if not isinstance(span, dict):
        return None
    if isinstance(span.get("sentence"), str) and span["sentence"].strip():
        return span["sentence"]
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    return None


def has_anchor(entry: GoldEntry, prediction: Prediction) -> bool:
    return any(a in s for s in prediction.sentences for a in entry.anchors)


def type_matches(entry: GoldEntry, prediction: Prediction) -> bool:
    return "*" in entry.types or prediction.type in entry.types


def actors_match(entry: GoldEntry, prediction: Prediction) -> bool:
    def same(gold: str | None, predicted: str | None) -> bool:
        return gold == "*" or gold == predicted

    forward = same(entry.source, prediction.source) and same(entry.target, prediction.target)
    backward = same(entry.source, prediction.target) and same(entry.target, prediction.source)
    return forward or (entry.symmetric and backward)


def matches(entry: GoldEntry, prediction: Prediction, *, ignore_type: bool = False) -> bool:
    return (has_anchor(entry, prediction) and actors_match(entry, prediction)
            and (ignore_type or type_matches(entry, prediction)))


def sector_is_right(predicted: str | None, accepted: Iterable[str]) -> bool:
    """``""`` in the gold list accepts a null or empty predicted sector."""
    return (predicted or "").upper() in {s.upper() for s in accepted}


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_is_right(predicted: tuple[object, object], gold: tuple[object, object]) -> bool:
    """The predicted range overlaps the gold range and is at most 7 days wider.

    Ranges are inclusive; a null (or unreadable) side is unbounded.

    * A predicted side that is null where the gold side is bounded makes the
      prediction infinitely wide: wrong.
    * A gold range with a null side is infinitely wide, so any (bounded on the
      gold's bounded sides) prediction that overlaps it is right.
    * Both ranges bounded: right when overlapping and
      ``(p_end - p_start) - (g_end - g_start) <= 7`` days.
    """
    p_start, p_end = (_parse_date(v) for v in predicted)
    g_start, g_end = (_parse_date(v) for v in gold)
    if (g_start and not p_start) or (g_end and not p_end):
        return False
    if (p_start and g_end and p_start > g_end) or (g_start and p_end and g_start > p_end):
        return False
    if p_start and p_end and p_start > p_end:
        return False
    if g_start is None or g_end is None:
        return True
    extra = (p_end - p_start) - (g_end - g_start)
    return extra <= dt.timedelta(days=MAX_EXTRA_DAYS)


# ---------------------------------------------------------------- scoring


@dataclass(kw_only=True)
class Counts:
    """The counts section 3 of the scoring rules defines, and the errors behind them."""

    required: int = 0
    predicted: int = 0  # asserted predictions
    unasserted: int = 0
    tp: int = 0
    fp: int = 0
    forbidden: int = 0
    ignored: int = 0  # matched only optional entries
    matched_required: int = 0
    dyad_matched: int = 0
    sector_right: int = 0
    sector_total: int = 0
    date_right: int = 0
    date_total: int = 0
    false_positives: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)


COUNT_FIELDS = ("required", "predicted", "unasserted", "tp", "fp", "forbidden", "ignored",
                "matched_required", "dyad_matched", "sector_right", "sector_total",
                "date_right", "date_total")


@dataclass(kw_only=True)
class DocumentScores(Counts):
    doc_id: str


@dataclass(kw_only=True)
class Scores(Counts):
    """Micro-averaged totals, per-document counts and the errors to debug."""

    documents: list[DocumentScores]
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    dyad_recall: float = 0.0
    sector_accuracy: float = 0.0
    date_accuracy: float = 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def gold_entries(gold: dict) -> list[GoldEntry]:
    return [GoldEntry.from_dict(entry, kind, index)
            for kind in ENTRY_KINDS for index, entry in enumerate(gold.get(kind) or ())]


def score_document(gold: dict, prediction: dict | None, *,
                   use_all_evidence: bool = True) -> DocumentScores:
    """Score one document; ``prediction`` None means the coder emitted nothing."""
    prediction = prediction or {}
    text = prediction.get("text") or ""
    entries = gold_entries(gold)
    required = [e for e in entries if e.kind == "events"]
    result = DocumentScores(doc_id=gold["doc_id"], required=len(required))
    predictions = [Prediction.from_dict(event, text, index, use_all_evidence=use_all_evidence)
                   for index, event in enumerate(prediction.get("events") or ())
                   if isinstance(event, dict)]
    asserted = [p for p in predictions if p.asserted]
    result.predicted, result.unasserted = len(asserted), len(predictions) - len(asserted)
    for pred in asserted:
        _score_prediction(pred, entries, result)
    recalled = [any(matches(e, p) for p in asserted) for e in required]
    dyads = [any(matches(e, p, ignore_type=True) for p in asserted) for e in required]
    result.matched_required, result.dyad_matched = sum(recalled), sum(dyads)
    result.missed = [{"doc_id": result.doc_id, "gold": e.id,
                      "reason": _why_missed(e, predictions)}
                     for e, found in zip(required, recalled) if not found]
    return result


def _score_prediction(pred: Prediction, entries: list[GoldEntry], result: DocumentScores) -> None:
    matched = [e for e in entries if matches(e, pred)]
    hits = [e for e in matched if e.kind == "events"]
    if hits:
        result.tp += 1
        _score_attributes(pred, hits, result)
    elif any(e.kind == "optional" for e in matched):
        result.ignored += 1
    else:
        forbidden = [e.id for e in matched if e.kind == "must_not"]
        result.fp += 1
        result.forbidden += bool(forbidden)
        result.false_positives.append({
            "doc_id": result.doc_id, "event": pred.index, "type": pred.type,
            "source": pred.source, "target": pred.target,
            "sentence": pred.sentences[0] if pred.sentences else None,
            "forbidden": forbidden, "reason": _why_false(pred, entries, forbidden)})


def _score_attributes(pred: Prediction, hits: list[GoldEntry], result: DocumentScores) -> None:
    """Sector and date of a true positive, against the required entries it matched."""
    sector_lists = [e.source_sector for e in hits if e.source_sector is not None]
    if sector_lists:
        result.sector_total += 1
        result.sector_right += any(sector_is_right(pred.sector, s) for s in sector_lists)
    dates = [e.date for e in hits if e.date is not None]
    if dates:
        result.date_total += 1
        result.date_right += any(date_is_right(pred.date, d) for d in dates)


def _dyad(source: str | None, target: str | None) -> str:
    return f"{source or '-'}->{target or '-'}"


def _why_false(pred: Prediction, entries: list[GoldEntry], forbidden: list[str]) -> str:
    if forbidden:
        return "matches must_not " + ", ".join(forbidden)
    if not pred.sentences:
        return "no evidence sentence"
    anchored = [e for e in entries if has_anchor(e, pred)]
    if not anchored:
        return "no gold anchor in its evidence sentence"
    return "; ".join(_mismatch(e, pred) for e in anchored)


def _problems(entry: GoldEntry, pred: Prediction) -> str:
    problems = []
    if not type_matches(entry, pred):
        problems.append(f"type {pred.type} not in {sorted(entry.types)}")
    if not actors_match(entry, pred):
        problems.append(f"actors {_dyad(pred.source, pred.target)}, gold "
                        f"{_dyad(entry.source, entry.target)}"
                        + (" (symmetric)" if entry.symmetric else ""))
    return ", ".join(problems)


def _mismatch(entry: GoldEntry, pred: Prediction) -> str:
    return f"anchor of {entry.kind} '{entry.id}': {_problems(entry, pred)}"


def _why_missed(entry: GoldEntry, predictions: list[Prediction]) -> str:
    anchored = [p for p in predictions if has_anchor(entry, p)]
    if not anchored:
        return "no prediction has its anchor in the evidence sentence"
    asserted = [p for p in anchored if p.asserted]
    if not asserted:
        return "predicted only as negation/hypothetical"
    return "; ".join(f"event {p.index}: {_problems(entry, p)}" for p in asserted)


def score(gold_docs: Iterable[dict], predictions: Mapping[str, dict], *,
          require_all: bool = True, use_all_evidence: bool = True) -> Scores:
    """Score predictions ``{doc_id: record}`` against gold documents, micro-averaged.

    A gold document without a prediction record raises ``E402`` unless
    ``require_all`` is False, when it is scored as a document with no events.
    Prediction records for documents that have no gold are not scored.
    ``use_all_evidence=False`` reads only ``evidence`` (the bare contract, as an
    independent scorer that ignores ``all_evidence`` would).
    """
    documents = []
    for gold in gold_docs:
        record = predictions.get(gold["doc_id"])
        if record is None and require_all:
            raise EventwireError("E402", path="predictions", doc_id=gold["doc_id"])
        documents.append(score_document(gold, record, use_all_evidence=use_all_evidence))
    return _totals(documents)


def _totals(documents: list[DocumentScores]) -> Scores:
    scores = Scores(documents=documents)
    for name in COUNT_FIELDS:
        setattr(scores, name, sum(getattr(d, name) for d in documents))
    scores.precision = _ratio(scores.tp, scores.tp + scores.fp)
    scores.recall = _ratio(scores.matched_required, scores.required)
    scores.f1 = _ratio(2 * scores.precision * scores.recall, scores.precision + scores.recall)
    scores.dyad_recall = _ratio(scores.dyad_matched, scores.required)
    scores.sector_accuracy = _ratio(scores.sector_right, scores.sector_total)
    scores.date_accuracy = _ratio(scores.date_right, scores.date_total)
    scores.false_positives = [fp for d in documents for fp in d.false_positives]
    scores.missed = [m for d in documents for m in d.missed]
    return scores


def scores_as_dict(scores: Scores) -> dict:
    """Plain JSON-ready dict (the ``.json`` twin of ``format_scores``)."""
    return asdict(scores)


# ---------------------------------------------------------------- report


def _line(label: str, counts: str, value: float | None) -> str:
    shown = "n/a" if value is None else f"{value:.3f}"
    return f"  {label:<16}{counts:<24}{shown:>7}"


def format_scores(scores: Scores) -> str:
    """A readable table for the terminal."""
    s = scores
    lines = [
        f"{len(s.documents)} document(s), {s.required} required gold events, "
        f"{s.predicted} asserted predictions ({s.unasserted} unasserted skipped)",
        _line("precision", f"tp {s.tp} / (tp+fp) {s.tp + s.fp}", s.precision),
        _line("recall", f"{s.matched_required} / {s.required}", s.recall),
        _line("F1", "", s.f1),
        _line("dyad recall", f"{s.dyad_matched} / {s.required}", s.dyad_recall),
        _line("sector accuracy", f"{s.sector_right} / {s.sector_total}",
              s.sector_accuracy if s.sector_total else None),
        _line("date accuracy", f"{s.date_right} / {s.date_total}",
              s.date_accuracy if s.date_total else None),
        f"  false positives {s.fp} (forbidden {s.forbidden}); optional matches ignored {s.ignored}",
    ]
    if len(s.documents) > 1:
        lines += ["", f"  {'document':<32}{'tp':>4}{'fp':>4}{'forb':>5}{'recall':>10}"]
        lines += [f"  {d.doc_id[:31]:<32}{d.tp:>4}{d.fp:>4}{d.forbidden:>5}"
                  f"{d.matched_required:>5}/{d.required:<4}" for d in s.documents]
    if s.false_positives:
        lines += ["", "false positives:"]
        lines += [f"  {fp['doc_id']} #{fp['event']} {fp['type']} "
                  f"{_dyad(fp['source'], fp['target'])}: {fp['reason']}"
                  f"\n      \"{_clip(fp['sentence'])}\"" for fp in s.false_positives]
    if s.missed:
        lines += ["", "missed gold events:"]
        lines += [f"  {m['doc_id']} {m['gold']}: {m['reason']}" for m in s.missed]
    return "\n".join(lines)


def _clip(text: str | None, width: int = 100) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 3] + "..."
