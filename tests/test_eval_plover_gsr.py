"""Tests for the PLOVER gold-standard-records scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.eval.plover_gsr import (
    best_event, country_code, format_plover_gsr, gold_countries, gold_type, load_plover_gsr,
    score_plover_gsr, score_record,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
GSR_FILE = SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.jsonl"


def actor(code, text="x"):
    return {"text": text, "code": code, "sector": ""}


def record(id_, event, sources, targets, text=None, markup=""):
    return {"id": id_, "event": event, "text": text or f"Sentence {id_}.", "markup": markup,
            "source": [actor(c) for c in sources], "target": [actor(c) for c in targets]}


def event(type_, source, target=None, aux=()):
    return {"type": type_, "aux": list(aux), "source": {"country": source},
            "target": {"country": target} if target else None}


RECORDS = [
    record("r1", "DEMAND", ["USA"], ["IRQ"]),
    record("r2", "AGREE", ["HUN", "ROU"], [],
           markup="(SRC/TAR: Hungarian) and (SRC/TAR: Romanian)"),
    record("r3", "SANCTION", ["JAP"], ["SRB"]),
    record("r4", "AGREE", ["IGO"], ["JAP"]),
    record("r5", "FIGHT", ["ISR"], ["PSE", "IGO"]),
    record("r6", "ASSAULT", [], ["IRQ"]),
]


@pytest.mark.parametrize("code, expected", [
    ("USA", "USA"), ("jap", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("PSE", "PSE"), ("HKG", "HKG"),
    ("IGO", None), ("NGO", None), ("IMG", None), ("ISM", None), ("", None), (None, None),
    ("diplomatic", None),
])
def test_country_code(code, expected):
    assert country_code(code) == expected


@pytest.mark.parametrize("original, mapped", [
    ("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"),
    ("FIGHT", "ASSAULT"),
    ("AGREE", "AGREE"), ("ASSAULT", "ASSAULT"),
])
def test_gold_type(original, mapped):
    assert gold_type({"event": original}) == mapped


def test_gold_countries_compound_and_non_country():
    assert gold_countries(RECORDS[1]) == (frozenset({"HUN", "ROU"}), frozenset({"HUN", "ROU"}))
    assert gold_countries(RECORDS[3]) == (frozenset(), frozenset({"JPN"}))
    assert gold_countries(record("q", "AGREE", ["TUR", "GRC"], [""], markup="(SRC/TAR: Turkish)")) \
        == (frozenset({"TUR", "GRC"}),) * 2


def test_best_event_prefers_gold_type_then_first_asserted():
    events = [event("ACCUSE", "USA", aux=["negation"]), event("AID", "USA"), event("ACCUSE", "FRA")]
    assert best_event(events, "ACCUSE")["source"]["country"] == "FRA"
    assert best_event(events, "REJECT")["type"] == "AID"
    assert best_event(events[:1], "ACCUSE") is None


@pytest.mark.parametrize("events, detected, type_right, source_right, target_right", [
    ([], False, False, False, False),
    ([event("REQUEST", "USA", "IRQ")], True, True, True, True),
    ([event("REQUEST", "USA", "IRQ", aux=["hypothetical"])], False, False, False, False),
    ([event("ACCUSE", "USA", "IRQ")], True, False, True, True),
    ([event("REQUEST", "IRQ", "USA")], True, True, False, False),
    ([event("REQUEST", "USA")], True, True, True, False),  # missed target counts wrong
    ([event("AID", "GBR", "IRQ"), event("REQUEST", "USA", "IRQ")], True, True, True, True),
])
def test_score_record(events, detected, type_right, source_right, target_right):
    judged = score_record(RECORDS[0], events)
    assert (judged["detected"], judged["type_right"], judged["source_right"],
            judged["target_right"]) == (detected, type_right, source_right, target_right)


def test_unscored_roles_are_none():
    judged = score_record(RECORDS[3], [event("AGREE", "USA", "JPN")])
    assert judged["source_right"] is None and judged["target_right"] is True


def oracle(records):
    """A perfect coder built from the gold: one event per record of its sentence."""
    by_text: dict[str, list[dict]] = {}
    for rec in records:
        sources, targets = gold_countries(rec)
        source = sorted(sources)[0] if sources else None
        target = next(iter(sorted(targets - {source}) or sorted(targets)), None)
        by_text.setdefault(rec["text"], []).append(event(gold_type(rec), source, target))
    return lambda text: by_text[text]


def test_oracle_scores_everything():
    result = score_plover_gsr(RECORDS, oracle(RECORDS))
    assert (result["detection_rate"], result["type_accuracy"], result["source_accuracy"],
            result["target_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert (result["source_total"], result["target_total"]) == (4, 6)


def test_empty_coder_scores_nothing():
    result = score_plover_gsr(RECORDS, lambda text: [])
    counts = ("detected", "type_right", "source_right", "target_right")
    assert [result[name] for name in counts] == [0, 0, 0, 0]
    assert result["per_type"]["REQUEST"]["confused_with"] == {"-": 1}


def test_per_type_and_format():
    def coder(text):
        return [event("AGREE", "USA", "IRQ")]

    result = score_plover_gsr(RECORDS, coder)
    assert result["per_type"]["AGREE"]["type_right"] == 2
    assert result["per_type"]["REQUEST"]["confused_with"] == {"AGREE": 1}
    assert set(result["per_type"]) == {"AGREE", "REQUEST", "SANCTION", "ASSAULT"}
    table = format_plover_gsr(result)
    assert "type accuracy    2/6 0.33" in table and "REQUEST" in table
    json.dumps(result)


def test_repeated_sentences_are_coded_once():
    calls = []
    twice = [record("a", "AID", ["BEN"], ["NGA"], text="Same."),
             record("b", "REJECT", ["BEN"], ["GHA"], text="Same.")]
    result = score_plover_gsr(twice, lambda text: calls.append(text) or [
        event("AID", "BEN", "NGA"), event("REJECT", "BEN", "GHA")])
    assert calls == ["Same."] and result["target_accuracy"] == 1.0


def test_load_errors(tmp_path):
    with pytest.raises(EventwireError, match="E101"):
        load_plover_gsr(tmp_path / "none.jsonl")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"}\n{"id": 1}\n', encoding="utf-8")
    with pytest.raises(EventwireError, match="E106.*line 2"):
        load_plover_gsr(tmp_path / "bad.jsonl")


# ---------------------------------------------------------------- the real file (shared data)


@pytest.fixture(scope="module")
def gsr_records():
    if not GSR_FILE.is_file():
        pytest.skip("../shared/data/plover-gsr is not available")
    return load_plover_gsr(GSR_FILE)


@pytest.mark.shared
def test_real_file_oracle_and_empty(gsr_records):
    assert len(gsr_records) == 322
    perfect = score_plover_gsr(gsr_records, oracle(gsr_records))
    print("\n" + format_plover_gsr(perfect))
    assert (perfect["detection_rate"], perfect["type_accuracy"], perfect["source_accuracy"],
            perfect["target_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert perfect["source_total"] > 250 and perfect["target_total"] > 250
    assert set(perfect["per_type"]) <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    empty = score_plover_gsr(gsr_records, lambda text: [])
    assert (empty["detection_rate"], empty["type_accuracy"], empty["source_accuracy"],
            empty["target_accuracy"]) == (0.0, 0.0, 0.0, 0.0)


@pytest.mark.shared
def test_real_file_codes_are_all_understood(gsr_records):
    """Every code is a country after CODE_FIXES or one of the known non-country codes."""
    codes = {a.get("code") for r in gsr_records for role in ("source", "target") for a in r[role]}
    unknown = {c for c in codes if country_code(c) is None} - {"IGO", "NGO", "IMG", "ISM", ""}
    assert unknown == set()
