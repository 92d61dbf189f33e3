"""Boilerplate removal and text normalisation for article text.

The patterns are data (``data/boilerplate.tsv``): ordered, whole-line regular
expressions with a scope, so editors can add a site habit without touching
code.  ``remove_boilerplate`` returns the clean text *and* the lines it
dropped, so a caller can show why text is missing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..datafiles import read_tsv
from ..errors import DataFileError

SCOPES = ("line", "tail")
PATTERN_COLUMNS = ("id", "pattern", "scope", "example")
# A tail marker (e.g. a lone "COMMENTS") only cuts when it sits near the end:
# in the second half of the non-blank lines AND among the last TAIL_WINDOW_LINES
# of them, so a stray "Related" header inside an article never cuts it short.
TAIL_WINDOW_LINES = 15
TAIL_MIN_POSITION = 0.5
# Bullets, quote marks and separators that list items and share bars carry in
# extracted text; stripped before matching so the patterns stay readable.
LINE_DECORATION = re.compile(r"^[\s\-*•·|>#]+|\s+$")
TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
INVISIBLE_CHARACTERS = re.compile("[\ufeff\u200b\u200e\u200f\u2060]")


@dataclass(frozen=True, slots=True)
class BoilerplatePattern:
    id: str
    regex: re.Pattern[str]
    scope: str
    example: str

    def matches(self, line: str) -> bool:
        return self.matches_bare(bare_line(line))

    def matches_bare(self, bare: str) -> bool:
        return self.regex.fullmatch(bare) is not None


def bare_line(line: str) -> str:
    """The line without surrounding blanks and list decoration."""
    return LINE_DECORATION.sub("", line)


def default_patterns_path() -> Path:
    return Path(str(resources.files("eventwire.ingest") / "data" / "boilerplate.tsv"))


def load_patterns(path: Path) -> tuple[BoilerplatePattern, ...]:
    """Read a pattern file; a malformed row raises ``DataFileError`` (E201)."""
    return tuple(_parse_pattern_row([row[c] for c in PATTERN_COLUMNS], path, number)
                 for number, row in read_tsv(path, PATTERN_COLUMNS))


def _parse_pattern_row(cells: list[str], path: Path, number: int) -> BoilerplatePattern:
    pattern_id, pattern, scope, example = cells
    if not example:  # every pattern is checked against its example by the tests
        raise DataFileError("E201", path=path, line=number, reason="a pattern needs an example line")
    if scope not in SCOPES:
        raise DataFileError("E201", path=path, line=number,
                            reason=f"scope '{scope}' is not one of {', '.join(SCOPES)}")
    try:
        regex = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise DataFileError("E201", path=path, line=number, reason=f"bad pattern: {error}") from error
    return BoilerplatePattern(pattern_id, regex, scope, example)


@functools.cache
def default_patterns() -> tuple[BoilerplatePattern, ...]:
    """The bundled patterns, read once (an immutable tuple, so caching is safe)."""
    return load_patterns(default_patterns_path())


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no invisible format characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return INVISIBLE_CHARACTERS.sub("", text)


def normalise_whitespace(text: str) -> str:
    """Conservative: strip line ends, keep paragraph breaks, at most one blank line."""
    text = TRAILING_SPACE.sub("", text)
    text = EXTRA_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def remove_boilerplate(
    text: str, patterns: tuple[BoilerplatePattern, ...] | None = None
) -> tuple[str, list[str]]:
    """Return the clean text and the (stripped, non-blank) lines removed from it."""
    patterns = default_patterns() if patterns is None else patterns
    lines = normalise_text(text).split("\n")
    cut = tail_cut_index(lines, [p for p in patterns if p.scope == "tail"])
    line_patterns = [p for p in patterns if p.scope == "line"]
    kept: list[str] = []
    removed: list[str] = []
    for line in lines[:cut]:
        bare = bare_line(line)  # once per line, not once per pattern
        if line.strip() and any(p.matches_bare(bare) for p in line_patterns):
            removed.append(line.strip())
        else:
            kept.append(line)
    removed.extend(line.strip() for line in lines[cut:] if line.strip())
    return normalise_whitespace("\n".join(kept)), removed


def tail_cut_index(lines: list[str], tail_patterns: list[BoilerplatePattern]) -> int:
    """Index of the first tail marker in the last part of the text, else ``len(lines)``."""
    content = [index for index, line in enumerate(lines) if line.strip()]
    earliest = max(len(content) - TAIL_WINDOW_LINES, int(len(content) * TAIL_MIN_POSITION), 1)
    for rank, index in enumerate(content):
        if rank >= earliest and any(p.matches(lines[index]) for p in tail_patterns):
            return index
    return len(lines)
