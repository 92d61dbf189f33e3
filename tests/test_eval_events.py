"""Tests for the event scorer (../shared/eval/README.md, section 3)."""

from __future__ import annotations

import copy
import json
import random
import unicodedata
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.model import PLOVER_TYPES
from eventwire.eval.events import (
    date_is_right, format_scores, load_gold, load_predictions, normalise_text, score,
    scores_as_dict, sector_is_right,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_GOLD = SHARED / "eval" / "nk-venezuela-solidarity.gold.json"
SEED_TEXT = SHARED / "examples" / "nk-venezuela-solidarity.txt"

MINI_GOLD = {
    "doc_id": "mini",
    "events": [
        {"id": "usa-sanctions-irn", "source": "USA", "target": "IRN", "source_sector": ["GOV"],
         "plover": ["SANCTION", "COERCE"], "date": {"start": "2020-01-01", "end": "2020-01-31"},
         "anchors": ["imposed sanctions on Iran", "the \u201cmaximum pressure\u201d campaign"]},
        {"id": "fra-deu-meet", "source": "FRA", "target": "DEU", "symmetric": True,
         "source_sector": ["GOV", ""], "plover": ["CONSULT"], "anchors": ["met in Berlin"]},
        {"id": "rus-alert", "source": "RUS", "target": None, "source_sector": ["MIL"],
         "plover": ["MOBILIZE"], "anchors": ["Russia put its troops on alert"]},
    ],
    "optional": [
        {"id": "usa-accuses-irn", "source": "USA", "target": "IRN", "plover": ["ACCUSE"],
         "anchors": ["imposed sanctions on Iran"]},
    ],
    "must_not": [
        {"id": "boilerplate", "source": "*", "target": "*", "plover": ["*"],
         "anchors": ["Subscribe to our newsletter"]},
        {"id": "no-attack", "source": "IRN", "target": "USA", "plover": ["ASSAULT"],
         "anchors": ["Iran did not attack"]},
    ],
}


def event(source, target, type_, sentence, aux=(), sector="GOV", date=None, spans=None):
    record = {"source": {"country": source, "sector": sector},
              "target": {"country": target} if target else None,
              "type": type_, "aux": list(aux), "evidence": {"sentence": sentence},
              "date": date}
    if spans is not None:
        record["all_evidence"] = [{"sentence": s} for s in spans]
    return record


def predictions(events, doc_id="mini", text=""):
    return {doc_id: {"doc_id": doc_id, "text": text, "events": events}}


SANCTIONS = "The United States imposed sanctions on Iran on Monday."


# ---------------------------------------------------------------- building blocks


@pytest.mark.parametrize("raw, expected", [
    ("The \u201cfirm support\u201d", 'the "firm support"'),
    ("Maduro\u2019s  regime\n\tnow", "maduro's regime now"),
    ("5\u2032 and 6\u2033", "5' and 6\""),
    ("\uff26\uff55\uff4c\uff4c\u00a0width", "full width"),
    ("  UPPER  ", "upper"),
])
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize("predicted, gold, right", [
    (("2020-01-01", "2020-01-31"), ("2020-01-01", "2020-01-31"), True),
    (("2020-01-10", "2020-01-10"), ("2020-01-01", "2020-01-31"), True),
    (("2019-12-25", "2020-01-31"), ("2020-01-01", "2020-01-31"), True),   # 7 days wider
    (("2019-12-24", "2020-01-31"), ("2020-01-01", "2020-01-31"), False),  # 8 days wider
    (("2020-02-01", "2020-02-02"), ("2020-01-01", "2020-01-31"), False),  # no overlap
    ((None, "2020-01-31"), ("2020-01-01", "2020-01-31"), False),          # open where gold is not
    ((None, None), ("2020-01-01", "2020-01-31"), False),
    (("2020-01-31", "2020-01-01"), ("2020-01-01", "2020-01-31"), False),  # reversed range
    (("2018-03-08", "2018-03-08"), (None, "2018-03-09"), True),
    ((None, "2018-03-09"), (None, "2018-03-09"), True),
    (("2000-01-01", "2018-03-09"), (None, "2018-03-09"), True),           # gold is infinitely wide
    ((None, None), (None, "2018-03-09"), False),
    (("2018-03-10", "2018-03-12"), (None, "2018-03-09"), False),
    (("2018-03-08", None), ("2018-03-08", None), True),
    (("2018-03-08T10:00:00", "2018-03-08"), ("2018-03-08", "2018-03-08"), True),
])
def test_date_is_right(predicted, gold, right):
    assert date_is_right(predicted, gold) is right


@pytest.mark.parametrize("predicted, accepted, right", [
    ("GOV", ["GOV"], True), (None, ["GOV", ""], True), ("", ["GOV", ""], True),
    (None, ["GOV"], False), ("gov", ["GOV"], True), ("MIL", ["GOV", ""], False),
])
def test_sector_is_right(predicted, accepted, right):
    assert sector_is_right(predicted, accepted) is right


# ---------------------------------------------------------------- one prediction, one outcome

OUTCOMES = [
    ("tp", event("USA", "IRN", "SANCTION", SANCTIONS)),
    ("tp", event("USA", "IRN", "COERCE", SANCTIONS)),
    ("tp", event("USA", "IRN", "SANCTION", "It began the \"maximum  pressure\" campaign.")),
    ("tp", event("USA", "IRN", "SANCTION", SANCTIONS, aux=["historical"])),
    ("ignored", event("USA", "IRN", "ACCUSE", SANCTIONS)),
    ("fp", event("USA", "IRN", "AID", SANCTIONS)),
    ("fp", event("IRN", "USA", "SANCTION", SANCTIONS)),  # not symmetric
    ("fp", event("USA", None, "SANCTION", SANCTIONS)),
    ("tp", event("FRA", "DEU", "CONSULT", "The two leaders met in Berlin.")),
    ("tp", event("DEU", "FRA", "CONSULT", "The two leaders met in Berlin.")),  # symmetric
    ("tp", event("RUS", None, "MOBILIZE", "Russia  put its\ntroops on ALERT today.", sector="MIL")),
    ("fp", event("RUS", "UKR", "MOBILIZE", "Russia put its troops on alert.")),
    ("fp", event("USA", "IRN", "SANCTION", "Sanctions were imposed.")),
    ("forbidden", event("USA", None, "SUPPORT", "Please subscribe to our newsletter!")),
    ("forbidden", event("IRN", "USA", "ASSAULT", "Iran did not attack the base.")),
    ("unasserted", event("IRN", "USA", "ASSAULT", "Iran did not attack.", aux=["negation"])),
    ("unasserted", event("USA", "IRN", "SANCTION", SANCTIONS, aux=["hypothetical"])),
]


@pytest.mark.parametrize("outcome, predicted", OUTCOMES)
def test_one_prediction_outcome(outcome, predicted):
    scores = score([MINI_GOLD], predictions([predicted]))
    counts = {"tp": scores.tp, "fp": scores.fp - scores.forbidden, "forbidden": scores.forbidden,
              "ignored": scores.ignored, "unasserted": scores.unasserted}
    assert counts == {name: int(name == outcome) for name in counts}
    assert reference_score([MINI_GOLD], predictions([predicted]))["tp"] == scores.tp


def test_evidence_from_offsets_when_no_sentence():
    text = "Intro. " + SANCTIONS + " Outro."
    start = text.index("The United")
    predicted = event("USA", "IRN", "SANCTION", "")
    predicted["evidence"] = {"start": start, "end": start + len(SANCTIONS)}
    scores = score([MINI_GOLD], predictions([predicted], text=text))
    assert (scores.tp, scores.fp) == (1, 0)


def test_totals_sector_date_and_micro_average():
    second = copy.deepcopy(MINI_GOLD) | {"doc_id": "second"}
    preds = predictions([
        event("USA", "IRN", "SANCTION", SANCTIONS,
              date={"start": "2020-01-05", "end": "2020-01-05"}),
        event("FRA", "DEU", "CONSULT", "They met in Berlin.", sector=None),
        event("USA", "IRN", "AID", SANCTIONS),
    ]) | predictions([
        event("RUS", None, "MOBILIZE", "Russia put its troops on alert.", sector="GOV"),
        event("USA", "IRN", "SANCTION", SANCTIONS, date={"start": None, "end": "2020-01-31"}),
    ], doc_id="second")
    scores = score([MINI_GOLD, second], preds)
    assert (scores.tp, scores.fp, scores.required, scores.matched_required) == (4, 1, 6, 4)
    assert scores.precision == pytest.approx(4 / 5)
    assert scores.recall == pytest.approx(4 / 6)
    assert scores.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert (scores.sector_right, scores.sector_total) == (3, 4)  # RUS with GOV, gold MIL
    assert (scores.date_right, scores.date_total) == (1, 2)  # open start is infinitely wide
    assert [d.tp for d in scores.documents] == [2, 2]
    assert [m["gold"] for m in scores.missed] == ["rus-alert", "fra-deu-meet"]
    assert "type AID" in scores.false_positives[0]["reason"]
    json.dumps(scores_as_dict(scores))
    table = format_scores(scores)
    assert "precision" in table and "0.800" in table and "rus-alert" in table


def test_dyad_recall_ignores_type():
    scores = score([MINI_GOLD], predictions([event("USA", "IRN", "AID", SANCTIONS)]))
    assert (scores.recall, scores.dyad_recall) == (0.0, pytest.approx(1 / 3))


# ---------------------------------------------------------------- clustered mentions


def test_clustered_event_counts_once():
    """One event whose four spans all match the same gold entry is ONE true positive."""
    spans = [SANCTIONS, "Washington imposed sanctions on Iran.",
             "Part of the \u201cmaximum pressure\u201d campaign.", "It imposed sanctions on Iran."]
    clustered = event("USA", "IRN", "SANCTION", spans[0], spans=spans)
    scores = score([MINI_GOLD], predictions([clustered]))
    assert (scores.tp, scores.fp, scores.matched_required) == (1, 0, 1)
    separate = [event("USA", "IRN", "SANCTION", s) for s in spans]
    scores = score([MINI_GOLD], predictions(separate))
    assert (scores.tp, scores.fp, scores.matched_required) == (4, 0, 1)


def test_clustered_event_matches_through_any_span():
    clustered = event("USA", "IRN", "SANCTION", "Washington acted.",
                      spans=["Washington acted.", SANCTIONS])
    assert score([MINI_GOLD], predictions([clustered])).tp == 1
    plain = event("USA", "IRN", "SANCTION", "Washington acted.")
    assert score([MINI_GOLD], predictions([plain])).fp == 1
    assert score([MINI_GOLD], predictions([clustered]), use_all_evidence=False).fp == 1


# ---------------------------------------------------------------- files and errors


def test_load_gold_and_predictions(tmp_path):
    (tmp_path / "mini.gold.json").write_text(json.dumps(MINI_GOLD), encoding="utf-8")
    assert [g["doc_id"] for g in load_gold(tmp_path)] == ["mini"]
    assert load_gold([tmp_path / "mini.gold.json"])[0]["events"][0]["id"] == "usa-sanctions-irn"
    records = predictions([event("USA", "IRN", "SANCTION", SANCTIONS)]).values()
    lines = [json.dumps(r) for r in records]
    (tmp_path / "out.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    preds = load_predictions(tmp_path / "out.jsonl")
    assert score(load_gold(tmp_path), preds).tp == 1


@pytest.mark.parametrize("content, reason", [
    ("{not json", "Expecting property name"),
    ("[]", "doc_id"),
    ('{"doc_id": "x"}', "events"),
    ('{"doc_id": "x", "events": [{"plover": ["AID"]}]}', "anchors"),
    ('{"doc_id": "x", "events": [{"plover": ["AID"], "anchors": [""]}]}', "anchors"),
    ('{"doc_id": "x", "events": [{"plover": [], "anchors": ["a"]}]}', "plover"),
    ('{"doc_id": "x", "events": [], "must_not": {}}', "must_not"),
    ('{"doc_id": "x", "events": [{"plover": ["AID"], "anchors": ["a"],'
     ' "date": {"start": "soon"}}]}', "date start"),
])
def test_bad_gold_file_raises_e401(tmp_path, content, reason):
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EventwireError) as info:
        load_gold(path)
    assert info.value.code == "E401"
    assert reason in str(info.value) and "bad.gold.json" in str(info.value)


@pytest.mark.parametrize("content, code", [
    ('{"doc_id": "a", "events": []}\n{broken', "E106"),
    ('{"doc_id": "a", "events": []}\n{"doc_id": "a", "events": []}', "E106"),
    ('{"events": []}', "E106"),
])
def test_bad_predictions_raise(tmp_path, content, code):
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EventwireError) as info:
        load_predictions(path)
    assert info.value.code == code


