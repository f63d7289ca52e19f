"""The library panel: every article on the desk, searched as you type, and who appears where.

In the window it uses the application's library (`reader.ui.library_link`); on its own
it opens the database itself. Either way the GUI thread has one connection and the
indexer opens another on its thread; the panel says what the user asked for with
signals. Article text reaches the screen only as escaped plain text.
"""

from __future__ import annotations

import contextlib
import html
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis import Analysis, Annotations, Entity, EntityGroup
from reader.document import Document
from reader.library import (
    AddReport,
    AlsoIn,
    DamagedLibraryError,
    DocumentAnalyser,
    EntityArticle,
    Library,
    LibraryError,
    Progress,
    SearchHit,
    add_paths,
    analyser_version,
    database_path,
    pack_annotations,
)
from reader.ui.plurals import plural
from reader.ui.workers import emit_from_thread

# Typing pauses this long before the library is searched: one query per word, not per key.
SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 100
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
SPARK_BINS = 24
SPARK_SIZE = (72, 16)
COLUMNS = ("Title", "Date", "Folder", "Words")


def snippet_html(hit: SearchHit) -> str:
    """The hit's snippet as rich text: article text escaped, matched words in bold."""
    return "".join(
        f"<b>{html.escape(text)}</b>" if match else html.escape(text)
        for text, match in hit.snippet_parts()
    )


