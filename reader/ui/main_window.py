"""The main window: it wires the article view, panels and workers; it holds no logic of its own.

Opening a file bumps a generation number. Loading and analysis run on worker
threads and report back with the generation they were started for; anything that
arrives for an older generation is dropped, so a slow old analysis never lands on
a newer article.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reader.analysis import Analysis
from reader.document import Document
from reader.ui.about import AboutDialog
from reader.ui.article_view import BASE_POINT_SIZE, ArticleView
from reader.ui.entity_panel import EntityPanel
from reader.ui.find_bar import FindBar
from reader.ui.highlighting import MentionHighlighter
from reader.ui.marked_scrollbar import MarkedScrollBar
from reader.ui.message_bar import MessageBar
from reader.ui.settings import Settings
from reader.ui.summary_panel import SummaryPanel
from reader.ui.workers import (
    Analyser,
    AnalysisRunner,
    DocumentLoader,
    PooledAnalyser,
)

APP_TITLE = "Reader"
# Below this many characters the analysis is quick enough that a progress bar would only flicker.
PROGRESS_MIN_CHARS = 20_000


class MainWindow(QMainWindow):
    """Reader's main window.

    Signals:
        documentReady(path): the article's text is shown.
        openFailed(path, message): a file could not be opened; the previous article stays.
        analysisFinished(path): entities and summary of the shown article are shown.
        analysisFailed(path, message): the analysis could not run; the article stays readable.
    """

    documentReady = Signal(str)
    openFailed = Signal(str, str)
    analysisFinished = Signal(str)
    analysisFailed = Signal(str, str)

    def __init__(
        self,
        analyser: Analyser | None = None,
        warm_up: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Without an analyser, the real one runs with its model in worker processes."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.settings = Settings()

        self._load_generation = 0
        self._doc_generation = 0
        self._pending_generation = 0
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._early_analysis: tuple[int, Analysis] | None = None

        self.article_view = ArticleView(self)
        self.find_bar = FindBar(self.article_view, self)
        self.message_bar = MessageBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.article_view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self._create_status_bar()
        self.loader = DocumentLoader(self)
        self._pooled: PooledAnalyser | None = None
        if analyser is None:
            analyser = PooledAnalyser()
        if isinstance(analyser, PooledAnalyser):
            self._pooled = analyser
            warm_up = analyser.warm_up
        self.runner = AnalysisRunner(analyser, warm_up, self)
        self.watcher = QFileSystemWatcher(self)
        self.panels: list = []
        self._create_docks()
        self._create_actions()
        self._create_menus()
        self._connect()
        self._restore_settings()
        self.runner.warm_up()

    # --- construction ----------------------------------------------------------------

    def _create_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.analysis_label = QLabel(self)
        self.analysis_label.setObjectName("analysisStatus")
        self.analysis_label.setAccessibleName("Analysis status")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("analysisProgress")
        self.progress_bar.setAccessibleName("Analysis progress")
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        self.words_label = QLabel(self)
        self.words_label.setObjectName("wordCount")
        self.words_label.setAccessibleName("Word count and reading time")
        bar.addPermanentWidget(self.analysis_label)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.words_label)

    def _create_docks(self) -> None:
        """Side panels (entities, summary) are added here; each is one file plus wiring."""
        self.scroll_marks = MarkedScrollBar(self.article_view)
        self.article_view.setVerticalScrollBar(self.scroll_marks)
        self.highlighter = MentionHighlighter(self.article_view, self.scroll_marks)
        self.entity_panel = EntityPanel(self.settings, self)
        self.summary_panel = SummaryPanel(self.article_view, self.settings, self)
        self.entity_dock = self._dock("Entities", "entityDock", self.entity_panel)
        self.summary_dock = self._dock("Summary", "summaryDock", self.summary_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.entity_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.summary_dock)
        self.resizeDocks([self.entity_dock], [330], Qt.Orientation.Horizontal)
        # The panel resets its tree before the highlighter learns of a new analysis.
        self.panels.extend([self.entity_panel, self.summary_panel, self.highlighter])

        self.next_mention_action = QAction("&Next Mention", self)
        self.next_mention_action.setObjectName("nextMentionAction")
        self.next_mention_action.setShortcut(QKeySequence("F3"))
        self.previous_mention_action = QAction("&Previous Mention", self)
        self.previous_mention_action.setObjectName("previousMentionAction")
        self.previous_mention_action.setShortcut(QKeySequence("Shift+F3"))
        self.addActions([self.next_mention_action, self.previous_mention_action])
        self.addAction(self.entity_panel.show_all_action)

        panel, highlighter = self.entity_panel, self.highlighter
        self.next_mention_action.triggered.connect(highlighter.next_mention)
        self.previous_mention_action.triggered.connect(highlighter.previous_mention)
        panel.nextRequested.connect(highlighter.next_mention)
        panel.previousRequested.connect(highlighter.previous_mention)
        panel.entitiesSelected.connect(highlighter.highlight)
        panel.entityActivated.connect(lambda _key: highlighter.restart())
        panel.mentionRequested.connect(highlighter.go_to_mention)
        panel.show_all_action.toggled.connect(highlighter.set_show_all)
        highlighter.entityClicked.connect(panel.select_entity)
        highlighter.cleared.connect(panel.clear_selection)
        highlighter.statusMessage.connect(self._show_mention_status)

    def _create_actions(self) -> None:
        def action(text: str, slot, shortcuts=(), name: str = "") -> QAction:
            act = QAction(text, self)
            unique: list[QKeySequence] = []
            for shortcut in shortcuts:
                for sequence in (
                    QKeySequence.keyBindings(shortcut)
                    if isinstance(shortcut, QKeySequence.StandardKey)
                    else [QKeySequence(shortcut)]
                ):
                    if sequence not in unique:
                        unique.append(sequence)
            act.setShortcuts(unique)
            act.triggered.connect(slot)
            if name:
                act.setObjectName(name)
            self.addAction(act)
            return act

        self.open_action = action(
            "&Open…", self.choose_file, [QKeySequence.StandardKey.Open], "openAction"
        )
        self.reload_action = action("&Reload", self.reload, [QKeySequence("F5")], "reloadAction")
        self.quit_action = action("&Quit", self.close, [QKeySequence.StandardKey.Quit])
        self.copy_action = action("&Copy", self.article_view.copy, [QKeySequence.StandardKey.Copy])
        self.find_action = action(
            "&Find…", self.find_bar.open_bar, [QKeySequence.StandardKey.Find], "findAction"
        )
        self.zoom_in_action = action(
            "Zoom &In",
            self.article_view.zoom_in,
            [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
            "zoomInAction",
        )
        self.zoom_out_action = action(
            "Zoom &Out",
            self.article_view.zoom_out,
            [QKeySequence.StandardKey.ZoomOut, QKeySequence("Ctrl+-")],
            "zoomOutAction",
        )
        self.zoom_reset_action = action(
            "&Actual Size",
            self.article_view.reset_zoom,
            [QKeySequence("Ctrl+0")],
            "zoomResetAction",
        )
        self.clear_recent_action = action("&Clear Recent", self.clear_recent_files)

    def _create_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addAction(self.copy_action)
        edit_menu.addAction(self.find_action)
        self.view_menu = menu_bar.addMenu("&View")
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        self._add_panel_actions(self.view_menu)
        self.help_menu = menu_bar.addMenu("&Help")
        about = self.help_menu.addAction("&About Reader")
        about.setObjectName("aboutAction")
        about.triggered.connect(self.show_about)
        self._rebuild_recent_menu()

    def _connect(self) -> None:
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.runner.progress.connect(self._on_analysis_progress)
        self.runner.finished.connect(self._on_analysis_finished)
        self.runner.failed.connect(self._on_analysis_failed)
        self.article_view.documentShown.connect(self._on_document_shown)
        self.article_view.zoomChanged.connect(self.settings.set_zoom)
        self.watcher.fileChanged.connect(self._on_file_changed)

    def _restore_settings(self) -> None:
        if self.settings.problem:
            self.message_bar.show_message(self.settings.problem, "warning")
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 820)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.article_view.set_point_size(self.settings.zoom(BASE_POINT_SIZE))

    @Slot()
    def show_about(self) -> None:
        from reader.analysis.language import model_info

        AboutDialog(model_info(), self).exec()

    # --- opening files -----------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def analysis(self) -> Analysis | None:
        return self._analysis

    def open_initial_paths(self, paths: list[str]) -> None:
        """Open the first path; the rest wait in Open Recent, first at the top."""
        if not paths:
            return
        for path in reversed(paths[1:]):
            if os.path.exists(path):
                self.settings.add_recent_file(path)
        self._rebuild_recent_menu()
        self.open_path(paths[0])

    def open_path(self, path: str) -> None:
        """Open an article as File > Open does; the result arrives as a signal."""
        self._load_generation += 1
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        self.loader.load(self._load_generation, os.fspath(path))

    @Slot()
    def choose_file(self) -> None:
        start = os.path.dirname(self._document.source_path) if self._document else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open article", start, "Text articles (*.txt *.md *.text);;All files (*)"
        )
        if path:
            self.open_path(path)

    @Slot()
    def reload(self) -> None:
        if self._document is not None and self._document.source_path:
            self.open_path(self._document.source_path)

    @Slot(int, object)
    def _on_loaded(self, generation: int, document: Document) -> None:
        if generation != self._load_generation:
            return
        self.message_bar.dismiss()
        self.runner.cancel()
        self._doc_generation += 1
        self._document = document
        self._analysis = None
        self._early_analysis = None
        # The analysis starts first: it runs elsewhere while this thread typesets.
        self.runner.analyse(self._doc_generation, document)
        self.article_view.show_document(document)
        title = document.title or Path(document.source_path).name
        self.setWindowTitle(f"{title} — {APP_TITLE}")
        self.words_label.setText(
            f"{document.word_count:,} words · {document.reading_minutes} min read"
        )
        self.statusBar().clearMessage()
        if document.notices:
            self.message_bar.show_message(" ".join(document.notices), "info")
        self._watch(document.source_path)
        if document.source_path:
            self.settings.add_recent_file(document.source_path)
            self._rebuild_recent_menu()
        for panel in self.panels:
            panel.show_pending(document)
        self._set_analysis_state("Analysing…")
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(len(document.text) >= PROGRESS_MIN_CHARS)

    @Slot(int, str, str)
    def _on_load_failed(self, generation: int, path: str, message: str) -> None:
        if generation != self._load_generation:
            return
        self.statusBar().clearMessage()
        absolute = os.path.abspath(path)
        if absolute in self.settings.recent_files() and not os.path.exists(absolute):
            self.settings.remove_recent_file(absolute)
            self._rebuild_recent_menu()
            message += " It was removed from Open Recent."
        self.message_bar.show_message(message, "error")
        self.openFailed.emit(path, message)

    @Slot()
    def _on_document_shown(self) -> None:
        document = self._document
        if document is None:
            return
        self.find_bar.refresh()
        self.documentReady.emit(document.source_path)
        if self._early_analysis is not None:
            generation, analysis = self._early_analysis
            self._early_analysis = None
            self._on_analysis_finished(generation, analysis)
        elif self._analysis is not None:
            for panel in self.panels:  # the view was retypeset: highlights go back on
                panel.show_analysis(document, self._analysis)

    # --- analysis results --------------------------------------------------------------

    def _set_analysis_state(self, text: str) -> None:
        self.analysis_label.setText(text)

    @Slot(int, int, int)
    def _on_analysis_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._doc_generation and total > 0:
            self.progress_bar.setValue(min(100, round(100 * done / total)))

    @Slot(int, object)
    def _on_analysis_finished(self, generation: int, analysis: Analysis) -> None:
        document = self._document
        if generation != self._doc_generation or document is None:
            return
        if self.article_view.is_building:
            self._early_analysis = (generation, analysis)
            return
        self._analysis = analysis
        for panel in self.panels:
            panel.show_analysis(document, analysis)
        self.progress_bar.hide()
        count = len(analysis.entities)
        self._set_analysis_state(f"{count} entit{'y' if count == 1 else 'ies'}")
        self.analysisFinished.emit(document.source_path)

    @Slot(int, str)
    def _on_analysis_failed(self, generation: int, message: str) -> None:
        document = self._document
        if generation != self._doc_generation or document is None:
            return
        self.progress_bar.hide()
        self._set_analysis_state("Entities unavailable")
        for panel in self.panels:
            panel.show_unavailable(message)
        self.statusBar().showMessage(message, 15000)
        self.analysisFailed.emit(document.source_path, message)

    # --- recent files ---------------------------------------------------------------

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for index, path in enumerate(recent, start=1):
            label = f"&{index} {Path(path).name}" if index < 10 else Path(path).name
            act = self.recent_menu.addAction(label)
            act.setData(path)
            act.setToolTip(path)
            act.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(recent))

    def recent_files(self) -> list[str]:
        return self.settings.recent_files()

    def open_recent(self, path: str) -> None:
        if not os.path.exists(path):
            self.settings.remove_recent_file(path)
            self._rebuild_recent_menu()
            message = (
                f"Cannot open {Path(path).name}: the file no longer exists "
                f"({path}). It was removed from Open Recent."
            )
            self.message_bar.show_message(message, "warning")
            self.openFailed.emit(path, message)
            return
        self.open_path(path)

    @Slot()
    def clear_recent_files(self) -> None:
        self.settings.set_recent_files([])
        self._rebuild_recent_menu()

    # --- the file on disk -------------------------------------------------------------

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
        name = Path(path).name
        if os.path.exists(path):
            # Editors often save by replacing the file, which drops the watch.
            if path not in self.watcher.files():
                self.watcher.addPath(path)
            text = f"{name} has changed on disk. The text shown is the version you opened."
        else:
            text = f"{name} was deleted or moved. The text shown is kept until you close it."
            QTimer.singleShot(1000, lambda: self._rewatch(path))
        self.message_bar.show_message(text, "warning", "Reload", self.reload)

    def _rewatch(self, path: str) -> None:
        if os.path.exists(path) and path not in self.watcher.files():
            self.watcher.addPath(path)

    # --- drag and drop ---------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_initial_paths(paths)

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.runner.cancel()
        if self._pooled is not None:
            self.runner.wait(5000)
            self._pooled.close()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        super().keyPressEvent(event)

    # --- side panels ---------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        return dock

    def _add_panel_actions(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.entity_dock.toggleViewAction())
        menu.addAction(self.summary_dock.toggleViewAction())
        menu.addAction(self.entity_panel.show_all_action)
        menu.addSeparator()
        menu.addAction(self.next_mention_action)
        menu.addAction(self.previous_mention_action)

    @Slot(str)
    def _show_mention_status(self, text: str) -> None:
        self.entity_panel.show_position(text)
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()
