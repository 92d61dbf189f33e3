"""`eventwire code` and `eventwire eval` as a user runs them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.api import open as open_store
from eventwire.cli import main

from .conftest import REPO, shared_path

EXAMPLE = REPO / "examples" / "wire-report.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.model
def test_code_stores_and_writes_events_and_a_rerun_duplicates_nothing(tmp_path):
    db, out = tmp_path / "e.duckdb", tmp_path / "e.jsonl"
    first = run("code", str(EXAMPLE), "--db", str(db), "--out", str(out), "--quiet")
    assert first.exit_code == 0, first.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["doc_id"] for r in records] == ["wire-report"] and records[0]["events"]
    with open_store(db) as store:
        stored = len(store.events(asserted_only=False))
    second = run("code", str(EXAMPLE), "--db", str(db), "--out", str(out), "--quiet")
    assert second.exit_code == 0 and "1 already stored" in second.output
    with open_store(db) as store:
        assert len(store.events(asserted_only=False)) == stored
        assert len(store.documents()) == 1
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["wire-report"]


@pytest.mark.model
def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    db = tmp_path / "e.duckdb"
    result = run("code", str(empty), str(tmp_path / "missing.txt"), str(binary), str(EXAMPLE), "--db", str(db),
                 "--quiet")
    assert result.exit_code == 1
    assert "empty.txt: file is empty" in result.output
    assert "missing.txt: file not found" in result.output
    assert "blob.txt" in result.output
    assert "1 documents coded" in result.output and "3 failed" in result.output
    with open_store(db) as store:
        assert len(store.documents()) == 1


def test_a_bad_publication_date_is_refused(tmp_path):
    result = run("code", str(EXAMPLE), "--db", str(tmp_path / "e.duckdb"), "--published", "yesterday")
    assert result.exit_code != 0 and "E502" in result.output


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    db = tmp_path / "notes.duckdb"
    db.write_text("my notes")
    result = run("code", str(EXAMPLE), "--db", str(db), "--quiet")
    assert result.exit_code == 2 and "E301" in result.output
    assert db.read_text() == "my notes"


@pytest.mark.model
@pytest.mark.shared
def test_eval_scores_the_seed(tmp_path):
    seed = shared_path("examples", "nk-venezuela-solidarity.txt")
    gold = shared_path("eval", "nk-venezuela-solidarity.gold.json")
    out = tmp_path / "seed.jsonl"
    assert run("code", str(seed), "--db", str(tmp_path / "s.duckdb"), "--out", str(out), "--quiet").exit_code == 0
    result = run("eval", "--gold", str(gold), "--pred", str(out), "--json")
    scores = json.loads(result.output)
    print(result.output)
    assert scores["f1"] >= 0.9 and scores["forbidden"] == 0


@pytest.mark.model
@pytest.mark.shared
def test_the_seed_queried_from_the_command_line(tmp_path):
    """`eventwire dyad PRK VEN` shows the party message as cooperation; `events --type SANCTION`
    shows the US sanctions with their evidence."""
    db = tmp_path / "seed.duckdb"
    seed = shared_path("examples", "nk-venezuela-solidarity.txt")
    assert run("code", str(seed), "--db", str(db), "--quiet").exit_code == 0
    dyad = run("dyad", "PRK", "VEN", "--db", str(db), "--format", "json")
    months = json.loads(dyad.output)
    march = [m for m in months if str(m["period"]).startswith("2018-03") and m["direction"] == "PRK->VEN"]
    assert march and march[0]["verbal_cooperation"] >= 1 and march[0]["goldstein_sum"] > 0
    sanctions = json.loads(run("events", "--type", "SANCTION", "--db", str(db), "--format", "json").output)
    assert {(e["source_country"], e["target_country"]) for e in sanctions} == {("USA", "PRK"), ("USA", "VEN")}
    assert all("imposed tough economic sanctions" in e["evidence_sentence"] for e in sanctions)
