"""Readers: files, directories, JSON Lines corpora and standard input to ``Article``s.

``read_inputs`` streams: one document is in memory at a time (JSON Lines are
read line by line, directories walked lazily).  A bad input never stops the
run: it is yielded as an ``InputError`` for the caller to report, and the
other inputs go on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes

from ..errors import InputError
from ..model import Article
from .boilerplate import remove_boilerplate

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
GZIP_SUFFIX = ".gz"
SIDECAR_SUFFIX = ".meta.json"
STDIN_NAME = "-"
STDIN_LABEL = "<stdin>"
STDIN_DOC_ID = "stdin"
# Binary sniffing looks at the start only: enough to catch images, PDFs, archives.
SNIFF_BYTES = 8192
MAX_CONTROL_FRACTION = 0.3
TEXT_CONTROL_BYTES = frozenset(b"\t\n\r\f\b\x1b")
UNICODE_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# charset-normalizer often ties Western code pages (cp1250 vs cp1252) on short
# text; news outside UTF-8 is far more often Windows-1252/Latin-1, so prefer it.
PREFERRED_LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
# A first line repeating at least this share of the page title is the headline.
HEADLINE_MIN_SHARE = 0.6
METADATA_TEXT_FIELDS = ("doc_id", "title", "url", "outlet", "author")

ReadResult = Article | InputError


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document besides its text; ``None`` = unknown."""

    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None

    def over(self, fallback: Metadata) -> Metadata:
        """This metadata, with gaps filled from ``fallback``."""
        return Metadata(**{f.name: _first_known(getattr(self, f.name), getattr(fallback, f.name))
                           for f in fields(self)})


def _first_known(*values: Any) -> Any:
    return next((value for value in values if value is not None), None)


# --- entry point -------------------------------------------------------------


def read_inputs(
    paths: Iterable[str], published: dt.date | None = None
) -> Iterator[ReadResult]:
    """Yield an ``Article`` per document, or an ``InputError`` per bad input.

    ``published`` is the fallback publication date for documents whose own
    metadata (sidecar, JSON Lines field, HTML metadata) gives none.
    """
    fallback = Metadata(published=_as_date(published))
    for name in paths:
        if name == STDIN_NAME:
            yield read_stdin(fallback.published)
            continue
        path = Path(name)
        if path.is_dir():
            for found in walk_directory(path):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from read_file(found, fallback.published, document_name(found, path))
        elif not path.exists():
            yield InputError("E101", path=name)
        else:
            yield from read_file(path, fallback.published)


def walk_directory(directory: Path) -> Iterator[Path | InputError]:
    """Supported files under ``directory``, recursively, sorted, hidden ones skipped.

    A sub-directory that cannot be listed is yielded as an E104 error.
    """
    seen: set[str] = set()  # real paths of directories walked: guards symlink loops
    yield from _walk(directory, seen)


def _walk(directory: Path, seen: set[str]) -> Iterator[Path | InputError]:
    real = os.path.realpath(directory)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield InputError("E104", path=str(directory), reason=error.strerror or str(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path), seen)
        elif input_kind(entry.name) is not None:
            yield Path(entry.path)


# --- file types --------------------------------------------------------------


def input_kind(name: str) -> str | None:
    """``text``, ``html`` or ``jsonl`` from the file name, else ``None``."""
    suffix = _format_suffix(name)
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _format_suffix(name: str) -> str:
    if name.lower().endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return Path(name).suffix.lower()


def document_name(path: Path, root: Path) -> str:
    """``corpus/2024/x.txt`` under ``corpus`` -> ``2024/x``: the default ``doc_id`` of a file found
    in a folder, so that same-named files in different sub-folders stay distinct documents."""
    return path.parent.relative_to(root).joinpath(document_stem(path)).as_posix()


def document_stem(path: Path) -> str:
    """``a/b.html.gz`` -> ``b``: the name without format and compression suffixes."""
    name = path.name
    if name.lower().endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return Path(name).stem


