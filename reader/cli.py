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
        help=(
            "json (default): one pretty object for one file, one JSON array of them for "
            "several; jsonl: one line per file; csv: one row per mention"
        ),
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
    """The part of a record that the language analysis adds: entities and summary."""
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
    }


def _write_json(value: dict[str, Any] | list[dict[str, Any]]) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _write(record: dict[str, Any], fmt: str, writer: Any) -> None:
    if fmt == "json":
        _write_json(record)
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
    # Several files as JSON are one array, so that json.load and jq read the whole output.
    array: list[dict[str, Any]] | None = (
        [] if options.format == "json" and len(options.paths) > 1 else None
    )
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
            record = document_record(document) | analysis_record(analysis)
            if array is not None:
                array.append(record)
                continue
            _write(record, options.format, writer)
            sys.stdout.flush()
        if array is not None:
            _write_json(array)
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader of our output (head, less) has gone: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return status
