"""`reader corrections`: the corrections Reader remembers, listed, shared as JSON, or cleared.

Exit codes: 0 done; 2 a bad rules file or an unusable library (one line on stderr, never a
traceback).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from reader.analysis.corrections import CorrectionsError, RuleSet, counted_rules
from reader.cli_args import OneLineParser, common_options
from reader.library import Library, LibraryError, database_path
from reader.library.corrections import read_rules, rederive

EXIT_OK = 0
EXIT_BAD_INPUT = 2
PROG = "reader corrections"


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = OneLineParser(
        prog=PROG,
        parents=[common],
        description="The corrections you made to entities, which Reader applies everywhere.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    commands.add_parser("list", parents=[common], help="print the saved rules as JSON")
    export = commands.add_parser("export", parents=[common], help="write the rules to FILE")
    export.add_argument("file", metavar="FILE", help="a JSON file to write ('-': stdout)")
    load = commands.add_parser(
        "import", parents=[common], help="add the rules of FILE (all, or none if any is bad)"
    )
    load.add_argument("file", metavar="FILE", help="a rules file, as exported")
    load.add_argument(
        "--replace", action="store_true", help="drop the saved rules first, keep only FILE's"
    )
    commands.add_parser("clear", parents=[common], help="forget every saved rule")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one corrections command."""
    options = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if options.command == "import":
        try:
            imported = read_rules(options.file)  # the whole file, before anything is saved
        except CorrectionsError as exc:
            return _fail(f"{options.file}: {exc}")
    try:
        with Library(database_path(getattr(options, "data_dir", None))) as library:
            if options.command in ("list", "export"):
                text = library.rules().to_json()
                if options.command == "list" or options.file == "-":
                    sys.stdout.write(text)
                else:
                    with open(options.file, "w", encoding="utf-8") as file:
                        file.write(text)
            elif options.command == "import":
                changed = list(imported)
                if options.replace:
                    changed += library.rules().rules
                    library.replace_rules(RuleSet(imported))
                else:
                    library.add_rules(imported)
                print(f"{counted_rules(len(imported))} imported.", file=sys.stderr)
            else:
                changed = list(library.rules().rules)
                library.replace_rules(RuleSet())
                print(f"{counted_rules(len(changed))} cleared.", file=sys.stderr)
            if options.command in ("import", "clear"):
                updated = rederive(library, library.rules(), changed=changed)
                if updated:
                    noun = "article" if updated == 1 else "articles"
                    print(f"{updated} library {noun} updated.", file=sys.stderr)
    except LibraryError as exc:
        return _fail(str(exc))
    except sqlite3.Error as exc:
        return _fail(f"the library database could not be used ({exc})")
    except OSError as exc:
        return _fail(f"{getattr(options, 'file', '')}: {exc.strerror or exc}")
    return EXIT_OK


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


__all__ = ["build_parser", "main"]