def open_library(path: Path) -> tuple[Library | None, str]:
    """The library at `path`, or None and a message to show; a damaged one is replaced."""
    try:
        return Library(path), ""
    except DamagedLibraryError as exc:
        try:
            return Library(path), str(exc)
        except LibraryError as again:
            return None, str(again)
    except (LibraryError, OSError) as exc:
        return None, str(exc)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One row of the article list; `snippet` is rich text (escaped) for search hits."""

    path: str
    title: str
    date: str
    words: int
    snippet: str = ""

    @property
    def folder(self) -> str:
        return os.path.basename(os.path.dirname(self.path))


class ArticleTableModel(QAbstractTableModel):
    """The listed articles: plain rows, sorted in Python, so 10,000 of them list at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleRow] = []

    def set_rows(self, rows: list[ArticleRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ArticleRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.title or Path(row.path).name,
                row.date,
                row.folder,
                f"{row.words:,}",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return os.path.dirname(row.path) if column == 2 else row.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PATH_ROLE:
            return row.path
        if role == SNIPPET_ROLE:
            return row.snippet
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return  # keep the order the rows came in (best match first)
        keys = (
            lambda r: (r.title or Path(r.path).name).casefold(),
            lambda r: r.date,
            lambda r: r.folder.casefold(),
            lambda r: r.words,
        )
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class _Job(QThread):
    def __init__(self, work: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        self._work()


class LibraryIndexer(QObject):
    """Adds files to the library on a thread of its own, one committed article at a time.

    Signals:
        progress(done, total, path): after each file.
        finished(added, updated, unchanged, failed): when done or cancelled.
        failed(message): the library or the analysis could not run at all.

    `add` is the library's add function (injectable, as are the analyser and library).
    """

    progress = Signal(int, int, str)
    finished = Signal(int, int, int, int)
    failed = Signal(str)

    def __init__(
        self,
        library_path: Path,
        analyser_factory: Callable[[], DocumentAnalyser],
        add: Callable[..., AddReport] = add_paths,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library_path = library_path
        self._analyser_factory = analyser_factory
        self._add = add
        self._cancel = threading.Event()
        self._thread: QThread | None = None

    def start(self, paths: Sequence[str]) -> None:
        self._cancel.clear()
        thread = _Job(lambda: self._run(list(paths)), self)
        thread.setObjectName("libraryIndexer")
        self._thread = thread
        thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, msecs: int = -1) -> bool:
        if self._thread is None:
            return True
        return self._thread.wait(msecs) if msecs >= 0 else self._thread.wait()

    def _run(self, paths: list[str]) -> None:
        def report(step: Progress) -> None:
            self.progress.emit(step.done, step.total, step.path)

        try:
            with Library(self._library_path) as library:
                result = self._add(
                    library,
                    paths,
                    self._analyser_factory(),
                    progress=report,
                    is_cancelled=self._cancel.is_set,
                )
        except Exception as exc:  # shown to the user; the window must not go down
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.finished.emit(result.added, result.updated, result.unchanged, len(result.failed))


class AlsoInList(QWidget):
    """ "Also in N other articles" for one entity: the list, with dates and mention counts.

    Signals:
        articleRequested(path): the user chose one of the articles.
    """

    articleRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryAlsoIn")
        self.heading = QLabel(self)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.show_articles([])

    def show_articles(self, articles: Sequence[EntityArticle], total: int | None = None) -> None:
        """List `articles`; `total` is how many there are when only the latest are given."""
        self.list.clear()
        count = len(articles) if total is None else total
        self.heading.setText(
            "Not in other library articles"
            if not count
            else f"Also in {count} other article{'s' if count != 1 else ''}"
        )
        for article in articles:
            times = f"{article.count} mention{'s' if article.count != 1 else ''}"
            label = " · ".join(
                p for p in (article.date, article.title or Path(article.path).name, times) if p
            )
            item = QListWidgetItem(label, self.list)
            item.setData(PATH_ROLE, article.path)
            item.setToolTip(article.path)
        self.list.setVisible(bool(articles))

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        self.articleRequested.emit(item.data(PATH_ROLE))


class LibraryPanel(QWidget):
    """Dock contents: the library's articles, a search box, its entities, and indexing.

    Signals:
        articleRequested(path): Enter or a click on an article.
        entityChosen(name): an entity in the Entities tab was chosen (the list is filtered).
        libraryChanged(): articles were added or removed.
    """

    articleRequested = Signal(str)
    entityChosen = Signal(str)
    libraryChanged = Signal()
    _stored = Signal(bool)  # from the writer's thread: an opened article is in (True: new)

    title = "Library"
    dock_name = "libraryDock"
    dock_area = Qt.DockWidgetArea.LeftDockWidgetArea

    def __init__(
        self,
        library_path: Path | None = None,
        analyser_factory: Callable[[], DocumentAnalyser] | None = None,
        parent: QWidget | None = None,
        analyser_version_of: Callable[[], str] | None = None,
        *,
        shared: tuple[Library | None, str] | None = None,
    ) -> None:
        """`analyser_factory` makes the analyser for indexing (default: the model in this
        process; the window passes one that uses its model workers); `analyser_version_of`
        names the window's analysis for cached look-ups. `shared` is the application's
        library (or None) and its message: the panel then uses it and never closes it."""
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.library_path = Path(library_path) if library_path else database_path()
        self._owns_library = shared is None
        self.library, message = open_library(self.library_path) if shared is None else shared
        self.indexer = LibraryIndexer(self.library_path, analyser_factory or _model_analyser)
        self._analyser_version = analyser_version_of or analyser_version
        self.indexer.progress.connect(self._on_progress)
        self.indexer.finished.connect(self._on_indexed)
        self.indexer.failed.connect(self._on_index_failed)
        # Opened articles are written one at a time, in order, off the GUI thread.
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._stored.connect(self.article_stored)

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText(
            'Search the library: words, "a phrase", pre*, entity:Name'
        )
        self.search_box.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.model = ArticleTableModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("libraryArticles")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the rows: measuring 10,000 rows would stall the window.
        metrics = self.view.fontMetrics()
        for column, sample in ((1, "2025-12-31"), (2, "a-folder"), (3, "12,345")):
            self.view.header().resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self.view.header().setStretchLastSection(False)
        self.view.activated.connect(self._article_activated)
        self.view.clicked.connect(self._article_activated)
        self.view.selectionModel().currentRowChanged.connect(self._show_snippet)
        self.snippet = QLabel(self)
        self.snippet.setObjectName("librarySnippet")
        self.snippet.setTextFormat(Qt.TextFormat.RichText)
        self.snippet.setWordWrap(True)

        self.entities = QListWidget(self)
        self.entities.setObjectName("libraryEntities")
        self.entities.setIconSize(QSize(*SPARK_SIZE))
        self.entities.itemActivated.connect(self._entity_activated)
        self.entities.itemClicked.connect(self._entity_activated)

        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.indexer.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self._set_indexing(False)

        articles_page = QSplitter(Qt.Orientation.Vertical, self)
        articles_page.addWidget(self.view)
        articles_page.addWidget(self.snippet)
        articles_page.setStretchFactor(0, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(articles_page, "Articles")
        self.tabs.addTab(self.entities, "Library entities")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(progress_row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(lambda _: self._timer.start())
        self.search_box.returnPressed.connect(self._open_first)
        if self.library is not None:
            with contextlib.suppress(sqlite3.Error):  # refresh() below says what is wrong
                self.library.check_missing()
        self.refresh()
        self.refresh_entities()
        # An indexing thread must end before Qt goes: cancel it when the application quits.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_library)
        if message:
            self.status.setText(message)

    # -- the panel protocol -------------------------------------------------------------

    @classmethod
    def create(cls, context) -> LibraryPanel:
        """The registry's factory: the window's library link gives the library and indexing."""
        return context.library.create_panel(cls, context.parent)

    def widget(self) -> QWidget:
        return self

    def menu_actions(self) -> list:
        return []

    def show_pending(self, document: Document) -> None:
        return None

    def show_analysis(self, document: Document, analysis: Analysis, reason: str) -> None:
        return None

    def show_unavailable(self, message: str) -> None:
        return None

    # -- what the window calls ---------------------------------------------------------

    def add_paths(self, paths: Sequence[str]) -> bool:
        """Index files or folders in the background; False if indexing is already running."""
        if self.indexer.is_running() or self.library is None:
            return False
        self._set_indexing(True)
        self.progress.setRange(0, 0)
        self.indexer.start(paths)
        return True

    def show_entity(self, name: str) -> None:
        """List only the articles that mention `name` (any of its names in the library)."""
        self.search_box.setText(f'entity:"{name.replace(chr(34), "")}"')
        self.tabs.setCurrentIndex(0)
        self.refresh()

    def also_in(self, entity: Entity, current_path: str = "") -> AlsoIn:
        """The other library articles that mention `entity` (for "Also in N other articles")."""
        if self.library is None:
            return AlsoIn(0, ())
        return self.library.also_in(entity, os.path.abspath(current_path) if current_path else "")

    def cached_analysis(self, document: Document) -> Analysis | None:
        """The stored analysis of an opened article: shown at once, without the model."""
        if self.library is None:
            return None
        return self.library.analysis_for(document, self._analyser_version())

    def remember(
        self, document: Document, analysis: Analysis, annotations: Annotations | None = None
    ) -> None:
        """Keep an article the window opened and analysed (opening adds it to the library).

        It is written on a thread of its own with its own connection (a long article takes
        a tenth of a second to pack and store); `libraryChanged` says when it is in.
        """
        if self.library is None or not document.source_path:
            return
        library_path, version = self.library_path, self._analyser_version()

        def write() -> None:
            try:
                stat = os.stat(document.source_path)
                packed = pack_annotations(annotations) if annotations is not None else None
                with Library(library_path) as library:
                    is_new = library.put_article(
                        document,
                        analysis,
                        analyser_version=version,
                        size=stat.st_size,
                        mtime=stat.st_mtime,
                        annotations=packed,
                    )
            except (OSError, sqlite3.Error, LibraryError):
                return  # the article stays open and analysed; the library just does not keep it
            emit_from_thread(self._stored, is_new)

        self._writer.start(write)

    def wait_for_writes(self, msecs: int = -1) -> bool:
        """Wait until the opened articles handed to `remember` are written (or not)."""
        return self._writer.waitForDone(msecs)

    @Slot(bool)
    def article_stored(self, is_new: bool) -> None:
        """An opened article is in the library: list it (a new one) and say so."""
        if is_new:
            self.refresh()
            self.refresh_entities()
        self.libraryChanged.emit()

    def close_library(self) -> None:
        self.indexer.cancel()
        self.indexer.wait(10_000)
        self.wait_for_writes(10_000)  # an opened article being written goes in first
        if self.library is not None and self._owns_library:
            self.library.close()
        self.library = None

    # -- listing ---------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        self._timer.stop()
        self.snippet.clear()
        if self.library is None:
            self.model.set_rows([])
            return
        try:
            self._list(self.search_box.text().strip())
        except sqlite3.Error as exc:
            self._library_failed(exc)

    def _library_failed(self, exc: Exception) -> None:
        """The database went wrong under us (a damaged disk, a full one): say so, keep going."""
        self.model.set_rows([])
        self.status.setText(f"The library could not be read ({exc}).")

    def _list(self, query: str) -> None:
        if query:
            hits = self.library.search(query, limit=SEARCH_LIMIT)
            rows = [ArticleRow(h.path, h.title, h.date, h.words, snippet_html(h)) for h in hits]
            self.status.setText(
                f"{len(hits)} article{'s' if len(hits) != 1 else ''} match"
                if hits
                else "No articles match."
            )
        else:
            records = self.library.articles()
            rows = [ArticleRow(r.path, r.title, r.date, r.words) for r in records]
            missing = sum(r.missing for r in records)
            self.status.setText(
                plural("%n articles in the library", len(records))
                + (f", {missing} missing from disk" if missing else "")
                if records
                else "The library is empty: add articles or folders to it."
            )
        # New rows come best match (or newest) first, until the user sorts by a column.
        self.view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_rows(rows)

    def refresh_entities(self) -> None:
        """Rebuild the Library entities list (on opening and after indexing, not per key)."""
        self.entities.clear()
        if self.library is None:
            return
        try:
            top = self.library.top_entities(
                (EntityGroup.PERSON, EntityGroup.ORGANIZATION, EntityGroup.PLACE)
            )
        except sqlite3.Error as exc:
            self._library_failed(exc)
            return
        months = [m for e in top for m, _ in e.timeline]
        span = (min(months), max(months)) if months else ("", "")
        for entry in top:
            articles = f"{entry.articles} article{'s' if entry.articles != 1 else ''}"
            label = f"{entry.name} · {entry.group.value} · {articles}"
            item = QListWidgetItem(label, self.entities)
            item.setData(PATH_ROLE, entry.name)
            if months:  # no dated articles, no chart: the names start at the edge
                item.setIcon(QIcon(sparkline(entry.timeline, span)))
            mentions = f"{entry.mentions} mention{'s' if entry.mentions != 1 else ''}"
            item.setToolTip(f"{mentions} in {articles}")

    # -- reacting ----------------------------------------------------------------------

    @Slot(QModelIndex)
    def _article_activated(self, index: QModelIndex) -> None:
        path = index.siblingAtColumn(0).data(PATH_ROLE)
        if path:
            self.articleRequested.emit(path)

    @Slot()
    def _open_first(self) -> None:
        self.refresh()
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        if index.isValid():
            self._article_activated(index)

    @Slot(QModelIndex, QModelIndex)
    def _show_snippet(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.snippet.setText(current.siblingAtColumn(0).data(SNIPPET_ROLE) or "")

    @Slot(QListWidgetItem)
    def _entity_activated(self, item: QListWidgetItem) -> None:
        name = item.data(PATH_ROLE)
        self.show_entity(name)
        self.entityChosen.emit(name)

    def _set_indexing(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"Adding to the library: {done} of {total}")

    @Slot(int, int, int, int)
    def _on_indexed(self, added: int, updated: int, unchanged: int, failed: int) -> None:
        self._set_indexing(False)
        self.refresh()
        self.refresh_entities()
        note = f"Added {added}, updated {updated}, unchanged {unchanged}"
        self.status.setText(note + (f"; {failed} could not be read." if failed else "."))
        self.libraryChanged.emit()

    @Slot(str)
    def _on_index_failed(self, message: str) -> None:
        self._set_indexing(False)
        self.status.setText(f"Could not add to the library: {message}")


def sparkline(timeline: Sequence[tuple[str, int]], span: tuple[str, str]) -> QPixmap:
    """Mentions over time as a tiny bar chart, on the library's own date range."""
    width, height = SPARK_SIZE
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    if not timeline or not span[0]:
        return pixmap
    first, last = _month_number(span[0]), _month_number(span[1])
    count = min(SPARK_BINS, last - first + 1)
    bins = [0] * count
    for month, mentions in timeline:
        bins[(_month_number(month) - first) * count // (last - first + 1)] += mentions
    peak = max(bins) or 1
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#0072B2")))
    bar = width / SPARK_BINS  # bars keep their width; a short span fills the left
    for index, value in enumerate(bins):
        if value:
            tall = max(1, round(value / peak * (height - 1)))
            painter.fillRect(
                round(index * bar), height - tall, max(1, round(bar) - 1), tall, QColor("#0072B2")
            )
    painter.end()
    return pixmap


def _month_number(month: str) -> int:
    year, number = month.split("-")[:2]
    return int(year) * 12 + int(number) - 1


def _model_analyser() -> DocumentAnalyser:
    from reader.library import ModelAnalyser

    return ModelAnalyser()
