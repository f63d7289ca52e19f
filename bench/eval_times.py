"""TempEval-3 scoring of Reader's temporal expressions on ../shared/data/timeml-dev.jsonl.

Each document runs as `reader extract --date DCT` would: its text through the document
loader and the whole analysis with the document's date as the reference date. Printed
as one JSON line: relaxed and strict span P/R/F1, and value F1 (matches whose value is
exactly the gold value, over predicted and over gold).

    PYTHONPATH=. .venv/bin/python bench/eval_times.py [--limit N] [--baseline] [--rules-only]

`--baseline` scores spaCy's DATE/TIME spans with values from dateparser instead;
`--rules-only` runs the time rules on the raw text without the model (a quick check
while editing rules; the figures to report are those of the default run).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timeml-dev.jsonl"
if not DATA.exists():  # a worktree beside the clone: /work/wt/NAME next to /work/shared
    DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "timeml-dev.jsonl"


def align(source: str, shown: str) -> list[int]:
    """For each offset of `shown` (the loader's text), the offset in `source`.

    The loader joins lines and drops blank lines, so the two differ only in spacing;
    characters are matched in order and whitespace on either side is skipped.
    """
    mapping = [0] * (len(shown) + 1)
    i = 0
    for j, char in enumerate(shown):
        while i < len(source) and source[i] != char and source[i].isspace():
            i += 1
        mapping[j] = min(i, len(source))
        if i < len(source) and (source[i] == char or not char.isspace()):
            i += 1
    mapping[len(shown)] = i
    return mapping


def _dct(value: str) -> date:
    return date.fromisoformat(value[:10])


def predict_reader(doc: dict, rules_only: bool) -> list[tuple[int, int, str]]:
    from reader.analysis import analyse_document
    from reader.analysis.pipeline import with_times
    from reader.analysis.reference_date import find_reference_date
    from reader.analysis.times import find_times
    from reader.document import document_from_bytes

    reference = _dct(doc["dct"])
    if rules_only:
        return [(t.start, t.end, t.value) for t in find_times(doc["text"], reference)]
    document = document_from_bytes(doc["text"].encode("utf-8"), "")
    # As `reader extract --date DCT`: the analysis, then its times against the given date.
    analysis = analyse_document(document)
    analysis = with_times(document, analysis, find_reference_date(document, reference))
    mapping = align(doc["text"], document.text)
    return [(mapping[t.start], mapping[t.end - 1] + 1, t.value) for t in analysis.times]


def predict_baseline(doc: dict) -> list[tuple[int, int, str]]:
    import dateparser

    from reader.analysis import get_nlp

    reference = datetime.combine(_dct(doc["dct"]), datetime.min.time())
    settings = {"RELATIVE_BASE": reference, "PREFER_DATES_FROM": "past"}
    found = []
    for ent in get_nlp()(doc["text"]).ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        parsed = dateparser.parse(ent.text, settings=settings)
        value = parsed.date().isoformat() if parsed else ""
        found.append((ent.start_char, ent.end_char, value))
    return found


def score(docs: list[dict], predictions: list[list[tuple[int, int, str]]]) -> dict:
    counts = {"pred": 0, "gold": 0, "relaxed": 0, "strict": 0, "value": 0}
    for doc, predicted in zip(docs, predictions, strict=True):
        gold = [(g["start"], g["end"], g["value"]) for g in doc["timexes"]]
        counts["pred"] += len(predicted)
        counts["gold"] += len(gold)
        used: set[int] = set()
        for start, end, value in predicted:
            best = None
            for index, (g_start, g_end, _value) in enumerate(gold):
                if index in used or not (start < g_end and g_start < end):
                    continue
                if best is None or (start, end) == (g_start, g_end):
                    best = index
            if best is None:
                continue
            used.add(best)
            g_start, g_end, g_value = gold[best]
            counts["relaxed"] += 1
            counts["strict"] += (start, end) == (g_start, g_end)
            counts["value"] += value == g_value
    result: dict[str, float | int] = {"docs": len(docs), "gold": counts["gold"]}
    result["predicted"] = counts["pred"]
    for key in ("relaxed", "strict", "value"):
        precision = counts[key] / counts["pred"] if counts["pred"] else 0.0
        recall = counts[key] / counts["gold"] if counts["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[f"{key}_p"] = round(precision, 3)
        result[f"{key}_r"] = round(recall, 3)
        result[f"{key}_f1"] = round(f1, 3)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print mismatches to stderr")
    options = parser.parse_args()
    if not DATA.exists():
        print(json.dumps({"error": f"{DATA} not found"}))
        return 1
    docs = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    if options.limit:
        docs = docs[: options.limit]
    started = time.perf_counter()
    if options.baseline:
        predictions = [predict_baseline(doc) for doc in docs]
    else:
        predictions = [predict_reader(doc, options.rules_only) for doc in docs]
    elapsed = time.perf_counter() - started
    if options.errors:
        _print_errors(docs, predictions)
    result = {"system": "baseline" if options.baseline else "reader"}
    result |= score(docs, predictions)
    result["seconds"] = round(elapsed, 1)
    print(json.dumps(result))
    return 0


def _print_errors(docs: list[dict], predictions: list[list[tuple[int, int, str]]]) -> None:
    for doc, predicted in zip(docs, predictions, strict=True):
        text = doc["text"]
        gold = {(g["start"], g["end"]): g for g in doc["timexes"]}
        for start, end, value in predicted:
            overlapping = [g for (s, e), g in gold.items() if s < end and start < e]
            context = re.sub(r"\s+", " ", text[max(0, start - 30) : end + 20])
            if not overlapping:
                print(f"FP  {text[start:end]!r} {value}  | {context}", file=sys.stderr)
            elif overlapping[0]["value"] != value:
                g = overlapping[0]
                print(
                    f"VAL {text[start:end]!r} {value} gold {g['text']!r} {g['value']} "
                    f"dct {doc['dct']} | {context}",
                    file=sys.stderr,
                )
        for (s, e), g in gold.items():
            if not any(start < e and s < end for start, end, _ in predicted):
                context = re.sub(r"\s+", " ", text[max(0, s - 30) : e + 20])
                print(f"FN  {g['text']!r} {g['value']} | {context}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
