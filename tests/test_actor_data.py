"""Checks on the actor knowledge-base files in actors/data/.

countries.tsv, ambiguous.tsv, organizations.tsv and roles.tsv are edited by
hand, so these tests guard their shape (columns, codes, dates), their
consistency (no name silently resolving to two countries) and a sample of
well-known facts.  Ruling ranges are half-open [start, end): on a handover day
the successor rules; an empty end means still ruling.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

import pytest

from .conftest import shared_path

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data"

COUNTRY_HEADER = ["code", "name", "aliases", "adjectives", "capitals", "seats", "combining", "peoples"]
AMBIGUOUS_HEADER = ["name", "candidates", "default", "notes", "kind"]
ORG_HEADER = ["id", "name", "aliases", "country", "sector", "start", "end", "ruling"]
ROLE_HEADER = ["term", "sector", "kind", "notes", "country", "office"]

# ISO 3166-1 alpha-3 (249 codes) plus the user-assigned XKX for Kosovo.
ISO_ALPHA3 = frozenset((
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD "
    "BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR "
    "COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH "
    "ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL "
    "GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR "
    "JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR "
    "MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL "
    "NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY "
    "PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP "
    "SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA "
    "UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE XKX"
).split())
ORG_SECTORS = frozenset(
    "GOV MIL COP JUD LEG MED PTY OPP REB BUS CVL IGO NGO REL EDU LAB SPY CRM UAF".split()
)
# Roles may also use the finer CAMEO sectors (refugees, criminals, farmers, health, ...).
ROLE_SECTORS = ORG_SECTORS | {"REF", "AGR", "HLH", "ENV", "HRI", "ELI"}
ROLE_KINDS = {"person", "group", "institution"}
NON_COUNTRY_READINGS = {"PERSON", "US-STATE", "PLACE", "COMMON-NOUN", "IGO", "REL", "BUS"}
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ORG_ID = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
OPEN_END = dt.date.max


def read_rows(filename: str) -> list[list[str]]:
    """Header plus data rows of a TSV, `#` comment lines skipped."""
    with (DATA / filename).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def forms(cell: str) -> list[str]:
    return [form for form in cell.split("|") if form]


def key(form: str) -> str:
    """Matching key as the resolver builds it: lower case, no diacritics, straight
    apostrophes, a leading article dropped ('the Kremlin' = 'Kremlin')."""
    decomposed = unicodedata.normalize("NFKD", form.replace("\u2019", "'"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return folded[4:] if folded.startswith("the ") else folded


def parse_partial_date(text: str, upper: bool = False) -> dt.date:
    """'2014', '2014-05' or '2014-05-16' -> a date (first or last day of the period)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if not upper:
            return dt.date(year, month, 1)
        next_month = dt.date(year + month // 12, month % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if upper else dt.date(parts[0], 1, 1)


def parse_ruling(cell: str) -> list[tuple[dt.date, dt.date]]:
    spans = []
    for span in forms(cell):
        start, _, end = span.partition("/")
        spans.append((dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else OPEN_END))
    return spans


class Org(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    start: str
    end: str
    ruling: tuple[tuple[dt.date, dt.date], ...]

    @property
    def all_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def rules_on(self, day: dt.date) -> bool:
        return any(start <= day < end for start, end in self.ruling)


COUNTRY_ROWS = read_rows("countries.tsv")
AMBIGUOUS_ROWS = read_rows("ambiguous.tsv")
ORG_ROWS = read_rows("organizations.tsv")
ROLE_ROWS = read_rows("roles.tsv")
COUNTRY_CODES = {row[0] for row in COUNTRY_ROWS[1:]}
AMBIGUOUS_KEYS = {key(row[0]) for row in AMBIGUOUS_ROWS[1:]}


def country_index() -> dict[str, set[str]]:
    """Matching key of every name, alias, adjective, capital and seat -> country codes."""
    index: dict[str, set[str]] = defaultdict(set)
    for code, *cells in COUNTRY_ROWS[1:]:
        for cell in cells:
            for form in forms(cell):
                index[key(form)].add(code)
    return index


def orgs() -> list[Org]:
    return [
        Org(oid, name, tuple(forms(aliases)), country, sector, start, end, tuple(parse_ruling(ruling)))
        for oid, name, aliases, country, sector, start, end, ruling in ORG_ROWS[1:]
    ]


def orgs_called(form: str) -> list[Org]:
    return [org for org in orgs() if key(form) in {key(f) for f in org.all_forms}]


# ---------------------------------------------------------------- shape


@pytest.mark.parametrize(
    ("rows", "header"),
    [(COUNTRY_ROWS, COUNTRY_HEADER), (AMBIGUOUS_ROWS, AMBIGUOUS_HEADER),
     (ORG_ROWS, ORG_HEADER), (ROLE_ROWS, ROLE_HEADER)],
    ids=["countries", "ambiguous", "organizations", "roles"],
)
def test_header_and_column_count(rows: list[list[str]], header: list[str]) -> None:
    assert rows[0] == header
    bad = [row for row in rows[1:] if len(row) != len(header)]
    assert not bad, bad[:5]


@pytest.mark.parametrize(
    ("rows", "minimum"),
    [(COUNTRY_ROWS, 240), (ORG_ROWS, 600), (ROLE_ROWS, 120)],
    ids=["countries", "organizations", "roles"],
)
def test_minimum_row_counts(rows: list[list[str]], minimum: int) -> None:
    print(f"{len(rows) - 1} rows")
    assert len(rows) - 1 >= minimum


@pytest.mark.parametrize(
    "rows", [COUNTRY_ROWS, AMBIGUOUS_ROWS, ORG_ROWS, ROLE_ROWS],
    ids=["countries", "ambiguous", "organizations", "roles"],
)
def test_cells_are_clean(rows: list[list[str]]) -> None:
    for row in rows[1:]:
        for cell in row:
            assert cell == cell.strip(), row
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), row
            assert all(form == form.strip() for form in cell.split("|")), row


@pytest.mark.parametrize(
    ("rows", "form_columns"),
    [(COUNTRY_ROWS, range(1, 6)), (ORG_ROWS, range(1, 3))],
    ids=["countries", "organizations"],
)
def test_every_apostrophe_form_has_its_curly_twin(rows: list[list[str]], form_columns: range) -> None:
    for row in rows[1:]:
        row_forms = {form for column in form_columns for form in forms(row[column])}
        missing = [f for f in row_forms if "'" in f and f.replace("'", "\u2019") not in row_forms]
        assert not missing, (row[0], missing)


# ---------------------------------------------------------------- countries


def test_country_codes_are_the_iso_list_plus_kosovo() -> None:
    codes = [row[0] for row in COUNTRY_ROWS[1:]]
    assert len(codes) == len(set(codes)), "duplicate country code"
    assert set(codes) == ISO_ALPHA3


def test_every_country_has_a_name() -> None:
    assert all(row[1] for row in COUNTRY_ROWS[1:])


def test_shared_country_names_are_listed_as_ambiguous() -> None:
    shared = {form: codes for form, codes in country_index().items() if len(codes) > 1}
    unlisted = {form: sorted(codes) for form, codes in shared.items() if form not in AMBIGUOUS_KEYS}
    assert not unlisted


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Pyongyang", "PRK"), ("the Kremlin", "RUS"), ("DPRK", "PRK"), ("North Koreans", "PRK"),
        ("Venezuelan", "VEN"), ("Venezuelans", "VEN"), ("Caracas", "VEN"), ("Miraflores", "VEN"),
        ("Washington", "USA"), ("the White House", "USA"), ("Pentagon", "USA"), ("U.S.", "USA"),
        ("Foggy Bottom", "USA"), ("Americans", "USA"), ("Moscow", "RUS"), ("Soviet Union", "RUS"),
        ("Beijing", "CHN"), ("Zhongnanhai", "CHN"), ("PRC", "CHN"), ("Blue House", "KOR"),
        ("Downing Street", "GBR"), ("Whitehall", "GBR"), ("Britons", "GBR"), ("Britain", "GBR"),
        ("Elysee", "FRA"), ("Élysée", "FRA"), ("Quai d'Orsay", "FRA"), ("Quai d\u2019Orsay", "FRA"),
        ("Burma", "MMR"), ("Burmese", "MMR"), ("Ivory Coast", "CIV"), ("Cote d'Ivoire", "CIV"),
        ("Holland", "NLD"), ("Dutch", "NLD"), ("Zaire", "COD"), ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"), ("Palestinians", "PSE"), ("Gaza Strip", "PSE"),
        ("West Bank", "PSE"), ("Israelis", "ISR"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
        ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("Tehran", "IRN"), ("Persia", "IRN"),
        ("Naypyidaw", "MMR"), ("Ceylon", "LKA"), ("Swaziland", "SWZ"), ("Cape Verde", "CPV"),
        ("East Timor", "TLS"), ("Taiwan", "TWN"), ("Republic of China", "TWN"), ("Kosovars", "XKX"),
        ("Holy See", "VAT"), ("Aso Rock", "NGA"), ("Casa Rosada", "ARG"), ("Malacañang", "PHL"),
    ],
)
def test_country_spot_checks(form: str, code: str) -> None:
    assert country_index()[key(form)] == {code}


