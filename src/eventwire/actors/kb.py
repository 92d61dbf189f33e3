"""The actor knowledge base: loading the TSV files in ``data/`` into name indexes.

Entries are immutable; a person's country and sector come from the office term
that covers a date, so Kim Jong-il is PRK GOV only until 2011-12-17.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..datafiles import read_tsv, split_list
from ..errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Term:
    """A period during which an entry holds a country and sector (an office, a party's rule)."""

    country: str
    sector: str | None
    role: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Half-open [start, end): on a handover day the successor holds the office (see PEOPLE.md)."""
        return in_period(day, self.start, self.end)


def in_period(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether ``day`` falls in the half-open period [start, end); an open end runs on."""
    return (start is None or start <= day) and (end is None or day < end)

@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry: a country, capital, seat of power, organisation, person or role."""

    id: str
    name: str
    kind: str  # country | demonym | capital | seat | organization | person | role
    country: str | None
    sector: str | None
    terms: tuple[Term, ...] = ()
    source: str = ""  # file (and line) the entry came from, for provenance
    until: dt.date | None = None  # an organisation's end ('SPLA' was Sudan's rebels until 2011)
    since: dt.date | None = None  # and its start, where a name passed to a successor

    def term_on(self, day: dt.date | None) -> Term | None:
        if day is None:
            return None
        return next((t for t in self.terms if t.covers(day)), None)

    @property
    def offices(self) -> tuple[Term, ...]:
        """The terms in office: 'in the days of Chávez' means his presidency, not his years leading
        the opposition (OPP rows), unless the person never held office."""
        return tuple(t for t in self.terms if t.sector != "OPP") or self.terms

    def exists_on(self, day: dt.date | None) -> bool:
        """Whether the entry stands for its name on ``day``; undated, only a body that still exists."""
        return self.until is None if day is None else in_period(day, self.since, self.until)


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A name with several readings (ambiguous.tsv) and the words that point to each (ambiguous_cues.tsv)."""

    name: str
    readings: tuple[str, ...]  # country codes or PERSON, US-STATE, PLACE, COMMON-NOUN, IGO, REL, BUS
    default: str
    cues: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (reading, cue phrases)
    source: str = ""


@dataclass(frozen=True, slots=True)
class CountryHalf:
    """'the North' in news of a divided country (country_halves.tsv): the country it stands for
    where the article names one of ``named``, within its dates."""

    country: str
    sector: str | None
    named: frozenset[str]
    start: dt.date | None
    end: dt.date | None
    source: str

    def fits(self, article_countries: set[str], day: dt.date | None) -> bool:
        if not self.named & article_countries:
            return False
        return self.end is None if day is None else in_period(day, self.start, self.end)  # undated: today's


@dataclass(slots=True)
class KnowledgeBase:
    """Name and role indexes over all entries; built once per process and then read only."""

    by_name: dict[str, list[Entry]] = field(default_factory=dict)
    roles: dict[str, Entry] = field(default_factory=dict)
    ambiguous: dict[str, "Ambiguity"] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Entry] = field(default_factory=dict)
    organizations: dict[str, Entry] = field(default_factory=dict)  # by id, for roles.tsv's sole holders
    surnames: dict[str, list[Entry]] = field(default_factory=dict)  # last name -> people, for 'President Bush'
    country_groups: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)  # 'koreas' -> codes, source
    country_halves: dict[str, list[CountryHalf]] = field(default_factory=dict)  # 'north' -> its readings
    epithets: dict[str, frozenset[str]] = field(default_factory=dict)  # 'kingdom' -> the countries it can mean
    org_epithets: dict[str, frozenset[str]] = field(default_factory=dict)  # 'alliance' -> organisation ids
    role_kinds: dict[str, str] = field(default_factory=dict)  # 'government' -> institution, 'minister' -> person
    role_offices: dict[str, frozenset[str]] = field(default_factory=dict)  # 'premier' -> people.tsv roles
    matcher: Any = None  # the name automaton, built on first use (see names.py)
    # name key -> which of its words each spelling capitalises: 'Russia Today' is not 'Russia today'
    capitals: dict[str, set[tuple[bool, ...]]] = field(default_factory=dict)
    long_country_names: list[tuple[str, "Entry"]] | None = None  # for misspelt_country, built on first use
    role_heads: set[str] | None = None  # the last words of the roles, built on first use
    combining: set[str] = field(default_factory=set)  # 'sino', 'indo': names only before or after a hyphen
    peoples: set[str] = field(default_factory=set)  # 'chechen', 'basque': a people of a country, not its state

    def ends_a_role(self, word: str) -> bool:
        """Whether some role ends in the word: most words end none, and need no closer look."""
        if self.role_heads is None:
            self.role_heads = {name.split()[-1] for name in self.roles}
        return word in self.role_heads

    def add(self, entry: Entry, names: Iterable[str]) -> None:
        for name in spelling_variants(names):
            key = name_key(name)
            if not key:
                continue
            bucket = self.by_name.setdefault(key, [])
            if " " in name:
                self.capitals.setdefault(key, set()).add(tuple(word[:1].isupper() for word in name.split()))
            # A later file (a user's --actors) overrides an entry with the same id.
            bucket[:] = [e for e in bucket if e.id != entry.id or e.kind != entry.kind]
            bucket.append(entry)

    def lookup(self, name: str) -> list[Entry]:
        return self.by_name.get(name_key(name), [])

    def person(self, entry_id: str) -> Entry | None:
        return self.people.get(entry_id)

    def names(self) -> Iterator[str]:
        return iter(self.by_name)

    def misspelt_country(self, word: str) -> Entry | None:
        """The country a one-letter slip of its one-word name ('Ethopia', 'Britian') or a slip in
        doubling its letters ('Phillipines') stands for, for a place name that nothing else knows.

        Only long names, first letter kept: short names are a letter apart from other words
        ('Iran'/'Iraq', 'Mali'/'Bali') and typos seldom hit the first letter.
        """
        key = fold(word)
        if len(key) < MIN_MISSPELT_LENGTH or not key.isalpha():
            return None
        if self.long_country_names is None:
            self.long_country_names = [(name, entry) for name, entries in self.by_name.items()
                                       if len(name) >= MIN_MISSPELT_LENGTH and name.isalpha()
                                       for entry in entries if entry.kind == "country"]
        found = {entry.id: entry for name, entry in self.long_country_names
                 if name[0] == key[0] and (one_slip_apart(name, key) or doubling_slips(name, key))
                 and key != name + "s"}  # 'the Americas', 'the two Koreas' are no slip
        return next(iter(found.values())) if len(found) == 1 else None


