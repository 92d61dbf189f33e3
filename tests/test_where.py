"""Places: gazetteer look-up, ambiguity, stop list, the stage and event locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.model import Actor, Article, Document, Mention
from eventwire.where import (
    _SEGMENT_WORDS,
    _TOKEN,
    EXTRA_PATH,
    _capitalised_segments,
    _extra_entries,
    _tokens,
    article_countries,
    find_places,
    find_places_stage,
    fold,
    load_gazetteer,
    place_kind,
    place_of_event,
    resolve_name,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"


def found(text: str, countries: list[str] | None = None) -> list[tuple[str, str | None]]:
    """(surface text, ISO3) of every place the scanner finds."""
    return [(text[p.start:p.end], p.country) for p in find_places(text, None, countries or [])]


def doc_of(text: str, countries: list[str] = (), parsed=None) -> Document:
    mentions = [Mention(0, 0, "", Actor(text="", country=c)) for c in countries]
    return Document(article=Article(doc_id="t", text=text), sentences=[], mentions=mentions,
                    parsed=parsed)


def span_of(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


# --------------------------------------------------------------------------- ambiguity

@pytest.mark.parametrize("text, countries, expected", [
    ("Protests spread in Paris on Monday.", [], "FRA"),
    ("Protests spread in Paris on Monday.", ["USA"], "USA"),  # the article is about the US only
    ("Trump met Macron in Paris.", ["USA", "FRA"], "FRA"),  # both named: population wins
    ("Fans gathered in Valencia.", ["ESP"], "ESP"),
    ("Fans gathered in Valencia.", ["VEN"], "VEN"),
    ("Tech firms in San Jose hired more staff.", [], "USA"),
    ("Tech firms in San Jose hired more staff.", ["CRI"], "CRI"),
    ("Floods hit San Jose last week.", ["PHL"], "PHL"),
    ("Militias clashed in Tripoli.", [], "LBY"),
    ("Militias clashed in Tripoli.", ["LBN", "SYR"], "LBN"),
    ("Police arrested ten people in Hyderabad.", [], "IND"),
    ("Police arrested ten people in Hyderabad.", ["PAK"], "PAK"),
    ("Voters in Georgia went to the polls.", [], "GEO"),
    ("Voters in Georgia went to the polls.", ["USA"], "USA"),
    ("The delegation flew to Korea.", ["PRK", "USA"], "PRK"),
    ("The delegation flew to Korea.", [], "KOR"),
])
def test_ambiguous_names_follow_article_countries(text, countries, expected):
    places = find_places(text, None, countries)
    assert len(places) == 1
    assert places[0].country == expected


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize("text, surface, country", [
    ("Talks opened in Bogota.", "Bogota", "COL"),
    ("Talks opened in Bogotá.", "Bogotá", "COL"),
    ("Markets fell in São Paulo.", "São Paulo", "BRA"),
    ("Markets fell in Sao Paulo.", "Sao Paulo", "BRA"),
    ("Bankers met in Zürich.", "Zürich", "CHE"),
    ("A march in New York drew thousands.", "New York", "USA"),
    ("Police in Rio de Janeiro raided a favela.", "Rio de Janeiro", "BRA"),
    ("Ministers met in Kuala Lumpur.", "Kuala Lumpur", "MYS"),
    ("Aid reached the Democratic Republic of Congo.", "Democratic Republic of Congo", "COD"),
    ("Elections in Bosnia and Herzegovina were calm.", "Bosnia and Herzegovina", "BIH"),
    ("Rain fell on Port-au-Prince.", "Port-au-Prince", "HTI"),
    ("Troops left Kiev.", "Kiev", "UKR"),
    ("Leaders met in St. Petersburg.", "St. Petersburg", "RUS"),
    ("US sanctions took effect.", "US", "USA"),
    ("U.S. officials declined to comment.", "U.S.", "USA"),
    ("Britain recalled its envoy.", "Britain", "GBR"),
    ("Venezuela’s oil output fell.", "Venezuela", "VEN"),  # possessive left out of the span
])
def test_names_variants_and_multiword(text, surface, country):
    assert found(text) == [(surface, country)]


@pytest.mark.parametrize("text, surface, country, kind", [
    ("Strikes hit Gaza overnight.", "Gaza", "PSE", "region"),
    ("Settlers moved into the West Bank.", "West Bank", "PSE", "region"),
    ("Crimea was annexed in 2014.", "Crimea", "UKR", "region"),
    ("Shelling continued across the Donbas.", "Donbas", "UKR", "region"),
    ("Curfews returned to Kashmir.", "Kashmir", None, "region"),
    ("Troops held the Golan Heights.", "Golan Heights", "SYR", "region"),
    ("Tension rose on the Korean Peninsula.", "Korean Peninsula", None, "region"),
    ("Refugees fled Darfur.", "Darfur", "SDN", "region"),
    ("Air strikes hit Idlib.", "Idlib", "SYR", "city"),
    ("Tankers crossed the Strait of Hormuz.", "Strait of Hormuz", None, "water"),
    ("Ties with Venezuela improved.", "Venezuela", "VEN", "country"),
    ("Rallies were held in Caracas.", "Caracas", "VEN", "city"),
])
def test_extra_places_and_kinds(text, surface, country, kind):
    places = find_places(text, None, [])
    assert [(text[p.start:p.end], p.country) for p in places] == [(surface, country)]
    assert place_kind(places[0]) == kind
    assert places[0].lat is not None and places[0].lon is not None


# --------------------------------------------------------------------------- not places

@pytest.mark.parametrize("text", [
    "Michael Jordan scored forty points.",
    "Mr Jordan declined to comment.",
    "Paris Hilton arrived late.",
    "Reading the report, the minister frowned.",
    "Mobile phones were banned.",
    "The vote was held in March.",
    "The European Union imposed tariffs.",
    "The UN said aid was blocked.",
    "Kim Jong-il never made the trip.",
    "Wilson said the plan would fail.",
    "The White House issued a statement.",
    "Hamas fired rockets.",
    "Nobody told us about it.",
])
def test_stop_list_and_name_guards(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("King Abdullah of Jordan met the envoy.", [("Jordan", "JOR")]),
    ("He moved to Reading in 2010.", [("Reading", "GBR")]),
    ("Talks in Mobile ended.", [("Mobile", "USA")]),
])
def test_stop_list_applies_only_in_its_context(text, expected):
    assert found(text) == expected


def test_candidate_spans_limit_the_search():
    text = "Officials in Paris and Berlin met."
    places = find_places(text, [span_of(text, "Berlin")], [])
    assert [(p.name, p.country) for p in places] == [("Berlin", "DEU")]


def test_candidate_span_with_article_is_trimmed():
    text = "Tension rose on the Korean Peninsula."
    places = find_places(text, [span_of(text, "the Korean Peninsula")], [])
    assert [text[p.start:p.end] for p in places] == ["Korean Peninsula"]


# --------------------------------------------------------------------------- gazetteer

def test_fold_removes_accents_case_dots_and_article():
    assert fold("Bogotá") == fold("BOGOTA") == "bogota"
    assert fold("U.S.") == "us"
    assert fold("The Netherlands") == "netherlands"


def test_gazetteer_has_extras_and_stop_rows():
    gazetteer = load_gazetteer()
    extras = list(_extra_entries(EXTRA_PATH, {}))
    assert len(extras) >= 40
    assert "jordan" in gazetteer.stop
    assert resolve_name("Bogota").geonameid == resolve_name("Bogotá").geonameid


def test_country_rows_borrow_capital_coordinates():
    place = resolve_name("DPRK")
    assert place.country == "PRK" and place.kind == "country"
    assert place.lat == pytest.approx(39.03, abs=0.1)


def test_bad_extra_row_is_a_numbered_error(tmp_path):
    bad = tmp_path / "places_extra.tsv"
    bad.write_text("name\tcountry\tlat\tlon\tkind\tnotes\nAtlantis\tATL\t1\t2\tcontinent\t\n",
                   encoding="utf-8")
    with pytest.raises(DataFileError, match="E201"):
        list(_extra_entries(bad, {}))


# --------------------------------------------------------------------------- the stage

def test_article_countries_most_mentioned_first():
    mentions = [Mention(0, 1, "x", Actor("x", c)) for c in ["VEN", "PRK", "PRK", None, "USA"]]
    assert article_countries(mentions) == ["PRK", "VEN", "USA"]


def test_stage_without_parse_uses_mention_countries():
    doc = find_places_stage(doc_of("Floods hit San Jose last week.", ["PHL"]))
    assert [(p.name, p.country) for p in doc.places] == [("San Jose", "PHL")]


def test_stage_declares_its_fields():
    assert find_places_stage.requires == ("sentences", "mentions")
    assert find_places_stage.assigns == ("places",)


# --------------------------------------------------------------------------- event location

NK_EMBASSY = "In 2014, North Korea unveiled plans to open an embassy in Caracas."
NK_REGIME = ("The communist dictatorship in North Korea has expressed its support to "
             "Nicolás Maduro’s regime in Venezuela.")


@pytest.mark.parametrize("text, trigger, expected", [
    (NK_EMBASSY, "unveiled", ("Caracas", "VEN")),
    ("The envoys met at the UN headquarters in New York on Friday.", "met",
     ("New York City", "USA")),
    ("Protesters clashed with police in the capital Caracas.", "clashed", ("Caracas", "VEN")),
    ("Troops fired on crowds in Venezuela's capital Caracas.", "fired", ("Caracas", "VEN")),
    ("In Aleppo, rebels attacked a checkpoint.", "attacked", ("Aleppo", "SYR")),
    ("Officials in Ankara said the attack in Damascus killed ten.", "attack", ("Damascus", "SYR")),
    ("Officials in Ankara said the attack in Damascus killed ten.", None, ("Ankara", "TUR")),
    ("Police detained activists near Hebron.", "detained", ("Hebron", "PSE")),
])
def test_place_of_event_positive(text, trigger, expected):
    doc = doc_of(text)
    place = place_of_event(doc, 0, len(text), span_of(text, trigger) if trigger else None)
    assert place is not None and (place.name, place.country) == expected


@pytest.mark.parametrize("text, trigger", [
    ("North Korea congratulated Venezuela on the anniversary.", "congratulated"),
    (NK_REGIME, "expressed"),
    ("Iran condemned the new sanctions.", "condemned"),
    ("The regime in Venezuela rejected the offer.", "rejected"),
    ("Russia and China signed a trade deal.", "signed"),
])
def test_place_of_event_negative(text, trigger):
    doc = doc_of(text)
    assert place_of_event(doc, 0, len(text), span_of(text, trigger)) is None


def test_place_of_event_stays_inside_the_evidence_sentence():
    text = "Troops massed in Aleppo. North Korea congratulated Venezuela."
    second = text.index("North")
    doc = doc_of(text)
    assert place_of_event(doc, second, len(text), span_of(text, "congratulated")) is None


def test_place_of_event_uses_stage_places():
    doc = find_places_stage(doc_of(NK_EMBASSY, ["PRK", "VEN"]))
    place = place_of_event(doc, 0, len(NK_EMBASSY), span_of(NK_EMBASSY, "unveiled"))
    assert place is doc.places[-1]


# --------------------------------------------------------------------------- with the model

@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, expected", [
    (NK_EMBASSY, "unveiled", ("Caracas", "VEN")),
    (NK_REGIME, "expressed", None),
    ("Maduro received the delegation in Caracas after talks in Havana.", "received",
     ("Caracas", "VEN")),
])
def test_place_of_event_with_parse(nlp, text, trigger, expected):
    doc = find_places_stage(doc_of(text, parsed=nlp(text)))
    place = place_of_event(doc, 0, len(text), span_of(text, trigger))
    assert (place and (place.name, place.country)) == expected


@pytest.mark.model
def test_stage_with_parse_skips_people(nlp):
    text = "Michael Jordan visited Jordan and Georgia last year."
    doc = find_places_stage(doc_of(text, parsed=nlp(text)))
    assert [(text[p.start:p.end], p.country) for p in doc.places] == [
        ("Jordan", "JOR"), ("Georgia", "GEO")]


@pytest.mark.model
@pytest.mark.shared
def test_seed_article_embassy_location(nlp):
    path = SHARED / "examples" / "nk-venezuela-solidarity.txt"
    if not path.exists():
        pytest.skip("../shared is absent")
    text = path.read_text(encoding="utf-8")
    doc = find_places_stage(doc_of(text, ["PRK", "VEN"], parsed=nlp(text)))
    sentence = next(s for s in nlp(text).sents if "embassy in Caracas" in s.text)
    trigger = span_of(text, "unveiled")
    place = place_of_event(doc, sentence.start_char, sentence.end_char, trigger)
    assert (place.name, place.country) == ("Caracas", "VEN")
    assert place.lat == pytest.approx(10.49, abs=0.05)
    assert place.lon == pytest.approx(-66.88, abs=0.05)


# --- the scan of a whole text reads only the words a run of names can hold ----------------------

def name_runs(text: str, words) -> list[list[tuple[int, int, str]]]:
    return [[(t.start, t.end, t.text) for t in run]
            for run in _capitalised_segments(_tokens(text, 0, len(text), words), text)]


@pytest.mark.parametrize("text", [
    "x-Ray of Cuba, al-Qaeda in Iraq, Bin Laden, U.S.A. Today, d'Estaing of France's. a.B C..D e.-F _G 9-H",
    "The Gulf of Mexico and the Bay of Bengal; Port-au-Prince, Côte d'Ivoire, São Paulo, ÉTATS-UNIS, of's End.",
    "the President of the United States of America met the King of Saudi Arabia in Riyadh",
    "",
])
def test_scanned_runs_are_those_of_every_word(text):
    assert name_runs(text, _SEGMENT_WORDS) == name_runs(text, _TOKEN)


@pytest.mark.shared
def test_scanned_runs_are_those_of_every_word_in_meantime():
    import json

    from .conftest import shared_path

    for line in shared_path("data", "meantime-en", "meantime_en.jsonl").read_text().splitlines():
        text = json.loads(line)["text"]
        assert name_runs(text, _SEGMENT_WORDS) == name_runs(text, _TOKEN)