# ---------------------------------------------------------------- ambiguous names


def test_ambiguous_names_are_unique() -> None:
    names = [key(row[0]) for row in AMBIGUOUS_ROWS[1:]]
    assert len(names) == len(set(names))


def test_ambiguous_candidates_and_defaults_are_valid() -> None:
    for name, candidates, default, _notes, _kind in AMBIGUOUS_ROWS[1:]:
        readings = forms(candidates)
        assert readings, name
        assert set(readings) <= COUNTRY_CODES | NON_COUNTRY_READINGS, name
        assert default in readings, name


@pytest.mark.parametrize(
    ("name", "default", "also"),
    [("Georgia", "GEO", "US-STATE"), ("Congo", "COD", "COG"), ("Korea", "KOR", "PRK"),
     ("Jordan", "JOR", "PERSON"), ("Chad", "TCD", "PERSON"), ("Turkey", "TUR", "COMMON-NOUN"),
     ("Washington", "USA", "US-STATE")],
)
def test_ambiguous_spot_checks(name: str, default: str, also: str) -> None:
    row = next(row for row in AMBIGUOUS_ROWS[1:] if row[0] == name)
    assert row[2] == default
    assert also in forms(row[1])


# ---------------------------------------------------------------- organisations


def test_org_ids_are_unique_snake_case() -> None:
    ids = [org.id for org in orgs()]
    assert len(ids) == len(set(ids))
    assert all(ORG_ID.match(oid) for oid in ids), [oid for oid in ids if not ORG_ID.match(oid)]


