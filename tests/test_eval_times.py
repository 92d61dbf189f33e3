"""Tests for the time-expression scorer (eventwire.eval.times) and the MEANTIME golden suite."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.eval.times import (
    ALL, annotated_extent, format_table, load_records, parse_dct, score_times,
)
from eventwire.model import TimeExpression

MEANTIME = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-en" / \
    "meantime_en.jsonl"
MIN_SPAN_F1 = 0.90
MIN_VALUE_F1 = 0.80

TEXT = "Talks\nMarch 8, 2018\nRebels attacked on Monday for two days.\nMore later."


def gold(text: str, type_: str, value: str, start: int | None = None) -> dict:
    start = TEXT.index(text) if start is None else start
    return {"text": text, "start": start, "end": start + len(text), "type": type_, "value": value}


RECORD = {
    "doc_id": "mini",
    "dct": "2018-03-08",
    "text": TEXT,
    "sentences": [[0, 5], [6, 19], [20, 59], [60, 71]],
    "timexes": [gold("March 8, 2018", "DATE", "2018-03-08"), gold("Monday", "DATE", "2018-03-05"),
                gold("two days", "DURATION", "P2D"),
                {"text": "", "start": None, "end": None, "type": "DATE", "value": "2018"}],
    "events": [{"start": 27, "end": 35}],
    "entities": [],
}


def fixed_tagger(*expressions: tuple[str, str, str]):
    """A tagger that emits the given (text, type, value) wherever the text first occurs."""

    def tag(text: str, published: dt.date | None) -> list[TimeExpression]:
        found = []
        for span, type_, value in expressions:
            start = text.index(span)
            found.append(TimeExpression(span, start, start + len(span), type_, value))
        return found

    return tag


def test_perfect_tagger_scores_one():
    tagger = fixed_tagger(("March 8, 2018", "DATE", "2018-03-08"), ("Monday", "DATE", "2018-03-05"),
                          ("two days", "DURATION", "P2D"))
    result = score_times([RECORD], tagger)
    assert result[ALL]["span_f1"] == 1.0 and result[ALL]["value_f1"] == 1.0
    assert result[ALL]["gold"] == 3  # the span-less gold timex is not scored


def test_overlap_counts_for_span_and_wrong_value_counts_against_value():
    tagger = fixed_tagger(("on Monday", "DATE", "2018-03-12"), ("two", "DURATION", "P2D"))
    result = score_times([RECORD], tagger)
    overall = result[ALL]
    assert overall["span_precision"] == 1.0
    assert overall["span_recall"] == pytest.approx(2 / 3)
    assert overall["value_precision"] == pytest.approx(1 / 2)
    assert overall["value_recall"] == pytest.approx(1 / 3)
    assert result["DURATION"]["value_f1"] == 1.0
    assert result["DATE"]["value_recall"] == 0.0


def test_emissions_after_the_annotated_part_are_not_scored():
    tagger = fixed_tagger(("Monday", "DATE", "2018-03-05"), ("later", "DATE", "FUTURE_REF"))
    result = score_times([RECORD], tagger)
    assert result[ALL]["emitted"] == 1
    assert result[ALL]["span_precision"] == 1.0


def test_unscored_extra_is_a_false_positive_inside_the_annotated_part():
    tagger = fixed_tagger(("Rebels", "DATE", "2018"))
    result = score_times([RECORD], tagger)
    assert result[ALL]["span_precision"] == 0.0
    assert result["extras"][0]["text"] == "Rebels"


def test_annotated_extent_ends_at_the_last_annotated_sentence():
    assert annotated_extent(RECORD) == 59
    assert annotated_extent({"text": "abc", "timexes": []}) == 3


@pytest.mark.parametrize("raw, expected", [
    ("2008-03-06", dt.date(2008, 3, 6)), ("03-02-2009", dt.date(2009, 2, 3)), (None, None),
    ("", None), ("sometime", None),
])
def test_parse_dct(raw, expected):
    assert parse_dct(raw) == expected


def test_load_records_rejects_a_non_gold_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "no timexes"}) + "\n", encoding="utf-8")
    with pytest.raises(EventwireError, match="E401"):
        load_records(bad)
    with pytest.raises(EventwireError, match="E101"):
        load_records(tmp_path / "missing.jsonl")


def test_table_lists_every_type_and_all():
    table = format_table(score_times([RECORD]))
    assert "DATE" in table and "DURATION" in table and table.splitlines()[-1].startswith(ALL)


@pytest.mark.shared
def test_meantime_scores():
    if not MEANTIME.exists():
        pytest.skip(f"{MEANTIME} is absent")
    result = score_times(load_records(MEANTIME))
    print()
    print(format_table(result))
    assert result["documents"] > 0
    assert result[ALL]["span_f1"] >= MIN_SPAN_F1
    assert result[ALL]["value_f1"] >= MIN_VALUE_F1
