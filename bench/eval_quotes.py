"""Quote attribution on outside news: precision, recall and speakers against PolNeAR.

Each article of `../shared/data/quotes-dev.jsonl` is written to a file exactly as its
`text`, opened with `load_document` and analysed by the real pipeline, as `reader extract`
does. The loader tidies whitespace, so predicted offsets are carried back to the file's
text by aligning the two (non-space characters are the same, in the same order).

Scoring (the data README's): a predicted quote matches a gold one when their content spans
overlap by at least half the shorter span, each gold quote matched once; precision =
matched / predicted; direct recall = matched direct+mixed / gold direct+mixed; recall with
indirect = matched / all gold; speaker right = of matched quotes with a gold speaker, those
whose predicted speaker span overlaps the gold one or whose speaker name shares a word with it.

Usage: PYTHONPATH=. python bench/eval_quotes.py [--limit N] [--verbose]
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import tempfile
import time
from bisect import bisect_right
from pathlib import Path
from typing import Any

from reader.analysis import analyse_document
from reader.analysis.model import Quote
from reader.document import load_document

# The shared data sits beside the clone (or beside the folder of worktrees).
_ROOT = Path(__file__).resolve().parents[1]
QUOTES = next(
    (
        folder / "shared" / "data" / "quotes-dev.jsonl"
        for folder in (_ROOT.parent, _ROOT.parent.parent)
        if (folder / "shared" / "data" / "quotes-dev.jsonl").exists()
    ),
    _ROOT.parent / "shared" / "data" / "quotes-dev.jsonl",
)


class OffsetMap:
    """Carries offsets in the loaded `Document.text` back to the file's own text."""

    def __init__(self, loaded: str, original: str) -> None:
        a_index = [i for i, ch in enumerate(loaded) if not ch.isspace()]
        b_index = [i for i, ch in enumerate(original) if not ch.isspace()]
        a_chars = "".join(loaded[i] for i in a_index)
        b_chars = "".join(original[i] for i in b_index)
        matcher = difflib.SequenceMatcher(None, a_chars, b_chars, autojunk=False)
        self.pairs: list[tuple[int, int]] = []
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                self.pairs.append((a_index[block.a + k], b_index[block.b + k]))
        self.keys = [a for a, _ in self.pairs]

    def start(self, offset: int) -> int:
        i = bisect_right(self.keys, offset - 1)
        return self.pairs[i][1] if i < len(self.pairs) else (self.pairs[-1][1] + 1)

    def end(self, offset: int) -> int:
        i = bisect_right(self.keys, offset - 1) - 1
        return self.pairs[i][1] + 1 if i >= 0 else 0


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def score_article(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, int]:
    """Counts for one article; predicted quotes carry offsets into the gold text."""
    used: set[int] = set()
    counts = {"predicted": len(predicted), "matched": 0, "matched_direct": 0}
    counts |= {"speaker_gold": 0, "speaker_right": 0, "gold": len(gold)}
    counts["gold_direct"] = sum(g["kind"] != "indirect" for g in gold)
    for p in predicted:
        span = (p["start"], p["end"])
        best, best_overlap = None, 0
        for i, g in enumerate(gold):
            if i in used:
                continue
            both = overlap(span, (g["start"], g["end"]))
            shorter = min(span[1] - span[0], g["end"] - g["start"])
            if both > 0 and both * 2 >= shorter and both > best_overlap:
                best, best_overlap = i, both
        if best is None:
            continue
        used.add(best)
        g = gold[best]
        counts["matched"] += 1
        counts["matched_direct"] += g["kind"] != "indirect"
        if g.get("speaker_start") is not None:
            counts["speaker_gold"] += 1
            counts["speaker_right"] += speaker_right(p, g)
    return counts


def speaker_right(p: dict[str, Any], g: dict[str, Any]) -> bool:
    speaker = p.get("speaker")
    if not speaker:
        return False
    if overlap((speaker["start"], speaker["end"]), (g["speaker_start"], g["speaker_end"])):
        return True
    return bool(words(speaker["name"]) & words(g["speaker"] or ""))


def predict(path: Path, original: str) -> list[dict[str, Any]]:
    document = load_document(path)
    analysis = analyse_document(document)
    mapping = OffsetMap(document.text, original)
    return [as_record(q, mapping) for q in analysis.quotes]


def as_record(quote: Quote, mapping: OffsetMap) -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": mapping.start(quote.start),
        "end": mapping.end(quote.end),
        "text": quote.text,
        "kind": quote.kind,
        "speaker": None,
    }
    if quote.speaker is not None:
        record["speaker"] = {
            "name": quote.speaker.name,
            "start": mapping.start(quote.speaker.start),
            "end": mapping.end(quote.speaker.end),
            "text": quote.speaker.text,
        }
    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--verbose", action="store_true", help="list misses on stderr")
    options = parser.parse_args()
    if not QUOTES.exists():
        raise SystemExit(f"eval_quotes: {QUOTES} not found")
    articles = [json.loads(line) for line in QUOTES.open(encoding="utf-8")]
    if options.limit:
        articles = articles[: options.limit]
    totals: dict[str, int] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for article in articles:
            path = Path(folder) / "article.txt"
            path.write_text(article["text"], encoding="utf-8")
            predicted = predict(path, article["text"])
            counts = score_article(article["quotes"], predicted)
            for key, value in counts.items():
                totals[key] = totals.get(key, 0) + value
            if options.verbose:
                report(article, predicted)
    precision = totals["matched"] / max(1, totals["predicted"])
    recall = totals["matched"] / max(1, totals["gold"])
    result = {
        "articles": len(articles),
        "predicted": totals["predicted"],
        "gold": totals["gold"],
        "precision": round(precision, 3),
        "direct_recall": round(totals["matched_direct"] / max(1, totals["gold_direct"]), 3),
        "recall_with_indirect": round(recall, 3),
        "f1_with_indirect": round(2 * precision * recall / max(1e-9, precision + recall), 3),
        "speaker_right": round(totals["speaker_right"] / max(1, totals["speaker_gold"]), 3),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result))
    return 0


def report(article: dict[str, Any], predicted: list[dict[str, Any]]) -> None:
    """False positives, missed direct quotes and wrong speakers, for looking at rules."""
    gold = article["quotes"]
    text = article["text"]
    for p in predicted:
        hits = [
            g
            for g in gold
            if overlap((p["start"], p["end"]), (g["start"], g["end"])) * 2
            >= min(p["end"] - p["start"], g["end"] - g["start"])
        ]
        if not hits:
            print(f"FP {p['kind']}: {text[p['start'] : p['end']][:160]!r}", file=sys.stderr)
        elif hits[0].get("speaker_start") is not None and not speaker_right(p, hits[0]):
            said = p["speaker"]["text"] if p["speaker"] else None
            print(f"SPK {said!r} gold {hits[0]['speaker']!r}: {p['text'][:80]!r}", file=sys.stderr)
    for g in gold:
        if g["kind"] == "indirect":
            continue
        if not any(
            overlap((p["start"], p["end"]), (g["start"], g["end"])) * 2
            >= min(p["end"] - p["start"], g["end"] - g["start"])
            for p in predicted
        ):
            context = text[max(0, g["start"] - 50) : g["end"] + 40]
            print(f"MISS {g['kind']}: {context[:240]!r}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