def test_org_countries_and_sectors_are_valid() -> None:
    for org in orgs():
        assert org.name, org.id
        assert org.sector in ORG_SECTORS, org.id
        assert org.country in COUNTRY_CODES | {"IGO", "NGO", ""}, org.id
        if org.country == "IGO":
            assert org.sector == "IGO", org.id
        if org.country == "NGO":
            assert org.sector in {"NGO", "MED"}, org.id


def test_org_dates_parse_and_are_ordered() -> None:
    for org in orgs():
        for text in (org.start, org.end):
            assert not text or PARTIAL_DATE.match(text), (org.id, text)
        if org.start and org.end:
            assert parse_partial_date(org.start) <= parse_partial_date(org.end, upper=True), org.id


def test_ruling_ranges_are_ordered_and_disjoint() -> None:
    for org in orgs():
        previous_end = dt.date.min
        for start, end in org.ruling:
            assert start < end, org.id
            assert previous_end <= start, org.id
            previous_end = end


def test_one_ruling_executive_party_per_country_and_day() -> None:
    """Two parties of one country must not both lead the executive on the same day."""
    by_country: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for org in orgs():
        if org.sector == "PTY" and org.country:
            by_country[org.country] += [(start, end, org.id) for start, end in org.ruling]
    for country, spans in by_country.items():
        spans.sort()
        for (_, end_a, id_a), (start_b, _, id_b) in zip(spans, spans[1:]):
            assert end_a <= start_b, (country, id_a, id_b)


def test_no_form_names_two_orgs_of_one_country() -> None:
    """...at one time: the SPLM's rebel and national-unity years are two rows, one after the other."""
    owners: dict[tuple[str, str], dict[str, Org]] = defaultdict(dict)
    for org in orgs():
        for form in org.all_forms:
            owners[(org.country, key(form))][org.id] = org
    clashes = {k: sorted(v) for k, v in owners.items()
               if any(not one_after_the_other(a, b) for a, b in combinations(v.values(), 2))}
    assert not clashes


def one_after_the_other(a: Org, b: Org) -> bool:
    first, second = sorted((a, b), key=lambda o: o.start or "")
    return bool(first.end) and bool(second.start) and first.end <= second.start


