"""Events as Parquet (optionally partitioned by publication month) and as CSV."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.dataset as ds
import pyarrow.parquet as pq

LIST_SEPARATOR = "|"  # joins list cells (context, aux) in CSV
MONTH_PARTITIONING = ds.partitioning(pa.schema([("year", pa.int32()), ("month", pa.int32())]), flavor="hive")


def write_parquet(store: Any, out_path: Path, partition_by_month: bool = False,
                  include_evidence: bool = False, **filters: Any) -> tuple[int, list[Path]]:
    """Events (and, with ``include_evidence``, every evidence span beside them) as Parquet.

    Partitioned output is a directory ``out_path/year=YYYY/month=M/`` (``year=0/month=0``
    for documents without a publication date); the
    evidence goes to ``<out_path stem>_evidence`` next to it, laid out alike.
    """
    out_path = Path(out_path)
    events = store.events(arrow=True, **filters)
    written = [_write_table(events, out_path, partition_by_month)]
    if include_evidence:
        evidence_filters = {k: v for k, v in filters.items() if k not in ("limit", "offset", "order_by")}
        evidence = store.evidence(arrow=True, **evidence_filters)
        if "limit" in filters or "offset" in filters:  # keep only the spans of the events written
            evidence = evidence.filter(pc.is_in(evidence["event_id"], value_set=events["event_id"]))
        written.append(_write_table(evidence, evidence_path(out_path), partition_by_month))
    return events.num_rows, written


def evidence_path(out_path: Path) -> Path:
    """``events.parquet`` -> ``events_evidence.parquet``; ``events/`` -> ``events_evidence/``."""
    return out_path.with_name(f"{out_path.stem}_evidence{out_path.suffix}")


def _write_table(table: pa.Table, path: Path, partition_by_month: bool) -> Path:
    if not partition_by_month:
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, path)
        return path
    if path.is_file():
        raise ValueError(f"{path}: partitioned output needs a directory, and this is a file")
    _clear_partitions(path)
    published = table["published"]
    # Undated documents go to year=0/month=0: null partitions break common readers.
    year = pc.fill_null(pc.year(published).cast(pa.int32()), 0)
    month = pc.fill_null(pc.month(published).cast(pa.int32()), 0)
    with_month = table.append_column("year", year).append_column("month", month)
    ds.write_dataset(with_month, path, format="parquet", partitioning=MONTH_PARTITIONING,
                     basename_template="part-{i}.parquet")
    return path


def _clear_partitions(path: Path) -> None:
    """Remove old ``year=`` partitions so a re-export replaces them; refuse a directory holding anything else."""
    if not path.is_dir():
        return
    children = list(path.iterdir())
    foreign = [c.name for c in children if not (c.is_dir() and c.name.startswith("year="))]
    if foreign:
        raise ValueError(f"{path}: not a partitioned export directory (holds {', '.join(sorted(foreign)[:3])})")
    for child in children:
        shutil.rmtree(child)


def write_csv(store: Any, out_path: Path, **filters: Any) -> int:
    """Events as CSV with a header; list cells joined with ``|``."""
    events = store.events(arrow=True, **filters)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    pacsv.write_csv(_flatten_lists(events), out_path,
                    write_options=pacsv.WriteOptions(quoting_style="needed"))
    return events.num_rows


def _flatten_lists(table: pa.Table) -> pa.Table:
    for index, column in enumerate(table.schema):
        if pa.types.is_list(column.type):
            joined = pc.binary_join(table[column.name], LIST_SEPARATOR)
            table = table.set_column(index, column.name, joined)
    return table