MIN_MISSPELT_LENGTH = 6

# British and American spellings of the words names share: 'Palestine Liberation Organisation'.
SPELLINGS = (("Organization", "Organisation"), ("organization", "organisation"), ("Defense", "Defence"),
             ("defense", "defence"))


def spelling_variants(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        yield name
        for one, other in SPELLINGS:
            if one in name:
                yield name.replace(one, other)
            elif other in name:
                yield name.replace(other, one)


DOUBLED = re.compile(r"(.)\1+")


def doubling_slips(a: str, b: str) -> bool:
    """Letters doubled or not, however often ('Phillipines', 'Phillippines' for 'Philippines')."""
    return a != b and DOUBLED.sub(r"\1", a) == DOUBLED.sub(r"\1", b)


def one_slip_apart(a: str, b: str) -> bool:
    """One letter dropped, added, changed, or two neighbours swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    head = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        swapped = a[head + 1:head + 2] == b[head:head + 1] and a[head:head + 1] == b[head + 1:head + 2]
        return a[head + 1:] == b[head + 1:] or (swapped and a[head + 2:] == b[head + 2:])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[head + 1:] == shorter[head:]


def fold(text: str) -> str:
    """Lower case without diacritics and with straight apostrophes: 'Chávez' -> 'chavez'."""
    if text.isascii():  # most words: nothing to decompose, and 15x faster so
        return text.lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(name: str) -> str:
    key = fold(name.strip())
    return key[4:] if key.startswith("the ") else key


def parse_date(cell: str | None, where: str) -> dt.date | None:
    cell = (cell or "").strip()
    if not cell:
        return None
    try:
        return dt.date.fromisoformat(cell)
    except ValueError:
        raise DataFileError("E201", path=where.rsplit(":", 1)[0], line=where.rsplit(":", 1)[-1],
                            reason=f"bad date {cell!r}, expected YYYY-MM-DD") from None


def rows_with_source(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """Data rows with their provenance, 'countries.tsv:12', which entries keep."""
    for line, row in read_tsv(path):
        yield f"{path.name}:{line}", row


def parse_partial_date(cell: str | None, where: str) -> dt.date | None:
    """'1983', '2013-08' or '2011-07-09' as the first day it names."""
    cell = (cell or "").strip()
    parts = cell.split("-")
    if cell and len(parts) < 3 and all(p.isdigit() for p in parts):
        cell = "-".join(parts + ["01"] * (3 - len(parts)))
    return parse_date(cell, where)


def parse_ranges(cell: str, where: str) -> list[tuple[dt.date | None, dt.date | None]]:
    ranges = []
    for part in split_list(cell):
        start, _, end = part.partition("/")
        ranges.append((parse_date(start, where), parse_date(end, where)))
    return ranges


def load_countries(kb: KnowledgeBase, path: Path) -> None:
    for where, row in rows_with_source(path):
        code = row["code"].strip()
        country = Entry(code, row["name"], "country", code, "GOV", source=where)
        kb.countries[code] = country
        kb.add(country, [row["name"], *split_list(row.get("aliases"))])
        kb.add(Entry(code, row["name"], "capital", code, "GOV", source=where), split_list(row.get("capitals")))
        kb.add(Entry(code, row["name"], "seat", code, "GOV", source=where), split_list(row.get("seats")))
        combining = split_list(row.get("combining"))  # 'Sino' of 'Sino-Soviet': only half of a pair
        peoples = split_list(row.get("peoples"))  # 'Chechen leaders' lead Chechens, not Russia
        kb.add(Entry(code, row["name"], "demonym", code, None, source=where),
               [*split_list(row.get("adjectives")), *combining, *peoples])
        kb.combining.update(name_key(form) for form in combining)
        kb.peoples.update(name_key(form) for form in peoples)


def load_organizations(kb: KnowledgeBase, path: Path) -> None:
    for where, row in rows_with_source(path):
        country = row["country"].strip() or None
        sector = row["sector"].strip() or None
        terms = tuple(Term(country or "", "GOV" if sector == "PTY" else sector, "ruling", s, e)
                      for s, e in parse_ranges(row.get("ruling", ""), where))
        entry = Entry(row["id"].strip(), row["name"], "organization", country, sector, terms, where,
                      until=parse_partial_date(row.get("end"), where), since=parse_partial_date(row.get("start"), where))
        kb.organizations[entry.id] = entry
        kb.add(entry, [row["name"], *split_list(row.get("aliases"))])


def load_people(kb: KnowledgeBase, path: Path) -> None:
    rows: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for where, row in rows_with_source(path):
        rows.setdefault(row["id"].strip(), []).append((where, row))
    for person_id, person_rows in rows.items():
        terms = tuple(sorted(
            (Term(r["country"].strip(), r["sector"].strip() or None, r.get("role", ""),
                  parse_date(r.get("start"), w), parse_date(r.get("end"), w)) for w, r in person_rows),
            key=lambda t: t.start or dt.date.min))
        first_where, first = person_rows[0]
        names = {first["name"]}
        for _, r in person_rows:
            names.update(split_list(r.get("aliases")))
        entry = Entry(person_id, first["name"], "person", terms[-1].country, None, terms, first_where)
        kb.people[person_id] = entry
        kb.add(entry, names)
        for surname in surnames_of(first["name"]):
            bucket = kb.surnames.setdefault(surname, [])
            bucket[:] = [e for e in bucket if e.id != person_id] + [entry]


ROMAN_NUMERALS = {"i", "ii", "iii", "iv", "v", "vi"}


def surnames_of(name: str) -> set[str]:
    """The family name news uses alone ('Bush' of 'George W. Bush'); none for 'Abdullah II of Jordan'
    or 'Pope Francis'."""
    words = name.replace(",", " ").split()
    if len(words) > 2 and fold(words[-1]).rstrip(".") in GENERATION_SUFFIXES:
        words = words[:-1]  # 'Ferdinand Marcos Jr.' is a Marcos
    if len(words) < 2 or "of" in (w.lower() for w in words) or fold(words[-1]) in ROMAN_NUMERALS:
        return set()
    if len(words) == 2 and fold(words[0]) == "pope":
        return set()  # 'Pope Francis': a papal name, no surname ('Judge Francis' is someone else)
    surname = fold(words[-1])
    article = next((a for a in SURNAME_ARTICLES if surname.startswith(a) and len(surname) > len(a) + 2), None)
    return {surname, surname[len(article):]} if article else {surname}  # 'al-Assad' is also 'Assad'


GENERATION_SUFFIXES = frozenset({"jr", "sr"})
SURNAME_ARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-")


def load_roles(kb: KnowledgeBase, path: Path) -> None:
    for where, row in rows_with_source(path):
        term = fold(row["term"].strip())
        kb.roles[term] = Entry(f"role:{term}", term, "role", (row.get("country") or "").strip() or None,
                               row["sector"].strip() or None, source=where)
        kb.role_kinds[term] = (row.get("kind") or "").strip()
        if offices := split_list(row.get("office")):
            kb.role_offices[term] = frozenset(offices)


def load_ambiguous(kb: KnowledgeBase, path: Path) -> None:
    for where, row in rows_with_source(path):
        readings = tuple(split_list(row.get("candidates")))
        default = (row.get("default") or "").strip() or (readings[0] if readings else "")
        key = name_key(row["name"])
        old = kb.ambiguous.get(key)
        kb.ambiguous[key] = Ambiguity(row["name"], readings, default, old.cues if old else (), where)
        kind = (row.get("kind") or "").strip()
        if kind and key not in kb.by_name:  # 'Kashmir', 'Kashmiri': names no other file lists
            sector = "GOV" if kind == "country" else None
            kb.add(Entry(f"ambiguous:{key}", row["name"], kind, default, sector, source=where), [row["name"]])


def load_country_groups(kb: KnowledgeBase, path: Path) -> None:
    for where, row in rows_with_source(path):
        kb.country_groups[name_key(row["name"])] = (tuple(split_list(row["countries"])), where)


def load_country_halves(kb: KnowledgeBase, path: Path) -> None:
    for where, row in rows_with_source(path):
        half = CountryHalf(row["country"].strip(), row["sector"].strip() or None, frozenset(split_list(row["named"])),
                           parse_date(row.get("start"), where), parse_date(row.get("end"), where), where)
        kb.country_halves.setdefault(name_key(row["name"]), []).append(half)


def load_epithets(kb: KnowledgeBase, path: Path) -> None:
    for _, row in rows_with_source(path):
        kb.epithets[row["noun"].strip().lower()] = frozenset(split_list(row["countries"]))


def load_org_epithets(kb: KnowledgeBase, path: Path) -> None:
    for line, row in read_tsv(path):
        ids = frozenset(split_list(row["organizations"]))
        if unknown := sorted(ids - kb.organizations.keys()):
            raise DataFileError("E201", path=path, line=line, reason=f"unknown organisation id(s) {', '.join(unknown)}")
        kb.org_epithets[fold(row["noun"].strip())] = ids


def load_ambiguous_cues(kb: KnowledgeBase, path: Path) -> None:
    """Cue words for a reading of an ambiguous name ('Atlanta' -> Georgia the US state)."""
    for where, row in rows_with_source(path):
        key = name_key(row["name"])
        known = kb.ambiguous.get(key)
        if known is None:
            raise DataFileError("E201", path=where.rsplit(":", 1)[0], line=where.rsplit(":", 1)[-1],
                                reason=f"{row['name']!r} is not in ambiguous.tsv")
        cue = (row["reading"].strip(), tuple(split_list(row.get("cues"))))
        kb.ambiguous[key] = replace(known, cues=(*known.cues, cue))


LOADERS = (
    ("countries.tsv", load_countries),
    ("organizations.tsv", load_organizations),
    ("people.tsv", load_people),
    ("roles.tsv", load_roles),
    ("ambiguous.tsv", load_ambiguous),
    ("ambiguous_cues.tsv", load_ambiguous_cues),
    ("country_groups.tsv", load_country_groups),
    ("country_halves.tsv", load_country_halves),
    ("epithets.tsv", load_epithets),
    ("org_epithets.tsv", load_org_epithets),
)


def build_knowledge_base(data_dir: Path = DATA_DIR, extra: Iterable[Path] = ()) -> KnowledgeBase:
    """Load the bundled files, then each extra file or folder (later entries override earlier ones)."""
    kb = KnowledgeBase()
    for folder in (data_dir, *map(Path, extra)):
        if folder.is_file():
            load_extra_file(kb, folder)
            continue
        for filename, loader in LOADERS:
            if (folder / filename).exists():
                loader(kb, folder / filename)
    return kb


def load_extra_file(kb: KnowledgeBase, path: Path) -> None:
    """A user's extra file: its header tells which kind it is."""
    from .phoenix import is_phoenix_file, load_phoenix

    if is_phoenix_file(path):
        load_phoenix(kb, path)
        return
    header = next((l for l in path.read_text(encoding="utf-8").splitlines()
                   if l.strip() and not l.startswith("#")), "")
    columns = set(header.split("\t"))
    for filename, loader in LOADERS:
        if columns >= REQUIRED_COLUMNS[filename]:
            loader(kb, path)
            return
    raise DataFileError("E201", path=str(path), line=1,
                        reason="header matches no actor file format (see actors/data/README.md)")


REQUIRED_COLUMNS = {
    "countries.tsv": {"code", "name", "aliases"},
    "organizations.tsv": {"id", "name", "country", "sector", "ruling"},
    "people.tsv": {"id", "name", "country", "sector", "role", "start", "end"},
    "roles.tsv": {"term", "sector"},
    "ambiguous.tsv": {"name", "candidates"},
    "ambiguous_cues.tsv": {"name", "reading", "cues"},
    "country_groups.tsv": {"name", "countries"},
    "country_halves.tsv": {"name", "country", "named"},
    "epithets.tsv": {"noun", "countries"},
    "org_epithets.tsv": {"noun", "organizations"},
}


@lru_cache(maxsize=8)
def knowledge_base(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The process-wide knowledge base for a set of extra files (read only once)."""
    return build_knowledge_base(DATA_DIR, [Path(p) for p in extra])