@pytest.mark.parametrize(
    ("form", "country", "sector"),
    [
        ("KCNA", "PRK", "MED"), ("Rodong Sinmun", "PRK", "MED"), ("Xinhua", "CHN", "MED"),
        ("People's Daily", "CHN", "MED"), ("Global Times", "CHN", "MED"), ("TASS", "RUS", "MED"),
        ("RT", "RUS", "MED"), ("IRNA", "IRN", "MED"), ("Press TV", "IRN", "MED"), ("SANA", "SYR", "MED"),
        ("Yonhap", "KOR", "MED"), ("Reuters", "GBR", "MED"), ("Associated Press", "USA", "MED"),
        ("Agence France-Presse", "FRA", "MED"), ("Anadolu Agency", "TUR", "MED"), ("Telesur", "VEN", "MED"),
        ("NATO", "IGO", "IGO"), ("UN Security Council", "IGO", "IGO"), ("UNHCR", "IGO", "IGO"),
        ("International Criminal Court", "IGO", "IGO"), ("African Union", "IGO", "IGO"),
        ("Amnesty International", "NGO", "NGO"), ("Doctors Without Borders", "NGO", "NGO"),
        ("Human Rights Watch", "NGO", "NGO"), ("ICRC", "NGO", "NGO"),
        ("Korean People's Army", "PRK", "MIL"), ("People's Liberation Army", "CHN", "MIL"),
        ("IDF", "ISR", "MIL"), ("IRGC", "IRN", "MIL"), ("Revolutionary Guards", "IRN", "MIL"),
        ("Bolivarian National Armed Forces", "VEN", "MIL"), ("Wagner Group", "RUS", "MIL"),
        ("CIA", "USA", "SPY"), ("Mossad", "ISR", "SPY"), ("FSB", "RUS", "SPY"), ("MI6", "GBR", "SPY"),
        ("ISI", "PAK", "SPY"), ("Knesset", "ISR", "LEG"), ("State Duma", "RUS", "LEG"),
        ("Bundestag", "DEU", "LEG"), ("US Senate", "USA", "LEG"), ("Supreme People's Assembly", "PRK", "LEG"),
        ("Taliban", "AFG", "REB"), ("Islamic State", "IRQ", "REB"), ("ISIS", "IRQ", "REB"),
        ("al-Qaeda", "", "REB"), ("al-Shabaab", "SOM", "REB"), ("Boko Haram", "NGA", "REB"),
        ("Hezbollah", "LBN", "REB"), ("Hamas", "PSE", "REB"), ("Houthis", "YEM", "REB"),
        ("Ansar Allah", "YEM", "REB"), ("FARC", "COL", "REB"), ("ELN", "COL", "REB"),
        ("PKK", "TUR", "REB"), ("M23", "COD", "REB"), ("Rapid Support Forces", "SDN", "REB"),
        ("Hayat Tahrir al-Sham", "SYR", "REB"), ("Workers' Party of Korea", "PRK", "PTY"),
        ("Workers\u2019 Party of Korea", "PRK", "PTY"), ("Korean Workers' Party", "PRK", "PTY"),
        ("PSUV", "VEN", "PTY"), ("United Russia", "RUS", "PTY"), ("Likud", "ISR", "PTY"),
        ("Sinaloa Cartel", "MEX", "CRM"), ("Supreme Court of India", "IND", "JUD"),
        ("Carabinieri", "ITA", "COP"), ("Gazprom", "RUS", "BUS"), ("Al-Azhar", "EGY", "REL"),
        ("General Motors", "USA", "BUS"), ("Toyota", "JPN", "BUS"), ("HSBC", "GBR", "BUS"),
        ("Deutsche Bank", "DEU", "BUS"), ("Bank of Canada", "CAN", "GOV"), ("Swiss National Bank", "CHE", "GOV"),
        ("People's Bank of China", "CHN", "GOV"), ("UAW", "USA", "LAB"), ("Trades Union Congress", "GBR", "LAB"),
    ],
)
def test_org_spot_checks(form: str, country: str, sector: str) -> None:
    matches = {(org.country, org.sector) for org in orgs_called(form)}
    assert (country, sector) in matches, matches