def sidecar_path(path: Path) -> Path:
    return path.with_name(document_stem(path) + SIDECAR_SUFFIX)


# --- single files ------------------------------------------------------------


def read_file(path: Path, published: dt.date | None = None, name: str | None = None) -> Iterator[ReadResult]:
    """Yield the document(s) of one file, or the error that stops it; ``name`` is the default
    ``doc_id`` (the file's stem if not given)."""
    name = name or document_stem(path)
    label = str(path)
    kind = input_kind(path.name)
    if kind is None:
        yield InputError("E107", path=label, suffix=_format_suffix(path.name) or "(none)")
        return
    try:
        own = read_sidecar(path)
    except InputError as error:
        yield error
        return
    if kind == "jsonl":
        # A corpus sidecar can only say what all its documents share.
        shared = Metadata(outlet=own.outlet, published=_first_known(own.published, published))
        yield from read_jsonl(path, shared, name)
        return
    try:
        data = read_bytes(path)
        check_content(label, data)
    except InputError as error:
        yield error
        return
    fallback = Metadata(doc_id=name, published=published)
    if kind == "html":
        yield article_from_html(data, label, own, fallback)
    else:
        yield article_from_bytes(data, label, own.over(fallback))


def read_bytes(path: Path, limit: int = -1) -> bytes:
    """The file's bytes (the first ``limit`` only, if given), decompressed when gzipped;
    I/O problems become ``InputError``."""
    try:
        with open_binary(path) as stream:
            return stream.read(limit)
    except FileNotFoundError:
        raise InputError("E101", path=str(path)) from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise InputError("E104", path=str(path), reason=f"not a valid gzip file: {error}") from None
    except OSError as error:
        raise InputError("E104", path=str(path), reason=error.strerror or str(error)) from None


def open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(GZIP_SUFFIX):
        return gzip.open(path, "rb")
    return path.open("rb")


def check_content(label: str, data: bytes) -> None:
    """Raise E102 for an empty input, E103 for one that is not text."""
    if not data.strip():
        raise InputError("E102", path=label)
    if looks_binary(data[:SNIFF_BYTES]):
        raise InputError("E103", path=label)


def looks_binary(sample: bytes) -> bool:
    if sample.startswith(UNICODE_BOMS):
        return False  # UTF-16 text is full of NUL bytes
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in TEXT_CONTROL_BYTES)
    return controls > MAX_CONTROL_FRACTION * len(sample)


def read_sidecar(path: Path) -> Metadata:
    """Metadata from ``NAME.meta.json`` beside the file, or empty metadata."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return Metadata()
    try:
        record = json.loads(sidecar.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError("E104", path=str(sidecar), reason=error.strerror or str(error)) from None
    except UnicodeDecodeError:
        raise InputError("E108", path=str(sidecar), reason="not UTF-8") from None
    except json.JSONDecodeError as error:
        raise InputError("E108", path=str(sidecar), reason=f"not valid JSON ({error})") from None
    try:
        return metadata_from_record(record)
    except ValueError as error:
        raise InputError("E108", path=str(sidecar), reason=str(error)) from None


def metadata_from_record(record: Any) -> Metadata:
    """Metadata fields of a JSON object; unknown keys are ignored.  ``ValueError`` if malformed."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    values: dict[str, Any] = {}
    for key in METADATA_TEXT_FIELDS:
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "doc_id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a string")
        values[key] = _clean_field(value)
    published = record.get("published")
    if published is not None:
        values["published"] = parse_date(published)
        if values["published"] is None:
            raise ValueError(f"'published' is not a date: {published!r} (expected YYYY-MM-DD)")
    return Metadata(**values)


