"""The DuckDB store: schema, safe opening, idempotent transactional writes, queries."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from eventwire.errors import EventwireError
from eventwire.model import (
    Actor, Article, Attribution, DateRange, Document, Event, Evidence, Mention, Place, Quote,
    Relation, TimeExpression, document_record,
)
from eventwire.store import SCHEMA_VERSION, Store, duck, quad_class
from eventwire.store.rows import parse_date

PRK = Actor("North Korea", "PRK", "GOV", actor_id="PRK_GOV")
VEN = Actor("Venezuela", "VEN", "GOV")
USA = Actor("Washington", "USA", "GOV")
USA_MIL = Actor("US troops", "USA", "MIL")
RUS = Actor("Moscow", "RUS", "GOV")
PYONGYANG = Actor("Pyongyang", "PRK", "GOV")  # resolved without an actor_id


def make_event(source, target, type_, cameo, goldstein, quad, sentence, start=0, *, date=None,
               aux=(), location=None, attribution=None) -> Event:
    return Event(source=source, target=target, type=type_, cameo=cameo, goldstein=goldstein, quad=quad,
                 evidence=[Evidence(start, start + len(sentence), sentence)], coder="test-pattern",
                 aux=list(aux), date=date, location=location, attribution=attribution,
                 confidence=0.8, trigger=(start + 1, start + 4))


def make_doc(doc_id: str, sentences: list[str], events_for, published=None, url=None, **extra) -> Document:
    """A document whose events are built from its sentences' offsets: ``events_for(offsets)``."""
    text = "\n".join(sentences)
    offsets, position = [], 0
    for sentence in sentences:
        offsets.append(position)
        position += len(sentence) + 1
    article = Article(doc_id=doc_id, text=text, published=published, url=url, title=doc_id.title(),
                      outlet="Test Wire")
    return Document(article=article, events=events_for(offsets), **extra)


def nk_doc() -> Document:
    s = ["North Korea expressed solidarity with Venezuela on Thursday.",
         "Venezuela met North Korean envoys.",
         "North Korea did not accuse Washington."]

    def events(o):
        return [
            make_event(PRK, VEN, "SUPPORT", "051", 3.4, "verbal-cooperation", s[0], o[0],
                       date=DateRange("2018-03-08", "2018-03-08", "day", "'on Thursday'"),
                       location=Place("Caracas", "VEN", 10.49, -66.88, geonameid=3646738),
                       attribution=Attribution("state media", "PRK", "MED", True)),
            make_event(VEN, PRK, "CONSULT", "040", 1.0, "verbal-cooperation", s[1], o[1]),
            make_event(PRK, USA, "ACCUSE", "112", -2.0, "verbal-conflict", s[2], o[2], aux=["negation"]),
        ]

    return make_doc(
        "nk-venezuela", s, events, published=dt.date(2018, 3, 9), url="https://example.org/nk",
        mentions=[Mention(0, 11, "North Korea", PRK), Mention(38, 47, "Venezuela", VEN)],
        times=[TimeExpression("Thursday", 51, 59, "DATE", "2018-03-08")],
        places=[Place("Caracas", "VEN", 10.49, -66.88, 0, 0, 3646738)],
        quotes=[Quote(0, 10, "solidarity", PRK)],
        relations=[Relation(PRK, VEN, "ALLY", Evidence(0, 20, s[0]))],
        framing_terms=["dictatorship"], warnings=["test warning"],
    )


def us_doc() -> Document:
    s = ["The United States imposed sanctions on North Korea.", "US troops shelled North Korean positions."]

    def events(o):
        return [
            make_event(USA, PYONGYANG, "SANCTION", "163", -8.0, "material-conflict", s[0], o[0],
                       date=DateRange("2018-04-14", "2018-04-14", "day", "")),
            make_event(USA_MIL, PYONGYANG, "ASSAULT", "190", -10.0, "material-conflict", s[1], o[1]),
        ]

    return make_doc("us-sanctions", s, events, published=dt.date(2018, 4, 15))


def aid_doc() -> Document:
    s = ["Moscow sent grain to Venezuela."]
    return make_doc("ru-aid", s, lambda o: [
        make_event(RUS, VEN, "AID", "070", 7.0, "material-cooperation", s[0], o[0])
    ], published=dt.date(2017, 12, 30))


