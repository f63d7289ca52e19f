"""Reader's entry point: the command line, and assembling the application window."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence

from reader import __version__

APP_NAME = "Reader"
ORGANIZATION = "Reader"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "Read news articles with their people, places and organizations at hand. "
            "`reader extract PATH...` prints what the analysis finds, without a window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files to open")
    # For smoke tests of installs and bundles: the window shows the article, then exits.
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    # A smoke test for installs and bundles: the model worker really analyses the article.
    parser.add_argument("--quit-after-analysis", action="store_true", help=argparse.SUPPRESS)
    return parser


def create_main_window(paths: list[str], *, model_pool=None):  # -> QMainWindow
    """Build the main window and start opening the first path; the event loop is the caller's.

    Further paths go to File > Open Recent. A QApplication must exist. `model_pool`
    is an AnnotatorPool already starting (main() starts it before Qt even loads).
    """
    from reader.ui.main_window import MainWindow
    from reader.ui.workers import PooledAnalyser

    window = MainWindow(analyser=PooledAnalyser(pool=model_pool))
    window.open_initial_paths(list(paths))
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `reader` command: the GUI, or the `extract` subcommand."""
    # In a bundle, the language-model worker processes start as this same program.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["extract"]:
        from reader.cli import main as extract_main

        return extract_main(args[1:])
    options = build_parser().parse_args(args)

    # The language model takes longer to load than the window takes to appear: its
    # worker process starts first, on the other core.
    from reader.analysis.parallel import AnnotatorPool

    model_pool = AnnotatorPool()
    model_pool.start()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.application import configure_application

    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    configure_application(app, APP_NAME, ORGANIZATION, __version__)
    window = create_main_window(options.paths, model_pool=model_pool)
    window.show()
    if options.quit_after_show and not options.paths:
        QTimer.singleShot(0, app.quit)
    elif options.quit_after_show or options.quit_after_analysis:
        return _quit_after(app, window, analysed=options.quit_after_analysis)
    return app.exec()


def _quit_after(app, window, *, analysed: bool) -> int:
    """Run until the first article is shown (or analysed); print what was found, or why not.

    Printed: `PATH: TITLE`, then, when analysed, `PATH: N entities: NAME; NAME; ...`.
    """
    outcome: list[int] = []

    def shown(path: str) -> None:
        print(f"{path}: {window.document.title}", flush=True)
        if not analysed:
            outcome.append(0)
            app.quit()

    def finished(path: str) -> None:
        names = "; ".join(entity.name for entity in window.analysis.entities)
        print(f"{path}: {len(window.analysis.entities)} entities: {names}", flush=True)
        outcome.append(0)
        app.quit()

    def failed(path: str, message: str) -> None:
        print(f"{path}: {message}", file=sys.stderr)
        outcome.append(1)
        app.quit()

    window.documentReady.connect(shown)
    window.analysisFinished.connect(finished)
    window.analysisFailed.connect(failed)
    window.openFailed.connect(failed)
    app.exec()
    window.close()
    return outcome[0] if outcome else 1
