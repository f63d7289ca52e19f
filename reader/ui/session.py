"""The open article and everything known about it: one owner, which says what changed and why.

An `ArticleSession` owns the Document, the model's Annotations, the Analysis shown,
the rules (corrections) applied to it, the generation number, the file watch and the
recent-files list. Windows and panels never hold article state: they listen.

Opening a file bumps the generation. Loading runs on a worker thread and the analysis
on the shared `AnalysisService`; both report back with the generation they were
started for, and anything for an older generation is dropped, so a slow old analysis
never lands on a newer article.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from reader.analysis import Analysis, Annotations, Rule
from reader.analysis.service import AnalysisService, describe_failure
from reader.document import Document
from reader.ui.settings import Settings
from reader.ui.workers import DocumentLoader, emit_from_thread


class Reason(StrEnum):
    """Why the analysis shown changed."""

    NEW = "new"  # a new article's first analysis
    REANALYSED = "reanalysed"  # the same article analysed again (reloaded)
    CORRECTED = "corrected"  # the same annotations interpreted with other rules
    RETYPESET = "retypeset"  # nothing changed but the view's layout (panels re-apply)


class ArticleSession(QObject):
    """The article a window shows.

    Signals:
        opening(path): a file is being read.
        articleOpened(document): a new article (or a reload) is to be shown; analysis starts.
        openFailed(path, message): a file could not be opened; the previous article stays.
        analysisChanged(analysis, reason): the analysis to show, with a `Reason`.
        analysisFailed(message): the analysis could not run; the article stays readable.
        progress(done, total): characters of the article analysed so far.
        fileChanged(path, exists): the open file changed or vanished on disk.
        recentFilesChanged(): the recent-files list changed.
        modelReady(): the language model is loaded.
    """

    opening = Signal(str)
    articleOpened = Signal(object)
    openFailed = Signal(str, str)
    analysisChanged = Signal(object, str)
    analysisFailed = Signal(str)
    progress = Signal(int, int)
    fileChanged = Signal(str, bool)
    recentFilesChanged = Signal()
    modelReady = Signal()

    # Cross-thread deliveries from the service (queued onto this object's thread).
    _finished = Signal(int, object, object)
    _failed = Signal(int, str)
    _progress = Signal(int, int, int)

    def __init__(
        self, service: AnalysisService, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self._load_generation = 0
        self._generation = 0
        self._document: Document | None = None
        self._annotations: Annotations | None = None
        self._analysis: Analysis | None = None
        self._rules: tuple[Rule, ...] = ()
        self._user_date: date | None = None  # View › Article Date…, for this article
        self._reloading = False
        # Asked before the model runs: `lookup(document)` -> (annotations, analysis) or None.
        self.library = None
        self.loader = DocumentLoader(self)
        self.watcher = QFileSystemWatcher(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)
        service.ready_callbacks.append(self._emit_model_ready)
        service.start()

    # --- state ------------------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def annotations(self) -> Annotations | None:
        return self._annotations

    @property
    def analysis(self) -> Analysis | None:
        return self._analysis

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._rules

    @property
    def generation(self) -> int:
        return self._generation

    # --- opening ------------------------------------------------------------------------

    def open_path(self, path: str) -> None:
        """Read and show an article; the outcome arrives as a signal."""
        self._load_generation += 1
        self._reloading = False
        self.opening.emit(Path(path).name)
        self.loader.load(self._load_generation, os.fspath(path))

    def open_paths(self, paths: list[str]) -> None:
        """Open the first path; the rest wait in the recent files, first at the top."""
        if not paths:
            return
        for path in reversed(paths[1:]):
            if os.path.exists(path):
                self.settings.add_recent_file(path)
        self.recentFilesChanged.emit()
        self.open_path(paths[0])

    def reload(self) -> None:
        document = self._document
        if document is not None and document.source_path:
            self.open_path(document.source_path)
            self._reloading = True

    def open_recent(self, path: str) -> None:
        if os.path.exists(path):
            self.open_path(path)
            return
        self.settings.remove_recent_file(path)
        self.recentFilesChanged.emit()
        message = self.tr("Cannot open %1: the file no longer exists (%2).")
        message = message.replace("%1", Path(path).name).replace("%2", path)
        self.openFailed.emit(path, f"{message} {self._removed_from_recent()}")

    def _removed_from_recent(self) -> str:
        return self.tr("It was removed from Open Recent.")

    def recent_files(self) -> list[str]:
        return self.settings.recent_files()

    def clear_recent_files(self) -> None:
        self.settings.set_recent_files([])
        self.recentFilesChanged.emit()

    @Slot(int, object)
    def _on_loaded(self, generation: int, document: Document) -> None:
        if generation != self._load_generation:
            return
        reason = Reason.REANALYSED if self._reloading else Reason.NEW
        self._reloading = False
        self._cancel_job()
        self._generation += 1
        # The rules stay: they are the reader's, and one made for one article names it.
        if reason is Reason.NEW:  # the date the reader set belongs to its article
            self._user_date = None if self.library is None else self.library.reader_date(document)
        self._document = document
        self._annotations = None
        self._analysis = None
        stored = self._stored_analysis(document)
        if stored is None:
            self._submit(reason)  # first: it runs elsewhere while this thread typesets
        self._watch(document.source_path)
        if document.source_path:
            self.settings.add_recent_file(document.source_path)
            self.recentFilesChanged.emit()
        self.articleOpened.emit(document)
        if stored is not None:
            self._annotations, analysis = stored
            self._analysis = self._dated(analysis)
            self.analysisChanged.emit(self._analysis, reason.value)

    def _stored_analysis(self, document: Document) -> tuple[Annotations | None, Analysis] | None:
        """The library's analysis of this text (no model call), with the rules applied."""
        stored = self.library.lookup(document) if self.library is not None else None
        if stored is None or not self._rules:
            return stored
        annotations, _analysis = stored
        if annotations is None:
            return None  # corrections need the model's output: run the model
        return annotations, self.service.interpret(document, annotations, self._rules)

    @Slot(int, str, str)
    def _on_load_failed(self, generation: int, path: str, message: str) -> None:
        if generation != self._load_generation:
            return
        absolute = os.path.abspath(path)
        if absolute in self.settings.recent_files() and not os.path.exists(absolute):
            self.settings.remove_recent_file(absolute)
            self.recentFilesChanged.emit()
            message += " " + self._removed_from_recent()
        self.openFailed.emit(path, message)

    # --- analysis -----------------------------------------------------------------------

    def _job_key(self) -> str:
        return f"session-{id(self)}"

    def _cancel_job(self) -> None:
        self.service.cancel(self._job_key())

    def _submit(self, reason: Reason) -> None:
        generation, document = self._generation, self._document
        if document is None:
            return
        self.service.submit(
            self._job_key(),
            document,
            rules=self._rules,
            progress=lambda done, total: emit_from_thread(self._progress, generation, done, total),
            finished=lambda annotations, analysis: emit_from_thread(
                self._finished, generation, (annotations, reason), analysis
            ),
            failed=lambda message: emit_from_thread(self._failed, generation, message),
        )

    def set_rules(self, rules: Iterable[Rule]) -> None:
        """Apply corrections: the kept annotations are interpreted again, the model is not run."""
        self._rules = tuple(rules)
        document, annotations = self._document, self._annotations
        if document is not None and annotations is None and self._analysis is not None:
            self._submit(Reason.CORRECTED)  # shown from the library without the model's output
            return
        if document is None or annotations is None:
            return  # the analysis under way applies them when it finishes
        self._show(lambda: self._dated(self.service.interpret(document, annotations, self._rules)))

    def set_reference_date(self, day: date) -> None:
        """The reader's date for the article: times and figures are resolved again, the
        model is not run; panels hear CORRECTED. Kept for a reload, and in the library."""
        self._user_date = day
        if self.library is not None and self._document is not None:
            self.library.remember_reader_date(self._document, day)
        document, analysis = self._document, self._analysis
        if document is None or analysis is None:
            return  # the analysis under way takes it when it finishes
        self._show(lambda: self._dated(analysis))

    def _show(self, interpret: Callable[[], Analysis], reason: Reason = Reason.CORRECTED) -> None:
        """Show what `interpret()` makes (no model call); a failure is a message, not a crash
        (a broken rule must not take the window down)."""
        try:
            analysis = interpret()
        except Exception as exc:
            self.analysisFailed.emit(describe_failure(exc))
            return
        self._analysis = analysis
        self.analysisChanged.emit(analysis, reason.value)

    def _dated(self, analysis: Analysis) -> Analysis:
        """`analysis` against the reader's date for the article, when they set one."""
        if self._user_date is None or self._document is None:
            return analysis
        return self.service.redate(self._document, analysis, self._user_date, self._rules)

    def _emit_model_ready(self) -> None:
        emit_from_thread(self.modelReady)

    @Slot(int, int, int)
    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation and total > 0:
            self.progress.emit(done, total)

    @Slot(int, object, object)
    def _on_finished(self, generation: int, annotated: tuple, analysis: Analysis) -> None:
        if generation != self._generation or self._document is None:
            return
        annotations, reason = annotated
        self._annotations = annotations
        self._show(lambda: self._dated(analysis), reason)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation and self._document is not None:
            self.analysisFailed.emit(message)

    # --- the file on disk ---------------------------------------------------------------

    def _watch(self, path: str) -> None:
        watched = self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        if path and os.path.exists(path):
            self.watcher.addPath(path)

    @Slot(str)
    def _on_file_changed(self, path: str) -> None:
        document = self._document
        if document is None or path != document.source_path:
            return
        exists = os.path.exists(path)
        if exists:
            # Editors often save by replacing the file, which drops the watch.
            if path not in self.watcher.files():
                self.watcher.addPath(path)
        else:
            QTimer.singleShot(1000, lambda: self._rewatch(path))
        self.fileChanged.emit(path, exists)

    def _rewatch(self, path: str) -> None:
        if os.path.exists(path) and path not in self.watcher.files():
            self.watcher.addPath(path)

    # --- closing -----------------------------------------------------------------------

    def close(self) -> None:
        """Drop the analysis under way; the service itself belongs to the application."""
        self._generation += 1
        self._cancel_job()
        if self._emit_model_ready in self.service.ready_callbacks:
            self.service.ready_callbacks.remove(self._emit_model_ready)
        self.loader.wait(5000)