def all_docs() -> list[Document]:
    return [nk_doc(), us_doc(), aid_doc()]


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db_path):
    with Store(db_path) as opened:
        opened.add_documents(all_docs())
        yield opened


def dyads(frame) -> set[tuple]:
    return set(zip(frame["source_country"], frame["target_country"], frame["type"]))


# ---------------------------------------------------------------- opening

def test_new_file_gets_schema_and_version(db_path):
    Store(db_path).close()
    con = duckdb.connect(str(db_path), read_only=True)
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    con.close()
    assert meta["application"] == "eventwire"
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert {"documents", "actors", "events", "evidence", "times", "places", "quotes", "relations"} <= tables


def test_reopen_keeps_data(db_path):
    with Store(db_path) as first:
        first.add_document(nk_doc())
    with Store(db_path) as again:
        assert again.stats()["documents"] == 1
        assert again.has_document(nk_doc().article.content_hash)


def test_read_only_reads_and_refuses_writes(store, db_path):
    store.close()
    with Store(db_path, read_only=True) as reader:
        assert reader.stats()["events"] == 6
        with pytest.raises(duckdb.Error):
            reader.add_document(Document(Article("new", "Some new text.")))


@pytest.mark.parametrize("content", [b"hello, this is a text file\n" * 20, b"", b"\x00" * 64])
def test_non_duckdb_file_raises_e301_and_is_untouched(tmp_path, content):
    path = tmp_path / "notes.duckdb"
    path.write_bytes(content)
    with pytest.raises(EventwireError) as error:
        Store(path)
    assert error.value.code == "E301"
    assert path.read_bytes() == content


def test_foreign_duckdb_raises_e301_and_is_untouched(db_path):
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.execute("INSERT INTO sales VALUES (1, 9.5)")
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(EventwireError, match="E301"):
        Store(db_path)
    assert db_path.read_bytes() == before
    con = duckdb.connect(str(db_path), read_only=True)
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    rows = con.execute("SELECT * FROM sales").fetchall()
    con.close()
    assert tables == ["sales"] and rows == [(1, 9.5)]


def test_meta_of_other_application_raises_e301(db_path):
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('application', 'something-else')")
    con.close()
    with pytest.raises(EventwireError, match="E301"):
        Store(db_path)


def test_newer_schema_version_raises_e301(db_path):
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(EventwireError, match="newer"):
        Store(db_path)


def test_empty_duckdb_is_initialised(db_path):
    duckdb.connect(str(db_path)).close()
    with Store(db_path) as store:
        assert store.stats()["documents"] == 0


@pytest.mark.parametrize("make_path", [lambda tmp: tmp, lambda tmp: tmp / "missing.duckdb"])
def test_directory_or_missing_read_only_raises_e301(tmp_path, make_path):
    with pytest.raises(EventwireError, match="E301"):
        Store(make_path(tmp_path), read_only=True)


def test_new_file_in_new_directory(tmp_path):
    with Store(tmp_path / "a" / "b" / "events.duckdb") as store:
        assert store.stats()["documents"] == 0


def test_in_memory_store():
    with Store(":memory:") as store:
        assert store.add_document(nk_doc())
        assert store.stats()["events"] == 3


# ---------------------------------------------------------------- writing

def test_add_then_skip_duplicate(db_path):
    with Store(db_path) as store:
        assert store.add_document(nk_doc()) is True
        assert store.add_document(nk_doc()) is False
        stats = store.stats()
        assert (stats["documents"], stats["events"], stats["evidence"]) == (1, 3, 3)
        assert store.known_hashes() == {nk_doc().article.content_hash}


def test_add_documents_batches_and_skips_repeats(db_path):
    with Store(db_path) as store:
        assert store.add_documents([nk_doc(), us_doc(), nk_doc()], batch_size=2) == 2
        assert store.add_documents(all_docs()) == 1
        assert store.add_documents(all_docs()) == 0
        assert store.stats()["documents"] == 3


def test_doc_id_reused_for_other_text_is_refused(db_path):
    with Store(db_path) as store:
        store.add_document(nk_doc())
        edited = nk_doc()
        edited.article.text += " Edited."
        with pytest.raises(ValueError, match="already stored"):
            store.add_document(edited)
        assert store.stats()["documents"] == 1


