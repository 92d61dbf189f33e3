"""Exports of stored events: GDELT 2.0 Event table, PLOVER JSON, Parquet, CSV.

``export(store, "gdelt", "events.tsv", country="PRK")``: every keyword that
is not a format option is a filter of ``Store.events``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .gdelt import GDELT_COLUMNS, write_gdelt
from .plover import write_plover
from .tabular import write_csv, write_parquet

FORMATS = ("gdelt", "plover", "parquet", "csv")


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    rows: int  # events written
    paths: list[Path]


def export(store: Any, fmt: str, out_path: str | Path, **options: Any) -> ExportResult:
    """Write the events ``store.events(**filters)`` selects in format ``fmt``.

    Format options: gdelt ``header=False``; plover ``lines=False``;
    parquet ``partition_by_month=False, include_evidence=False``.
    """
    out_path = Path(out_path)
    if fmt == "gdelt":
        return ExportResult(fmt, write_gdelt(store, out_path, **options), [out_path])
    if fmt == "plover":
        return ExportResult(fmt, write_plover(store, out_path, **options), [out_path])
    if fmt == "parquet":
        rows, paths = write_parquet(store, out_path, **options)
        return ExportResult(fmt, rows, paths)
    if fmt == "csv":
        return ExportResult(fmt, write_csv(store, out_path, **options), [out_path])
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "GDELT_COLUMNS", "ExportResult", "export"]
