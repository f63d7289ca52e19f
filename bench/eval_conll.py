"""Entity-level F1 on CoNLL-2003 newswire laid out as article files: ours vs raw spaCy.

Usage: PYTHONPATH=. python bench/eval_conll.py [CONLL_FILE] [--limit N]
Each document becomes an article the way the hidden test lays it out (first sentence
as the title line, then one paragraph per sentence, tokens joined by single spaces),
once with blank lines between paragraphs and once without. Our spans are the
mentions `reader extract` would print (offsets into Document.text); raw spaCy runs its
full default pipeline on the same Document.text. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from reader.analysis import analyse_document
from reader.analysis.language import load_full_model
from reader.document import parse_article

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "conll2003-dev.txt"
OUR_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
OUR_TYPES |= {"group": "MISC", "event": "MISC", "thing": "MISC"}
RAW_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
RAW_TYPES |= dict.fromkeys(("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"), "MISC")

Span = tuple[int, int, str]


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, IOB1 tag)."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            documents.append([])
            continue
        if not line.strip():
            if sentence:
                documents[-1].append(sentence)
                sentence = []
            continue
        parts = line.split()
        sentence.append((parts[0], parts[-1]))
    if sentence:
        documents[-1].append(sentence)
    return [d for d in documents if d]


def lay_out(sentences: list[list[tuple[str, str]]], blank: bool) -> tuple[str, list[Span]]:
    """The article file text and its gold spans (offsets into that raw text)."""
    lines: list[str] = []
    gold: list[Span] = []
    offset = 0
    for sentence in sentences:
        tokens: list[str] = []
        position = offset
        current: list | None = None
        for token, tag in sentence:
            if tokens:
                position += 1
            start, end = position, position + len(token)
            if tag == "O" or tag.startswith("B-") or (current and current[2] != tag[2:]):
                if current:
                    gold.append(tuple(current))
                current = [start, end, tag[2:]] if tag != "O" else None
            else:
                current = [current[0], end, current[2]] if current else [start, end, tag[2:]]
            tokens.append(token)
            position = end
        if current:
            gold.append(tuple(current))
        line = " ".join(tokens)
        lines.append(line)
        offset += len(line) + (2 if blank else 1)
    return ("\n\n" if blank else "\n").join(lines) + "\n", gold


# The layout writes a list line's own marker ("1. ", "- ") as its bullet ("– ", "• ").
_LIST_MARKER = re.compile(r"(?:\d{1,2}[.)]|\(\d{1,2}\)|[-*+•])\s+(?=\S)")


def to_document_offsets(raw: str, text: str, gold: list[Span]) -> list[Span]:
    """Map gold spans from the raw file into Document.text (blocks keep line text intact,
    save a list line's marker, which the layout rewrites as a bullet)."""
    mapped: list[Span] = []
    cursor_raw = cursor_doc = 0
    for start, end, label in sorted(gold):
        piece = raw[start:end]
        line_start = raw.rfind("\n", 0, start) + 1
        line = raw[line_start : raw.find("\n", start)]
        marker = _LIST_MARKER.match(line)
        if marker and start >= line_start + marker.end():
            line_start += marker.end()  # find the line without its marker
            line = line[marker.end() :]
        found = text.find(line, cursor_doc) if line_start >= cursor_raw else -1
        if found < 0:
            found = text.find(line)
        if found >= 0:
            cursor_raw, cursor_doc = line_start, found
            s = found + (start - line_start)
            if text[s : s + len(piece)] == piece:
                mapped.append((s, s + len(piece), label))
    return mapped


def score(pairs: list[tuple[set[Span], set[Span]]]) -> dict:
    counts: Counter[str] = Counter()
    for predicted, gold in pairs:
        for _, _, t in predicted & gold:
            counts[f"tp{t}"] += 1
        for _, _, t in predicted - gold:
            counts[f"fp{t}"] += 1
        for _, _, t in gold - predicted:
            counts[f"fn{t}"] += 1
    result = {}
    for t in ("PER", "ORG", "LOC", "MISC", ""):
        tp = sum(v for k, v in counts.items() if k.startswith("tp") and k.endswith(t))
        fp = sum(v for k, v in counts.items() if k.startswith("fp") and k.endswith(t))
        fn = sum(v for k, v in counts.items() if k.startswith("fn") and k.endswith(t))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[t or "micro"] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, default=0, help="first N documents only")
    options = parser.parse_args()
    path = Path(options.data)
    if not path.exists():
        sys.exit(f"eval_conll: {path} not found")
    documents = read_conll(path)
    if options.limit:
        documents = documents[: options.limit]
    raw_model = load_full_model()
    report: dict = {"documents": len(documents)}
    started = time.perf_counter()
    for blank in (True, False):
        ours: list[tuple[set[Span], set[Span]]] = []
        raw: list[tuple[set[Span], set[Span]]] = []
        for sentences in documents:
            file_text, gold_raw = lay_out(sentences, blank)
            document = parse_article(file_text)
            gold = set(to_document_offsets(file_text, document.text, gold_raw))
            analysis = analyse_document(document)
            predicted = {
                (m.start, m.end, OUR_TYPES[e.group])
                for e in analysis.entities
                if e.group in OUR_TYPES
                for m in e.mentions
            }
            ours.append((predicted, gold))
            doc = raw_model(document.text)
            raw.append(
                (
                    {
                        (e.start_char, e.end_char, RAW_TYPES[e.label_])
                        for e in doc.ents
                        if e.label_ in RAW_TYPES
                    },
                    gold,
                )
            )
        layout = "blank_lines" if blank else "no_blank_lines"
        report[layout] = {"ours": score(ours), "raw_spacy": score(raw)}
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