@pytest.mark.parametrize("failing_table", ["events", "evidence", "relations"])
def test_failed_write_rolls_back_the_whole_document(db_path, monkeypatch, failing_table):
    with Store(db_path) as store:
        store.add_document(nk_doc())
        before = store.stats()
        real_insert = Store._insert_rows

        def insert_then_fail(self, table, rows):
            if table == failing_table and rows:
                raise RuntimeError("disk full")
            real_insert(self, table, rows)

        monkeypatch.setattr(Store, "_insert_rows", insert_then_fail)
        victim = us_doc() if failing_table != "relations" else _with_relation(us_doc())
        with pytest.raises(RuntimeError, match="disk full"):
            store.add_document(victim)
        monkeypatch.undo()
        assert store.stats() == before
        assert not store.has_document(victim.article.content_hash)
        assert store.document("nk-venezuela")["events"]
        assert store.add_document(victim) is True  # nothing half-written blocks a retry


def _with_relation(doc: Document) -> Document:
    doc.relations = [Relation(USA, PRK, "RIVAL", Evidence(0, 10, "The United"))]
    return doc


def test_failed_batch_rolls_back_only_that_batch(db_path, monkeypatch):
    with Store(db_path) as store:
        store.add_documents([nk_doc()])
        real_insert = Store._insert_rows

        def fail_on_times(self, table, rows):
            if table == "times":
                raise RuntimeError("interrupted")
            real_insert(self, table, rows)

        monkeypatch.setattr(Store, "_insert_rows", fail_on_times)
        with pytest.raises(RuntimeError):
            store.add_documents([us_doc(), aid_doc()])
        assert store.stats()["documents"] == 1
        assert store.stats()["events"] == 3


def test_load_documents_round_trips_document_record(store):
    expected = {d.article.doc_id: document_record(d) for d in all_docs()}
    loaded = {r["doc_id"]: r for r in store.load_documents()}
    assert loaded == expected
    assert [r["doc_id"] for r in store.load_documents(["us-sanctions", "nope"])] == ["us-sanctions"]


@pytest.mark.parametrize("small_insert_rows", [0, 10_000])
def test_both_insert_paths_round_trip(monkeypatch, small_insert_rows):
    """Rows go in through INSERT ... VALUES or through Arrow staging: both store the same."""
    monkeypatch.setattr(duck, "SMALL_INSERT_ROWS", small_insert_rows)
    with Store(":memory:") as store:
        store.add_documents(all_docs())
        assert list(store.load_documents()) == sorted(
            (document_record(d) for d in all_docs()), key=lambda r: r["doc_id"])


def test_event_ids_are_stable_and_distinct(tmp_path):
    def ids():
        with Store(":memory:") as store:
            store.add_documents(all_docs())
            return list(store.events(asserted_only=False, order_by="doc_id")["event_id"])

    assert ids() == ids()
    twice = nk_doc()
    twice.events.append(twice.events[0])  # the coder emitted the same event twice
    with Store(":memory:") as store:
        store.add_document(twice)
        assert store.events(asserted_only=False)["event_id"].is_unique


def test_actors_are_distinct_per_document(store):
    actors = store.document("nk-venezuela")["actors"]
    keys = [a["actor_key"] for a in actors]
    assert len(keys) == len(set(keys))
    by_key = {a["actor_key"]: a for a in actors}
    assert by_key["PRK_GOV"]["mentions"] == 1
    assert by_key["USA|GOV"]["mentions"] == 0


@pytest.mark.parametrize("value, end, expected", [
    ("2018-03-08", False, dt.date(2018, 3, 8)),
    ("2018-02", True, dt.date(2018, 2, 28)),
    ("2018-02", False, dt.date(2018, 2, 1)),
    ("2014", True, dt.date(2014, 12, 31)),
    ("PRESENT_REF", False, None),
    (None, False, None),
])
def test_parse_date(value, end, expected):
    assert parse_date(value, end=end) == expected


@pytest.mark.parametrize("quad, number", [
    ("verbal-cooperation", 1), ("Material cooperation", 2), ("VERBAL_CONFLICT", 3), (4, 4), ("9", None), (None, None),
])
def test_quad_class(quad, number):
    assert quad_class(quad) == number


# ---------------------------------------------------------------- queries

