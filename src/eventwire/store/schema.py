"""The database schema, declared once in code.

Each table is a tuple of ``Column``s; the DDL and the Arrow schema used to
bulk-insert rows are both generated from it, so they cannot drift apart.
Bump ``SCHEMA_VERSION`` whenever a table changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 1
APPLICATION = "eventwire"

# PLOVER/CAMEO quad classes, numbered as GDELT's QuadClass (1-4).
QUAD_CLASSES = {
    "verbal-cooperation": 1,
    "material-cooperation": 2,
    "verbal-conflict": 3,
    "material-conflict": 4,
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str
    arrow_type: pa.DataType
    constraint: str = ""


def quoted(name: str) -> str:
    """An identifier safe to place in SQL (some column names, e.g. ``end``, are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def _text(name: str, constraint: str = "") -> Column:
    return Column(name, "VARCHAR", pa.string(), constraint)


def _int(name: str) -> Column:
    return Column(name, "INTEGER", pa.int32())


def _double(name: str) -> Column:
    return Column(name, "DOUBLE", pa.float64())


def _list(name: str) -> Column:
    return Column(name, "VARCHAR[]", pa.list_(pa.string()))


def _json(name: str) -> Column:
    # Stored as DuckDB JSON; staged as text, which DuckDB casts on insert.
    return Column(name, "JSON", pa.string())


def _date(name: str) -> Column:
    return Column(name, "DATE", pa.date32())


def _actor_columns(prefix: str) -> tuple[Column, ...]:
    return tuple(_text(f"{prefix}_{part}") for part in ("text", "country", "sector", "actor_id", "reason"))


TABLES: dict[str, tuple[Column, ...]] = {
    "meta": (_text("key", "PRIMARY KEY"), _text("value")),
    "documents": (
        _text("doc_id", "PRIMARY KEY"),
        _text("content_hash", "NOT NULL UNIQUE"),
        _date("published"),
        _text("title"), _text("outlet"), _text("url"), _text("author"), _text("source_path"),
        _text("text", "NOT NULL"),
        _int("lead_end"),  # end offset of the first paragraph (GDELT's IsRootEvent)
        _list("warnings"),
        _list("framing_terms"),
        Column("coded_at", "TIMESTAMP", pa.timestamp("us")),
        _text("coder_version"),
    ),
    "actors": (
        _text("doc_id", "NOT NULL"), _text("actor_key", "NOT NULL"),
        _text("text"), _text("country"), _text("sector"), _text("actor_id"), _text("reason"),
        _int("mentions"),
    ),
    "events": (
        _text("event_id", "PRIMARY KEY"),
        _text("doc_id", "NOT NULL"),
        _int("ordinal"),
        *_actor_columns("source"),
        *_actor_columns("target"),
        _text("type", "NOT NULL"), _text("mode"), _list("context"), _list("aux"),
        Column("asserted", "BOOLEAN", pa.bool_()),
        _text("cameo"), _double("goldstein"), _text("quad"),
        Column("quad_class", "TINYINT", pa.int8()),
        _date("date_start"), _date("date_end"), _text("date_precision"), _text("date_basis"),
        _text("place_name"), _text("place_country"), _double("lat"), _double("lon"),
        Column("place_geonameid", "BIGINT", pa.int64()),
        _json("attribution"),
        _int("mentions"), _double("confidence"), _text("coder"),
        _int("trigger_start"), _int("trigger_end"),
    ),
    "evidence": (
        _text("event_id", "NOT NULL"), _text("doc_id", "NOT NULL"), _int("ordinal"),
        _int("start"), _int("end"), _text("sentence"),
    ),
    "times": (
        _text("doc_id", "NOT NULL"), _int("ordinal"),
        _int("start"), _int("end"), _text("text"), _text("type"), _text("value"),
    ),
    "places": (
        _text("doc_id", "NOT NULL"), _int("ordinal"),
        _text("name"), _text("country"), _double("lat"), _double("lon"),
        _int("start"), _int("end"), Column("geonameid", "BIGINT", pa.int64()), _text("kind"),
    ),
    "quotes": (
        _text("doc_id", "NOT NULL"), _int("ordinal"),
        _int("start"), _int("end"), _text("text"), _json("speaker"),
    ),
    "relations": (
        _text("doc_id", "NOT NULL"), _int("ordinal"),
        *_actor_columns("a"), *_actor_columns("b"),
        _text("type"), _json("evidence"),
    ),
}

# Tables holding one document's rows, in the order they are written.
DOCUMENT_TABLES = ("documents", "actors", "events", "evidence", "times", "places", "quotes", "relations")


def column_names(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c.name, c.arrow_type) for c in TABLES[table]])


def create_table_sql(table: str) -> str:
    columns = ",\n  ".join(
        f"{quoted(c.name)} {c.sql_type} {c.constraint}".rstrip() for c in TABLES[table]
    )
    extra = ",\n  PRIMARY KEY (doc_id, actor_key)" if table == "actors" else ""
    return f"CREATE TABLE IF NOT EXISTS {quoted(table)} (\n  {columns}{extra}\n)"


def quad_class(quad: str | int | None) -> int | None:
    """``"verbal-cooperation"`` (or ``"Verbal cooperation"``, ``1``, ``"1"``) -> 1; unknown -> None."""
    if quad is None:
        return None
    if isinstance(quad, int) or str(quad).strip().isdigit():
        number = int(quad)
        return number if 1 <= number <= 4 else None
    key = str(quad).strip().lower().replace("_", "-").replace(" ", "-")
    return QUAD_CLASSES.get(key)
