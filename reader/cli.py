"""`reader extract`: what Reader reads out of article files, as JSON, JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from reader.analysis import Analysis, LanguageModelError
from reader.analysis.corrections import CorrectionsError, RuleSet
from reader.analysis.model import Quote, Span
from reader.analysis.pipeline import with_times
from reader.analysis.reference_date import find_reference_date, parse_iso_date
from reader.analysis.service import AnalysisService, AnalysisUnavailable, ModelEngine
from reader.document import Document, DocumentError, load_document
from reader.library import LibraryError
from reader.library.corrections import read_rules, saved_rules

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
    corrections = parser.add_mutually_exclusive_group()
    corrections.add_argument(
        "--corrections",
        metavar="FILE.json",
        help="apply the correction rules in this file (as exported by Reader) "
        "after the ones you saved",
    )
    corrections.add_argument(
        "--no-corrections",
        action="store_true",
        help="show the model's own result, without any corrections (saved ones included)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder of the library whose saved corrections apply "
        "(default: $READER_DATA_DIR, else your data folder)",
    )
    parser.add_argument(
        "--date",
        type=_article_date,
        metavar="YYYY-MM-DD",
        help="the articles' date, which 'Tuesday' and 'last week' count from "
        "(default: read from the article, else the file's date)",
    )
    return parser


def _article_date(text: str) -> date:
    try:
        return parse_iso_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


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
    """The part of a record that the language analysis adds: entities, summary, times,
    figures, quotes."""
    reference = analysis.reference_date
    return {
        "entities": [
            {
                "name": entity.name,
                "group": entity.group.value,
                "label": entity.label,
                "aliases": list(entity.aliases),
                "count": entity.count,
                "salience": entity.salience,
                "corrected": bool(entity.corrected),
                "confidence": entity.confidence,
                "uncertain": entity.uncertain,
                "mentions": [
                    {"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions
                ],
            }
            for entity in analysis.entities
        ],
        "summary": [{"start": s.start, "end": s.end, "text": s.text} for s in analysis.summary],
        "reference_date": reference.date.isoformat() if reference else None,
        "reference_date_source": reference.source if reference else None,
        "times": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in analysis.times
        ],
        "quantities": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "value": q.value,
                "unit": q.unit,
                "counted": _span(q.counted),
                "high": q.high,
                "conversion": _span(q.conversion),
            }
            for q in analysis.quantities
        ],
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


def main(argv: Sequence[str] | None = None, service: AnalysisService | None = None) -> int:
    """Extract every file given; a bad file is reported on stderr and the rest still run.

    `service` is the application's analysis service (default: the model in this process).
    """
    options = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        rules = () if options.no_corrections else read_rules(options.corrections)
    except CorrectionsError as exc:
        print(f"reader extract: {options.corrections}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not options.no_corrections:
        try:
            rules = saved_rules(options.data_dir).rules + rules
        except LibraryError as exc:
            print(f"reader extract: your saved corrections are not applied: {exc}", file=sys.stderr)
    if service is None:
        service = AnalysisService(ModelEngine(in_process=True))
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
                analysis = service.analyse(document, (RuleSet(rules),))
            except (LanguageModelError, AnalysisUnavailable) as exc:
                print(f"reader extract: {exc}", file=sys.stderr)
                return EXIT_NO_MODEL
            if options.date is not None:
                analysis = with_times(
                    document, analysis, find_reference_date(document, options.date)
                )
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
