"""What the library's subcommands share on the command line: one-line errors, `--data-dir`."""

from __future__ import annotations

import argparse
from typing import NoReturn

EXIT_BAD_INPUT = 2


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments are one line on stderr and exit 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def common_options() -> argparse.ArgumentParser:
    """The options every subcommand takes (a parent parser): where the library lives."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="the folder holding reader.sqlite3 (default: $READER_DATA_DIR, else your data folder)",
    )
    return common
