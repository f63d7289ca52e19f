"""A window's link to the application's library: cached articles, remembering, "Also in".

The application opens its library once (`application_library`); each window makes a
`LibraryLink`, which the session asks before it runs the model (an article already in
the library shows its stored analysis at once), which keeps every article the window
opens and analyses (File › Add Opened Articles to Library), indexes files through the
window's `AnalysisService` at background priority, and fills "Also in N other articles"
under the entity details. A damaged or newer database is a message, never a failure:
the window then runs without a library.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QStatusBar, QWidget

from reader.analysis import Analysis, Annotations, Entity
from reader.document import Document
from reader.library import (
    Library,
    ServiceAnalyser,
    analyser_version,
    content_hash,
    database_path,
    unpack_annotations,
)
from reader.ui.entity_panel import EntityPanel
from reader.ui.library_panel import AlsoInList, LibraryPanel, open_library
from reader.ui.selection import Selection
from reader.ui.session import ArticleSession, Reason
from reader.ui.settings import Settings

ADD_OPENED_KEY = "library/addOpenedArticles"
LIBRARY_DOCK_WIDTH = 360
NO_LIBRARY = "No library is open in this window."
_ENTITY_QUERY = re.compile(r'^entity:\s*"?([^"]+)"?\s*$', re.IGNORECASE)


@dataclass
class LibraryAccess:
    """The application's library: its file, the open database (None if it could not be
    opened) and what the user must be told about it ("" when all is well)."""

    path: Path
    library: Library | None
    message: str = ""

    def close(self) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None


_opened: dict[Path, LibraryAccess] = {}


def application_library(data_dir: str | os.PathLike[str] | None = None) -> LibraryAccess:
    """The library in `data_dir` (else $READER_DATA_DIR, else the user's data folder),
    opened once per application and closed when it quits."""
    path = database_path(data_dir)
    access = _opened.get(path)
    if access is None:
        library, message = open_library(path)
        access = _opened[path] = LibraryAccess(path, library, message)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(close_application_libraries)
    return access


def close_application_libraries() -> None:
    """Close every library the application opened (on quit)."""
    while _opened:
        _path, access = _opened.popitem()
        access.close()


class LibraryLink(QObject):
    """What one window does with the library; the session calls `lookup`.

    Signals:
        libraryChanged(): an opened article was added to (or updated in) the library.
    """

    libraryChanged = Signal()

    def __init__(
        self,
        access: LibraryAccess | None,
        session: ArticleSession,
        selection: Selection,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.access = access
        self.library = access.library if access is not None else None
        self.message = access.message if access is not None else ""
        self.session = session
        self.selection = selection
        self.settings = settings
        self.version = analyser_version(session.service.engine.model)
        self.panel: LibraryPanel | None = None
        self.also_in_list: AlsoInList | None = None
        self._served: Document | None = None
        self._pending: tuple[str, frozenset[str], str] | None = None
        self._shown_entity: Entity | None = None
        self._window: QMainWindow | None = None
        self._dock: QDockWidget | None = None
        self.add_opened_action = QAction(self.tr("Add Opened Articles to &Library"), self)
        self.add_opened_action.setObjectName("addOpenedToLibraryAction")
        self.add_opened_action.setCheckable(True)
        self.add_opened_action.setChecked(bool(settings.value(ADD_OPENED_KEY, True, bool)))
        self.add_opened_action.toggled.connect(lambda on: settings.set_value(ADD_OPENED_KEY, on))
        self.add_opened_action.setEnabled(self.library is not None)
        session.library = self
        session.analysisChanged.connect(self._on_analysis)

    # --- the window ---------------------------------------------------------------------

    def attach(self, window: QMainWindow, panel_host) -> None:
        """Wire into a window once its panels exist: "Also in" under the entity details,
        indexing in the status bar, the library's message, closing with the window."""
        self._window = window
        if self.panel is not None:  # wide enough for titles beside date, folder and words
            dock = self._dock = panel_host.docks[panel_host.panels.index(self.panel)]
            window.resizeDocks([dock], [LIBRARY_DOCK_WIDTH], Qt.Orientation.Horizontal)
            # An empty library leaves the article its room until something is added
            # (View › Library shows it; a saved window layout decides from then on).
            dock.setVisible(self.panel.model.rowCount() > 0)
        self.attach_details(panel_host.panel(EntityPanel))
        self.attach_status_bar(window.statusBar())
        panel_host.analysisShown.connect(self.select_pending)
        if self.message:
            window.message_bar.show_message(self.message, "warning")
            # Opening the first article clears the message bar: say it again above that article.
            self.session.articleOpened.connect(self._repeat_message)
        window.installEventFilter(self)

    @Slot(object)
    def _repeat_message(self, _document: Document) -> None:
        self.session.articleOpened.disconnect(self._repeat_message)
        if self._window is not None:
            self._window.message_bar.show_message(self.message, "warning")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def file_actions(self, window: QWidget) -> list[QAction]:
        """File menu: Add to Library… (files), Add Folder to Library…, and the setting."""
        add_files = QAction(self.tr("Add to &Library…"), window)
        add_files.setObjectName("addToLibraryAction")
        add_files.triggered.connect(lambda: self._choose_files(window))
        add_folder = QAction(self.tr("Add &Folder to Library…"), window)
        add_folder.setObjectName("addFolderToLibraryAction")
        add_folder.triggered.connect(lambda: self._choose_folder(window))
        for act in (add_files, add_folder):
            act.setEnabled(self.library is not None)
        separator = QAction(window)
        separator.setSeparator(True)
        return [add_files, add_folder, self.add_opened_action, separator]

    def _choose_files(self, window: QWidget) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            window, self.tr("Add to Library"), "", self.tr("Text articles (*.txt *.md)")
        )
        if paths:
            self.add_paths(paths)

    def _choose_folder(self, window: QWidget) -> None:
        folder = QFileDialog.getExistingDirectory(window, self.tr("Add Folder to Library"))
        if folder:
            self.add_paths([folder])

    def add_dropped_folders(self, paths: list[str]) -> list[str]:
        """Folders dropped on the window go to the library; the files are returned to open."""
        folders = [path for path in paths if os.path.isdir(path)]
        if folders:
            self.add_paths(folders)
        return [path for path in paths if path not in folders]

    # --- the panel, the status bar, the entity details ----------------------------------

    def create_panel(self, kind: type[LibraryPanel], parent: QWidget) -> LibraryPanel:
        """The library dock's panel, sharing the application's library and the service."""
        service = self.session.service
        path = self.access.path if self.access is not None else None

        def analyser() -> ServiceAnalyser:
            key = f"library-indexing-{id(panel)}"
            return ServiceAnalyser(service, key, panel.indexer.is_cancelled, self.session.rules)

        panel = kind(
            path,
            analyser_factory=analyser,
            parent=parent,
            analyser_version_of=lambda: self.version,
            shared=(self.library, self.message or ("" if self.library else NO_LIBRARY)),
        )
        panel.articleRequested.connect(self._open_from_panel)
        self.libraryChanged.connect(panel.refresh)
        self.panel = panel
        return panel

    def attach_status_bar(self, status_bar: QStatusBar) -> None:
        """Indexing shows its progress and Cancel in the window's status bar."""
        if self.panel is None:
            return
        status_bar.addPermanentWidget(self.panel.progress)
        status_bar.addPermanentWidget(self.panel.cancel_button)
        self.panel.indexer.finished.connect(
            lambda *_counts: status_bar.showMessage(self.panel.status.text(), 8000)
        )
        self.panel.indexer.failed.connect(
            lambda _message: status_bar.showMessage(self.panel.status.text(), 8000)
        )

    def attach_details(self, entity_panel) -> None:
        """Put "Also in N other articles" under the entity panel's details."""
        if entity_panel is None or self.library is None:
            return
        also_in = AlsoInList(entity_panel)
        also_in.setVisible(False)
        entity_panel.add_detail_widget(also_in)
        entity_panel.detailsChanged.connect(self._show_also_in)
        also_in.articleRequested.connect(self._open_also_in)
        if self.panel is not None:  # articles added: the entity shown may be in more of them
            self.panel.libraryChanged.connect(lambda: self._show_also_in(self._shown_entity))
        self.also_in_list = also_in

    @Slot(object)
    def _show_also_in(self, entity: Entity | None) -> None:
        also_in = self.also_in_list
        document = self.session.document
        self._shown_entity = entity
        if also_in is None or entity is None or document is None or self.library is None:
            if also_in is not None:
                also_in.setVisible(False)
            return
        try:
            found = self.library.also_in(entity, os.path.abspath(document.source_path))
        except sqlite3.Error:
            also_in.setVisible(False)
            return
        also_in.show_articles(found.articles, found.total)
        also_in.setVisible(True)

    @Slot(str)
    def _open_also_in(self, path: str) -> None:
        entity = self._shown_entity
        if entity is not None:
            names = frozenset(n.casefold() for n in (entity.name, *entity.aliases))
            self._pending = (os.path.abspath(path), names, str(entity.group))
        self.session.open_path(path)

    @Slot(str)
    def _open_from_panel(self, path: str) -> None:
        """An article chosen in the library; listed for an entity, that entity is selected."""
        query = self.panel.search_box.text().strip() if self.panel is not None else ""
        match = _ENTITY_QUERY.match(query)
        if match:
            self._pending = (os.path.abspath(path), frozenset({match.group(1).casefold()}), "")
        self.session.open_path(path)

    # --- adding -----------------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> bool:
        """Index files or folders in the background; False (and a word why) if not now."""
        if self.panel is not None and self.panel.add_paths(paths):
            if self._dock is not None:
                self._dock.show()
            return True
        window = self._window
        if window is not None:
            busy = self.panel is not None and self.panel.indexer.is_running()
            window.statusBar().showMessage(
                self.tr("The library is still adding other articles; try again when it is done.")
                if busy
                else self.tr("No library is open: articles cannot be added."),
                8000,
            )
        return False

    def close(self) -> None:
        """Stop indexing (the window is closing); the library stays the application's."""
        if self.panel is not None:
            self.panel.close_library()
        self.library = None

    # --- what the session asks and says -----------------------------------------------

    def reader_date(self, document: Document) -> date | None:
        """The date the reader gave this article before (View › Article Date…), if any."""
        if self.library is None:
            return None
        try:
            return self.library.reader_date(content_hash(document.text))
        except sqlite3.Error:
            return None

    def remember_reader_date(self, document: Document, day: date) -> None:
        if self.library is None:
            return
        with contextlib.suppress(sqlite3.Error):  # unsaved, but the window still shows it
            self.library.set_reader_date(content_hash(document.text), day)

    def lookup(self, document: Document) -> tuple[Annotations | None, Analysis] | None:
        """The stored analysis (and the model's output, if kept) of this text, or None."""
        if self.library is None:
            return None
        try:
            analysis = self.library.analysis_for(document, self.version)
            packed = (
                self.library.stored_annotations(content_hash(document.text), self.version)
                if analysis is not None
                else None
            )
        except sqlite3.Error:
            return None  # the model will do: a failing library must not stop the reading
        if analysis is None:
            return None
        self._served = document
        return (unpack_annotations(packed) if packed else None), analysis

    @Slot(object, str)
    def _on_analysis(self, analysis: Analysis, reason: str) -> None:
        document = self.session.document
        if document is None or reason not in (Reason.NEW, Reason.REANALYSED):
            return
        if self._served is not document and self.add_opened_action.isChecked():
            self._remember(document, analysis)

    def _remember(self, document: Document, analysis: Analysis) -> None:
        if self.panel is not None:  # written off the GUI thread; the panel lists it when in
            self.panel.remember(document, analysis, self.session.annotations)

    @Slot(object, str)
    def select_pending(self, analysis: Analysis, reason: str) -> None:
        """Once the panels show an article opened from "Also in" (or an entity's list),
        select that entity there: by any of its names, else by its last word."""
        document = self.session.document
        if reason not in (Reason.NEW, Reason.REANALYSED) or document is None:
            return
        pending, self._pending = self._pending, None
        if pending is None or os.path.abspath(document.source_path) != pending[0]:
            return
        _path, names, group = pending
        entity = _entity_named(analysis.entities, names, group) or _entity_named(
            analysis.entities, frozenset(n.split()[-1] for n in names if n.split()), group, True
        )
        if entity is not None:
            self.selection.set_keys([entity.key])


def _entity_named(
    entities, names: frozenset[str], group: str, last_word: bool = False
) -> Entity | None:
    """The entity called by one of `names` (casefolded), one of `group` first."""

    def called(entity: Entity) -> set[str]:
        every = {n.casefold() for n in (entity.name, *entity.aliases)}
        return {n.split()[-1] for n in every if n.split()} if last_word else every

    named = [e for e in entities if names & called(e)]
    named.sort(key=lambda e: str(e.group) != group)
    return named[0] if named else None
