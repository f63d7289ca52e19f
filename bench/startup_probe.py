"""Child process of bench_startup.py: starts Reader exactly as `reader PATH` does and prints
when the article text and then its entities are visible, in seconds since the parent
spawned the process."""

from __future__ import annotations

import json
import os
import sys
import time

T0 = float(os.environ.get("READER_BENCH_T0", time.time()))


def main() -> int:
    # As reader.app.main() does: the model worker starts before Qt is imported.
    from reader.analysis.parallel import AnnotatorPool

    model_pool = AnnotatorPool()
    if os.environ.get("READER_LATE_POOL") != "1":
        model_pool.start()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader import __version__
    from reader.app import APP_NAME, create_main_window
    from reader.ui.application import configure_application

    figures: dict[str, float | str] = {}
    app = QApplication([sys.argv[0]])
    configure_application(app, APP_NAME, "ReaderBench", __version__)
    figures["qt_imported_s"] = round(time.time() - T0, 3)
    window = create_main_window([sys.argv[1]], model_pool=model_pool)
    figures["window_created_s"] = round(time.time() - T0, 3)
    window.show()

    def ready(_path: str) -> None:
        figures["document_ready_s"] = round(time.time() - T0, 3)

    def finished(_path: str) -> None:
        figures["analysis_finished_s"] = round(time.time() - T0, 3)
        app.quit()

    def failed(_path: str, message: str) -> None:
        figures["analysis_failed"] = message
        app.quit()

    window.documentReady.connect(ready)
    window.session.modelReady.connect(
        lambda: figures.setdefault("model_ready_s", round(time.time() - T0, 3))
    )
    window.analysisFinished.connect(finished)
    window.analysisFailed.connect(failed)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
