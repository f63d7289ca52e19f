"""Reading article files off the GUI thread (the analysis runs on the AnalysisService).

Every job carries the generation number of the file it was started for; the
session drops results whose generation is no longer current. Only plain values
and frozen dataclasses cross threads.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QThreadPool, Signal

from reader.document import DocumentError, load_document


def emit_from_thread(signal, *args) -> None:
    """Emit from a worker thread; the receiver may have been closed meanwhile."""
    # "Signal source has been deleted": nobody is listening any more.
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)


class DocumentLoader(QObject):
    """Reads and lays out article files on a worker thread.

    Signals:
        loaded(generation, Document)
        failed(generation, path, message): the file cannot be opened; message is plain words.
    """

    loaded = Signal(int, object)
    failed = Signal(int, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def load(self, generation: int, path: str) -> None:
        def job() -> None:
            try:
                document = load_document(path)
            except DocumentError as exc:
                emit_from_thread(self.failed, generation, path, str(exc))
            except Exception as exc:  # a bug must not take the window down
                emit_from_thread(self.failed, generation, path, f"Cannot open {path}: {exc}")
            else:
                emit_from_thread(self.loaded, generation, document)

        self._pool.start(job)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