def test_missing_predictions(tmp_path):
    with pytest.raises(EventwireError, match="E101"):
        load_predictions(tmp_path / "none.jsonl")
    with pytest.raises(EventwireError, match="E402"):
        score([MINI_GOLD], {})
    scores = score([MINI_GOLD], {}, require_all=False)
    assert (scores.tp, scores.required, scores.recall) == (0, 3, 0.0)


# ---------------------------------------------------------------- independent second scorer


def reference_score(golds: list[dict], preds: dict) -> dict:
    """A second, separately written reading of README section 3 (plain ``evidence`` only)."""
    def norm(s: str) -> str:
        s = unicodedata.normalize("NFKC", s)
        for curly, straight in zip("\u2018\u2019\u201c\u201d\u2032", "''\"\"'"):
            s = s.replace(curly, straight)
        return " ".join(s.split()).lower()

    tp = fp = forbidden = required = recalled = dyads = 0
    for gold in golds:
        record = preds.get(gold["doc_id"], {})
        asserted = [e for e in record.get("events", [])
                    if not {"negation", "hypothetical"} & set(e.get("aux") or [])]
        compiled = []
        for ev in asserted:
            span = ev["evidence"]
            sentence = norm(span.get("sentence") or record["text"][span["start"]:span["end"]])
            target = (ev.get("target") or {}).get("country")
            compiled.append((sentence, ev["type"], ev["source"]["country"], target))

        def fits(entry, pred, check_type=True):
            sentence, type_, src, tgt = pred
            if not any(norm(a) in sentence for a in entry["anchors"]):
                return False
            if check_type and "*" not in entry["plover"] and type_ not in entry["plover"]:
                return False
            pairs = [(entry.get("source"), entry.get("target"))]
            if entry.get("symmetric"):
                pairs.append((entry.get("target"), entry.get("source")))
            return any(s in ("*", src) and t in ("*", tgt) for s, t in pairs)

        for pred in compiled:
            if any(fits(e, pred) for e in gold["events"]):
                tp += 1
            elif not any(fits(e, pred) for e in gold.get("optional", [])):
                fp += 1
                forbidden += any(fits(e, pred) for e in gold.get("must_not", []))
        required += len(gold["events"])
        recalled += sum(any(fits(e, p) for p in compiled) for e in gold["events"])
        dyads += sum(any(fits(e, p, False) for p in compiled) for e in gold["events"])
    return {"tp": tp, "fp": fp, "forbidden": forbidden, "matched_required": recalled,
            "dyad_matched": dyads, "required": required}


