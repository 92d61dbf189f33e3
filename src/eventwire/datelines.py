"""Datelines: 'TOKYO, May 16 (Reuters) - ...' opens a wire story.

The city and date say where and when the story was filed, not who acted or when
the event happened, so neither actors nor event dates are taken from them.
"""

from __future__ import annotations

import re

# 'TOKYO, May 16 (Reuters) - ', or a city in capitals alone: 'ROME (AP) - ', 'NEW YORK - '.
DATELINE = re.compile(r"(?:[A-Z][A-Za-z .'\u2019-]{1,40},\s+[A-Z0-9][^\n,]{0,40}?(?:,\s+\d{4})?"
                      r"|[A-Z][A-Z.'\u2019-]{2,}(?: [A-Z][A-Z.'\u2019-]+){0,3}\s*)"
                      r"(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s")
# Where a dateline's names end: its agency or its dash.
PLACE_END = re.compile(r"\s*[(\u2013\u2014]|\s+-")


def dateline_end(text: str, sentence_start: int) -> int | None:
    """Where the dateline opening the sentence at ``sentence_start`` ends, if it has one."""
    match = DATELINE.match(text, sentence_start)
    return match.end() if match else None


def in_dateline(text: str, sentence_start: int, offset: int) -> bool:
    end = dateline_end(text, sentence_start)
    return end is not None and offset < end


def dateline_names(text: str) -> list[str]:
    """The names an article's opening dateline gives, city first: ['Santos', 'Colombia'], ['TOKYO', 'May 16']."""
    start = len(text) - len(text.lstrip())
    end = dateline_end(text, start)
    if end is None:
        return []
    names = PLACE_END.split(text[start:end])[0].split(",")
    return [name.strip() for name in names if name.strip()]