def parse_date(value: Any) -> dt.date | None:
    """An ISO date or date-time (``2018-03-09``, ``2018-03-09T10:00:00Z``) as a date."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _as_date(value: dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


# --- articles from content ---------------------------------------------------


def decode_text(data: bytes, label: str) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 when it is, else a detected encoding, with a warning."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    if encoding is not None:
        return data.decode(encoding, errors="replace"), [
            f"{label}: not UTF-8; decoded as {encoding} (detected)"]
    return data.decode("utf-8", errors="replace"), [
        f"{label}: not UTF-8 and no encoding detected; undecodable bytes replaced with U+FFFD"]


def detect_encoding(data: bytes) -> str | None:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    return next((enc for enc in PREFERRED_LEGACY_ENCODINGS if enc in tied), best.encoding)


def article_from_text(
    raw: str, label: str, metadata: Metadata, warnings: list[str] | None = None
) -> ReadResult:
    """Clean ``raw`` and wrap it as an Article, or E109 when nothing is left."""
    text, _removed = remove_boilerplate(raw)
    if not text:
        return InputError("E109", path=label)
    return Article(
        doc_id=metadata.doc_id or document_stem(Path(label)),
        text=text,
        published=metadata.published,
        outlet=metadata.outlet,
        url=metadata.url,
        title=metadata.title,
        author=metadata.author,
        source_path=label,
        warnings=list(warnings or ()),
    )


def article_from_bytes(data: bytes, label: str, metadata: Metadata) -> ReadResult:
    text, warnings = decode_text(data, label)
    return article_from_text(text, label, metadata, warnings)


def article_from_html(
    html: bytes | str, label: str, own: Metadata, fallback: Metadata = Metadata()
) -> ReadResult:
    """Main text and page metadata through trafilatura.

    Precedence: ``own`` (sidecar / JSON Lines fields) > the page's metadata > ``fallback``.
    """
    try:
        text, page = extract_html(html, own.url)
    except ValueError as error:
        return InputError("E104", path=label, reason=f"HTML parser failed: {error}")
    if not text:
        return InputError("E105", path=label)
    metadata = own.over(page).over(fallback)
    result = article_from_text(drop_headline(text, metadata.title), label, metadata)
    if isinstance(result, InputError) and result.code == "E109":
        return InputError("E105", path=label)  # trafilatura found only page furniture
    return result


def extract_html(html: bytes | str, url: str | None = None) -> tuple[str, Metadata]:
    """(main text, page metadata) of an HTML page; offline, comments left out."""
    import trafilatura  # imported here: slow to load and only HTML needs it

    try:
        # favor_precision: junk text makes false events; on the extraction benchmark it
        # raises F1 (0.967 -> 0.972, bench/extraction.py) at a 0.001 cost in recall.
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=True)
    except Exception as error:  # a third-party parser on untrusted input
        raise ValueError(str(error) or type(error).__name__) from error
    if extracted is None or not (extracted.text or "").strip():
        return "", Metadata()
    page = Metadata(
        title=_clean_field(extracted.title),
        url=_clean_field(extracted.url),
        outlet=_clean_field(extracted.sitename),
        author=_clean_field(extracted.author),
        published=parse_date(extracted.date),
    )
    return extracted.text, page


def drop_headline(text: str, title: str | None) -> str:
    """Drop a first line that repeats the title: it is in ``Article.title`` already.

    Page titles often add the site ("Headline | Site"), so the line need only
    be most of the title's start.
    """
    first, _, rest = text.partition("\n")
    line, heading = _same_words(first), _same_words(title or "")
    if rest and line and heading.startswith(line) and len(line) >= HEADLINE_MIN_SHARE * len(heading):
        return rest
    return text


def _same_words(text: str) -> str:
    return " ".join(text.casefold().split())


def _clean_field(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


# --- JSON Lines corpora ------------------------------------------------------


def read_jsonl(path: Path, shared: Metadata = Metadata(), name: str | None = None) -> Iterator[ReadResult]:
    """One document per line (default ``doc_id`` ``name:line``); a bad line is an E106 and the others go on."""
    label = str(path)
    stem = name or document_stem(path)
    try:
        if looks_binary(_read_head(path)):
            raise InputError("E103", path=label)
    except InputError as error:
        yield error
        return
    any_document = False
    try:
        with open_binary(path) as stream:
            for number, raw_line in enumerate(stream, start=1):
                if not raw_line.strip():
                    continue
                any_document = True
                yield article_from_jsonl_line(raw_line, label, number, f"{stem}:{number}", shared)
    except FileNotFoundError:
        yield InputError("E101", path=label)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        yield InputError("E104", path=label, reason=f"not a valid gzip file: {error}")
    except OSError as error:
        yield InputError("E104", path=label, reason=error.strerror or str(error))
    else:
        if not any_document:
            yield InputError("E102", path=label)


def _read_head(path: Path) -> bytes:
    return read_bytes(path, SNIFF_BYTES)


def article_from_jsonl_line(
    raw_line: bytes, label: str, number: int, default_id: str, shared: Metadata
) -> ReadResult:
    def bad_line(reason: str) -> InputError:
        return InputError("E106", path=label, line=number, reason=reason)

    try:
        record = json.loads(raw_line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return bad_line("not valid UTF-8")
    except json.JSONDecodeError as error:
        return bad_line(f"not valid JSON ({error.msg} at column {error.colno})")
    try:
        own = metadata_from_record(record)
    except ValueError as error:
        return bad_line(str(error))
    fallback = replace(shared, doc_id=default_id)
    text, html = record.get("text"), record.get("html")
    line_label = f"{label}:{number}"
    if isinstance(text, str) and text.strip():
        result = article_from_text(text, line_label, own.over(fallback))
    elif isinstance(html, str) and html.strip():
        result = article_from_html(html, line_label, own, fallback)
    else:
        return bad_line("no 'text' or 'html' field with content")
    if isinstance(result, InputError):
        return bad_line(_line_reason(result))
    result.source_path = label
    return result


def _line_reason(error: InputError) -> str:
    """The problem part of an error about one JSON Lines document."""
    return {"E105": "no article text could be extracted from the 'html' field",
            "E109": "the text has no content after boilerplate removal"}.get(
                error.code, str(error.details.get("reason", error)))


# --- standard input ----------------------------------------------------------


def read_stdin(published: dt.date | None = None) -> ReadResult:
    """Plain text from standard input, as one document with ``doc_id`` ``stdin``."""
    data = _stdin_bytes()
    try:
        check_content(STDIN_LABEL, data)
    except InputError as error:
        return error
    return article_from_bytes(data, STDIN_LABEL, Metadata(doc_id=STDIN_DOC_ID, published=published))


def _stdin_bytes() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer.read()
    text = sys.stdin.read()  # a text-only stream (e.g. a test's StringIO)
    return text.encode("utf-8", errors="surrogateescape") if isinstance(text, str) else text


def read_bytes_input(
    name: str, data: bytes, published: dt.date | None = None
) -> Iterator[ReadResult]:
    """Documents from in-memory bytes named ``name`` (e.g. an upload); no sidecar."""
    kind = input_kind(name)
    label = name
    if kind is None:
        yield InputError("E107", path=label, suffix=_format_suffix(name) or "(none)")
        return
    if name.lower().endswith(GZIP_SUFFIX):
        try:
            data = gzip.decompress(data)
        except (gzip.BadGzipFile, EOFError, zlib.error) as error:
            yield InputError("E104", path=label, reason=f"not a valid gzip file: {error}")
            return
    try:
        check_content(label, data)
    except InputError as error:
        yield error
        return
    stem = document_stem(Path(name))
    fallback = Metadata(doc_id=stem, published=_as_date(published))
    if kind == "html":
        yield article_from_html(data, label, Metadata(), fallback)
    elif kind == "text":
        yield article_from_bytes(data, label, fallback)
    else:
        shared = replace(fallback, doc_id=None)
        for number, raw_line in enumerate(data.splitlines(), start=1):
            if raw_line.strip():
                yield article_from_jsonl_line(raw_line, label, number, f"{stem}:{number}", shared)