def agree(golds, preds):
    scores = score(golds, preds)
    ours = {k: getattr(scores, k) for k in ("tp", "fp", "forbidden", "matched_required",
                                            "dyad_matched", "required")}
    assert ours == reference_score(golds, preds)
    return scores


def test_reference_agrees_on_hand_built_predictions():
    agree([MINI_GOLD], predictions([e for _, e in OUTCOMES]))


def perturbed_predictions(gold: dict, text: str, rng: random.Random) -> list[dict]:
    """Events built from the gold entries' anchors, with random errors mixed in."""
    codes = sorted({e.get(k) for kind in ("events", "optional", "must_not")
                    for e in gold.get(kind, []) for k in ("source", "target")} - {None, "*"})
    events = []
    for kind in ("events", "optional", "must_not"):
        for entry in gold.get(kind, []):
            for anchor in entry["anchors"]:
                plover = [t for t in entry["plover"] if t != "*"] or PLOVER_TYPES
                source, target = entry.get("source"), entry.get("target")
                if source == "*" or rng.random() < 0.2:
                    source = rng.choice(codes)
                if target == "*" or rng.random() < 0.2:
                    target = rng.choice(codes + [None])
                if rng.random() < 0.3:
                    source, target = target or source, source
                start = text.find(anchor)
                evidence = {"sentence": f"Reports say {anchor} this week."}
                if start >= 0 and rng.random() < 0.5:
                    evidence = {"start": start, "end": start + len(anchor)}
                events.append({
                    "source": {"country": source},
                    "target": {"country": target} if target else None,
                    "type": rng.choice(plover) if rng.random() < 0.7 else rng.choice(PLOVER_TYPES),
                    "aux": rng.choice([[], [], ["historical"], ["negation"], ["hypothetical"]]),
                    "evidence": evidence})
    rng.shuffle(events)
    return events


