"""`reader library`: add articles to the library, search it, look up entities, from a terminal.

Every command prints one JSON value with `--format json`, plain lines otherwise. Exit
codes: 0 done; 2 bad input or an unusable library (one line on stderr, never a
traceback); 3 no language model.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any

from reader.analysis import LanguageModelError
from reader.cli_args import OneLineParser, common_options
from reader.library import (
    DocumentAnalyser,
    Library,
    LibraryError,
    ModelAnalyser,
    Outcome,
    Progress,
    SearchHit,
    add_paths,
    database_path,
)

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NO_MODEL = 3
PROG = "reader library"


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    common.add_argument(
        "--format",
        choices=("text", "json"),
        default=argparse.SUPPRESS,
        help="json: one JSON value on stdout; text (default): lines for people",
    )
    parser = OneLineParser(
        prog=PROG,
        parents=[common],
        description="Keep many articles in one library: search them and see who appears where.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    add = commands.add_parser(
        "add", parents=[common], help="add article files, or folders of .txt/.md files"
    )
    add.add_argument("paths", nargs="+", metavar="PATH")
    search = commands.add_parser(
        "search",
        parents=[common],
        help='full-text search: words, "a phrase", prefix*, entity:"Name"',
    )
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--limit", type=int, help="at most this many results (default: all)")
    entity = commands.add_parser(
        "entity", parents=[common], help="an entity's articles, by any of its names"
    )
    entity.add_argument("name", nargs="+", metavar="NAME")
    commands.add_parser("stats", parents=[common], help="how much the library holds")
    remove = commands.add_parser(
        "remove", parents=[common], help="remove articles (or everything under a folder)"
    )
    remove.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def main(argv: Sequence[str] | None = None, *, analyser: DocumentAnalyser | None = None) -> int:
    """Run one library command; `analyser` replaces the language model (tests)."""
    options = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    fmt = getattr(options, "format", "text")
    try:
        with Library(database_path(getattr(options, "data_dir", None))) as library:
            return _COMMANDS[options.command](library, options, fmt, analyser)
    except BrokenPipeError:
        # The reader of our output (head, less) has gone: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except LibraryError as exc:
        return _fail(str(exc))
    except LanguageModelError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_NO_MODEL
    except sqlite3.Error as exc:
        return _fail(f"the library database could not be used ({exc})")
    except OSError as exc:
        return _fail(f"the library folder could not be used ({exc.strerror or exc})")
    except Exception as exc:  # a bug must still be one line, not a traceback
        return _fail(f"unexpected error: {exc or type(exc).__name__}")
    except KeyboardInterrupt:
        print(f"{PROG}: stopped; run the same command again to finish", file=sys.stderr)
        return 130


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _add(library: Library, options, fmt: str, analyser: DocumentAnalyser | None) -> int:
    told: set[str] = set()

    def report(step: Progress) -> None:
        if step.outcome is Outcome.FAILED:
            print(f"{PROG}: {step.path}: {step.message}", file=sys.stderr)
            told.add(step.path)
        elif fmt == "text" and step.outcome is not Outcome.UNCHANGED:
            print(f"[{step.done}/{step.total}] {step.outcome.value} {step.path}", file=sys.stderr)

    analyser = analyser or ModelAnalyser(rules=library.rules().rules)  # corrections apply
    result = add_paths(library, options.paths, analyser, progress=report)
    for path, reason in result.failed:
        if path not in told:
            print(f"{PROG}: {path}: {reason}", file=sys.stderr)
    if fmt == "json":
        _json(
            {
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "failed": [{"path": p, "reason": r} for p, r in result.failed],
            }
        )
    else:
        print(
            f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged, "
            f"{len(result.failed)} could not be used."
        )
    return EXIT_BAD_INPUT if result.failed else EXIT_OK


def _search(library: Library, options, fmt: str, analyser: DocumentAnalyser | None) -> int:
    if options.limit is not None and options.limit < 1:
        return _fail("--limit must be at least 1")
    query = " ".join(options.query)
    hits = library.search(query, limit=options.limit)
    if fmt == "json":
        _json([_hit_record(hit) for hit in hits])
    elif not hits:
        print(f"No articles match {query}.")
    else:
        for hit in hits:
            snippet = "".join(f"[{t}]" if match else t for t, match in hit.snippet_parts())
            print(f"{hit.title or os.path.basename(hit.path)}  {hit.date}".rstrip())
            print(f"    {hit.path}")
            if snippet:
                print(f"    {' '.join(snippet.split())}")
    return EXIT_OK


def _hit_record(hit: SearchHit) -> dict[str, Any]:
    return {
        "path": hit.path,
        "title": hit.title,
        "date": hit.date,
        "snippet": hit.plain_snippet,
        "score": round(hit.score, 4),
    }


def _entity(library: Library, options, fmt: str, analyser: DocumentAnalyser | None) -> int:
    name = " ".join(options.name)
    found = library.entity(name)
    if fmt == "json":
        _json(
            None
            if found is None
            else {
                "name": found.name,
                "group": found.group.value,
                "aliases": list(found.aliases),
                "mentions": found.mentions,
                "first_date": found.first_date,
                "last_date": found.last_date,
                "articles": [
                    {"path": a.path, "title": a.title, "date": a.date, "count": a.count}
                    for a in found.articles
                ],
                "co_mentions": [
                    {"name": n, "group": g.value, "articles": c} for n, g, c in found.co_mentions
                ],
            }
        )
    elif found is None:
        print(f"No entity called {name} in the library.")
    else:
        also = f" (also {', '.join(found.aliases)})" if found.aliases else ""
        print(f"{found.name}, {found.group.value}{also}")
        span = f", {found.first_date} to {found.last_date}" if found.first_date else ""
        print(f"{found.mentions} mentions in {len(found.articles)} articles{span}")
        for article in found.articles:
            when = f"{article.date}  " if article.date else ""
            print(f"  {when}{article.count}×  {article.title or article.path}")
            print(f"      {article.path}")
        if found.co_mentions:
            company = ", ".join(f"{n} ({c})" for n, _, c in found.co_mentions)
            print(f"Appears with: {company}")
    return EXIT_OK


def _stats(library: Library, options, fmt: str, analyser: DocumentAnalyser | None) -> int:
    library.check_missing()
    stats = library.stats()
    if fmt == "json":
        _json(
            {
                "articles": stats.articles,
                "missing": stats.missing,
                "entities": stats.entities,
                "words": stats.words,
                "database_bytes": stats.database_bytes,
            }
        )
    else:
        print(
            f"{stats.articles} articles ({stats.missing} missing from disk), {stats.words} words, "
            f"{stats.entities} entities; {stats.database_bytes / 1048576:.1f} MB in {library.path}"
        )
    return EXIT_OK


def _remove(library: Library, options, fmt: str, analyser: DocumentAnalyser | None) -> int:
    removed = 0
    unknown = []
    for path in options.paths:
        count = library.remove([path])
        removed += count
        if not count:
            unknown.append(path)
    for path in unknown:
        print(f"{PROG}: {path}: not in the library", file=sys.stderr)
    if fmt == "json":
        _json({"removed": removed, "not_in_library": unknown})
    else:
        print(f"{removed} removed.")
    return EXIT_BAD_INPUT if unknown else EXIT_OK


def _json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


_COMMANDS = {
    "add": _add,
    "search": _search,
    "entity": _entity,
    "stats": _stats,
    "remove": _remove,
}
