"""The query commands (events, dyad, network, show, export, serve) over a hand-built store."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.model import (
    Actor, Article, Attribution, DateRange, Document, Event, Evidence, Mention, Place, Quote, TimeExpression,
)
from eventwire.show import Span, annotation_spans, segments
from eventwire.store import Store

REPO = Path(__file__).resolve().parents[1]
PRK = Actor("North Korea", "PRK", "GOV", actor_id="PRK")
VEN = Actor("Venezuela", "VEN", "GOV", actor_id="VEN")
USA = Actor("Washington", "USA", "GOV", actor_id="USA")
RUS = Actor("Moscow", "RUS", "GOV", actor_id="RUS")
CHN = Actor("Beijing", "CHN", "GOV", actor_id="CHN")
SCRIPT = "<script>alert(1)</script>"


# ---------------------------------------------------------------- hand-built documents

def event(source, target, type_, cameo, goldstein, quad, text, sentence, trigger, **extra) -> Event:
    """An event whose evidence is ``sentence`` and whose trigger is the word ``trigger``, both found in ``text``."""
    start = text.index(sentence)
    word = text.index(trigger, start)
    return Event(source=source, target=target, type=type_, cameo=cameo, goldstein=goldstein, quad=quad,
                 evidence=[Evidence(start, start + len(sentence), sentence)], coder="test-pattern",
                 confidence=0.8, trigger=(word, word + len(trigger)), **extra)


def mentions_of(text: str, *actors: Actor) -> list[Mention]:
    return [Mention(text.index(a.text), text.index(a.text) + len(a.text), a.text, a) for a in actors if a.text in text]


def solidarity_doc() -> Document:
    s = ["North Korea expressed solidarity with Venezuela on Thursday.",
         "“We stand with our friends,” North Korea said.",
         "Venezuela thanked North Korea.",
         "North Korea did not accuse Washington."]
    text = "\n".join(s)
    thursday = text.index("Thursday")
    quote = text.index("We stand")
    events = [
        event(PRK, VEN, "SUPPORT", "051", 3.4, "verbal-cooperation", text, s[0], "expressed solidarity",
              date=DateRange("2018-03-08", "2018-03-08", "day", "'Thursday' (2018-03-08)"),
              location=Place("Caracas", "VEN", 10.49, -66.88, geonameid=3646738),
              attribution=Attribution("North Korea", "PRK", "GOV", True)),
        event(VEN, PRK, "CONSULT", "040", 1.0, "verbal-cooperation", text, s[2], "thanked"),
        event(PRK, USA, "ACCUSE", "112", -2.0, "verbal-conflict", text, s[3], "accuse", aux=["negation"]),
    ]
    article = Article("nk-venezuela", text, dt.date(2018, 3, 9), outlet="Test Wire", title="Solidarity",
                      url="https://example.org/nk")
    return Document(article, mentions=mentions_of(text, PRK, VEN, USA), events=events,
                    times=[TimeExpression("Thursday", thursday, thursday + 8, "DATE", "2018-03-08")],
                    places=[], quotes=[Quote(quote, quote + 25, text[quote:quote + 25], PRK)])


def sanctions_doc() -> Document:
    s = ["Washington imposed sanctions on North Korea.", "Washington also sanctioned Venezuela."]
    text = "\n".join(s)
    events = [event(USA, PRK, "SANCTION", "163", -8.0, "material-conflict", text, s[0], "imposed sanctions",
                    date=DateRange("2018-04-14", "2018-04-14", "day", "")),
              event(USA, VEN, "SANCTION", "163", -8.0, "material-conflict", text, s[1], "sanctioned")]
    return Document(Article("us-sanctions", text, dt.date(2018, 4, 15), title="Sanctions"), events=events)


def partners_doc() -> Document:
    """Russia and China cooperate with both North Korea and Venezuela: the candidate mediators."""
    s = ["Moscow sent grain to Venezuela.", "Moscow met North Korea.", "Beijing praised Venezuela.",
         "Beijing praised North Korea.", "Beijing criticised Washington."]
    text = " ".join(s)
    events = [event(RUS, VEN, "AID", "070", 7.0, "material-cooperation", text, s[0], "sent"),
              event(RUS, PRK, "CONSULT", "040", 1.0, "verbal-cooperation", text, s[1], "met"),
              event(CHN, VEN, "SUPPORT", "051", 3.4, "verbal-cooperation", text, s[2], "praised"),
              event(CHN, PRK, "SUPPORT", "051", 3.4, "verbal-cooperation", text, s[3], "praised"),
              event(CHN, USA, "ACCUSE", "111", -2.0, "verbal-conflict", text, s[4], "criticised")]
    return Document(Article("partners", text, dt.date(2017, 12, 30), title="Partners"), events=events)


def hostile_doc() -> Document:
    """Article text that tries to run script: every page must show it as text."""
    text = f"North Korea praised Venezuela. {SCRIPT} <img src=x onerror=alert(2)>"
    return Document(Article("hostile", text, dt.date(2018, 5, 1), title=f"Title {SCRIPT}"),
                    events=[event(PRK, VEN, "SUPPORT", "051", 3.4, "verbal-cooperation", text,
                                  f"North Korea praised Venezuela. {SCRIPT}", "praised")])


def all_docs() -> list[Document]:
    return [solidarity_doc(), sanctions_doc(), partners_doc(), hostile_doc()]


@pytest.fixture
def db(tmp_path) -> str:
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.add_documents(all_docs())
    return str(path)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output


# ---------------------------------------------------------------- events

@pytest.mark.parametrize("args, expected", [
    ([], {("PRK", "SUPPORT", "VEN"), ("VEN", "CONSULT", "PRK"), ("USA", "SANCTION", "PRK"), ("USA", "SANCTION", "VEN"),
          ("RUS", "AID", "VEN"), ("RUS", "CONSULT", "PRK"), ("CHN", "SUPPORT", "VEN"), ("CHN", "SUPPORT", "PRK"),
          ("CHN", "ACCUSE", "USA")}),
    (["--actor", "PRK", "--role", "source"], {("PRK", "SUPPORT", "VEN")}),
    (["--country", "usa", "--role", "target"], {("CHN", "ACCUSE", "USA")}),
    (["--actor", "washing", "--type", "sanction", "--since", "2018-04-01"],
     {("USA", "SANCTION", "PRK"), ("USA", "SANCTION", "VEN")}),
    (["--type", "AID", "--type", "CONSULT"],
     {("VEN", "CONSULT", "PRK"), ("RUS", "AID", "VEN"), ("RUS", "CONSULT", "PRK")}),
    (["--quad", "4"], {("USA", "SANCTION", "PRK"), ("USA", "SANCTION", "VEN")}),
    (["--quad", "verbal-conflict", "--include-unasserted"], {("PRK", "ACCUSE", "USA"), ("CHN", "ACCUSE", "USA")}),
    (["--until", "2017-12-31", "--text", "GRAIN"], {("RUS", "AID", "VEN")}),
    (["--doc", "us-sanctions", "--actor", "VEN"], {("USA", "SANCTION", "VEN")}),
])
def test_events_filters_as_json(db, args, expected):
    rows = json.loads(ok("events", "--db", db, "--format", "json", *args))
    assert {(r["source_country"], r["type"], r["target_country"]) for r in rows} == expected
    assert all(isinstance(r["event_date"], str) and len(r["event_date"]) == 10 for r in rows)


def test_events_table_and_limit_and_order(db):
    table = ok("events", "--db", db, "--limit", "2", "--order", "-goldstein")
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["event_date", "source_text", "source_country"]
    assert len(lines) == 3 and "AID" in lines[1]
    assert "00:00:00" not in table


def test_events_csv_has_every_column_and_joined_lists(db):
    frame = pd.read_csv(__import__("io").StringIO(ok("events", "--db", db, "--format", "csv",
                                                     "--include-unasserted", "--type", "ACCUSE")))
    assert {"event_id", "evidence_sentence", "aux", "date_basis"} <= set(frame.columns)
    assert set(frame["aux"].fillna("")) == {"negation", ""}


def test_events_empty_result(db):
    assert ok("events", "--db", db, "--actor", "nobody").strip() == "(no rows)"


@pytest.mark.parametrize("args, message", [
    (["--quad", "friendly"], "unknown quad class"),
    (["--since", "March 2018"], "E502"),
    (["--order", "event_id"], "order_by must be one of"),
])
def test_events_bad_arguments_give_clear_errors(db, args, message):
    result = run("events", "--db", db, *args)
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize("command", [["events"], ["dyad", "PRK", "VEN"], ["network"], ["show", "nk-venezuela"],
                                     ["export", "--format", "csv", "--out", "x.csv"]])
@pytest.mark.parametrize("make_bad", ["missing", "text", "directory"])
def test_bad_database_gives_e301(tmp_path, command, make_bad):
    path = tmp_path / "bad.duckdb"
    if make_bad == "text":
        path.write_text("not a database\n" * 10)
    elif make_bad == "directory":
        path.mkdir()
    result = run(*command, "--db", str(path))
    assert result.exit_code == 2
    assert "E301" in result.output
    assert make_bad != "missing" or not path.exists()  # a query never creates a database


# ---------------------------------------------------------------- dyad and network

def test_dyad_both_directions_per_month(db):
    rows = json.loads(ok("dyad", "PRK", "VEN", "--db", db, "--format", "json"))
    by_key = {(r["period"], r["direction"]): r for r in rows}
    assert set(by_key) == {("2018-03-01", "PRK->VEN"), ("2018-03-01", "VEN->PRK"), ("2018-05-01", "PRK->VEN")}
    assert by_key[("2018-03-01", "PRK->VEN")]["verbal_cooperation"] == 1
    assert by_key[("2018-03-01", "PRK->VEN")]["goldstein_sum"] == pytest.approx(3.4)
    yearly = ok("dyad", "prk", "ven", "--db", db, "--by", "year")
    assert "2018-01-01" in yearly and "PRK->VEN" in yearly and "VEN->PRK" in yearly


def test_network_ties(db):
    rows = json.loads(ok("network", "--db", db, "--format", "json"))["ties"]
    edges = {(r["source_country"], r["target_country"]): (r["cooperation"], r["conflict"]) for r in rows}
    assert edges[("USA", "PRK")] == (0, 1) and edges[("CHN", "VEN")] == (1, 0) and edges[("PRK", "VEN")] == (2, 0)
    assert "source_country" in ok("network", "--db", db)


def test_network_between_finds_mediators(db):
    result = json.loads(ok("network", "--db", db, "--between", "VEN", "USA", "--format", "json"))
    partners = {r["partner"]: r for r in result["partners"]}
    assert set(partners) == {"PRK", "CHN"}
    assert partners["CHN"]["cooperation_a"] == 1 and partners["CHN"]["conflict_b"] == 1
    assert result["paths"] == []  # nobody cooperates with USA

    paths = json.loads(ok("network", "--db", db, "--between", "PRK", "VEN", "--format", "json"))["paths"]
    assert paths[0]["path"] == "PRK > VEN" and paths[0]["hops"] == 1
    assert {p["via"] for p in paths} >= {"", "RUS", "CHN"}
    table = ok("network", "--db", db, "--between", "PRK", "VEN")
    assert "partners:" in table and "paths:" in table and "RUS" in table


def test_network_max_hops(db):
    paths = json.loads(ok("network", "--db", db, "--between", "PRK", "VEN", "--max-hops", "1",
                          "--format", "json"))["paths"]
    assert [p["path"] for p in paths] == ["PRK > VEN"]


# ---------------------------------------------------------------- show

def test_show_plain_text_lists_events_with_evidence(db):
    output = ok("show", "nk-venezuela", "--db", db, "--no-color")
    assert "\x1b[" not in output
    assert output.startswith("Solidarity\n")
    assert "North Korea expressed solidarity with Venezuela on Thursday." in output
    assert "3 events" in output
    assert "SUPPORT 051 (verbal-cooperation, +3.4)" in output
    assert "2018-03-08 (day; 'Thursday' (2018-03-08))" in output
    assert "Caracas [VEN]" in output and "North Korea [PRK GOV] (quote)" in output
    assert "ACCUSE 112 (verbal-conflict, -2.0)  (not asserted)" in output


def test_show_colours_actors_events_quotes_and_times(db):
    output = ok("show", "nk-venezuela", "--db", db, "--color")
    assert "\x1b[1;31mexpressed solidarity\x1b[0m" in output  # event word
    assert "\x1b[1;34mNorth Korea\x1b[0m" in output  # actor
    assert "\x1b[32mThursday\x1b[0m" in output  # time
    assert "\x1b[3;33m" in output  # quote


def test_show_unknown_document(db):
    result = run("show", "nope", "--db", db)
    assert result.exit_code == 2 and "no document with id 'nope'" in result.output


@pytest.mark.parametrize("spans, expected", [
    ([], [("abcdef", ())]),
    ([Span(1, 3, "actor")], [("a", ()), ("bc", ("actor",)), ("def", ())]),
    ([Span(0, 6, "quote"), Span(2, 4, "event")], [("ab", ("quote",)), ("cd", ("event", "quote")), ("ef", ("quote",))]),
    ([Span(0, 2, "time"), Span(2, 4, "time")], [("abcd", ("time",)), ("ef", ())]),
])
def test_segments_combine_overlapping_spans(spans, expected):
    assert [(s.text, s.kinds) for s in segments("abcdef", spans)] == expected


def test_annotation_spans_prefer_exact_mentions():
    record = {"text": "Venezuela met Venezuela.", "events": [], "actors": [{"text": "Venezuela"}]}
    assert [(s.start, s.end) for s in annotation_spans(record)] == [(0, 9), (14, 23)]
    assert [(s.start, s.end) for s in annotation_spans(record, mentions=[(0, 9)])] == [(0, 9)]


# ---------------------------------------------------------------- export and serve

@pytest.mark.parametrize("fmt, name, check", [
    ("csv", "events.csv", lambda p: len(pd.read_csv(p)) == 2),
    ("gdelt", "events.tsv", lambda p: [len(line.split("\t")) for line in p.read_text().splitlines()] == [61, 61]),
    ("plover", "events.json", lambda p: {r["event_type"] for r in json.loads(p.read_text())} == {"SANCTION"}),
    ("parquet", "events.parquet", lambda p: len(pd.read_parquet(p)) == 2),
])
def test_export_formats_with_filters(db, tmp_path, fmt, name, check):
    out = tmp_path / name
    result = run("export", "--db", db, "--format", fmt, "--out", str(out), "--type", "SANCTION")
    assert result.exit_code == 0, result.output
    assert "2 events written" in result.output
    assert check(out)


def test_export_format_options(db, tmp_path):
    ok("export", "--db", db, "--format", "plover", "--lines", "--out", str(tmp_path / "e.jsonl"))
    assert all(json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines())
    ok("export", "--db", db, "--format", "gdelt", "--header", "--out", str(tmp_path / "g.tsv"))
    assert (tmp_path / "g.tsv").read_text().startswith("GlobalEventID\t")
    ok("export", "--db", db, "--format", "parquet", "--partition-by-month", "--include-evidence",
       "--out", str(tmp_path / "parts"))
    assert (tmp_path / "parts" / "year=2018" / "month=3").is_dir() and (tmp_path / "parts_evidence").is_dir()


def test_serve_builds_the_app_and_runs_uvicorn(db, monkeypatch):
    import uvicorn

    calls = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.update(app=app, **kw))
    ok("serve", "--db", db, "--port", "8123", "--max-upload", "1000")
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8123
    assert calls["app"].state.max_upload == 1000
    calls["app"].state.store.close()


def test_serve_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("hello\n" * 20)
    result = run("serve", "--db", str(path))
    assert result.exit_code == 2 and "E301" in result.output


# ---------------------------------------------------------------- docs never drift

def test_cli_docs_are_up_to_date():
    result = subprocess.run([sys.executable, str(REPO / "docs" / "make_cli_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_command_and_option_is_documented():
    docs = (REPO / "docs" / "CLI.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"## eventwire {name}\n" in docs, name
        section = docs.split(f"## eventwire {name}\n", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            for option in param.opts if param.param_type_name == "option" else [param.human_readable_name]:
                assert option in section, f"eventwire {name}: {option} is not in docs/CLI.md"
            if param.param_type_name == "option" and not param.hidden:
                assert param.help, f"eventwire {name} {param.opts[0]} has no help text"


# ---------------------------------------------------------------- a real article

@pytest.mark.model
def test_real_article_through_store_and_commands(tmp_path):
    from eventwire.api import code_document

    text = ("North Korea expressed its firm support and solidarity to Venezuela on Thursday, state media said. "
            "The United States imposed new sanctions on Venezuela last week.")
    document = code_document(text, published="2018-03-09", doc_id="wire")
    db = str(tmp_path / "real.duckdb")
    with Store(db) as store:
        store.add_document(document)
    rows = json.loads(ok("events", "--db", db, "--format", "json"))
    assert rows and {"SUPPORT", "SANCTION"} & {r["type"] for r in rows}
    shown = ok("show", "wire", "--db", db, "--no-color")
    assert "North Korea expressed" in shown and f"{len(document.events)} events" in shown
    ok("network", "--db", db)
