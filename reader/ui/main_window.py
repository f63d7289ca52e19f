"""The main window: the wiring room. Menus, docks, the status bar, and connections.

The article and its analysis belong to the `ArticleSession`; the side panels come
from `reader.ui.registry` through a `PanelHost`; the analysis runs on the shared
`AnalysisService`. The window holds no article state and runs no lifecycle.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QVBoxLayout, QWidget

from reader.analysis import Analysis
from reader.analysis.service import AnalysisService
from reader.document import Document
from reader.ui.about import AboutDialog
from reader.ui.application import first_window_size
from reader.ui.article_date_dialog import article_date_action
from reader.ui.article_view import BASE_POINT_SIZE, ArticleView
from reader.ui.corrections import install_corrections
from reader.ui.find_bar import FindBar
from reader.ui.highlighting import MentionHighlighter
from reader.ui.library_link import LibraryLink
from reader.ui.marked_scrollbar import MarkedScrollBar
from reader.ui.message_bar import MessageBar
from reader.ui.panels import PanelContext, PanelHost
from reader.ui.recent_menu import RecentMenu
from reader.ui.registry import PANELS
from reader.ui.selection import Selection
from reader.ui.session import ArticleSession, Reason
from reader.ui.settings import Settings
from reader.ui.status import ArticleStatus

APP_TITLE = "Reader"


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
        self, service: AnalysisService | None = None, parent: QWidget | None = None, library=None
    ) -> None:
        """Without a service, the window makes (and closes) its own, with the real model."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.settings = Settings()
        self.owns_service = service is None
        self.service = service if service is not None else AnalysisService()
        self.session = ArticleSession(self.service, self.settings, self)

        self.article_view = ArticleView(self)
        self.find_bar = FindBar(self.article_view, self)
        self.message_bar = MessageBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget, stretch in ((self.message_bar, 0), (self.article_view, 1), (self.find_bar, 0)):
            layout.addWidget(widget, stretch)
        self.setCentralWidget(central)
        self.scroll_marks = MarkedScrollBar(self.article_view)
        self.article_view.setVerticalScrollBar(self.scroll_marks)
        self.selection = Selection(self)
        self.highlighter = MentionHighlighter(self.article_view, self.selection, self.scroll_marks)

        self.status = ArticleStatus(self.statusBar())
        self._connect()  # before the panels: the view shows an article before they hear of it
        self.library_link = LibraryLink(library, self.session, self.selection, self.settings, self)
        shared = (self.session, self.article_view, self.highlighter, self.selection, self.settings)
        context = PanelContext(*shared, self, self.library_link)
        self.panel_host = PanelHost(self, context, PANELS)
        self.library_link.attach(self, self.panel_host)  # also in, status bar, messages
        self.panel_host.analysisShown.connect(self.status.show_analysis)
        self.panel_host.analysisShown.connect(self._on_analysis_shown)
        if self.panel_host.docks:
            self.resizeDocks(self.panel_host.docks[:1], [330], Qt.Orientation.Horizontal)
        self._create_menus()
        self.corrections = install_corrections(self)  # saved rules, undo, their menus
        self._restore_settings()

    def panel(self, kind: type):
        """The registered panel of this class (for tests and scripts)."""
        return self.panel_host.panel(kind)

    @property
    def document(self) -> Document | None:
        return self.session.document

    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis

    def _action(self, text: str, slot, shortcuts=(), name: str = "") -> QAction:
        act = QAction(text, self)
        unique: list[QKeySequence] = []
        for shortcut in shortcuts:
            sequences = (
                QKeySequence.keyBindings(shortcut)
                if isinstance(shortcut, QKeySequence.StandardKey)
                else [QKeySequence(shortcut)]
            )
            unique += [s for s in sequences if s not in unique]
        act.setShortcuts(unique)
        act.triggered.connect(slot)
        if name:
            act.setObjectName(name)
        self.addAction(act)
        return act

    def _create_menus(self) -> None:
        keys, view = QKeySequence.StandardKey, self.article_view
        action, menu_bar = self._action, self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        self.open_action = action(self.tr("&Open…"), self.choose_file, [keys.Open], "openAction")
        file_menu.addAction(self.open_action)
        self.recent_menu = RecentMenu(self.session, self)
        file_menu.addMenu(self.recent_menu)
        self.reload_action = action(self.tr("&Reload"), self.session.reload, ["F5"], "reloadAction")
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addActions(self.library_link.file_actions(self))
        file_menu.addAction(action(self.tr("&Quit"), self.close, [keys.Quit]))
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        self.copy_action = action(self.tr("&Copy"), view.copy, [keys.Copy])
        find = self.find_bar.open_bar
        self.find_action = action(self.tr("&Find…"), find, [keys.Find], "findAction")
        edit_menu.addActions([self.copy_action, self.find_action])
        self.view_menu = menu_bar.addMenu(self.tr("&View"))
        zoom_in, zoom_out = [keys.ZoomIn, "Ctrl+=", "Ctrl++"], [keys.ZoomOut, "Ctrl+-"]
        self.view_menu.addActions(
            [
                action(self.tr("Zoom &In"), view.zoom_in, zoom_in, "zoomInAction"),
                action(self.tr("Zoom &Out"), view.zoom_out, zoom_out, "zoomOutAction"),
                action(self.tr("&Actual Size"), view.reset_zoom, ["Ctrl+0"], "zoomResetAction"),
            ]
        )
        self.view_menu.addAction(article_date_action(self.session, self))
        self.view_menu.addSeparator()
        for panel_action in self.panel_host.view_actions():
            if panel_action is None:
                self.view_menu.addSeparator()
            else:
                self.view_menu.addAction(panel_action)
                self.addAction(panel_action)  # its shortcut works with the menu closed
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        about = self.help_menu.addAction(self.tr("&About Reader"))
        about.setObjectName("aboutAction")
        action(self.tr("Close Find or Clear Selection"), self.escape, ["Esc"], "escapeAction")
        about.triggered.connect(self.show_about)

    def _connect(self) -> None:
        session = self.session
        session.opening.connect(
            lambda name: self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", name))
        )
        session.articleOpened.connect(self._on_article_opened)
        session.openFailed.connect(self._on_open_failed)
        session.analysisFailed.connect(self._on_analysis_failed)
        session.progress.connect(self.status.show_progress)
        session.fileChanged.connect(self._on_file_changed)
        self.article_view.documentShown.connect(self._on_document_shown)
        self.article_view.zoomChanged.connect(self.settings.set_zoom)
        self.highlighter.statusMessage.connect(self.status.show_message)

    def _restore_settings(self) -> None:
        if self.settings.problem:
            self.message_bar.show_message(self.settings.problem, "warning")
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_window_size(self.screen()))
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.article_view.set_point_size(self.settings.zoom(BASE_POINT_SIZE))

    @Slot()
    def show_about(self) -> None:
        from reader.analysis.language import model_info

        AboutDialog(model_info(), self).exec()

    # --- opening files -----------------------------------------------------------

    def open_initial_paths(self, paths: list[str]) -> None:
        """Open the first path; the rest wait in Open Recent, first at the top."""
        self.session.open_paths(list(paths))

    def open_path(self, path: str) -> None:
        """Open an article as File > Open does; the result arrives as a signal."""
        self.session.open_path(path)

    @Slot()
    def choose_file(self) -> None:
        document = self.session.document
        start = os.path.dirname(document.source_path) if document else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open article"),
            start,
            self.tr("Text articles (*.txt *.md *.text);;All files (*)"),
        )
        if path:
            self.open_path(path)

    def recent_files(self) -> list[str]:
        return self.session.recent_files()

    # --- what the session says ----------------------------------------------------------

    @Slot(object)
    def _on_article_opened(self, document: Document) -> None:
        self.message_bar.dismiss()
        self.article_view.show_document(document)
        title = document.title or Path(document.source_path).name
        self.setWindowTitle(f"{title} — {APP_TITLE}")
        self.status.show_opened(document)
        if document.notices:
            self.message_bar.show_message(" ".join(document.notices), "info")

    @Slot(str, str)
    def _on_open_failed(self, path: str, message: str) -> None:
        self.statusBar().clearMessage()
        self.message_bar.show_message(message, "error")
        self.openFailed.emit(path, message)

    @Slot()
    def _on_document_shown(self) -> None:
        document = self.session.document
        if document is not None:
            self.find_bar.refresh()
            self.documentReady.emit(document.source_path)

    @Slot(object, str)
    def _on_analysis_shown(self, analysis: Analysis, reason: str) -> None:
        document = self.session.document
        if reason != Reason.RETYPESET and document is not None:
            self.analysisFinished.emit(document.source_path)

    @Slot(str)
    def _on_analysis_failed(self, message: str) -> None:
        document = self.session.document
        self.status.show_failure(message)
        if document is not None:
            self.analysisFailed.emit(document.source_path, message)

    @Slot(str, bool)
    def _on_file_changed(self, path: str, exists: bool) -> None:
        name = Path(path).name
        if exists:
            text = self.tr("%1 has changed on disk. The text shown is the version you opened.")
        else:
            text = self.tr("%1 was deleted or moved. The text shown is kept until you close it.")
        self.message_bar.show_message(
            text.replace("%1", name), "warning", "Reload", self.session.reload
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_initial_paths(self.library_link.add_dropped_folders(paths))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.session.close()
        if self.owns_service:
            self.service.close()
        super().closeEvent(event)

    @Slot()
    def escape(self) -> None:
        """Esc, wherever the focus is: close the find bar, else clear the selection."""
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        else:
            self.selection.clear()
