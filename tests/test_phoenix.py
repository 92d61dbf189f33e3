"""PETRARCH/Phoenix (TABARI-format) actor dictionaries as an extra actor source (actors/phoenix.py).

A tiny hand-written snippet always runs; the shared Phoenix files are read when ../shared is there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors.kb import KnowledgeBase, build_knowledge_base
from eventwire.actors.phoenix import is_phoenix_file, load_phoenix

from .conftest import shared_path

SNIPPET = """\
# A hand-written dictionary in the Phoenix format.
ZORAN_VELIK_  # a made-up president of Serbia, then opposition leader
+PRESIDENT_VELIK_
+VELIK_
\t[SRBGOV 950101-991231]
\t[SRBOPP >000101]
MARTA_OLAND_
\t[NORGOV <100101]
\t[NORELI]
FREEDOM_FRONT_OF_ZEMBLA_ [ZMBREB]
+ZEMBLA_FREEDOM_FRONT_
ATLANTIS_ [ATL]
"""


@pytest.fixture()
def snippet(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.actors.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


def test_snippet_is_recognised_and_loaded(snippet: Path) -> None:
    assert is_phoenix_file(snippet)
    kb = KnowledgeBase()
    assert load_phoenix(kb, snippet) == 4
    assert kb.lookup("Velik") and kb.lookup("President Velik") and kb.lookup("Zembla Freedom Front")


@pytest.mark.parametrize(("name", "day", "country", "sector"), [
    ("Zoran Velik", "1995-01-01", "SRB", "GOV"),
    ("Zoran Velik", "1999-12-31", "SRB", "GOV"),  # a Phoenix end date is the last day
    ("Zoran Velik", "2000-06-01", "SRB", "OPP"),
    ("Marta Oland", "2009-12-31", "NOR", "GOV"),  # '<100101': before 2010-01-01
    ("Marta Oland", "2010-01-01", "NOR", "ELI"),  # the undated code is the fallback
])
def test_dated_codes_are_honoured(snippet: Path, name: str, day: str, country: str, sector: str) -> None:
    kb = KnowledgeBase()
    load_phoenix(kb, snippet)
    term = kb.lookup(name)[0].term_on(dt.date.fromisoformat(day))
    assert term is not None and (term.country, term.sector) == (country, sector)


def test_gap_between_dated_codes_has_no_sector(snippet: Path) -> None:
    kb = KnowledgeBase()
    load_phoenix(kb, snippet)
    assert kb.lookup("Zoran Velik")[0].term_on(dt.date(1990, 1, 1)) is None


def test_undated_blocks(snippet: Path) -> None:
    kb = KnowledgeBase()
    load_phoenix(kb, snippet)
    front = kb.lookup("Freedom Front of Zembla")[0]
    assert (front.kind, front.country, front.sector) == ("organization", "ZMB", "REB")
    country = kb.lookup("Atlantis")[0]
    assert (country.kind, country.country, country.sector) == ("country", "ATL", "GOV")


def test_snippet_as_extra_file_keeps_the_bundled_entries(snippet: Path) -> None:
    kb = build_knowledge_base(extra=[snippet])
    assert kb.lookup("Velik") and any(e.id == "rus_vladimir_putin" for e in kb.lookup("Putin"))


@pytest.mark.model
@pytest.mark.parametrize(("day", "sector"), [("1997-05-01", "GOV"), ("2003-05-01", "OPP")])
def test_snippet_through_the_pipeline(snippet: Path, day: str, sector: str) -> None:
    from eventwire.api import Settings, code_article
    from eventwire.model import Article

    doc = code_article(Article("t", "Zoran Velik accused Croatia of lying.", dt.date.fromisoformat(day)),
                       Settings(actor_files=(str(snippet),), fast_path=False))
    velik = [m for m in doc.mentions if m.text == "Zoran Velik"]
    assert velik and (velik[0].actor.country, velik[0].actor.sector) == ("SRB", sector)
    assert velik[0].actor.actor_id == "phoenix:ZORAN VELIK"


# ---------------------------------------------------------------- the shared Phoenix dictionaries

PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


@pytest.fixture(scope="module")
def phoenix_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for name in PHOENIX_FILES:
        path = shared_path("data", "cameo-dictionaries", name)
        assert is_phoenix_file(path)
        assert load_phoenix(kb, path) > 500, name
    return kb


@pytest.mark.parametrize(("name", "day", "country", "sector"), [
    ("Vladimir Putin", "2001-01-01", "RUS", "GOV"),
    ("Vladimir Putin", "1995-01-01", "RUS", "ELI"),
    ("Kim Jong Il", "2008-01-01", "PRK", "GOV"),
])
def test_shared_people_by_date(phoenix_kb: KnowledgeBase, name: str, day: str, country: str, sector: str) -> None:
    entry = next(e for e in phoenix_kb.lookup(name) if e.kind == "person")
    term = entry.term_on(dt.date.fromisoformat(day))
    assert term is not None and (term.country, term.sector) == (country, sector)


@pytest.mark.parametrize(("name", "country"), [("Hamas", "PSE"), ("United Nations", "IGO"), ("Hezbollah", "LBN")])
def test_shared_organisations(phoenix_kb: KnowledgeBase, name: str, country: str) -> None:
    assert country in {e.country for e in phoenix_kb.lookup(name)}


def test_shared_files_load_as_extra_sources() -> None:
    paths = [shared_path("data", "cameo-dictionaries", name) for name in PHOENIX_FILES]
    kb = build_knowledge_base(extra=paths)
    assert any(e.id.startswith("phoenix:") for e in kb.lookup("Hamas"))
    assert any(e.id == "rus_vladimir_putin" for e in kb.lookup("Vladimir Putin"))


def test_comment_blocks_of_petrarch_files_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "validate.actors.txt"
    path.write_text("<!-- A VALIDATION DICTIONARY -->\n<!--\n# notes\nNOT_AN_ACTOR [XXX]\n-->\n"
                    "ARNOR_ [ARN]\nGONDOR_ARMY_ [GONMIL]\n", encoding="utf-8")
    assert is_phoenix_file(path)
    kb = KnowledgeBase()
    assert load_phoenix(kb, path) == 2
    assert not kb.lookup("Not an actor")
    assert {e.country for e in kb.lookup("Gondor Army")} == {"GON"}


AGENTS = """\
<!-- A hand-written agents dictionary -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
HERDS!PERSON! [~AGR]
GRAIN_FARMER [~AGR]
WARLORD [~REBMIL] # a comment
"""


def test_agents_file_adds_roles(tmp_path: Path) -> None:
    path = tmp_path / "tiny.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    assert is_phoenix_file(path)
    kb = build_knowledge_base(extra=[path])
    assert {t: kb.roles[t].sector for t in ("herdsman", "herdswomen", "warlord")} == {
        "herdsman": "AGR", "herdswomen": "AGR", "warlord": "REB"}
    assert "grain farmer" not in kb.roles and "farmer" in kb.roles  # phrases left out, bundled roles kept


def test_petrarch_validation_dictionaries_load() -> None:
    folder = shared_path("data", "petrarch-validation", "dictionaries")
    kb = build_knowledge_base(extra=[folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"])
    assert "ARN" in {e.country for e in kb.lookup("Arnor")}
    assert kb.roles["congressman"].sector == "LEG"


def test_phoenix_agents_load() -> None:
    kb = KnowledgeBase()
    assert load_phoenix(kb, shared_path("data", "cameo-dictionaries", "Phoenix.agents.txt")) > 500
    assert kb.roles["peasant"].sector == "AGR"
