"""The command line: each command is a thin wrapper over one API call."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from . import __version__
from .errors import EventwireError

SHARED_DATA = Path("..") / "shared" / "data"


def fail(error: Exception) -> None:
    click.echo(f"eventwire: {error}", err=True)
    sys.exit(2)


plover_records_option = click.option(
    "--data", type=click.Path(exists=True), default=str(SHARED_DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.jsonl"),
    show_default=True, help="PLOVER gold-standard records (JSON Lines).")


def date_option(value: str | None):
    from .api import parse_date

    try:
        return parse_date(value)
    except EventwireError as error:
        raise click.BadParameter(str(error)) from None


@click.group()
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: news articles in, PLOVER/CAMEO political event data out."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to store documents and events in.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write one JSON object per document (JSON Lines); '-' for standard output.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor file (eventwire TSV or Phoenix/PETRARCH dictionary); repeatable.")
@click.option("--workers", default=1, show_default=True, help="Worker processes.")
@click.option("--fast", is_flag=True,
              help="Parse only sentences with an event word and an actor cue: faster, but misses some events "
                   "whose actors are named elsewhere in the article.")
@click.option("--dask", "dask_address", help="Run on an existing Dask cluster, e.g. tcp://scheduler:8786.")
@click.option("--dask-local", type=int, help="Start a local Dask cluster with N worker processes.")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False),
              help="Also write the stored events as Parquet, partitioned by publication month.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def code(inputs, db, out, published, actor_files, workers, fast, dask_address, dask_local, parquet_dir, quiet):
    """Code article files (.txt, .html, .jsonl, folders, '-' for stdin) into events stored in --db."""
    from tqdm import tqdm

    from .api import Settings, open as open_store
    from .batch import code_files, count_inputs
    from .scale import make_executor

    settings = Settings(actor_files=tuple(str(Path(p).resolve()) for p in actor_files), fast_path=fast)
    try:
        store = open_store(db)
    except EventwireError as error:
        fail(error)
    executor = make_executor(workers, dask_address, dask_local)
    # A known total gives the bar an ETA; counting is cheap (files, .jsonl lines), stdin is not countable.
    bar = tqdm(total=None if quiet else count_inputs(inputs), unit="doc", disable=quiet, file=sys.stderr,
               desc="coding", dynamic_ncols=True)
    sink = (nullcontext(sys.stdout) if out == "-" else open(out, "w", encoding="utf-8")) if out else nullcontext(None)
    try:
        with store, sink as handle:
            summary = code_files(inputs, store, out=handle, published=date_option(published), settings=settings,
                                 executor=executor, progress=bar.update, parquet_dir=parquet_dir)
    except KeyboardInterrupt:
        click.echo("\ninterrupted: what was stored is complete; run the same command again to resume", err=True)
        sys.exit(130)
    finally:
        bar.close()
        executor.close()
    for failure in summary.failures:
        click.echo(f"error: {failure}", err=True)
    click.echo(summary.describe(), err=True)
    sys.exit(1 if summary.failures else 0)


@main.command("eval")
@click.option("--gold", "gold_paths", multiple=True, required=True, type=click.Path(exists=True),
              help="Gold file or folder of *.gold.json (repeatable).")
@click.option("--pred", required=True, type=click.Path(exists=True), help="The coder's JSON Lines output.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="List false positives and missed events.")
def evaluate(gold_paths, pred, as_json, details):
    """Score predicted events against gold files (../shared/eval/README.md, section 3)."""
    from .eval.events import format_scores, load_gold, load_predictions, score, scores_as_dict

    try:
        scores = score(load_gold(list(gold_paths)), load_predictions(pred))
    except EventwireError as error:
        fail(error)
    if as_json:
        click.echo(json.dumps(scores_as_dict(scores), indent=2))
        return
    click.echo(format_scores(scores))
    if details:
        for item in scores.false_positives:
            click.echo(f"FP  {item}")
        for item in scores.missed:
            click.echo(f"MISS {item}")


@main.command("eval-times")
@click.option("--data", type=click.Path(exists=True), default=str(SHARED_DATA / "meantime-en" / "meantime_en.jsonl"),
              show_default=True, help="MEANTIME English JSON Lines.")
def eval_times(data):
    """Score the time-expression tagger on MEANTIME (span F1 and value F1)."""
    from .eval.times import main as score_times_main

    score_times_main(data)


@main.command("eval-plover")
@plover_records_option
@click.option("--details", is_flag=True, help="List every record's judgement.")
def eval_plover(data, details):
    """Score the coder on the PLOVER gold-standard records, one sentence per document."""
    from .eval.plover_gsr import format_plover_gsr, load_plover_gsr, score_plover_gsr
    from .eval.suites import code_sentence

    result = score_plover_gsr(load_plover_gsr(data), code_sentence)
    click.echo(format_plover_gsr(result))
    if details:
        for record in result["per_record"]:
            click.echo(json.dumps(record, ensure_ascii=False))


@main.command("eval-actors")
@plover_records_option
@click.option("--details", is_flag=True, help="List every actor resolved wrongly or not at all.")
def eval_actors(data, details):
    """Score actor resolution alone on the PLOVER records' gold source and target texts."""
    from .eval.actors_gsr import format_actors, score_actors, sentence_resolver
    from .eval.plover_gsr import load_plover_gsr

    click.echo(format_actors(score_actors(load_plover_gsr(data), sentence_resolver()), details))


from . import cli_queries  # noqa: E402,F401  (registers query commands)


if __name__ == "__main__":
    main()
