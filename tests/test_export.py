"""Exports from the store: GDELT 2.0 Event table, PLOVER JSON, Parquet, CSV."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventwire.export import FORMATS, GDELT_COLUMNS, export
from eventwire.export.gdelt import fraction_date, global_event_id
from eventwire.model import Actor, Article, Attribution, DateRange, Document, Event, Evidence, Place
from eventwire.store import Store

PRK = Actor("North Korea", "PRK", "GOV", actor_id="PRK_GOV")
VEN = Actor("Venezuela", "VEN", "GOV")
USA = Actor("Washington", "USA", "GOV")


def one_event_doc(doc_id, sentence, source, target, type_, cameo, goldstein, quad, published,
                  *, date=None, location=None, url=None, aux=(), attribution=None) -> Document:
    text = sentence + "\nA second paragraph.\tWith a tab."
    event = Event(source=source, target=target, type=type_, cameo=cameo, goldstein=goldstein, quad=quad,
                  evidence=[Evidence(0, len(sentence), sentence)], coder="test", date=date,
                  location=location, aux=list(aux), attribution=attribution,
                  context=["diplomatic"], mode="verbal")
    article = Article(doc_id=doc_id, text=text, published=published, url=url)
    return Document(article=article, events=[event])


def docs() -> list[Document]:
    return [
        one_event_doc("nk", "North Korea praised Venezuela.", PRK, VEN, "SUPPORT", "051", 3.4,
                      "verbal-cooperation", dt.date(2018, 3, 9), url="https://example.org/nk",
                      date=DateRange("2018-03-08", "2018-03-08", "day", "on Thursday"),
                      location=Place("Caracas", "VEN", 10.49, -66.88, geonameid=3646738),
                      attribution=Attribution("state media", "PRK", "MED", True)),
        one_event_doc("us", "Washington sanctioned North Korea.", USA, PRK, "SANCTION", "163", -8.0,
                      "material-conflict", dt.date(2018, 4, 15)),
        one_event_doc("us-maybe", "Washington may threaten Venezuela.", USA, VEN, "THREATEN", "13", -4.4,
                      "verbal-conflict", dt.date(2018, 4, 20), aux=["hypothetical"]),
        one_event_doc("undated", "Venezuela consulted North Korea.", VEN, None, "CONSULT", "040", 1.0,
                      "verbal-cooperation", None),
    ]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.duckdb") as opened:
        opened.add_documents(docs())
        yield opened


# ---------------------------------------------------------------- GDELT

def test_gdelt_has_61_columns_in_official_order():
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5] == "Actor1Code" and GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[39] == "Actor1Geo_ADM2Code"
    assert GDELT_COLUMNS[43] == "Actor2Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[58] == "ActionGeo_FeatureID"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def read_gdelt(path, header=None) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=header, dtype=str, keep_default_na=False)


def test_gdelt_round_trip(store, tmp_path):
    path = tmp_path / "events.export.CSV"
    result = export(store, "gdelt", path)
    frame = read_gdelt(path)
    assert result.rows == 3 == len(frame)  # the hypothetical threat is not asserted
    assert frame.shape[1] == 61
    frame.columns = GDELT_COLUMNS
    support = frame[frame["EventCode"] == "051"].iloc[0]
    expected = {
        "Day": "20180308", "MonthYear": "201803", "Year": "2018", "FractionDate": "2018.2685",
        "Actor1Code": "PRKGOV", "Actor1Name": "North Korea", "Actor1CountryCode": "PRK", "Actor1Type1Code": "GOV",
        "Actor2Code": "VENGOV", "Actor2CountryCode": "VEN", "IsRootEvent": "1",
        "EventBaseCode": "051", "EventRootCode": "05", "QuadClass": "1", "GoldsteinScale": "3.4",
        "NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": "",
        "ActionGeo_FullName": "Caracas", "ActionGeo_CountryCode": "VEN", "ActionGeo_Lat": "10.49",
        "ActionGeo_Long": "-66.88", "ActionGeo_FeatureID": "3646738", "Actor1Geo_FullName": "",
        "SOURCEURL": "https://example.org/nk",
    }
    assert {k: support[k] for k in expected} == expected
    assert len(support["DATEADDED"]) == 14
    event_id = store.events(type="SUPPORT")["event_id"].iloc[0]
    assert support["GlobalEventID"] == str(global_event_id(event_id))


def test_gdelt_fallbacks(store, tmp_path):
    path = tmp_path / "events.tsv"
    export(store, "gdelt", path)
    frame = read_gdelt(path)
    frame.columns = GDELT_COLUMNS
    sanction = frame[frame["EventCode"] == "163"].iloc[0]
    assert sanction["Day"] == "20180415"  # no event date: the publication date
    assert sanction["SOURCEURL"] == "us"  # no url: the doc_id
    assert sanction["QuadClass"] == "4" and sanction["GoldsteinScale"] == "-8.0"
    undated = frame[frame["EventCode"] == "040"].iloc[0]
    assert undated["Day"] == "" and undated["Actor2Code"] == "" and undated["ActionGeo_FullName"] == ""


def test_gdelt_header_and_filters(store, tmp_path):
    path = tmp_path / "events.tsv"
    result = export(store, "gdelt", path, header=True, asserted_only=False, country="VEN", role="target")
    frame = read_gdelt(path, header=0)
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert sorted(frame["EventCode"]) == ["051", "13"] and result.rows == 2


def test_gdelt_ids_are_stable_integers():
    first = global_event_id("0a63f6dead8fc36e161f4e1096ab3eca")
    assert first == global_event_id("0a63f6dead8fc36e161f4e1096ab3eca")
    assert 0 < first < 2 ** 60
    assert first != global_event_id("0a63f6dead8fc36e161f4e1096ab3eca-1")


def test_fraction_date_follows_codebook():
    assert fraction_date(dt.date(2018, 3, 8)) == round(2018 + (3 * 30 + 8) / 365, 4)


# ---------------------------------------------------------------- PLOVER

@pytest.mark.parametrize("lines", [False, True])
def test_plover_round_trip(store, tmp_path, lines):
    path = tmp_path / ("events.jsonl" if lines else "events.json")
    result = export(store, "plover", path, lines=lines, asserted_only=False)
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines()] if lines else json.loads(text)
    assert result.rows == len(records) == 4
    by_type = {r["event_type"]: r for r in records}
    support = by_type["SUPPORT"]
    assert support["source"] == {"name": "North Korea", "country": "PRK", "sector": "GOV", "actor_id": "PRK_GOV"}
    assert support["target"]["country"] == "VEN"
    assert support["date"] == "2018-03-08" and support["publication_date"] == "2018-03-09"
    assert support["location"] == {"name": "Caracas", "country": "VEN", "lat": 10.49, "lon": -66.88,
                                   "geonameid": 3646738}
    assert support["event_text"] == "North Korea praised Venezuela."
    assert support["story_id"] == "nk" and support["cameo"] == "051" and support["goldstein"] == 3.4
    assert support["mode"] == "verbal" and support["context"] == ["diplomatic"]
    assert support["attribution"]["speaker"] == "state media"
    assert by_type["THREATEN"]["aux"] == ["hypothetical"] and by_type["THREATEN"]["asserted"] is False
    assert by_type["CONSULT"]["target"] is None and by_type["CONSULT"]["date"] is None
    assert {r["id"] for r in records} == set(store.events(asserted_only=False)["event_id"])


def test_plover_empty_selection_is_valid_json(store, tmp_path):
    path = tmp_path / "none.json"
    assert export(store, "plover", path, country="XYZ").rows == 0
    assert json.loads(path.read_text()) == []


# ---------------------------------------------------------------- Parquet and CSV

def test_parquet_round_trip(store, tmp_path):
    path = tmp_path / "events.parquet"
    result = export(store, "parquet", path, include_evidence=True)
    events = pq.read_table(path).to_pandas()
    evidence = pq.read_table(tmp_path / "events_evidence.parquet").to_pandas()
    assert result.paths == [path, tmp_path / "events_evidence.parquet"]
    assert len(events) == 3 and set(events["event_id"]) == set(evidence["event_id"])
    support = events[events["type"] == "SUPPORT"].iloc[0]
    assert list(support["context"]) == ["diplomatic"] and support["goldstein"] == 3.4
    assert support["source_country"] == "PRK" and support["quad_class"] == 1


def test_parquet_partitioned_by_publication_month(store, tmp_path):
    out = tmp_path / "events"
    result = export(store, "parquet", out, partition_by_month=True, asserted_only=False, include_evidence=True)
    assert result.rows == 4
    folders = sorted(p.relative_to(out).parent.as_posix() for p in out.rglob("*.parquet"))
    assert folders == ["year=0/month=0", "year=2018/month=3", "year=2018/month=4"]
    table = pd.read_parquet(out)
    assert len(table) == 4
    months = dict(zip(table["type"], table["month"]))
    assert months == {"SUPPORT": 3, "SANCTION": 4, "THREATEN": 4, "CONSULT": 0}
    assert len(pq.read_table(tmp_path / "events_evidence").to_pandas()) == 4
    # exporting again replaces the partitions instead of adding to them
    export(store, "parquet", out, partition_by_month=True, type="SUPPORT")
    assert len(pq.read_table(out).to_pandas()) == 1


def test_partitioned_parquet_refuses_a_foreign_directory(store, tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(ValueError, match="not a partitioned export"):
        export(store, "parquet", tmp_path, partition_by_month=True)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_csv_round_trip(store, tmp_path):
    path = tmp_path / "events.csv"
    result = export(store, "csv", path, asserted_only=False)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert result.rows == len(frame) == 4
    assert {"event_id", "doc_id", "source_country", "target_country", "type", "cameo", "goldstein",
            "event_date", "evidence_sentence"} <= set(frame.columns)
    support = frame[frame["type"] == "SUPPORT"].iloc[0]
    assert support["cameo"] == "051" and float(support["goldstein"]) == 3.4
    assert support["date_start"] == "2018-03-08" and support["context"] == "diplomatic"
    assert json.loads(support["attribution"])["quote"] is True
    assert frame[frame["type"] == "THREATEN"].iloc[0]["aux"] == "hypothetical"


def test_every_format_writes_and_unknown_format_fails(store, tmp_path):
    for fmt in FORMATS:
        assert export(store, fmt, tmp_path / fmt / f"out.{fmt}").rows == 3
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "out.xlsx")


def test_export_filters_reject_injection(store, tmp_path):
    result = export(store, "csv", tmp_path / "x.csv", actor="VEN' OR 1=1 --")
    assert result.rows == 0
    with pytest.raises(ValueError):
        export(store, "gdelt", tmp_path / "x.tsv", order_by="1; DROP TABLE events")
    assert store.stats()["events"] == 4
