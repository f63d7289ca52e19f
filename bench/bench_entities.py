"""Speed of the whole analysis, beside raw spaCy's full default pipeline in the same run.

Measured twice: with the model in this process (what `reader extract` does), and with
the model in two worker processes (AnnotatorPool, what the window does).

Usage: PYTHONPATH=. python bench/bench_entities.py [--words 100000] [--runs 7]
Texts are built from our own fixture articles (repeated, each copy's paragraphs in a
different order), never shipped as large files. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from reader.analysis import analyse_document, get_nlp
from reader.analysis.language import load_full_model
from reader.analysis.parallel import AnnotatorPool
from reader.document import BlockKind, load_document, parse_article

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"


def fixture_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(FIXTURES.glob("*.txt")):
        document = load_document(path)
        paragraphs += [document.block_text(b) for b in document.blocks_of(BlockKind.PARAGRAPH)]
    return paragraphs


def article_of(words: int, paragraphs: list[str]) -> str:
    """A title line and paragraphs, rotated each round so the text is not one block repeated."""
    chosen: list[str] = []
    count = 0
    round_ = 0
    while count < words:
        shift = round_ % len(paragraphs)
        for paragraph in paragraphs[shift:] + paragraphs[:shift]:
            chosen.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
        round_ += 1
    return "A Long Day of News From Everywhere\n\n" + "\n\n".join(chosen) + "\n"


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()

    load_seconds = timed(get_nlp)
    paragraphs = fixture_paragraphs()
    short = parse_article(article_of(1000, paragraphs))
    long = parse_article(article_of(options.words, paragraphs))
    analyse_document(short)  # warm caches
    short_runs = [timed(analyse_document, short) for _ in range(options.runs)]
    long_seconds = timed(analyse_document, long)

    pool = AnnotatorPool(2)
    started = time.perf_counter()
    pool.start()
    pool.wait_ready()
    pool_start = time.perf_counter() - started

    def pooled(document):
        return analyse_document(document, annotator=pool.annotate)

    pooled(short)  # a text this long brings in the second worker
    pool.wait_started()
    pool_workers = pool.ready_workers

    pool_short_runs = [timed(pooled, short) for _ in range(options.runs)]
    pool_long_seconds = timed(pooled, long)
    pool.close()

    full = load_full_model()
    full(short.text)
    raw_short = statistics.median(timed(full, short.text) for _ in range(options.runs))
    raw_long = timed(full, long.text)
    print(
        json.dumps(
            {
                "model_load_s": round(load_seconds, 3),
                "article_words": short.word_count,
                "article_ms_median": round(1000 * statistics.median(short_runs), 1),
                "article_target_ms": 120,
                "long_words": long.word_count,
                "long_s": round(long_seconds, 2),
                "words_per_s": round(long.word_count / long_seconds),
                "words_per_s_target": 8000,
                "raw_full_article_ms": round(1000 * raw_short, 1),
                "raw_full_long_s": round(raw_long, 2),
                "ratio_to_raw_article": round(statistics.median(short_runs) / raw_short, 3),
                "ratio_to_raw_long": round(long_seconds / raw_long, 3),
                "pool_processes": pool_workers,
                "pool_start_s": round(pool_start, 2),
                "pool_article_ms_median": round(1000 * statistics.median(pool_short_runs), 1),
                "pool_long_s": round(pool_long_seconds, 2),
                "pool_words_per_s": round(long.word_count / pool_long_seconds),
                "pool_ratio_to_raw_article": round(
                    statistics.median(pool_short_runs) / raw_short, 3
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
