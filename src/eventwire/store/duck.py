"""The DuckDB store: the only module with SQL.

Every user-supplied value reaches DuckDB as a bound parameter; identifiers
(table, column, ``order_by``, ``by``) come only from the whitelists in this
file and ``schema.py``.  DuckDB 2.x needs a result fully fetched before the
next statement on the same connection, so every helper fetches at once.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

import duckdb
import pyarrow as pa

from .. import __version__
from ..errors import EventwireError
from ..model import Document
from . import rows as R
from .schema import (
    APPLICATION, DOCUMENT_TABLES, SCHEMA_VERSION, TABLES, arrow_schema, column_names,
    create_table_sql, quad_class, quoted,
)

# pandas is imported only where a query builds a DataFrame: a coding run only writes, and the
# import adds 15 MiB (next to spaCy, which loads numpy) to 40 MiB to a process that opens a store.
if TYPE_CHECKING:
    import pandas as pd

MEMORY = ":memory:"
DUCKDB_MAGIC = b"DUCK"  # bytes 8-12 of every DuckDB database file
ROLES = ("any", "source", "target")
PERIODS = ("day", "week", "month", "quarter", "year")
# order_by name -> SQL expression; a leading "-" sorts descending.
EVENT_ORDER = {
    "date": "event_date", "published": "d.published", "goldstein": "e.goldstein",
    "confidence": "e.confidence", "mentions": "e.mentions", "type": "e.type", "doc_id": "e.doc_id",
}
DOCUMENT_ORDER = {"published": "d.published", "doc_id": "d.doc_id", "coded_at": "d.coded_at", "title": "d.title"}
LOAD_CHUNK = 500  # documents fetched per round trip by load_documents
# Up to this many rows go in as one INSERT ... VALUES; more are staged through Arrow,
# which has a higher fixed cost but scales far better (measured crossover ~10-20 rows).
SMALL_INSERT_ROWS = 10

EVENT_SELECT = """
SELECT e.event_id, e.doc_id, d.published, d.title, d.outlet, d.url,
       e.source_text, e.source_country, e.source_sector, e.source_actor_id, e.source_reason,
       e.target_text, e.target_country, e.target_sector, e.target_actor_id, e.target_reason,
       e.type, e.mode, e.context, e.aux, e.asserted, e.cameo, e.goldstein, e.quad, e.quad_class,
       coalesce(e.date_start, d.published) AS event_date,
       e.date_start, e.date_end, e.date_precision, e.date_basis,
       e.place_name, e.place_country, e.lat, e.lon, e.place_geonameid,
       e.attribution, e.mentions, e.confidence, e.coder, e.trigger_start, e.trigger_end,
       v.sentence AS evidence_sentence, v."start" AS evidence_start, v."end" AS evidence_end,
       coalesce(v."start" < d.lead_end, false) AS in_lead, d.coded_at
