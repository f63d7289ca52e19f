"""`reader extract`: what Reader reads out of article files, as JSON, JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from reader.analysis import Analysis, LanguageModelError, analyse_document
from reader.analysis.model import Quote
from reader.document import Document, DocumentError, load_document

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NO_MODEL = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader extract",
        description="Print the structure, entities and summary of article files.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files")
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "csv"),
        default="json",
        help="json: one pretty object per file; jsonl: one line per file; csv: one row per mention",
    )
    return parser


def document_record(document: Document) -> dict[str, Any]:
    """The part of a record that comes from the document model alone."""
    return {
        "path": document.source_path,
        "title": document.title,
        "byline": document.byline,
        "tags": list(document.tags),
        "text": document.text,
        "key_points": list(document.key_points),
        "headings": list(document.headings),
        "notices": list(document.notices),
    }


def analysis_record(analysis: Analysis) -> dict[str, Any]:
    """The part of a record that the language analysis adds: entities, summary, quotes."""
    return {
        "entities": [
            {
                "name": entity.name,
                "group": entity.group.value,
                "label": entity.label,
                "aliases": list(entity.aliases),
                "count": entity.count,
                "salience": entity.salience,
                "mentions": [
                    {"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions
                ],
            }
            for entity in analysis.entities
        ],
        "summary": [{"start": s.start, "end": s.end, "text": s.text} for s in analysis.summary],
        "quotes": [quote_record(q) for q in analysis.quotes],
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    """A quote as JSON: content offsets (without the marks), kind, speaker and cue."""
    speaker = quote.speaker
    cue = quote.cue
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": None
        if speaker is None
        else {
            "name": speaker.name,
            "start": speaker.start,
            "end": speaker.end,
            "text": speaker.text,
        },
        "cue": None if cue is None else {"start": cue.start, "end": cue.end, "text": cue.text},
    }


def _write(record: dict[str, Any], fmt: str, writer: Any) -> None:
    if fmt == "json":
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "jsonl":
        json.dump(record, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for entity in record.get("entities", []):
            for mention in entity["mentions"]:
                writer.writerow(
                    [
                        record["path"],
                        entity["name"],
                        entity["group"],
                        entity["label"],
                        mention["start"],
                        mention["end"],
                        mention["text"],
                    ]
                )


def main(argv: Sequence[str] | None = None) -> int:
    """Extract every file given; a bad file is reported on stderr and the rest still run."""
    options = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    writer = csv.writer(sys.stdout) if options.format == "csv" else None
    if writer:
        writer.writerow(["path", "entity", "group", "label", "start", "end", "text"])
    status = EXIT_OK
    try:
        for path in options.paths:
            try:
                document = load_document(path)
            except DocumentError as exc:
                print(f"reader extract: {path}: {exc.reason}", file=sys.stderr)
                status = EXIT_BAD_INPUT
                continue
            try:
                analysis = analyse_document(document)
            except LanguageModelError as exc:
                print(f"reader extract: {exc}", file=sys.stderr)
                return EXIT_NO_MODEL
            _write(document_record(document) | analysis_record(analysis), options.format, writer)
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader of our output (head, less) has gone: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return status
