"""Re-interpreting an article from its cached annotations: what a correction costs.

Annotates a ~1,000-word article once (the model), then times `interpret` alone (our
rules, ids, summary), which must stay far below anything a reader notices. Target:
< 20 ms for a correction (the same article again); `interpret_cold_ms_median` is a new
article's first interpret, with nothing remembered. Texts are built from our own
fixture articles. Prints one JSON line.

Usage: PYTHONPATH=. python bench/bench_interpret.py [--words 1000] [--runs 21]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from bench_entities import article_of, fixture_paragraphs

from reader.analysis.entities.labels import _tally
from reader.analysis.pipeline import _times_and_quantities, annotate, interpret
from reader.document import parse_article


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=21)
    options = parser.parse_args()

    document = parse_article(article_of(options.words, fixture_paragraphs()))
    started = time.perf_counter()
    annotations = annotate(document)
    annotate_seconds = time.perf_counter() - started
    interpret(document, annotations)  # warm caches
    runs = []
    for _ in range(options.runs):
        started = time.perf_counter()
        interpret(document, annotations)
        runs.append(time.perf_counter() - started)
    # A new article: nothing of this one remembered (a correction re-uses its times).
    cold = []
    for _ in range(options.runs):
        _times_and_quantities.cache_clear()
        _tally.cache_clear()
        started = time.perf_counter()
        interpret(document, annotations)
        cold.append(time.perf_counter() - started)
    print(
        json.dumps(
            {
                "article_words": document.word_count,
                "annotate_ms_first": round(1000 * annotate_seconds, 1),
                "interpret_ms_median": round(1000 * statistics.median(runs), 2),
                "interpret_ms_max": round(1000 * max(runs), 2),
                "interpret_target_ms": 20,
                "interpret_cold_ms_median": round(1000 * statistics.median(cold), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
