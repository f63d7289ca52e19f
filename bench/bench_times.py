"""What times and quantities add to the analysis of a ~1,000-word article (target: under 10%).

The whole analysis (model, entities, summary, times, figures) is timed in this process,
then find_times() + find_quantities() alone; both are medians of CPU time (this process)
over several runs after a warm-up, so that other work on a shared machine does not count.
Prints one JSON line.

Usage: PYTHONPATH=. python bench/bench_times.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from reader.analysis.pipeline import analysable_blocks, analyse_document
from reader.analysis.quantities import find_quantities
from reader.analysis.times import find_times
from reader.document import load_document

ARTICLE = Path(__file__).resolve().parent / "articles" / "harbour-vote.txt"
TARGET_PERCENT = 10.0


def _median_ms(job, runs: int) -> float:
    job()
    samples = []
    for _ in range(runs):
        started = time.process_time()
        job()
        samples.append((time.process_time() - started) * 1000)
    return statistics.median(samples)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args(argv)
    document = load_document(ARTICLE)
    analysis = analyse_document(document)
    spans = [(b.start, b.end) for b in analysable_blocks(document)]
    reference = analysis.reference_date.date

    def times_and_figures() -> None:
        found = find_times(document.text, reference, analysis.sentences, spans)
        find_quantities(document.text, spans, [(t.start, t.end) for t in found])

    whole_ms = _median_ms(lambda: analyse_document(document), options.runs)
    added_ms = _median_ms(times_and_figures, options.runs * 10)
    without_ms = whole_ms - added_ms
    result = {
        "words": document.word_count,
        "analysis_ms": round(whole_ms, 1),
        "times_and_quantities_ms": round(added_ms, 2),
        "added_percent": round(100 * added_ms / without_ms, 1),
        "target_percent": TARGET_PERCENT,
        "times": len(analysis.times),
        "quantities": len(analysis.quantities),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