def test_reference_agrees_on_random_perturbations_of_mini_gold():
    text = " ".join(a for e in MINI_GOLD["events"] for a in e["anchors"])
    for seed in range(200):
        events = perturbed_predictions(MINI_GOLD, text, random.Random(seed))
        agree([MINI_GOLD], predictions(events, text=text))


# ---------------------------------------------------------------- the seed gold (shared data)


@pytest.fixture(scope="module")
def seed():
    if not SEED_GOLD.is_file() or not SEED_TEXT.is_file():
        pytest.skip("../shared/eval is not available")
    return load_gold(SEED_GOLD)[0], SEED_TEXT.read_text(encoding="utf-8")


def perfect_events(gold: dict, text: str) -> list[dict]:
    """One event per anchor of every required entry, right in every respect."""
    events = []
    for entry in gold["events"]:
        for anchor in entry["anchors"]:
            start = text.index(anchor)
            events.append({
                "source": {"country": entry["source"], "sector": entry["source_sector"][0] or None},
                "target": {"country": entry["target"]} if entry.get("target") else None,
                "type": entry["plover"][0], "aux": list(entry.get("aux", [])),
                "evidence": {"start": start, "end": start + len(anchor)},
                "date": entry.get("date")})
    return events


@pytest.mark.shared
def test_seed_anchors_are_in_the_text(seed):
    gold, text = seed
    missing = [a for kind in ("events", "optional", "must_not") for e in gold.get(kind, [])
               for a in e["anchors"] if normalise_text(a) not in normalise_text(text)]
    assert missing == []


