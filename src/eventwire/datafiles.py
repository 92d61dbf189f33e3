"""Reading the project's data files: tab-separated, a header row, '#' comment lines.

Every dictionary (actors, patterns, cues, gazetteer additions, boilerplate, CAMEO) is
such a file, so political scientists can edit them in any spreadsheet or editor.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator, Sequence

from .errors import DataFileError, EventwireError


def read_tsv(path: Path, columns: Sequence[str] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data line; the header must start with ``columns``."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        lines = [(n, line.rstrip("\r\n")) for n, line in enumerate(handle, 1)
                 if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return
    header_line, header = lines[0]
    names = header.split("\t")
    if names[:len(columns)] != list(columns):
        raise DataFileError("E201", path=path, line=header_line,
                            reason=f"header must start with {', '.join(columns)}")
    for number, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(names):  # a stray tab would shift every later column
            raise DataFileError("E201", path=path, line=number,
                                reason=f"{len(cells)} tab-separated cells, the header has {len(names)}")
        cells += [""] * (len(names) - len(cells))  # editors drop trailing empty cells
        yield number, dict(zip(names, (cell.strip() for cell in cells)))


def split_list(cell: str | None) -> list[str]:
    """A '|'-separated cell: 'DPRK|North Korea' -> ['DPRK', 'North Korea']."""
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def read_jsonl(path: str | Path) -> Iterator[tuple[int, object]]:
    """(line number, value) for each non-blank line of a JSON Lines file (E101, E106 on errors)."""
    path = Path(path)
    if not path.is_file():
        raise EventwireError("E101", path=path)
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise EventwireError("E106", path=path, line=number, reason=str(error)) from error
