"""Loading PETRARCH/Phoenix (TABARI-format) actor dictionaries as an extra source.

A block is a name line (``KIM_JONG_IL_  [PRKGOV]`` or ``KIM_JONG_IL_  # comment``),
``+ALIAS_`` lines, and indented date-bounded codes ``[PRKGOV 940708-111217]``,
``[PRKGOV >041201]`` (from) or ``[PRKGOV <041201]`` (until).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .kb import Entry, KnowledgeBase, Term

CODE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?\d{6})(?:-(\d{6}))?)?\]")
# The agents file: '!PERSON! = MAN, MEN, ...' word classes, and role words with the sector code an
# actor takes on: 'FARMER [~AGR]', 'PARLIAMENTARY_OPPOSITION {} [~OPP]'.
SYNONYMS = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")
AGENT_CODE = re.compile(r"\[~([A-Z]{3})[A-Z]*\]")


def content_lines(handle: Iterable[str]) -> Iterator[tuple[int, str]]:
    """The lines outside ``<!-- ... -->`` comment blocks (which PETRARCH's own files open with),
    with their line numbers."""
    in_comment = False
    for number, line in enumerate(handle, start=1):
        stripped = line.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        yield number, line


def is_phoenix_file(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for _, line in content_lines(handle):
            if line.strip() and not line.startswith("#"):
                return (bool(CODE.search(line)) or line.rstrip().endswith("_") or "_ " in line
                        or bool(SYNONYMS.match(line)) or bool(AGENT_CODE.search(line)))
    return False


def yymmdd(text: str) -> dt.date:
    year = int(text[:2])
    year += 1900 if year >= 30 else 2000
    return dt.date(year, int(text[2:4]), int(text[4:6]))


def parse_code(match: re.Match) -> Term:
    code, first, second = match.groups()
    country, sector = code[:3], (code[3:6] or None)
    start = end = None
    if first and first.startswith(">"):
        start = yymmdd(first[1:])
    elif first and first.startswith("<"):
        end = yymmdd(first[1:])  # "<date": before that day
    elif first:
        start = yymmdd(first)
        end = yymmdd(second) + dt.timedelta(days=1) if second else None  # Phoenix ends are inclusive
    return Term(country, sector, "phoenix", start, end)


def phrase(token: str) -> str:
    """``KIM_JONG_IL_`` -> ``Kim Jong Il`` (kept lower-insensitive by the name index)."""
    return token.split("#")[0].strip().strip("+").strip("_").replace("_", " ").strip()


def phoenix_entry(name: str, terms: list[Term], source: str) -> Entry:
    """One block as an entry.  A block with dated codes is read like a person of people.tsv: the code
    whose dates cover the article's day applies; an undated code of the same block is the fallback."""
    dated = [t for t in terms if t.start is not None or t.end is not None]
    undated = [t for t in terms if t.start is None and t.end is None]
    first = terms[0]
    if not dated:
        kind = "country" if len(first.country) == 3 and first.sector is None else "organization"
        return Entry(f"phoenix:{name}", name, kind, first.country,
                     first.sector or ("GOV" if kind == "country" else None), (), source)
    ordered = tuple(sorted(dated, key=lambda t: t.start or dt.date.min)) + tuple(undated)
    return Entry(f"phoenix:{name}", name, "person", ordered[-1].country, None, ordered, source)


def load_phoenix(kb: KnowledgeBase, path: Path) -> int:
    """Add every block of a Phoenix actor file, or every role of an agents file; returns the number
    of entries added."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        if any(AGENT_CODE.search(line) for _, line in content_lines(handle)):
            return load_phoenix_agents(kb, path)
    added = 0
    names: list[str] = []
    terms: list[Term] = []

    def flush() -> None:
        nonlocal added
        if names and terms:
            entry = phoenix_entry(names[0], terms, path.name)
            kb.add(entry, names)
            if entry.kind == "person":
                kb.people[entry.id] = entry
            added += 1

    with path.open(encoding="utf-8", errors="replace") as handle:
        for _, raw in content_lines(handle):
            line = raw.split("#")[0].rstrip() if not raw.startswith("#") else ""
            if not line.strip():
                continue
            if line.startswith("+"):
                names.append(phrase(line))
            elif line[0].isspace() or line.lstrip().startswith("["):
                terms.extend(parse_code(m) for m in CODE.finditer(line))
            else:
                flush()
                names, terms = [phrase(line.split("[")[0])], [parse_code(m) for m in CODE.finditer(line)]
    flush()
    return added


def load_phoenix_agents(kb: KnowledgeBase, path: Path) -> int:
    """Role words of an agents file as roles (roles.tsv): one word each, its word classes expanded
    ('HERDS!PERSON!' -> herdsman, herdswoman ...).  Phrases of several words are left out: roles
    are single words, and the phrase's last word is usually a role already ('DAIRY_FARMER')."""
    classes: dict[str, list[str]] = {}
    added = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in content_lines(handle):
            line = raw.split("#")[0].strip()
            if synonyms := SYNONYMS.match(line):
                classes[synonyms.group(1)] = [w.strip() for w in synonyms.group(2).split(",") if w.strip()]
                continue
            code = AGENT_CODE.search(line)
            if code is None:
                continue
            for word in expand_classes(line.split("{")[0].split("[")[0].strip(), classes):
                if word and "_" not in word and " " not in word:
                    term = word.lower()
                    kb.roles[term] = Entry(f"role:{term}", term, "role", None, code.group(1),
                                           source=f"{path.name}:{number}")
                    added += 1
    return added


def expand_classes(name: str, classes: dict[str, list[str]]) -> list[str]:
    """'CATTLE!PERSON!' with !PERSON! = MAN, WOMAN -> ['CATTLEMAN', 'CATTLEWOMAN']."""
    marker = next((m for m in classes if m in name), None)
    if marker is None:
        return [name.strip("_")]
    return [w for member in classes[marker] for w in expand_classes(name.replace(marker, member, 1), classes)]
