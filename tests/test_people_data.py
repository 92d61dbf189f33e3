"""Checks on the date-bounded office holders in actors/data/people.tsv.

Terms are read as half-open intervals [start, end): on a handover day the
successor holds the office, and an empty end means still in office.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pytest

PEOPLE_TSV = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data" / "people.tsv"
HEADER = ["id", "name", "aliases", "country", "sector", "role", "start", "end"]
SECTORS = {"GOV", "MIL", "OPP", "IGO", "LEG"}
ROLES = {
    "head of state", "head of government", "head of state and government", "foreign minister",
    "defence minister", "supreme leader", "opposition leader", "secretary-general",
    "minister", "vice-president", "crown prince", "speaker", "military chief", "envoy",
}
# The roles whose sector is not GOV (with a country) or IGO (with country IGO).
ROLE_SECTORS = {"opposition leader": "OPP", "speaker": "LEG", "military chief": "MIL"}
REQUIRED_COUNTRIES = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA IGO "
    "PRK VEN CUB IRN IRQ SYR ISR PSE EGY LBN JOR AFG PAK UKR BLR POL GEO ARM AZE KAZ NGA ETH KEN "
    "SDN SSD COD UGA ZWE RWA SOM LBY TUN DZA MAR YEM QAT ARE THA VNM PHL MMR TWN COL PER CHL BOL "
    "NIC ESP NLD SWE HUN SRB GRC BGD LKA NPL"
).split()
OPEN_END = dt.date.max


class Term(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    role: str
    start: dt.date
    end: dt.date  # OPEN_END when still in office


def read_raw_rows() -> list[list[str]]:
    """Header plus data rows, with `#` comment lines skipped."""
    with PEOPLE_TSV.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def parse_term(row: list[str]) -> Term:
    person_id, name, aliases, country, sector, role, start, end = row
    return Term(
        person_id, name, tuple(a for a in aliases.split("|") if a), country, sector, role,
        dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else OPEN_END,
    )


RAW_ROWS = read_raw_rows()
TERMS = [parse_term(row) for row in RAW_ROWS[1:]]


def in_office(term: Term, day: dt.date) -> bool:
    return term.start <= day < term.end


def holders(country: str, role: str, day: str) -> set[str]:
    on = dt.date.fromisoformat(day)
    return {t.id for t in TERMS if t.country == country and t.role == role and in_office(t, on)}


def terms_of(person_id: str) -> list[Term]:
    return [t for t in TERMS if t.id == person_id]


# --- format -------------------------------------------------------------------------------


def test_header_is_exact() -> None:
    assert RAW_ROWS[0] == HEADER


def test_has_at_least_900_rows() -> None:
    assert len(TERMS) >= 900


def test_every_row_has_eight_columns() -> None:
    bad = [row for row in RAW_ROWS[1:] if len(row) != 8]
    assert not bad


def test_dates_are_iso_and_start_not_after_end() -> None:
    iso = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    for row in RAW_ROWS[1:]:
        assert iso.match(row[6]), row
        assert row[7] == "" or iso.match(row[7]), row
    assert [t for t in TERMS if t.start > t.end] == []


def test_codes_are_well_formed() -> None:
    for term in TERMS:
        assert re.fullmatch(r"[A-Z]{3}", term.country), term
        assert term.sector in SECTORS, term
        assert term.role in ROLES, term
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", term.id), term


def test_name_and_aliases_are_the_same_on_every_row_of_an_id() -> None:
    seen: dict[str, tuple[str, tuple[str, ...]]] = {}
    for term in TERMS:
        assert seen.setdefault(term.id, (term.name, term.aliases)) == (term.name, term.aliases), term.id


def test_no_overlapping_terms_for_the_same_id_and_role() -> None:
    by_key: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for term in TERMS:
        by_key[(term.id, term.role)].append(term)
    overlaps = []
    for key, terms in by_key.items():
        ordered = sorted(terms, key=lambda t: t.start)
        overlaps += [(key, a.start, b.start) for a, b in zip(ordered, ordered[1:]) if b.start < a.end]
    assert overlaps == []


def test_bare_one_word_aliases_are_unambiguous_within_a_country() -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for term in TERMS:
        for alias in term.aliases:
            if " " not in alias:
                owners[(term.country, alias.casefold())].add(term.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


@pytest.mark.parametrize("surname", ["Kim", "Bush", "Clinton", "Castro", "Gandhi", "Aliyev", "Kirchner",
                                     "Sharif", "Rajapaksa", "Hariri", "Aoun", "Assad", "Herzog"])
def test_shared_surnames_are_not_aliases(surname: str) -> None:
    assert [t.id for t in TERMS if surname in t.aliases] == []


def test_sector_matches_role() -> None:
    for term in TERMS:
        if term.role in ROLE_SECTORS:
            assert term.sector == ROLE_SECTORS[term.role], term
        elif term.country == "IGO":
            assert term.sector == "IGO", term
        else:
            assert term.sector == "GOV", term


@pytest.mark.parametrize("country", REQUIRED_COUNTRIES)
def test_required_country_has_a_current_leader(country: str) -> None:
    leader_roles = {"head of state", "head of government", "head of state and government",
                    "supreme leader", "secretary-general"}
    current = {t.id for t in TERMS if t.country == country and t.role in leader_roles and t.end == OPEN_END}
    assert current, country


# --- spot checks of well-known facts -------------------------------------------------------


@pytest.mark.parametrize(("person_id", "country", "sector", "role", "start", "end"), [
    ("prk_kim_il_sung", "PRK", "GOV", "supreme leader", None, "1994-07-08"),
    ("prk_kim_jong_il", "PRK", "GOV", "supreme leader", "1994-07-08", "2011-12-17"),
    ("prk_kim_jong_un", "PRK", "GOV", "supreme leader", "2011-12-17", ""),
    ("ven_hugo_chavez", "VEN", "GOV", "head of state and government", "1999-02-02", "2013-03-05"),
    ("deu_angela_merkel", "DEU", "GOV", "head of government", "2005-11-22", "2021-12-08"),
    ("usa_joe_biden", "USA", "GOV", "head of state and government", "2021-01-20", "2025-01-20"),
    ("usa_barack_obama", "USA", "GOV", "head of state and government", "2009-01-20", "2017-01-20"),
    ("gbr_tony_blair", "GBR", "GOV", "head of government", "1997-05-02", "2007-06-27"),
    ("zaf_nelson_mandela", "ZAF", "GOV", "head of state and government", "1994-05-10", "1999-06-16"),
    ("irn_ali_khamenei", "IRN", "GOV", "supreme leader", "1989-06-04", ""),
    ("irq_saddam_hussein", "IRQ", "GOV", "head of state and government", None, "2003-04-09"),
    ("syr_bashar_al_assad", "SYR", "GOV", "head of state", "2000-07-17", "2024-12-08"),
    ("ukr_volodymyr_zelensky", "UKR", "GOV", "head of state", "2019-05-20", ""),
    ("fra_emmanuel_macron", "FRA", "GOV", "head of state", "2017-05-14", ""),
    ("rus_sergei_lavrov", "RUS", "GOV", "foreign minister", "2004-03-09", ""),
    ("prt_antonio_guterres", "IGO", "IGO", "secretary-general", "2017-01-01", ""),
    ("igo_jens_stoltenberg", "IGO", "IGO", "secretary-general", "2014-10-01", "2024-10-01"),
    ("ind_narendra_modi", "IND", "GOV", "head of government", "2014-05-26", ""),
    ("gbr_keir_starmer", "GBR", "OPP", "opposition leader", "2020-04-04", "2024-07-05"),
])
def test_known_term(person_id: str, country: str, sector: str, role: str, start: str | None, end: str) -> None:
    matches = [t for t in terms_of(person_id) if (t.country, t.sector, t.role) == (country, sector, role)
               and (start is None or t.start == dt.date.fromisoformat(start))]
    assert len(matches) == 1, (person_id, [t for t in terms_of(person_id)])
    expected_end = dt.date.fromisoformat(end) if end else OPEN_END
    assert matches[0].end == expected_end


@pytest.mark.parametrize(("country", "role", "day", "person_id"), [
    ("VEN", "head of state and government", "2018-03-09", "ven_nicolas_maduro"),
    ("USA", "head of state and government", "2017-06-01", "usa_donald_trump"),
    ("USA", "head of state and government", "2025-06-01", "usa_donald_trump"),
    ("USA", "head of state and government", "2021-01-20", "usa_joe_biden"),  # handover day: successor
    ("RUS", "head of state", "2005-01-01", "rus_vladimir_putin"),
    ("RUS", "head of government", "2010-01-01", "rus_vladimir_putin"),
    ("RUS", "head of state", "2010-01-01", "rus_dmitry_medvedev"),
    ("CHN", "head of state", "2015-01-01", "chn_xi_jinping"),
    ("ISR", "head of government", "2024-01-01", "isr_benjamin_netanyahu"),
    ("ISR", "head of government", "2022-01-01", "isr_naftali_bennett"),
    ("JPN", "head of government", "2015-01-01", "jpn_shinzo_abe"),
    ("TUR", "head of state and government", "2020-01-01", "tur_recep_tayyip_erdogan"),
    ("PRK", "supreme leader", "2000-01-01", "prk_kim_jong_il"),
    ("BRA", "head of state and government", "2020-01-01", "bra_jair_bolsonaro"),
    ("GBR", "head of government", "1990-06-01", "gbr_margaret_thatcher"),
    ("IND", "head of government", "2010-01-01", "ind_manmohan_singh"),
])
def test_in_office_on(country: str, role: str, day: str, person_id: str) -> None:
    assert person_id in holders(country, role, day)


@pytest.mark.parametrize(("person_id", "day"), [
    ("usa_donald_trump", "2022-06-01"),
    ("usa_joe_biden", "2025-06-01"),
    ("prk_kim_jong_il", "2011-12-17"),
    ("isr_benjamin_netanyahu", "2022-01-01"),
    ("jpn_shinzo_abe", "2010-01-01"),
    ("bra_lula", "2020-01-01"),
    ("rus_vladimir_putin", "1995-01-01"),
])
def test_not_in_office_on(person_id: str, day: str) -> None:
    on = dt.date.fromisoformat(day)
    assert not [t for t in terms_of(person_id) if t.sector == "GOV" and in_office(t, on)]


@pytest.mark.parametrize(("person_id", "alias"), [
    ("ven_hugo_chavez", "Hugo Chavez"),
    ("ven_hugo_chavez", "Chávez"),
    ("ven_nicolas_maduro", "Nicolas Maduro"),
    ("prk_kim_jong_un", "Kim Jong Un"),
    ("prk_kim_jong_il", "Kim Jong Il"),
    ("tur_recep_tayyip_erdogan", "Erdogan"),
    ("tur_recep_tayyip_erdogan", "Erdoğan"),
    ("rus_vladimir_putin", "Putin"),
    ("chn_xi_jinping", "Xi"),
])
def test_alias_present(person_id: str, alias: str) -> None:
    assert alias in terms_of(person_id)[0].aliases
