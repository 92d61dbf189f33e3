"""Datelines: 'TOKYO, May 16 (Reuters) - ...' opens a wire story.

The city and date say where and when the story was filed, not who acted or when
the event happened, so neither actors nor event dates are taken from them.
"""

from __future__ import annotations

import re

DATELINE = re.compile(r"[A-Z][A-Za-z .'\u2019-]{1,40},\s+[^\n]{0,40}?(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s")


def dateline_end(text: str, sentence_start: int) -> int | None:
    """Where the dateline opening the sentence at ``sentence_start`` ends, if it has one."""
    match = DATELINE.match(text, sentence_start)
    return match.end() if match else None


def in_dateline(text: str, sentence_start: int, offset: int) -> bool:
    end = dateline_end(text, sentence_start)
    return end is not None and offset < end
