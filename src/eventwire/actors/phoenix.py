"""Loading PETRARCH/Phoenix (TABARI-format) actor dictionaries as an extra source.

A block is a name line (``KIM_JONG_IL_  [PRKGOV]`` or ``KIM_JONG_IL_  # comment``),
``+ALIAS_`` lines, and indented date-bounded codes ``[PRKGOV 940708-111217]``,
``[PRKGOV >041201]`` (from) or ``[PRKGOV <041201]`` (until).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .kb import Entry, KnowledgeBase, Term

CODE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?\d{6})(?:-(\d{6}))?)?\]")


def is_phoenix_file(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                return bool(CODE.search(line)) or line.rstrip().endswith("_") or "_ " in line


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
        end = yymmdd(first[1:])
    elif first:
        start = yymmdd(first)
        end = yymmdd(second) if second else None
    return Term(country, sector, "phoenix", start, end)


def phrase(token: str) -> str:
    """``KIM_JONG_IL_`` -> ``Kim Jong Il`` (kept lower-insensitive by the name index)."""
    return token.split("#")[0].strip().strip("+").strip("_").replace("_", " ").strip()


def load_phoenix(kb: KnowledgeBase, path: Path) -> int:
    """Add every block of a Phoenix actor file; returns the number of entries added."""
    added = 0
    names: list[str] = []
    terms: list[Term] = []

    def flush() -> None:
        nonlocal added
        if names and terms:
            undated = all(t.start is None and t.end is None for t in terms)
            kind = "country" if undated and len(terms[0].country) == 3 and terms[0].sector is None else "organization"
            first = terms[0]
            entry = Entry(f"phoenix:{names[0]}", names[0], kind, first.country,
                          first.sector or ("GOV" if kind == "country" else None),
                          () if undated else tuple(terms), f"{path.name}")
            kb.add(entry, names)
            added += 1

    with path.open(encoding="utf-8", errors="replace") as handle:
        for raw in handle:
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