@pytest.mark.parametrize("filters, expected", [
    ({}, {("PRK", "VEN", "SUPPORT"), ("VEN", "PRK", "CONSULT"), ("USA", "PRK", "SANCTION"),
          ("USA", "PRK", "ASSAULT"), ("RUS", "VEN", "AID")}),
    ({"asserted_only": False, "type": "ACCUSE"}, {("PRK", "USA", "ACCUSE")}),
    ({"actor": "prk", "role": "source"}, {("PRK", "VEN", "SUPPORT")}),
    ({"actor": "PRK_GOV", "role": "target"}, {("VEN", "PRK", "CONSULT")}),
    ({"actor": "us troops"}, {("USA", "PRK", "ASSAULT")}),
    ({"actor": "washing", "role": "any"}, {("USA", "PRK", "SANCTION")}),
    ({"country": "VEN", "role": "target"}, {("PRK", "VEN", "SUPPORT"), ("RUS", "VEN", "AID")}),
    ({"country": "usa", "role": "source"}, {("USA", "PRK", "SANCTION"), ("USA", "PRK", "ASSAULT")}),
    ({"type": ["support", "AID"]}, {("PRK", "VEN", "SUPPORT"), ("RUS", "VEN", "AID")}),
    ({"quad": 4}, {("USA", "PRK", "SANCTION"), ("USA", "PRK", "ASSAULT")}),
    ({"quad": ["verbal-cooperation"]}, {("PRK", "VEN", "SUPPORT"), ("VEN", "PRK", "CONSULT")}),
    ({"since": "2018-04-01"}, {("USA", "PRK", "SANCTION"), ("USA", "PRK", "ASSAULT")}),
    ({"until": dt.date(2018, 1, 1)}, {("RUS", "VEN", "AID")}),
    # the event date (March 8) decides, not the publication date (March 9)
    ({"since": "2018-03-08", "until": "2018-03-08"}, {("PRK", "VEN", "SUPPORT")}),
    # no event date: the publication date stands in
    ({"since": "2018-03-09", "until": "2018-03-31"}, {("VEN", "PRK", "CONSULT")}),
    ({"text": "SHELLED"}, {("USA", "PRK", "ASSAULT")}),
    ({"doc_id": "ru-aid"}, {("RUS", "VEN", "AID")}),
])
def test_event_filters(store, filters, expected):
    assert dyads(store.events(**filters)) == expected


def test_unasserted_events_are_flagged(store):
    events = store.events(asserted_only=False)
    assert len(events) == 6
    accuse = events[events["type"] == "ACCUSE"].iloc[0]
    assert not accuse["asserted"] and list(accuse["aux"]) == ["negation"]


@pytest.mark.parametrize("order_by, first", [("date", "AID"), ("-date", "ASSAULT"),
                                             ("goldstein", "ASSAULT"), ("-goldstein", "AID")])
def test_order_by(store, order_by, first):
    assert store.events(order_by=order_by)["type"].iloc[0] == first


def test_limit_and_offset(store):
    everything = list(store.events()["event_id"])
    page = list(store.events(limit=2, offset=1)["event_id"])
    assert page == everything[1:3]


def test_events_columns_and_arrow(store):
    frame = store.events(type="SUPPORT")
    row = frame.iloc[0]
    assert row["evidence_sentence"].startswith("North Korea expressed solidarity")
    assert row["quad_class"] == 1 and row["place_name"] == "Caracas" and row["in_lead"]
    table = store.events_arrow(type="SUPPORT")
    assert isinstance(table, pa.Table) and table.num_rows == 1
    assert isinstance(store.events(arrow=True), pa.Table)
    assert isinstance(store.documents(arrow=True), pa.Table)


@pytest.mark.parametrize("hostile", [
    "PRK' OR '1'='1", "'; DROP TABLE events; --", "%", "_", "\" OR 1=1 --", "PRK\x00",
])
def test_injection_looking_values_are_plain_values(store, hostile):
    for filters in ({"actor": hostile}, {"country": hostile}, {"text": hostile}, {"type": hostile},
                    {"doc_id": hostile}):
        assert store.events(**filters).empty
    assert store.dyad(hostile, "VEN").empty
    assert store.document(hostile) is None
    assert not store.has_document(hostile)
    assert store.stats()["events"] == 6


