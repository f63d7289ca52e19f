"""Reader's entry point: the command line, and assembling the application window."""

from __future__ import annotations

import argparse
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
            "`reader extract PATH...` prints what the analysis finds, without a window; "
            "`reader library ...` keeps many articles in a searchable library; "
            "`reader corrections ...` lists, shares or clears your corrections."
        ),
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files to open")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder of the library (default: $READER_DATA_DIR, else your data folder)",
    )
    # For smoke tests of installs and bundles: the window shows the article, then exits.
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    # A smoke test for installs and bundles: the model worker really analyses the article.
    parser.add_argument("--quit-after-analysis", action="store_true", help=argparse.SUPPRESS)
    return parser


def create_service(model_pool=None, *, in_process: bool = False):  # -> AnalysisService
    """The application's one analysis service: the model in worker processes, or here."""
    from reader.analysis.service import AnalysisService, ModelEngine

    return AnalysisService(ModelEngine(model_pool, in_process=in_process))


def create_main_window(
    paths: list[str], *, model_pool=None, service=None, data_dir=None
):  # -> QMainWindow
    """Build the main window and start opening the first path; the event loop is the caller's.

    Works from any script, notebook or `python -c` (the model workers are their own
    program). Further paths go to File > Open Recent. A QApplication must exist.
    `service` is the application's AnalysisService, which the caller closes; without
    one, the window makes its own (around `model_pool`, an AnnotatorPool perhaps
    already starting) and closes it with itself. The library (in `data_dir`, else
    $READER_DATA_DIR, else the user's data folder) is opened once per application and
    closed when it quits; if it cannot be used, the window says so and runs without it.
    """
    from reader.ui.library_link import application_library
    from reader.ui.main_window import MainWindow

    library = application_library(data_dir)
    if service is None:
        window = MainWindow(service=create_service(model_pool), library=library)
        window.owns_service = True
    else:
        window = MainWindow(service=service, library=library)
    window.open_initial_paths(list(paths))
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `reader` command: the GUI, or the `extract` subcommand."""
    args = list(sys.argv[1:] if argv is None else argv)
    from reader.analysis.parallel import WORKER_FLAG

    if args[:1] == [WORKER_FLAG]:  # in a bundle, model workers are this same program
        from reader.analysis.worker import main as worker_main

        return worker_main()
    if args[:1] == ["extract"]:
        from reader.cli import main as extract_main

        service = create_service(in_process=True)
        try:
            return extract_main(args[1:], service=service)
        finally:
            service.close()
    if args[:1] == ["library"]:
        from reader.cli_library import main as library_main

        return library_main(args[1:])
    if args[:1] == ["corrections"]:
        from reader.cli_corrections import main as corrections_main

        return corrections_main(args[1:])
    options = build_parser().parse_args(args)

    # The language model takes longer to load than the window takes to appear: its
    # worker process starts first, on the other core.
    from reader.analysis.parallel import AnnotatorPool

    model_pool = AnnotatorPool()
    model_pool.start()
    service = create_service(model_pool)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.application import configure_application

    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    configure_application(app, APP_NAME, ORGANIZATION, __version__)
    window = create_main_window(options.paths, service=service, data_dir=options.data_dir)
    window.show()
    try:
        if options.quit_after_show and not options.paths:
            QTimer.singleShot(0, app.quit)
        elif options.quit_after_show or options.quit_after_analysis:
            return _quit_after(app, window, analysed=options.quit_after_analysis)
        return app.exec()
    finally:
        service.close()


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
