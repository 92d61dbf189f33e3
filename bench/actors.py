"""How much of the pipeline's time goes to actor resolution.

Runs the default pipeline (``eventwire.api.build_pipeline``, every sentence parsed, as
``eventwire code`` runs it without ``--fast``) over a corpus of articles and times each stage
separately, then prints each stage's share and the actors stage's share of the whole.  The
knowledge base, the spaCy model and the gazetteer are loaded and warmed on the first articles
before timing starts, so the figures are the steady state of a long batch.

Data: MEANTIME English news (``../shared/data/meantime-en/meantime_en.jsonl``, 120 articles) by
default, or any JSON Lines file with ``text`` (and optional ``dct``/``published``).

Usage: python bench/actors.py [--data FILE] [--repeat N] [--warmup N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from eventwire.api import Settings, build_pipeline
from eventwire.model import Article, Document

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-en" / "meantime_en.jsonl"


def read_articles(path: Path) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            record = json.loads(line)
            day = record.get("dct") or record.get("published")
            articles.append(Article(str(record.get("doc_id", number)), record["text"], parse_day(day)))
    return articles


def parse_day(value: str | None) -> dt.date | None:
    """ISO dates, and the day-month-year form a few MEANTIME records use."""
    for form in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime((value or "")[:10], form).date()
        except ValueError:
            continue
    return None


def run_timed(stages, article: Article, totals: dict[str, float]) -> None:
    doc = Document(article=article)
    for stage in stages:
        started = time.perf_counter()
        doc = stage(doc)
        totals[stage.name] += time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the corpus")
    parser.add_argument("--warmup", type=int, default=3, help="articles run before timing")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    articles = read_articles(args.data)
    stages = build_pipeline(Settings()).stages
    scratch: dict[str, float] = defaultdict(float)
    for article in articles[:args.warmup]:
        run_timed(stages, article, scratch)
    totals: dict[str, float] = defaultdict(float)
    for _ in range(args.repeat):
        for article in articles:
            run_timed(stages, article, totals)
    whole = sum(totals.values())
    words = sum(len(a.text.split()) for a in articles) * args.repeat
    print(f"{len(articles) * args.repeat} articles, {words} words, {whole:.2f} s in the pipeline "
          f"({words / whole:.0f} words/s)")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<10} {seconds:8.2f} s  {100 * seconds / whole:5.1f} %")
    print(f"actors stage share: {100 * totals['actors'] / whole:.1f} % of pipeline time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
