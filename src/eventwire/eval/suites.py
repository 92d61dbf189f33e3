"""Adapters that run the coder on evaluation suites coded one sentence per document."""

from __future__ import annotations

from ..api import code_document
from ..model import event_record


def code_sentence(text: str) -> list[dict]:
    """The output-contract events for one sentence coded as a whole document (no publication date)."""
    return [event_record(e) for e in code_document(text, None, doc_id="sentence").events or ()]
