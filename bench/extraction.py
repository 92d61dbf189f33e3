"""Score eventwire's HTML ingest on the article-extraction benchmark sample.

Data: ``../shared/data/article-extraction-benchmark/`` (gold ``ground-truth.sample.jsonl``
with ``article_body``; pages ``html/<id>.html.gz``).  Each page goes through
``eventwire.ingest.read_inputs`` exactly as a user's file would (trafilatura, then
boilerplate removal).  Two scores are printed, both per page and then averaged:

* ``tokens``: whitespace tokens, multiset overlap; precision, recall and F1 are the
  means over pages.
* ``shingles``: the upstream benchmark's own measure: ``\\w+`` tokens joined into
  4-token shingles, multiset overlap, precision and recall averaged over pages and F1
  taken from those two means (comparable with the upstream leaderboard).

A third row scores trafilatura's text before boilerplate removal, to show what the
patterns add or cost.

Usage: python bench/extraction.py [--data DIR] [--worst N]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest import extract_html, read_inputs
from eventwire.ingest.readers import read_bytes

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"
WORD = re.compile(r"\w+")
SHINGLE_SIZE = 4


@dataclass(frozen=True)
class Overlap:
    """Multiset overlap of predicted and gold units for one page."""

    true_positive: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def overlap(predicted: list, gold: list) -> Overlap:
    common = Counter(predicted) & Counter(gold)
    return Overlap(sum(common.values()), len(predicted), len(gold))


def whitespace_tokens(text: str) -> list[str]:
    return text.split()


def shingles(text: str) -> list[tuple[str, ...]]:
    words = WORD.findall(text)
    if len(words) < SHINGLE_SIZE:
        return [tuple(words)] if words else []
    return [tuple(words[i:i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)]


def score(pairs: list[tuple[str, str]], units: Callable[[str], list]) -> dict[str, float]:
    """Mean precision and recall over pages; F1 both as mean of page F1s and of the means."""
    overlaps = [overlap(units(predicted), units(gold)) for predicted, gold in pairs]
    precision = statistics.mean(o.precision for o in overlaps)
    recall = statistics.mean(o.recall for o in overlaps)
    return {
        "precision": precision,
        "recall": recall,
        "f1_of_means": harmonic_mean(precision, recall),
        "mean_f1": statistics.mean(o.f1 for o in overlaps),
    }


def load_gold(data: Path) -> list[dict]:
    with (data / "ground-truth.sample.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def ingest_text(page: Path) -> str:
    """The clean text eventwire would analyse; '' when ingest rejects the page."""
    results = list(read_inputs([str(page)]))
    return "" if isinstance(results[0], InputError) else results[0].text


def trafilatura_text(page: Path) -> str:
    return extract_html(read_bytes(page))[0]


def print_row(name: str, metrics: dict[str, float]) -> None:
    print(f"{name:<34} precision={metrics['precision']:.3f}  recall={metrics['recall']:.3f}  "
          f"F1={metrics['f1_of_means']:.3f}  (mean page F1={metrics['mean_f1']:.3f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=5, help="list the N lowest-F1 pages")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.sample.jsonl").is_file():
        print(f"benchmark data not found in {args.data}", file=sys.stderr)
        return 2
    gold = load_gold(args.data)
    ingested, raw = [], []
    rejected = 0
    for record in gold:
        page = args.data / record["html_file"]
        text = ingest_text(page)
        rejected += not text
        ingested.append((text, record["article_body"]))
        raw.append((trafilatura_text(page), record["article_body"]))
    print(f"pages: {len(gold)}  rejected by ingest: {rejected}")
    print_row("eventwire ingest, tokens", score(ingested, whitespace_tokens))
    print_row("eventwire ingest, 4-gram shingles", score(ingested, shingles))
    print_row("trafilatura only, tokens", score(raw, whitespace_tokens))
    print_row("trafilatura only, 4-gram shingles", score(raw, shingles))
    page_scores = sorted(
        (overlap(whitespace_tokens(text), whitespace_tokens(body)).f1, record["url"])
        for (text, body), record in zip(ingested, gold))
    for f1, url in page_scores[: args.worst]:
        print(f"  worst: F1={f1:.3f}  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
