"""GDELT 2.0 Event table: 61 tab-separated columns, no header, as GDELT ships it.

Which columns eventwire fills, and how, is listed in ``GDELT_COLUMNS.md``
beside this file; the rest are left empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, Iterator

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The official order of the GDELT 2.0 Event Codebook.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)


def write_gdelt(store: Any, out_path: Path, header: bool = False, **filters: Any) -> int:
    """Write the events ``store.events(**filters)`` selects; returns the row count."""
    count = 0
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    with Path(out_path).open("w", encoding="utf-8", newline="\n") as out:
        if header:
            out.write("\t".join(GDELT_COLUMNS) + "\n")
        for event in _event_rows(store, filters):
            out.write("\t".join(_cell(v) for v in gdelt_row(event)) + "\n")
            count += 1
    return count


def _event_rows(store: Any, filters: dict[str, Any]) -> Iterator[dict]:
    for batch in store.events(arrow=True, **filters).to_batches():
        yield from batch.to_pylist()


def gdelt_row(event: dict) -> list[Any]:
    """One ``store.events()`` row as the 61 GDELT values, in ``GDELT_COLUMNS`` order."""
    day = event["date_start"] or event["published"]
    cameo = event["cameo"] or ""
    values: dict[str, Any] = {
        "GlobalEventID": global_event_id(event["event_id"]),
        "Day": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": fraction_date(day) if day else None,
        **_actor(1, event, "source"),
        **_actor(2, event, "target"),
        "IsRootEvent": int(bool(event["in_lead"])),
        "EventCode": cameo or None,
        "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None,
        "QuadClass": event["quad_class"],
        "GoldsteinScale": event["goldstein"],
        "NumMentions": event["mentions"],
        "NumSources": 1,  # every stored event comes from one article of one outlet
        "NumArticles": 1,
        "ActionGeo_FullName": event["place_name"],
        "ActionGeo_CountryCode": event["place_country"],
        "ActionGeo_Lat": event["lat"],
        "ActionGeo_Long": event["lon"],
        "ActionGeo_FeatureID": event["place_geonameid"],
        "DATEADDED": event["coded_at"].strftime("%Y%m%d%H%M%S") if event["coded_at"] else None,
        "SOURCEURL": event["url"] or event["doc_id"],
    }
    return [values.get(name) for name in GDELT_COLUMNS]


def _actor(number: int, event: dict, role: str) -> dict[str, Any]:
    country, sector = event[f"{role}_country"], event[f"{role}_sector"]
    code = (country or "") + (sector or "")
    return {
        f"Actor{number}Code": code or None,
        f"Actor{number}Name": event[f"{role}_text"],
        f"Actor{number}CountryCode": country,
        f"Actor{number}Type1Code": sector,
    }


def global_event_id(event_id: str) -> int:
    """A stable positive integer below 2**60 (fits GDELT's INTEGER/BIGINT column)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def fraction_date(day: dt.date) -> float:
    """GDELT's YYYY.FFFF, with FFFF = (MONTH * 30 + DAY) / 365 as the codebook defines it."""
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


def _cell(value: Any) -> str:
    """A field GDELT-style: empty for unknown, no tabs or newlines inside."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 4)) if abs(value) < 1e15 else repr(value)
    text = str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
