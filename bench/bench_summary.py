"""How long summarize() adds to the analysis of a ~1,000-word article (target: under 30 ms).

Sentences and entities come from the spaCy model once, outside the timing; the figure is
the median wall time of summarize() over many runs. Prints one JSON line.

Usage: PYTHONPATH=. python bench/bench_summary.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.eval_summary import load_nlp, spacy_analyser
from reader.analysis.summary import summarize
from reader.document import load_document

ARTICLE = Path(__file__).resolve().parent / "articles" / "harbour-vote.txt"
TARGET_MS = 30.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    options = parser.parse_args(argv)
    document = load_document(ARTICLE)
    sentences, entities = spacy_analyser(load_nlp(), with_entities=True)(document)
    summarize(document, sentences, entities)  # warm up imports and caches
    timings = []
    for _ in range(options.runs):
        began = time.perf_counter()
        summarize(document, sentences, entities)
        timings.append((time.perf_counter() - began) * 1000)
    median = statistics.median(timings)
    result = {
        "article_words": document.word_count,
        "sentences": len(sentences),
        "entities": len(entities),
        "runs": options.runs,
        "median_ms": round(median, 3),
        "p95_ms": round(statistics.quantiles(timings, n=20)[-1], 3),
        "target_ms": TARGET_MS,
        "within_target": median < TARGET_MS,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
