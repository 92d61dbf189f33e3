"""The pattern dictionary: every row's example codes to its type; CAMEO and PLOVER coverage."""

from __future__ import annotations

import pytest

from eventwire.coding.patterns import PATTERN_FILE, load_patterns, pattern_book
from eventwire.coding.prefilter import could_hold_event
from eventwire.errors import DataFileError
from eventwire.model import PLOVER_TYPES
from eventwire.ontology import cameo_entry, plover_modes

PATTERNS = sorted(pattern_book(), key=lambda p: p.id)
CAMEO_ROOTS = {f"{root:02d}" for root in range(1, 21)}


def test_the_dictionary_covers_every_plover_type_with_verbs_and_nouns():
    types = {p.type for p in PATTERNS}
    assert types == set(PLOVER_TYPES)
    assert {p.pos for p in PATTERNS} >= {"VERB", "NOUN", "ADJ"}
    assert len(PATTERNS) >= 500


def test_the_dictionary_covers_all_cameo_roots_and_150_leaf_codes():
    codes = {p.cameo for p in PATTERNS}
    roots = {cameo_entry(code).root for code in codes}
    leaves = {code for code in codes if len(code) >= 3}
    print(f"\n{len(PATTERNS)} patterns, {len(codes)} CAMEO codes, {len(leaves)} leaf codes, {len(roots)} roots")
    assert roots == CAMEO_ROOTS
    assert len(leaves) >= 150


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_pattern_row_is_consistent(pattern):
    entry = cameo_entry(pattern.cameo)  # raises for an unknown code
    assert entry.code == pattern.cameo
    if pattern.mode:
        assert pattern.mode in plover_modes(pattern.type), f"{pattern.mode} is not a {pattern.type} mode"
    assert pattern.example.strip()


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_fast_path_keeps_every_example(pattern):
    assert could_hold_event(pattern.example)


@pytest.mark.model
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_example_codes_to_the_pattern_type(pattern, code):
    doc = code(pattern.example)
    types = [e.type for e in doc.event_mentions or ()]
    assert pattern.type in types, f"{pattern.example!r} gave {types}"


BAD_ROWS = [
    ("x\tWAGE\t\t190\tVERB\tattack\t\t\t\tIraq attacked Iran.", "unknown PLOVER type"),
    ("x\tASSAULT\t\t190\tADVERB\tattack\t\t\t\tIraq attacked Iran.", "pos must be"),
    ("x\tASSAULT\t\t190\tVERB\tattack\t\t\tloud\tIraq attacked Iran.", "unknown flags"),
    ("x\tASSAULT\t\t190\tVERB\tattack\t\t\t\t", "example"),
]


@pytest.mark.parametrize("row, reason", BAD_ROWS)
def test_bad_rows_are_reported_with_their_line(tmp_path, row, reason):
    header = PATTERN_FILE.read_text(encoding="utf-8").splitlines()
    header = next(line for line in header if line.startswith("id\t"))
    path = tmp_path / "patterns.tsv"
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_patterns((path,))
    assert reason in str(error.value)


def test_noun_triggers_are_headed_by_their_last_word(tmp_path):
    header = next(line for line in PATTERN_FILE.read_text(encoding="utf-8").splitlines()
                  if line.startswith("id\t"))
    path = tmp_path / "patterns.tsv"
    path.write_text(header + "\nhs\tPROTEST\thunger\t142\tNOUN\thunger strike\t\t\t\tX began a hunger strike.\n",
                    encoding="utf-8")
    (pattern,) = list(load_patterns((path,)))
    assert (pattern.lemma, pattern.modifiers, pattern.particle) == ("strike", ("hunger",), None)
