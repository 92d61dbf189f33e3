"""Score the time-expression tagger against TIMEX3 gold (MEANTIME English).

The gold file is JSON Lines, one document a line: ``dct`` (publication date,
ISO or day-first ``DD-MM-YYYY``, may be null), ``text`` and ``timexes``
(``[{text, start, end, type, value, ...}]``).  The tagger is called with the
text and the publication date and returns ``TimeExpression`` records.

The rules:

* Span: a gold expression is found when an emitted span overlaps it; an
  emitted expression is right when it overlaps a gold span.
* Value: a gold expression is right when an emitted one overlaps it with the
  same value; an emitted one is right when it overlaps a gold one with the
  same value.  Gold expressions without a value, and emitted ones that only
  overlap such gold, are left out of the value scores.
* Per type: recall by the gold type, precision by the emitted type.
* Gold with no span (implicit, "empty" TIMEX3) is not scored.
* MEANTIME annotates only the first sentences of each article (headline,
  dateline and about four more), so emitted expressions after the last
  sentence that holds any annotation (event, entity or time) are not scored.

All figures are micro-averaged: counts are summed over documents.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..errors import EventwireError
from ..model import TimeExpression
from ..when import find_time_expressions

Tagger = Callable[[str, "dt.date | None"], list[TimeExpression]]
DEFAULT_GOLD = Path(__file__).resolve().parents[4] / "shared" / "data" / "meantime-en" / \
    "meantime_en.jsonl"
ALL = "ALL"


@dataclass
class Counts:
    """Hits and totals for one type: span and value, precision and recall sides."""

    gold: int = 0
    gold_found: int = 0
    emitted: int = 0
    emitted_right: int = 0
    gold_valued: int = 0
    gold_value_right: int = 0
    emitted_valued: int = 0
    emitted_value_right: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Scores:
    counts: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)  # gold not found or wrongly valued
    extras: list[dict] = field(default_factory=list)  # emitted with no gold

    def of(self, type_: str) -> Counts:
        return self.counts.setdefault(type_, Counts())


def parse_dct(value: str | None) -> dt.date | None:
    """``2008-03-06`` or day-first ``06-03-2008``; None when absent or unreadable."""
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def annotated_extent(record: dict) -> int:
    """The end of the last sentence holding any annotation: the scored part of the text."""
    ends = [item["end"] for kind in ("timexes", "events", "entities")
            for item in record.get(kind) or () if item.get("end") is not None]
    if not ends:
        return len(record["text"])
    last = max(ends)
    for start, end in record.get("sentences") or ():
        if start <= last - 1 < end:
            return end
    newline = record["text"].find("\n", last)
    return len(record["text"]) if newline < 0 else newline


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _same_value(a: str, b: str) -> bool:
    return a.strip().upper() == b.strip().upper()


def score_document(record: dict, emitted: list[TimeExpression]) -> Scores:
    scores = Scores()
    gold = [g for g in record.get("timexes") or () if g.get("start") is not None
            and g.get("end") is not None and g["end"] > g["start"]]
    extent = annotated_extent(record)
    emitted = [e for e in emitted if e.start < extent]
    for g in gold:
        type_ = g.get("type") or "UNTYPED"
        hits = [e for e in emitted if _overlaps(e.start, e.end, g["start"], g["end"])]
        valued = bool(g.get("value"))
        value_right = valued and any(_same_value(e.value, g["value"]) for e in hits)
        for key in (type_, ALL):
            counts = scores.of(key)
            counts.gold += 1
            counts.gold_found += bool(hits)
            counts.gold_valued += valued
            counts.gold_value_right += value_right
        if not value_right:
            scores.misses.append({"doc_id": record.get("doc_id"), "text": g.get("text"),
                                  "type": type_, "gold": g.get("value"),
                                  "emitted": [e.value for e in hits]})
    for e in emitted:
        hits = [g for g in gold if _overlaps(e.start, e.end, g["start"], g["end"])]
        valued_hits = [g for g in hits if g.get("value")]
        scorable = bool(valued_hits) or not hits
        right = any(_same_value(e.value, g["value"]) for g in valued_hits)
        for key in (e.type, ALL):
            counts = scores.of(key)
            counts.emitted += 1
            counts.emitted_right += bool(hits)
            counts.emitted_valued += scorable
            counts.emitted_value_right += right
        if not hits:
            scores.extras.append({"doc_id": record.get("doc_id"), "text": e.text,
                                  "type": e.type, "value": e.value})
    return scores


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summarise(counts: Counts) -> dict:
    span_p = _ratio(counts.emitted_right, counts.emitted)
    span_r = _ratio(counts.gold_found, counts.gold)
    value_p = _ratio(counts.emitted_value_right, counts.emitted_valued)
    value_r = _ratio(counts.gold_value_right, counts.gold_valued)
    return {
        "gold": counts.gold, "emitted": counts.emitted,
        "span_precision": span_p, "span_recall": span_r, "span_f1": _f1(span_p, span_r),
        "value_precision": value_p, "value_recall": value_r, "value_f1": _f1(value_p, value_r),
    }


def score_times(records: Iterable[dict], tagger: Tagger = find_time_expressions) -> dict:
    """Span and value precision/recall/F1 over all documents, overall (``ALL``) and per type.

    Returns ``{"ALL": {...}, "DATE": {...}, ..., "misses": [...], "extras": [...]}``.
    """
    total = Scores()
    documents = 0
    for record in records:
        documents += 1
        emitted = tagger(record["text"], parse_dct(record.get("dct")))
        scores = score_document(record, emitted)
        for key, counts in scores.counts.items():
            total.of(key).add(counts)
        total.misses.extend(scores.misses)
        total.extras.extend(scores.extras)
    result: dict = {key: summarise(counts) for key, counts in sorted(total.counts.items())}
    result.setdefault(ALL, summarise(Counts()))
    result["documents"] = documents
    result["misses"] = total.misses
    result["extras"] = total.extras
    return result


def load_records(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.exists():
        raise EventwireError("E101", path=path)
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EventwireError("E401", path=path, reason=f"line {number}: {error.msg}") from None
        if "text" not in record or "timexes" not in record:
            raise EventwireError("E401", path=path, reason=f"line {number}: no text or timexes")
        records.append(record)
    return records


def format_table(result: dict) -> str:
    header = f"{'type':<10}{'gold':>6}{'emitted':>9}{'span P':>9}{'span R':>9}{'span F1':>9}" \
             f"{'value P':>9}{'value R':>9}{'value F1':>9}"
    lines = [header, "-" * len(header)]
    types = [k for k, v in result.items() if isinstance(v, dict) and k != ALL] + [ALL]
    for key in types:
        row = result[key]
        lines.append(f"{key:<10}{row['gold']:>6}{row['emitted']:>9}"
                     f"{row['span_precision']:>9.3f}{row['span_recall']:>9.3f}"
                     f"{row['span_f1']:>9.3f}"
                     f"{row['value_precision']:>9.3f}{row['value_recall']:>9.3f}"
                     f"{row['value_f1']:>9.3f}")
    return "\n".join(lines)


def main(path: str | Path = DEFAULT_GOLD) -> dict:
    """Score the tagger on a gold file and print the table; returns the result."""
    result = score_times(load_records(path))
    print(f"{result['documents']} documents, {path}")
    print(format_table(result))
    return result


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GOLD)
