"""Ingest: read text, HTML, JSON Lines and standard input into clean ``Article``s.

``read_inputs`` is the entry point; it yields an ``Article`` per document or an
``InputError`` per bad input (never raised), so one bad file never stops a run.
``remove_boilerplate`` is the data-driven cleaner every reader applies.
"""

from .boilerplate import default_patterns, load_patterns, remove_boilerplate
from .readers import (
    Metadata,
    ReadResult,
    extract_html,
    input_kind,
    read_bytes_input,
    read_file,
    read_inputs,
    read_stdin,
    walk_directory,
)

__all__ = [
    "Metadata",
    "ReadResult",
    "default_patterns",
    "extract_html",
    "input_kind",
    "load_patterns",
    "read_bytes_input",
    "read_file",
    "read_inputs",
    "read_stdin",
    "remove_boilerplate",
    "walk_directory",
]