@pytest.mark.parametrize("bad", [{"order_by": "date; DROP TABLE events"}, {"order_by": "event_id"},
                                 {"role": "victim"}, {"quad": "friendly"}, {"limit": -1}])
def test_bad_arguments_raise(store, bad):
    with pytest.raises(ValueError):
        store.events(**bad)


def test_bad_date_raises_e502(store):
    with pytest.raises(EventwireError, match="E502"):
        store.events(since="March 2018")


def test_documents_listing(store):
    docs = store.documents()
    assert list(docs["doc_id"]) == ["ru-aid", "nk-venezuela", "us-sanctions"]
    assert dict(zip(docs["doc_id"], docs["n_events"])) == {"ru-aid": 1, "nk-venezuela": 3, "us-sanctions": 2}
    assert dict(zip(docs["doc_id"], docs["n_asserted"]))["nk-venezuela"] == 2
    assert "text" not in docs.columns
    assert list(store.documents(order_by="-published", limit=1)["doc_id"]) == ["us-sanctions"]


def test_document_for_display(store):
    doc = store.document("nk-venezuela")
    assert doc["text"].startswith("North Korea expressed")
    assert len(doc["events"]) == 3 and all(e["event_id"] for e in doc["events"])
    support = doc["events"][0]
    span = support["evidence"]
    assert support["all_evidence"][0]["sentence"] == doc["text"][span["start"]:span["end"]]
    assert support["trigger"] == [1, 4] and support["asserted"] is True
    assert doc["times"][0]["value"] == "2018-03-08"
    assert doc["places"][0]["geonameid"] == 3646738
    assert doc["quotes"][0]["speaker"]["country"] == "PRK"
    assert doc["relations"][0]["type"] == "ALLY"
    assert doc["warnings"] == ["test warning"] and doc["framing_terms"] == ["dictatorship"]
    assert store.document("missing") is None


def test_dyad_counts_both_directions_per_month(store):
    frame = store.dyad("PRK", "usa")
    rows = {(str(r.period)[:10], r.direction): r for r in frame.itertuples()}
    assert set(rows) == {("2018-04-01", "USA->PRK")}  # the negated ACCUSE is not asserted
    april = rows[("2018-04-01", "USA->PRK")]
    assert (april.n_events, april.material_conflict, april.verbal_cooperation) == (2, 2, 0)
    assert april.goldstein_sum == -18.0

    both = store.dyad("prk", "VEN", by="year")
    assert set(zip(both["direction"], both["n_events"], both["verbal_cooperation"])) == {
        ("PRK->VEN", 1, 1), ("VEN->PRK", 1, 1)}
    with_unasserted = store.dyad("PRK", "USA", asserted_only=False)
    assert set(with_unasserted["direction"]) == {"PRK->USA", "USA->PRK"}


def test_dyad_rejects_unknown_period(store):
    with pytest.raises(ValueError):
        store.dyad("PRK", "VEN", by="fortnight")


def test_network_edges(store):
    frame = store.network()
    edges = {(r.source_country, r.target_country): (r.n_events, r.cooperation, r.conflict, r.goldstein_sum)
             for r in frame.itertuples()}
    assert edges == {
        ("USA", "PRK"): (2, 0, 2, -18.0),
        ("PRK", "VEN"): (1, 1, 0, 3.4),
        ("VEN", "PRK"): (1, 1, 0, 1.0),
        ("RUS", "VEN"): (1, 1, 0, 7.0),
    }
    assert frame.iloc[0]["source_country"] == "USA"
    assert set(zip(store.network(since="2018-01-01", until="2018-03-31")["source_country"],
                   store.network(since="2018-01-01", until="2018-03-31")["target_country"])) == {
        ("PRK", "VEN"), ("VEN", "PRK")}


def test_stats(store):
    stats = store.stats()
    assert {k: stats[k] for k in ("documents", "events", "asserted_events", "evidence", "times",
                                  "places", "quotes", "relations")} == {
        "documents": 3, "events": 6, "asserted_events": 5, "evidence": 6, "times": 1,
        "places": 1, "quotes": 1, "relations": 1}
    assert stats["first_published"] == dt.date(2017, 12, 30)
    assert stats["last_published"] == dt.date(2018, 4, 15)