@pytest.mark.shared
def test_seed_perfect_predictions(seed):
    gold, text = seed
    scores = agree([gold], predictions(perfect_events(gold, text), gold["doc_id"], text))
    print("\n" + format_scores(scores))
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    assert (scores.sector_accuracy, scores.date_accuracy, scores.forbidden) == (1.0, 1.0, 0)
    assert scores.tp == sum(len(e["anchors"]) for e in gold["events"])


@pytest.mark.shared
def test_seed_negated_copies_are_ignored(seed):
    gold, text = seed
    events = perfect_events(gold, text)
    negated = [dict(e, aux=["negation"], type="ACCUSE") for e in events]
    scores = agree([gold], predictions(events + negated, gold["doc_id"], text))
    assert (scores.tp, scores.fp, scores.unasserted) == (len(events), 0, len(events))


@pytest.mark.shared
def test_seed_boilerplate_is_forbidden(seed):
    gold, text = seed
    boilerplate = {"source": {"country": "USA"}, "target": {"country": "PRK"}, "type": "SUPPORT",
                   "aux": [], "evidence": {"sentence": "Follow Ben Kew on Facebook, Twitter"}}
    events = perfect_events(gold, text) + [boilerplate]
    scores = agree([gold], predictions(events, gold["doc_id"], text))
    assert (scores.fp, scores.forbidden) == (1, 1)
    assert scores.false_positives[0]["forbidden"] == ["no-boilerplate"]


@pytest.mark.shared
def test_seed_clustered_wpk_message_is_one_event(seed):
    gold, text = seed
    entry = gold["events"][0]
    spans = [{"start": text.index(a), "end": text.index(a) + len(a)} for a in entry["anchors"]]
    clustered = {"source": {"country": "PRK", "sector": "PTY"}, "target": {"country": "VEN"},
                 "type": "SUPPORT", "aux": [], "evidence": spans[0], "all_evidence": spans,
                 "date": {"start": "2018-03-08", "end": "2018-03-08"}}
    scores = score([gold], predictions([clustered], gold["doc_id"], text))
    assert (scores.tp, scores.fp, scores.matched_required) == (1, 0, 1)
    assert (scores.sector_accuracy, scores.date_accuracy) == (1.0, 1.0)


@pytest.mark.shared
def test_reference_agrees_on_random_perturbations_of_seed(seed):
    gold, text = seed
    for index in range(100):
        rng = random.Random(index)
        agree([gold], predictions(perturbed_predictions(gold, text, rng), gold["doc_id"], text))
