"""Query commands over a store: events, dyad, network, show, export, serve.

Each is a thin wrapper over one ``Store`` (or export/web) call; ``cli.py``
imports this module at its end, which registers the commands on ``main``.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

import click

from .cli import date_option, fail, main
from .errors import EventwireError

if TYPE_CHECKING:  # pandas is imported where a frame is printed: 'eventwire code' never needs it
    import pandas as pd

FORMATS = ("table", "csv", "json")
TABLE_COLUMNS = ["event_date", "source_text", "source_country", "type", "cameo", "quad_class", "goldstein",
                 "target_text", "target_country", "doc_id", "evidence_sentence"]
CELL_WIDTH = 40  # longest cell in --format table; csv and json keep every character


# ---------------------------------------------------------------- shared options and helpers

def db_option(function):
    return click.option("--db", default="eventwire.duckdb", show_default=True,
                        help="The eventwire DuckDB database to read.")(function)


def format_option(function):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output: an aligned table, CSV or JSON records.")(function)


def period_options(function):
    function = click.option("--until", help="Keep events on or before this date (YYYY-MM-DD).")(function)
    return click.option("--since", help="Keep events on or after this date (YYYY-MM-DD).")(function)


def filter_options(function):
    """The event filters shared by ``events`` and ``export`` (``Store.events`` keywords)."""
    for decorator in reversed([
        click.option("--actor", help="Actor: country code, actor id, or part of the actor's name."),
        click.option("--country", help="Country code of the actor (e.g. PRK)."),
        click.option("--role", type=click.Choice(["any", "source", "target"]), default="any", show_default=True,
                     help="Whether --actor/--country must be the source, the target or either."),
        click.option("--type", "types", multiple=True, help="PLOVER event type, e.g. SUPPORT (repeatable)."),
        click.option("--quad", "quads", multiple=True,
                     help="Quad class: 1-4 or e.g. verbal-cooperation (repeatable)."),
        period_options,
        click.option("--text", help="Keep events whose evidence contains this text."),
        click.option("--doc", "doc_id", help="Keep events of this document id."),
        click.option("--include-unasserted", is_flag=True,
                     help="Also keep negated and hypothetical events (left out by default)."),
    ]):
        function = decorator(function)
    return function


def event_filters(options: dict[str, Any]) -> dict[str, Any]:
    """Click's option values as ``Store.events`` keywords."""
    return {
        "actor": options["actor"], "country": options["country"], "role": options["role"],
        "type": list(options["types"]) or None, "quad": list(options["quads"]) or None,
        "since": date_option(options["since"]), "until": date_option(options["until"]),
        "text": options["text"], "doc_id": options["doc_id"],
        "asserted_only": not options["include_unasserted"],
    }


@contextmanager
def opened_store(db: str, read_only: bool = True) -> Iterator[Any]:
    """The store at ``db``; a missing or foreign file exits with its E301 message."""
    from .api import open as open_store

    try:
        store = open_store(db, read_only=read_only)
    except EventwireError as error:
        fail(error)
    with store:
        try:
            yield store
        except (EventwireError, ValueError) as error:
            fail(error)


def echo_frame(frame: pd.DataFrame, fmt: str) -> None:
    """A DataFrame as an aligned table, CSV or JSON records on standard output."""
    frame = _dates_as_days(frame)
    if fmt == "json":
        click.echo(frame.to_json(orient="records", date_format="iso", force_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(_joined_lists(frame).to_csv(index=False), nl=False)
    elif frame.empty:
        click.echo("(no rows)")
    else:
        click.echo(_shortened(_joined_lists(frame)).to_string(index=False))


def _dates_as_days(frame: pd.DataFrame) -> pd.DataFrame:
    """Date columns (DuckDB DATE arrives as midnight timestamps) as plain YYYY-MM-DD text."""
    import pandas as pd

    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values) and (values.dropna().dt.normalize() == values.dropna()).all():
            frame[column] = values.dt.strftime("%Y-%m-%d").astype(object).where(values.notna(), None)
    return frame


def _joined_lists(frame: pd.DataFrame) -> pd.DataFrame:
    def join(value: Any) -> Any:
        return "|".join(map(str, value)) if isinstance(value, (list, tuple)) or hasattr(value, "tolist") else value

    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(join)
    return frame


def _shortened(frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    def cut(value: Any) -> Any:
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            return ""
        text = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
        return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 1] + "…"

    return frame.map(cut)


# ---------------------------------------------------------------- commands

@main.command()
@db_option
@filter_options
@click.option("--order", default="date", show_default=True,
              help="Sort by date, published, goldstein, confidence, mentions, type or doc_id; '-' for descending.")
@click.option("--limit", default=100, show_default=True, help="Rows to print (0 for all).")
@click.option("--all-columns", is_flag=True, help="Every column of the store's events query, not a summary.")
@format_option
def events(db, order, limit, all_columns, fmt, **options):
    """List stored events, filtered (the Python API's Store.events)."""
    with opened_store(db) as store:
        frame = store.events(**event_filters(options), order_by=order, limit=limit or None)
    echo_frame(frame if all_columns or fmt != "table" else frame[TABLE_COLUMNS], fmt)


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["day", "week", "month", "quarter", "year"]), default="month",
              show_default=True, help="Period to count events in.")