@pytest.mark.parametrize(
    ("form", "day", "ruling"),
    [
        ("PSUV", "2014-01-01", True), ("Chinese Communist Party", "1995-06-01", True),
        ("Workers' Party of Korea", "2024-01-01", True), ("United Russia", "2010-01-01", True),
        ("African National Congress", "1993-01-01", False), ("African National Congress", "2000-01-01", True),
        ("Bharatiya Janata Party", "2020-01-01", True), ("Bharatiya Janata Party", "2010-01-01", False),
        ("Indian National Congress", "2010-01-01", True), ("Likud", "2024-01-01", True),
        ("Likud", "2022-01-01", False), ("Republican Party", "2018-06-01", True),
        ("Republican Party", "2010-06-01", False), ("Democratic Party", "2010-06-01", True),
        ("Labour Party", "2000-01-01", True), ("Conservative Party", "2000-01-01", False),
        ("Christian Democratic Union", "2010-01-01", True), ("Justice and Development Party", "2015-01-01", True),
        ("Morena", "2020-01-01", True), ("Sandinista National Liberation Front", "2000-01-01", False),
    ],
)
def test_ruling_spot_checks(form: str, day: str, ruling: bool) -> None:
    parties = [org for org in orgs_called(form) if org.sector in {"PTY", "REB"} and org.ruling]
    assert parties, form
    assert any(org.rules_on(dt.date.fromisoformat(day)) for org in parties) is ruling


# ---------------------------------------------------------------- roles


def test_roles_are_unique_lowercase_lemmas_with_valid_codes() -> None:
    terms = [row[0] for row in ROLE_ROWS[1:]]
    assert len(terms) == len(set(terms))
    for term, sector, kind, _notes, _country, _office in ROLE_ROWS[1:]:
        assert term == term.lower() and term.strip(), term
        assert sector in ROLE_SECTORS, term
        assert kind in ROLE_KINDS, term


@pytest.mark.parametrize(
    ("term", "sector"),
    [("official", "GOV"), ("government", "GOV"), ("regime", "GOV"), ("minister", "GOV"),
     ("ambassador", "GOV"), ("police", "COP"), ("troop", "MIL"), ("soldier", "MIL"), ("court", "JUD"),
     ("judge", "JUD"), ("lawmaker", "LEG"), ("parliament", "LEG"), ("rebel", "REB"), ("militant", "REB"),
     ("protester", "CVL"), ("dissident", "OPP"), ("refugee", "REF"), ("journalist", "MED"),
     ("state media", "MED"), ("party", "PTY"), ("company", "BUS"), ("student", "EDU"),
     ("union", "LAB"), ("cleric", "REL"), ("ngo", "NGO"), ("spy", "SPY"), ("gang", "CRM")],
)
def test_role_spot_checks(term: str, sector: str) -> None:
    assert dict((row[0], row[1]) for row in ROLE_ROWS[1:])[term] == sector


# ---------------------------------------------------------------- Phoenix dictionary


# Phoenix country-block codes that are not ISO: historical or fictional entries.
PHOENIX_CODE_MAP = {"DDR": "DEU", "KSV": "XKX"}
PHOENIX_NOT_COUNTRIES = {"KNT"}  # Kinakuta, a fictional country (Cryptonomicon) kept as a test entry
PHOENIX_BLOCK_HEADER = re.compile(r"^[A-Z][A-Z_.]*\s+\[([A-Z]{3})\]")


@pytest.mark.shared
def test_phoenix_country_codes_are_covered() -> None:
    path = shared_path("data", "cameo-dictionaries", "Phoenix.Countries.actors.txt")
    codes = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = PHOENIX_BLOCK_HEADER.match(line)
        if match:
            codes.add(match.group(1))
    assert len(codes) > 150
    mapped = {PHOENIX_CODE_MAP.get(code, code) for code in codes - PHOENIX_NOT_COUNTRIES}
    assert mapped <= COUNTRY_CODES, sorted(mapped - COUNTRY_CODES)


def test_organisation_epithets_name_known_organisations(tmp_path) -> None:
    from eventwire.actors.kb import build_knowledge_base, load_org_epithets
    from eventwire.errors import DataFileError

    kb = build_knowledge_base()
    assert kb.org_epithets["world body"] >= {"igo_un"} and "igo_nato" in kb.org_epithets["alliance"]
    bad = tmp_path / "org_epithets.tsv"
    bad.write_text("noun\torganizations\tnotes\nalliance\tigo_nowhere\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="igo_nowhere"):
        load_org_epithets(kb, bad)
