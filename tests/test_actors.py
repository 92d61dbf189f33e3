"""The actor knowledge base as loaded (kb.py), the name finder (names.py) and user extension files
(``Settings(actor_files=...)``, ``eventwire code --actors FILE``).  Only the last tests load spaCy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.actors.kb import build_knowledge_base, knowledge_base, surnames_of
from eventwire.actors.names import find_names
from eventwire.errors import DataFileError


@pytest.fixture(scope="module")
def kb():
    return knowledge_base()


# ---------------------------------------------------------------- names in text (no parse)

@pytest.mark.parametrize(("text", "name", "country"), [
    ("Talks in Tehran ended.", "Tehran", "IRN"),
    ("the US-led coalition", "US", "USA"),
    ("Iranian-backed militias", "Iranian", "IRN"),
    ("NATO-member Norway", "NATO", "IGO"),
    ("Guinea-Bissau voted.", "Guinea-Bissau", "GNB"),
    ("The Kremlin said", "Kremlin", "RUS"),
    ("the Élysée said", "Élysée", "FRA"),
    ("Chávez said", "Chávez", "VEN"),
    ("Kurdish fighters", "Kurdish", "IRQ"),
    ("the Palestinians", "Palestinians", "PSE"),
    # a generic head news copy leaves in lower case still names the institution
    ("The Chinese Foreign ministry condemned the visit.", "Chinese Foreign ministry", "CHN"),
    ("the al-Azhar Mosque", "al-Azhar Mosque", "EGY"),
])
def test_find_names(kb, text: str, name: str, country: str) -> None:
    found = {m.text: {e.country for e in m.entries} for m in find_names(text, kb)}
    assert country in found.get(name, set()), found


@pytest.mark.parametrize("text", [
    "us and them",  # 'US' must be written in capitals
    "a turkey dinner",  # lower case is not a name
    "the usual suspects",
    "Guinea-Bissau",  # 'Guinea' alone must not match inside the longer name
])
def test_find_names_rejects(kb, text: str) -> None:
    names = [m.text for m in find_names(text, kb)]
    assert "US" not in names and "Turkey" not in names and "Guinea" not in names, names


@pytest.mark.parametrize(("text", "name"), [
    ("Russia today warned Ukraine against joining NATO.", "Russia today"),  # not the outlet Russia Today
    ("The Slovak republic of Slovenia lifted the ban.", "Slovak republic"),
])
def test_a_name_keeps_the_capitals_of_its_spelling(kb, text: str, name: str) -> None:
    assert name not in [m.text for m in find_names(text, kb)]


def test_offsets_are_the_texts_own(kb) -> None:
    text = "Naïve reports: the Élysée and Pyongyang spoke."
    for match in find_names(text, kb):
        assert text[match.start:match.end] == match.text


# ---------------------------------------------------------------- the loaded knowledge base

@pytest.mark.parametrize(("name", "kind", "country"), [
    ("Pyongyang", "capital", "PRK"), ("Downing Street", "seat", "GBR"), ("the Kremlin", "seat", "RUS"),
    ("NATO", "organization", "IGO"), ("Hamas", "organization", "PSE"), ("Kim Jong-il", "person", "PRK"),
    ("Serb", "demonym", "SRB"), ("Israeli", "demonym", "ISR"), ("Moscow", "capital", "RUS"),
    ("UN Security Council", "organization", "IGO"), ("the EU", "organization", "IGO"),
])
def test_lookup(kb, name: str, kind: str, country: str) -> None:
    assert any(e.kind == kind and e.country == country for e in kb.lookup(name)), kb.lookup(name)


@pytest.mark.parametrize(("person_id", "day", "sector"), [
    ("prk_kim_jong_il", "2011-12-16", "GOV"),
    ("prk_kim_jong_il", "2011-12-17", None),
    ("usa_donald_trump", "2018-01-01", "GOV"),
    ("usa_donald_trump", "2022-01-01", None),
    ("usa_ronald_reagan", "1985-01-01", "GOV"),
])
def test_terms_by_date(kb, person_id: str, day: str, sector: str | None) -> None:
    term = kb.person(person_id).term_on(dt.date.fromisoformat(day))
    assert (term.sector if term else None) == sector


@pytest.mark.parametrize(("name", "readings", "default"), [
    ("Georgia", {"GEO", "US-STATE"}, "GEO"), ("Congo", {"COD", "COG"}, "COD"),
    ("Washington", {"USA", "US-STATE", "PERSON"}, "USA"), ("Jordan", {"JOR", "PERSON"}, "JOR"),
])
def test_ambiguous_names_have_readings_and_cues(kb, name: str, readings: set[str], default: str) -> None:
    ambiguity = kb.ambiguous[name.lower()]
    assert readings <= set(ambiguity.readings) and ambiguity.default == default
    assert ambiguity.cues, "each of these has cue words in ambiguous_cues.tsv"


@pytest.mark.parametrize(("name", "expected"), [
    ("George W. Bush", {"bush"}), ("Abdullah II of Jordan", set()), ("Juan Carlos I", set()), ("Obama", set()),
])
def test_surnames(name: str, expected: set[str]) -> None:
    assert surnames_of(name) == expected


def test_surname_index(kb) -> None:
    assert {e.id for e in kb.surnames["bush"]} == {"usa_george_hw_bush", "usa_george_w_bush"}


# ---------------------------------------------------------------- user extension files

def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_people_file_adds_a_person(tmp_path: Path) -> None:
    path = write(tmp_path, "people.tsv", "id\tname\taliases\tcountry\tsector\trole\tstart\tend\n"
                 "zzz_ana_pereira\tAna Pereira\tPereira\tBRA\tGOV\tgovernor\t2019-01-01\t2022-12-31\n")
    kb = build_knowledge_base(extra=[path])
    entry = kb.lookup("Ana Pereira")[0]
    assert entry.term_on(dt.date(2020, 1, 1)).sector == "GOV"
    assert entry.term_on(dt.date(2023, 1, 1)) is None


def test_user_organization_file_overrides_an_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "orgs.tsv", "id\tname\taliases\tcountry\tsector\tstart\tend\truling\n"
                 "igo_nato\tNorth Atlantic Treaty Organization\tNATO\tIGO\tMIL\t\t\t\n")
    kb = build_knowledge_base(extra=[path])
    nato = [e for e in kb.lookup("NATO") if e.id == "igo_nato"]
    assert len(nato) == 1 and nato[0].sector == "MIL"


def test_user_file_adds_country_alias_and_role(tmp_path: Path) -> None:
    countries = write(tmp_path, "countries.tsv", "code\tname\taliases\tadjectives\tcapitals\tseats\n"
                      "ATL\tAtlantis\tLost Continent\tAtlantean\tPoseidonis\tCrystal Palace\n")
    roles = write(tmp_path, "roles.tsv", "term\tsector\tkind\tnotes\nsea priest\tREL\tperson\t\n")
    kb = build_knowledge_base(extra=[countries, roles])
    assert {e.kind for e in kb.lookup("Poseidonis")} == {"capital"}
    assert kb.lookup("Atlantean")[0].country == "ATL"
    assert kb.roles["sea priest"].sector == "REL"


def test_user_folder_is_read_like_the_bundled_one(tmp_path: Path) -> None:
    write(tmp_path, "roles.tsv", "term\tsector\tkind\tnotes\nlighthouse keeper\tCVL\tperson\t\n")
    assert build_knowledge_base(extra=[tmp_path]).roles["lighthouse keeper"].sector == "CVL"


def test_unknown_header_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.tsv", "foo\tbar\n1\t2\n")
    with pytest.raises(DataFileError):
        build_knowledge_base(extra=[path])


def test_bad_date_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "people.tsv", "id\tname\taliases\tcountry\tsector\trole\tstart\tend\n"
                 "x\tX Y\t\tBRA\tGOV\tgovernor\t2019-13-01\t\n")
    with pytest.raises(DataFileError, match="people.tsv"):
        build_knowledge_base(extra=[path])


@pytest.mark.model
def test_settings_actor_files_reach_the_resolver(tmp_path: Path) -> None:
    from eventwire.api import Settings, code_article
    from eventwire.model import Article

    path = write(tmp_path, "people.tsv", "id\tname\taliases\tcountry\tsector\trole\tstart\tend\n"
                 "zzz_tomas_quell\tTomas Quell\tQuell\tCHL\tGOV\tminister\t2019-01-01\t\n")
    doc = code_article(Article("t", "Tomas Quell accused Peru of spying.", dt.date(2020, 1, 1)),
                       Settings(actor_files=(str(path),), fast_path=False))
    quell = [m for m in doc.mentions if m.text == "Tomas Quell"]
    assert quell and (quell[0].actor.country, quell[0].actor.sector) == ("CHL", "GOV")
    assert quell[0].actor.actor_id == "zzz_tomas_quell"


@pytest.mark.model
def test_cli_actors_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    actors = write(tmp_path, "orgs.tsv", "id\tname\taliases\tcountry\tsector\tstart\tend\truling\n"
                   "chl_front_z\tFrente Zeta\tZeta Front\tCHL\tREB\t\t\t\n")
    article = write(tmp_path, "a.txt", "The Zeta Front attacked a police station in Chile on Monday.\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["code", str(article), "--db", str(tmp_path / "e.duckdb"), "--out",
                                       str(out), "--actors", str(actors), "--published", "2020-01-01", "--quiet"])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "chl_front_z" in json.dumps(record)


# ---------------------------------------------------------------- the actor-only PLOVER scorer

def test_actors_gsr_judges_by_overlap() -> None:
    from eventwire.eval.actors_gsr import judge_record, score_actors
    from eventwire.model import Actor, Mention

    record = {"id": "r1", "text": "The US warned Japan about us.",
              "source": [{"text": "US", "code": "USA"}], "target": [{"text": "Japan", "code": "JAP"}]}
    mentions = [Mention(4, 6, "US", Actor("US", "USA")), Mention(14, 19, "Japan", Actor("Japan", "KOR"))]
    verdicts = {j.role: j.verdict for j in judge_record(record, mentions)}
    assert verdicts == {"source": "right", "target": "wrong"}  # JAP is normalised to JPN
    result = score_actors([record], lambda text: [])
    assert result["source"]["missed"] == 1 and result["source"]["accuracy"] == 0.0


@pytest.mark.model
def test_actors_gsr_on_the_shared_records() -> None:
    from eventwire.eval.actors_gsr import score_actors, sentence_resolver
    from eventwire.eval.plover_gsr import load_plover_gsr

    from .conftest import shared_path

    result = score_actors(load_plover_gsr(shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.jsonl")),
                          sentence_resolver())
    print(result["source"], result["target"])
    assert result["source"]["accuracy"] >= 0.94 and result["target"]["accuracy"] >= 0.94
