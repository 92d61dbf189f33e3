"""One catalogue of numbered error messages, so users can search for ``E012``."""

from __future__ import annotations

MESSAGES = {
    # pipeline
    "E001": "stage '{stage}' requires {missing}, which no earlier stage assigns",
    "E002": "stage '{stage}' assigns {fields}, which an earlier stage already assigned",
    # input
    "E101": "{path}: file not found",
    "E102": "{path}: file is empty",
    "E103": "{path}: looks like a binary file, not text, HTML or JSON Lines",
    "E104": "{path}: cannot be read ({reason})",
    "E105": "{path}: no article text could be extracted from the HTML page",
    "E106": "{path}: line {line}: {reason}",
    "E107": "{path}: unsupported file type '{suffix}' (expected .txt, .html, .htm, .jsonl)",
    "E108": "{path}: invalid metadata: {reason}",
    "E109": "{path}: the text has no content after boilerplate removal",
    # data files
    "E201": "{path}: line {line}: {reason}",
    # store
    "E301": "{path}: not an eventwire database ({reason})",
    # evaluation
    "E401": "{path}: not a gold file ({reason})",
    "E402": "{path}: no prediction for gold document '{doc_id}'",
    # web / api
    "E501": "upload too large: {size} bytes (limit {limit} bytes)",
    "E502": "invalid date '{value}': expected YYYY-MM-DD",
    # batch coding
    "E601": "{doc_id}: coding failed ({reason})",
    "E602": "{doc_id}: not stored ({reason})",
}


class EventwireError(Exception):
    """An error with a catalogue code; ``str()`` gives ``E101: path: file not found``."""

    def __init__(self, code: str, **details: object):
        self.code = code
        self.details = details
        super().__init__(f"{code}: {MESSAGES[code].format(**details)}")


class PipelineError(EventwireError):
    pass


class InputError(EventwireError):
    pass


class DataFileError(EventwireError):
    pass
