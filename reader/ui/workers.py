"""Slow work off the GUI thread: reading files and analysing articles.

Every job carries the generation number of the document it was started for; the
window drops results whose generation is no longer current, so a stale analysis
never lands on a newer article. Only plain values and frozen dataclasses cross
threads.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from reader.analysis import Analysis
from reader.document import Document, DocumentError, load_document

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]
Analyser = Callable[[Document, ProgressFn, CancelFn], Analysis]


def _emit(signal, *args) -> None:
    """Emit from a worker thread; the receiver may have been closed meanwhile."""
    # "Signal source has been deleted": nobody is listening any more.
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)


class AnalysisUnavailable(Exception):
    """Raised by an analyser when it cannot run at all (e.g. no language model)."""


class PooledAnalyser:
    """The real analysis, with the language model in worker processes.

    The model runs on both cores and never holds this process's GIL, so the window
    stays smooth however long the article; our own rules run on the calling thread.
    """

    def __init__(self, processes: int = 2, pool=None) -> None:
        from reader.analysis.parallel import AnnotatorPool

        self.pool = pool if pool is not None else AnnotatorPool(processes)

    def warm_up(self) -> None:
        """Start the workers and wait until one has the model loaded."""
        self.pool.start()
        self.pool.wait_ready()

    def __call__(
        self, document: Document, progress: ProgressFn, is_cancelled: CancelFn
    ) -> Analysis:
        from reader.analysis.pipeline import analyse_document

        return analyse_document(
            document, progress=progress, is_cancelled=is_cancelled, annotator=self.pool.annotate
        )

    def close(self) -> None:
        self.pool.close()


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
                _emit(self.failed, generation, path, str(exc))
            except Exception as exc:  # a bug must not take the window down
                _emit(self.failed, generation, path, f"Cannot open {path}: {exc}")
            else:
                _emit(self.loaded, generation, document)

        self._pool.start(job)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)


class AnalysisRunner(QObject):
    """Runs one analysis at a time on a worker thread; newer requests cancel older ones.

    Signals:
        modelReady(): the language model is loaded (after warm_up).
        progress(generation, done, total): characters analysed so far.
        finished(generation, Analysis)
        failed(generation, message): the analysis could not run; message says why and what to do.
    """

    modelReady = Signal()
    progress = Signal(int, int, int)
    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(
        self,
        analyser: Analyser,
        warm_up: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._analyser = analyser
        self._warm_up = warm_up
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._current = 0
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the language model in the background before anyone asks for it."""
        if self._warm_up is None:
            return
        warm = self._warm_up

        def job() -> None:
            try:
                warm()
            except Exception:  # the analysis itself reports the failure in words
                return
            _emit(self.modelReady)

        self._pool.start(job)

    def cancel(self) -> None:
        with self._lock:
            self._current += 1

    def analyse(self, generation: int, document: Document) -> None:
        with self._lock:
            self._current = generation

        def is_cancelled() -> bool:
            return self._current != generation

        def report(done: int, total: int) -> None:
            if not is_cancelled():
                _emit(self.progress, generation, done, total)

        def job() -> None:
            if is_cancelled():
                return
            try:
                analysis = self._analyser(document, report, is_cancelled)
            except Exception as exc:
                if is_cancelled():
                    return
                _emit(self.failed, generation, _describe_failure(exc))
                return
            if not is_cancelled():
                _emit(self.finished, generation, analysis)

        self._pool.start(job)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)


def _describe_failure(exc: Exception) -> str:
    name = type(exc).__name__
    if name in ("LanguageModelError", "AnalysisUnavailable"):
        return str(exc)
    return f"The analysis failed ({name}: {exc})."