@period_options
@click.option("--include-unasserted", is_flag=True, help="Also count negated and hypothetical events.")
@format_option
def dyad(a, b, db, by, since, until, include_unasserted, fmt):
    """Events between A and B (country codes or actor ids) per period by quad class, both directions."""
    with opened_store(db) as store:
        frame = store.dyad(a, b, by=by, since=date_option(since), until=date_option(until),
                           asserted_only=not include_unasserted)
    echo_frame(frame, fmt)


@main.command()
@db_option
@click.option("--between", nargs=2, metavar="A B",
              help="List the common partners of A and B and the strongest cooperative paths between them.")
@click.option("--max-hops", default=3, show_default=True, help="Longest path --between looks for.")
@period_options
@click.option("--limit", default=50, show_default=True, help="Rows to print per table (0 for all).")
@format_option
def network(db, between, max_hops, since, until, limit, fmt):
    """Country-to-country ties: events, cooperation, conflict and Goldstein sum (who could mediate with --between)."""
    period = {"since": date_option(since), "until": date_option(until)}
    with opened_store(db) as store:
        if between:
            tables = {"partners": store.common_partners(*between, **period),
                      "paths": store.cooperation_paths(*between, max_hops=max_hops, limit=limit or 10**9, **period)}
        else:
            tables = {"ties": store.network(**period)}
    if fmt == "json":
        click.echo(json.dumps({name: json.loads(frame.head(limit or None).to_json(orient="records"))
                               for name, frame in tables.items()}, indent=2, ensure_ascii=False))
        return
    for name, frame in tables.items():
        if fmt == "table" and len(tables) > 1:
            click.echo(f"\n{name}:")
        echo_frame(frame.head(limit or None), fmt)


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--color/--no-color", default=None,
              help="Highlight with ANSI colours (default: only when writing to a terminal).")
def show(doc_id, db, color):
    """Print a stored article with actors, event words, quotes and times highlighted, then its events."""
    from .show import render_document

    with opened_store(db) as store:
        record = store.document(doc_id)
    if record is None:
        fail(LookupError(f"{db}: no document with id {doc_id!r}"))
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(render_document(record, color=use_color), nl=False, color=use_color)


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "parquet", "csv"]), required=True,
              help="GDELT 2.0 event table, PLOVER JSON, Parquet or CSV.")
@click.option("--out", required=True, type=click.Path(), help="File (or, for partitioned Parquet, folder) to write.")
@filter_options
@click.option("--header", is_flag=True, help="gdelt: write a header row (GDELT files have none).")
@click.option("--lines", is_flag=True, help="plover: JSON Lines instead of one JSON array.")
@click.option("--partition-by-month", is_flag=True, help="parquet: a folder partitioned year=/month=.")
@click.option("--include-evidence", is_flag=True, help="parquet: also write every evidence span beside it.")
def export_command(db, fmt, out, header, lines, partition_by_month, include_evidence, **options):
    """Write the stored events, filtered, as GDELT, PLOVER JSON, Parquet or CSV."""
    from .export import export

    format_options = {"gdelt": {"header": header}, "plover": {"lines": lines},
                      "parquet": {"partition_by_month": partition_by_month, "include_evidence": include_evidence},
                      "csv": {}}[fmt]
    with opened_store(db) as store:
        result = export(store, fmt, out, **format_options, **event_filters(options))
    click.echo(f"{result.rows} events written to {', '.join(map(str, result.paths))}", err=True)


@main.command()
@click.option("--db", default="eventwire.duckdb", show_default=True,
              help="The eventwire DuckDB database (created if missing; pasted articles are stored in it).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--max-upload", default=2_000_000, show_default=True, help="Largest accepted upload, in bytes.")
def serve(db, host, port, max_upload):
    """Run the dashboard: paste or upload articles, browse events, dyads, the network and documents."""
    import uvicorn

    from .web.app import create_app

    try:
        app = create_app(db, max_upload=max_upload)
    except EventwireError as error:
        fail(error)
    click.echo(f"eventwire dashboard on http://{host}:{port}/ (database {db})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