FROM events e
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN evidence v ON v.event_id = e.event_id AND v.ordinal = 0
"""


@dataclass
class _Filter:
    """WHERE clauses with their named parameters, built from user filters."""

    clauses: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def where(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


class Store:
    """An eventwire DuckDB database: ``with Store("events.duckdb") as store: ...``."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        if self.path != MEMORY:
            _check_file(Path(self.path), read_only)
            if Path(self.path).exists() and not read_only:
                _probe_read_only(self.path)  # judge an existing file before opening it for writing
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._con = _connect(self.path, read_only)
        try:
            if _needs_schema(self._con, self.path, read_only):
                self._create_schema()
        except BaseException:
            self._con.close()
            raise

    # ------------------------------------------------------------ lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def _create_schema(self) -> None:
        with self._transaction():
            for table in TABLES:
                self._con.execute(create_table_sql(table))
            self._con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('application', $app), ('schema_version', $version), "
                "('created_with', $created)",
                {"app": APPLICATION, "version": str(SCHEMA_VERSION), "created": __version__},
            )

    # ------------------------------------------------------------ transactions

    def _transaction(self) -> _Transaction:
        return _Transaction(self._con, self._lock)

    # ------------------------------------------------------------ writing

    def has_document(self, content_hash: str) -> bool:
        rows = self._fetchall("SELECT 1 FROM documents WHERE content_hash = $h LIMIT 1", {"h": content_hash})
        return bool(rows)

    def known_hashes(self) -> set[str]:
        return {row[0] for row in self._fetchall("SELECT content_hash FROM documents", {})}

    def add_document(self, doc: Document, coder_version: str = __version__) -> bool:
        """Write one document and all its rows in one transaction; False if already stored."""
        return self._write_batch([doc], coder_version) == 1

    def add_documents(self, docs: Iterable[Document], batch_size: int = 200,
                      coder_version: str = __version__) -> int:
        """Write documents, ``batch_size`` per transaction; returns how many were new.

        Each batch is all-or-nothing: if a write fails, that batch is rolled
        back and the error raised; earlier batches stay committed.
        """
        written = 0
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                written += self._write_batch(batch, coder_version)
                batch = []
        if batch:
            written += self._write_batch(batch, coder_version)
        return written

    def _write_batch(self, docs: Sequence[Document], coder_version: str) -> int:
        coded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self._transaction():
            new_docs = self._new_documents(docs)
            tables: dict[str, list[dict]] = {t: [] for t in DOCUMENT_TABLES}
            for doc in new_docs:
                for table, rows in R.document_rows(doc, coded_at, coder_version).items():
                    tables[table].extend(rows)
            for table in DOCUMENT_TABLES:
                self._insert_rows(table, tables[table])
        return len(new_docs)

    def _new_documents(self, docs: Sequence[Document]) -> list[Document]:
        """Drop documents already stored (or repeated in the batch); refuse a doc_id reused for other text."""
        hashes = [d.article.content_hash for d in docs]
        ids = [d.article.doc_id for d in docs]
        stored = self._fetchall(
            "SELECT doc_id, content_hash FROM documents "
            "WHERE content_hash IN (SELECT unnest($hashes::VARCHAR[])) OR doc_id IN (SELECT unnest($ids::VARCHAR[]))",
            {"hashes": hashes, "ids": ids},
        )
        seen_hashes = {h for _, h in stored}
        hash_of_id = {doc_id: h for doc_id, h in stored}
        new = []
        for doc, content_hash, doc_id in zip(docs, hashes, ids):
            if content_hash in seen_hashes:
                continue
            if doc_id in hash_of_id:
                raise ValueError(f"{self.path}: doc_id {doc_id!r} is already stored with a different text")
            seen_hashes.add(content_hash)
            hash_of_id[doc_id] = content_hash
            new.append(doc)
        return new

    def _insert_rows(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        names = column_names(table)
        columns = ", ".join(quoted(c) for c in names)
        if len(rows) <= SMALL_INSERT_ROWS:
            placeholders = ", ".join(["(" + ", ".join("?" * len(names)) + ")"] * len(rows))
            values = [row[name] for row in rows for name in names]
            self._con.execute(f"INSERT INTO {quoted(table)} ({columns}) VALUES {placeholders}", values)
            return
        staged = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        self._con.register("_eventwire_staging", staged)
        try:
            self._con.execute(f"INSERT INTO {quoted(table)} ({columns}) SELECT {columns} FROM _eventwire_staging")
        finally:
            self._con.unregister("_eventwire_staging")

    # ------------------------------------------------------------ queries

    def events(self, actor: str | None = None, country: str | None = None, role: str = "any",
               type: str | Sequence[str] | None = None, quad: str | int | Sequence[str | int] | None = None,
               since: dt.date | str | None = None, until: dt.date | str | None = None,
               text: str | None = None, asserted_only: bool = True, doc_id: str | None = None,
               limit: int | None = None, offset: int = 0, order_by: str = "date",
               arrow: bool = False) -> pd.DataFrame | pa.Table:
        """Events with their document and first evidence sentence, filtered.

        ``actor`` matches a country code or actor_id exactly, or the actor's
        text as a substring, all case-insensitively; ``role`` says whether
        the match is on the source, the target or either.  ``since``/``until``
        keep events whose date range (else publication date) overlaps them.
        """
        where = _event_filter(actor=actor, country=country, role=role, type=type, quad=quad, since=since,
                              until=until, text=text, asserted_only=asserted_only, doc_id=doc_id)
        paging, params = _paging(limit, offset)
        sql = f"{EVENT_SELECT} {where.where()} ORDER BY {_order(order_by, EVENT_ORDER)}, e.doc_id, e.ordinal {paging}"
        return self._query(sql, {**where.params, **params}, arrow)

    def events_arrow(self, **filters: Any) -> pa.Table:
        return self.events(**filters, arrow=True)

    def evidence(self, arrow: bool = False, **filters: Any) -> pd.DataFrame | pa.Table:
        """Every evidence span of the events that ``events(**filters)`` selects (without paging)."""
        where = _event_filter(**filters)
        sql = f"""
            SELECT v.event_id, v.doc_id, d.published, v.ordinal, v."start", v."end", v.sentence
            FROM evidence v JOIN events e ON e.event_id = v.event_id JOIN documents d ON d.doc_id = e.doc_id
            {where.where()} ORDER BY v.doc_id, e.ordinal, v.ordinal"""
        return self._query(sql, where.params, arrow)

    def documents(self, limit: int | None = None, offset: int = 0, order_by: str = "published",
                  arrow: bool = False) -> pd.DataFrame | pa.Table:
        """Stored documents (without their text) with event counts."""
        paging, params = _paging(limit, offset)
        sql = f"""
            SELECT d.doc_id, d.content_hash, d.published, d.title, d.outlet, d.url, d.author,
                   d.source_path, d.coded_at, d.coder_version, length(d.text) AS n_chars,
                   (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS n_events,
                   (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id AND e.asserted) AS n_asserted
            FROM documents d ORDER BY {_order(order_by, DOCUMENT_ORDER)}, d.doc_id {paging}"""
        return self._query(sql, params, arrow)

    def documents_arrow(self, **options: Any) -> pa.Table:
        return self.documents(**options, arrow=True)

    def document(self, doc_id: str) -> dict | None:
        """One document for display: its text, events with evidence and ids, times, places, quotes, actors."""
        for record in self._records([doc_id], extended=True):
            return record
        return None

    def dyad(self, a: str, b: str, by: str = "month", since: dt.date | str | None = None,
             until: dt.date | str | None = None, asserted_only: bool = True,
             arrow: bool = False) -> pd.DataFrame | pa.Table:
        """Events between ``a`` and ``b`` (country codes or actor_ids) per period, both directions.

        One row per (period, direction): event count, one count per quad
        class and the Goldstein sum; ``direction`` reads ``"A->B"``.
        """
        if by not in PERIODS:
            raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
        where = _event_filter(since=since, until=until, asserted_only=asserted_only)
        a_to_b = f"{_is('e.source', 'a')} AND {_is('e.target', 'b')}"
        b_to_a = f"{_is('e.source', 'b')} AND {_is('e.target', 'a')}"
        where.add(f"(({a_to_b}) OR ({b_to_a}))", a=a, b=b)
        sql = f"""
            SELECT CAST(date_trunc($by, coalesce(e.date_start, d.published)) AS DATE) AS period,
                   CASE WHEN {a_to_b} THEN $a_label ELSE $b_label END AS direction,
                   count(*) AS n_events,
                   count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
                   coalesce(sum(e.goldstein), 0) AS goldstein_sum
            FROM events e JOIN documents d ON d.doc_id = e.doc_id
            {where.where()}
            GROUP BY ALL ORDER BY period NULLS LAST, direction"""
        params = {**where.params, "by": by, "a_label": f"{a.upper()}->{b.upper()}",
                  "b_label": f"{b.upper()}->{a.upper()}"}
        return self._query(sql, params, arrow)

    def network(self, since: dt.date | str | None = None, until: dt.date | str | None = None,
                arrow: bool = False, **filters: Any) -> pd.DataFrame | pa.Table:
        """Country-to-country edges: event count, cooperation (quad 1-2), conflict (3-4), Goldstein sum."""
        where = _event_filter(since=since, until=until, **filters)
        where.add("e.source_country IS NOT NULL AND e.target_country IS NOT NULL")
        sql = f"""
            SELECT e.source_country, e.target_country, count(*) AS n_events,
                   count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
                   coalesce(sum(e.goldstein), 0) AS goldstein_sum
            FROM events e JOIN documents d ON d.doc_id = e.doc_id
            {where.where()}
            GROUP BY ALL ORDER BY n_events DESC, e.source_country, e.target_country"""
        return self._query(sql, where.params, arrow)

    def ties(self, since: dt.date | str | None = None, until: dt.date | str | None = None,
             **filters: Any) -> pd.DataFrame:
        """Undirected country-to-country ties (``a < b``), both directions summed, self-ties left out."""
        where = _event_filter(since=since, until=until, **filters)
        where.add("e.source_country IS NOT NULL AND e.target_country IS NOT NULL "
                  "AND e.source_country <> e.target_country")
        sql = f"""
            SELECT least(e.source_country, e.target_country) AS a,
                   greatest(e.source_country, e.target_country) AS b,
                   count(*) AS n_events,
                   count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
                   coalesce(sum(e.goldstein), 0) AS goldstein_sum
            FROM events e JOIN documents d ON d.doc_id = e.doc_id
            {where.where()}
            GROUP BY ALL ORDER BY n_events DESC, a, b"""
        return self._query(sql, where.params, arrow=False)

    def common_partners(self, a: str, b: str, **filters: Any) -> pd.DataFrame:
        """Countries tied to both ``a`` and ``b``, with cooperation and conflict towards each.

        ``score`` is the weaker of the two cooperation counts: a partner
        that cooperates with both sides is a candidate mediator.
        """
        ties = _tie_index(self.ties(**filters))
        a, b = a.upper(), b.upper()
        rows = []
        for partner in sorted(set(ties.get(a, {})) & set(ties.get(b, {})) - {a, b}):
            with_a, with_b = ties[a][partner], ties[b][partner]
            rows.append({"partner": partner,
                         "cooperation_a": with_a["cooperation"], "conflict_a": with_a["conflict"],
                         "goldstein_a": with_a["goldstein_sum"],
                         "cooperation_b": with_b["cooperation"], "conflict_b": with_b["conflict"],
                         "goldstein_b": with_b["goldstein_sum"],
                         "score": min(with_a["cooperation"], with_b["cooperation"])})
        columns = ["partner", "cooperation_a", "conflict_a", "goldstein_a", "cooperation_b", "conflict_b",
                   "goldstein_b", "score"]
        import pandas as pd

        frame = pd.DataFrame(rows, columns=columns)
        return frame.sort_values(["score", "partner"], ascending=[False, True], ignore_index=True)

    def cooperation_paths(self, a: str, b: str, max_hops: int = 3, limit: int = 10,
                          **filters: Any) -> pd.DataFrame:
        """The strongest paths from ``a`` to ``b`` over mainly cooperative ties (who could mediate).

        A tie is usable when it has more cooperation than conflict; a path's
        ``strength`` is the cooperation count of its weakest tie.
        """
        ties = _tie_index(self.ties(**filters))
        usable = {x: {y: t for y, t in partners.items() if t["cooperation"] > t["conflict"]}
                  for x, partners in ties.items()}
        rows = []
        for path in _simple_paths(usable, a.upper(), b.upper(), max_hops):
            links = [usable[x][y] for x, y in zip(path, path[1:])]
            rows.append({"path": " > ".join(path), "via": ", ".join(path[1:-1]), "hops": len(links),
                         "strength": min(t["cooperation"] for t in links),
                         "cooperation": sum(t["cooperation"] for t in links),
                         "goldstein_sum": sum(t["goldstein_sum"] for t in links)})
        import pandas as pd

        frame = pd.DataFrame(rows, columns=["path", "via", "hops", "strength", "cooperation", "goldstein_sum"])
        frame = frame.sort_values(["strength", "goldstein_sum", "hops", "path"],
                                  ascending=[False, False, True, True], ignore_index=True)
        return frame.head(limit)

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, and the span of publication dates."""
        sql = """
            SELECT (SELECT count(*) FROM documents) AS documents,
                   (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM events WHERE asserted) AS asserted_events,
                   (SELECT count(*) FROM evidence) AS evidence,
                   (SELECT count(*) FROM actors) AS actors,
                   (SELECT count(DISTINCT actor_key) FROM actors) AS distinct_actors,
                   (SELECT count(*) FROM times) AS times,
                   (SELECT count(*) FROM places) AS places,
                   (SELECT count(*) FROM quotes) AS quotes,
                   (SELECT count(*) FROM relations) AS relations,
                   (SELECT min(published) FROM documents) AS first_published,
                   (SELECT max(published) FROM documents) AS last_published"""
        with self._lock:
            result = self._con.sql(sql)
            names, values = result.columns, result.fetchall()[0]
        stats = dict(zip(names, values))
        stats["schema_version"] = SCHEMA_VERSION
        return stats

    # ------------------------------------------------------------ round trip

    def load_documents(self, doc_ids: Iterable[str] | None = None) -> Iterator[dict]:
        """Stored documents as output-contract records (``model.document_record``)."""
        if doc_ids is None:
            doc_ids = [row[0] for row in self._fetchall("SELECT doc_id FROM documents ORDER BY doc_id", {})]
        return self._records(list(doc_ids), extended=False)

    def _records(self, doc_ids: list[str], extended: bool) -> Iterator[dict]:
        for start in range(0, len(doc_ids), LOAD_CHUNK):
            chunk = doc_ids[start:start + LOAD_CHUNK]
            tables = {table: self._rows_of(table, chunk) for table in DOCUMENT_TABLES}
            documents = {row["doc_id"]: row for row in tables.pop("documents")}
            grouped = {table: R.group_by_doc(rows) for table, rows in tables.items()}
            for doc_id in chunk:
                if doc_id in documents:
                    own = {table: grouped[table].get(doc_id, []) for table in grouped}
                    yield R.document_record_from_rows(documents[doc_id], own, extended=extended)

    def _rows_of(self, table: str, doc_ids: list[str]) -> list[dict]:
        names = column_names(table)
        order = "doc_id" if table in ("documents", "actors") else "doc_id, ordinal"
        if table == "evidence":
            order = "doc_id, event_id, ordinal"
        sql = (f"SELECT {', '.join(quoted(c) for c in names)} FROM {quoted(table)} "
               f"WHERE doc_id IN (SELECT unnest($ids::VARCHAR[])) ORDER BY {order}")
        return [dict(zip(names, row)) for row in self._fetchall(sql, {"ids": doc_ids})]

    # ------------------------------------------------------------ plumbing

    def _fetchall(self, sql: str, params: dict[str, Any]) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql, params).fetchall()

    def _query(self, sql: str, params: dict[str, Any], arrow: bool) -> pd.DataFrame | pa.Table:
        with self._lock:
            relation = self._con.sql(sql, params=params)
            return relation.to_arrow_table() if arrow else relation.df()


class _Transaction:
    """``with``: BEGIN ... COMMIT, or ROLLBACK and re-raise on any exception."""

    def __init__(self, con: duckdb.DuckDBPyConnection, lock: threading.RLock):
        self._con = con
        self._lock = lock

    def __enter__(self) -> None:
        self._lock.acquire()
        try:
            self._con.begin()
        except BaseException:
            self._lock.release()
            raise

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> None:
        try:
            if exc_type is None:
                self._con.commit()
            else:
                self._con.rollback()
        finally:
            self._lock.release()


# ---------------------------------------------------------------- opening

def _check_file(path: Path, read_only: bool) -> None:
    """Refuse, without touching it, any existing file that is not a DuckDB database."""
    if not path.exists():
        if read_only:
            raise EventwireError("E301", path=path, reason="no such file")
        return
    if path.is_dir():
        raise EventwireError("E301", path=path, reason="it is a directory")
    with path.open("rb") as handle:
        header = handle.read(16)
    if len(header) == 0:
        raise EventwireError("E301", path=path, reason="it is an empty file")
    if header[8:12] != DUCKDB_MAGIC:
        raise EventwireError("E301", path=path, reason="it is not a DuckDB file")


def _probe_read_only(path: str) -> None:
    """Raise E301 for a DuckDB file that is not an eventwire database, without writing to it."""
    probe = _connect(path, read_only=True)
    try:
        _needs_schema(probe, path, read_only=False)
    finally:
        probe.close()


def _needs_schema(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> bool:
    """True for an empty database or an eventwire one missing tables; E301 for anything else."""
    tables = {row[0] for row in con.sql(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
    ).fetchall()}
    if "meta" not in tables:
        if tables or read_only:
            reason = "it has no eventwire 'meta' table" if tables else "it is an empty database"
            raise EventwireError("E301", path=path, reason=reason)
        return True
    meta = dict(con.sql("SELECT key, value FROM meta").fetchall())
    if meta.get("application") != APPLICATION:
        raise EventwireError("E301", path=path, reason=f"its meta table names application {meta.get('application')!r}")
    version = str(meta.get("schema_version", ""))
    if not version.isdigit():
        raise EventwireError("E301", path=path, reason=f"unreadable schema version {version!r}")
    if int(version) > SCHEMA_VERSION:
        raise EventwireError("E301", path=path,
                             reason=f"schema version {version} is newer than this eventwire reads ({SCHEMA_VERSION})")
    missing = [t for t in TABLES if t not in tables]
    if missing and read_only:
        raise EventwireError("E301", path=path, reason="missing tables " + ", ".join(missing))
    return bool(missing)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as error:
        if "lock" in str(error).lower():
            raise  # in use by another process: not a format problem
        raise EventwireError("E301", path=path, reason=str(error).splitlines()[0]) from error


# ---------------------------------------------------------------- filters

def _is(prefix: str, param: str) -> str:
    """SQL: the actor at ``prefix`` has country code or actor_id ``$param`` (case-insensitive)."""
    return f"(lower({prefix}_country) = lower(${param}) OR lower({prefix}_actor_id) = lower(${param}))"


def _actor_matches(prefix: str) -> str:
    return (f"(lower({prefix}_country) = lower($actor) OR lower({prefix}_actor_id) = lower($actor) "
            f"OR contains(lower({prefix}_text), lower($actor)))")


def _by_role(role: str, clause_for: Any) -> str:
    prefixes = ["e.source", "e.target"] if role == "any" else [f"e.{role}"]
    return "(" + " OR ".join(clause_for(p) for p in prefixes) + ")"


def _event_filter(actor: str | None = None, country: str | None = None, role: str = "any",
                  type: str | Sequence[str] | None = None, quad: Any = None,
                  since: dt.date | str | None = None, until: dt.date | str | None = None,
                  text: str | None = None, asserted_only: bool = True, doc_id: str | None = None) -> _Filter:
    where = _Filter()
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if actor:
        where.add(_by_role(role, _actor_matches), actor=actor)
    if country:
        where.add(_by_role(role, lambda p: f"upper({p}_country) = upper($country)"), country=country)
    if type:
        where.add("e.type IN (SELECT unnest($types::VARCHAR[]))", types=[t.upper() for t in _as_list(type)])
    if quad is not None:
        where.add("e.quad_class IN (SELECT unnest($quads::INTEGER[]))", quads=_quad_numbers(quad))
    if since is not None:
        where.add("coalesce(e.date_end, e.date_start, d.published) >= $since", since=_as_date(since))
    if until is not None:
        where.add("coalesce(e.date_start, e.date_end, d.published) <= $until", until=_as_date(until))
    if text:
        where.add("EXISTS (SELECT 1 FROM evidence x WHERE x.event_id = e.event_id "
                  "AND contains(lower(x.sentence), lower($text)))", text=text)
    if asserted_only:
        where.add("e.asserted")
    if doc_id is not None:
        where.add("e.doc_id = $doc_id", doc_id=doc_id)
    return where


def _as_list(value: Any) -> list:
    return [value] if isinstance(value, (str, int)) else list(value)


def _quad_numbers(quad: Any) -> list[int]:
    numbers = [quad_class(q) for q in _as_list(quad)]
    if None in numbers:
        raise ValueError(f"unknown quad class in {quad!r}: use 1-4 or e.g. 'verbal-cooperation'")
    return numbers  # type: ignore[return-value]


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise EventwireError("E502", value=value) from None


def _order(order_by: str, allowed: dict[str, str]) -> str:
    descending = order_by.startswith("-")
    key = order_by.lstrip("-")
    if key not in allowed:
        raise ValueError(f"order_by must be one of {', '.join(allowed)} (optionally with '-'), not {order_by!r}")
    return f"{allowed[key]} {'DESC' if descending else 'ASC'} NULLS LAST"


def _paging(limit: int | None, offset: int) -> tuple[str, dict[str, int]]:
    if offset < 0 or (limit is not None and limit < 0):
        raise ValueError("limit and offset must not be negative")
    if limit is None:
        return "OFFSET $offset", {"offset": int(offset)}
    return "LIMIT $limit OFFSET $offset", {"limit": int(limit), "offset": int(offset)}


# ---------------------------------------------------------------- graph helpers (no SQL)

def _tie_index(ties: pd.DataFrame) -> dict[str, dict[str, dict]]:
    """``index[x][y]``: the tie between countries x and y, looked up from either side."""
    index: dict[str, dict[str, dict]] = {}
    for tie in ties.to_dict("records"):
        index.setdefault(tie["a"], {})[tie["b"]] = tie
        index.setdefault(tie["b"], {})[tie["a"]] = tie
    return index


def _simple_paths(graph: dict[str, dict[str, Any]], start: str, goal: str, max_hops: int) -> Iterator[list[str]]:
    """Every path from ``start`` to ``goal`` of at most ``max_hops`` ties, visiting no node twice."""
    stack = [[start]]
    while stack:
        path = stack.pop()
        for node in sorted(graph.get(path[-1], ())):
            if node == goal:
                yield path + [node]
            elif node not in path and len(path) < max_hops:
                stack.append(path + [node])
