"""The panel contract, and the host that gives every registered panel a dock and the session's news.

A panel is one module with one class that follows `Panel`, named once in
`reader.ui.registry.PANELS`. The window loops over the registry: each panel gets a
dock (its `title`, `dock_name` for layout persistence, `dock_area`), its View-menu
toggle and its `menu_actions` (a panel naming another's dock in `tab_with` shares
its tabs), and hears the session through three slots:

- `show_pending(document)`: a new article is shown; its analysis is under way.
- `show_analysis(document, analysis, reason)`: the analysis to show, with why it
  changed (`reader.ui.session.Reason`): NEW or REANALYSED start over; CORRECTED and
  RETYPESET keep what the reader had (selection, expansion, scroll position).
- `show_unavailable(message)`: the analysis could not run, and why.

Panels talk to each other only through the shared objects in `PanelContext` (the
session, the article view and its span layers, the entity highlighter, the one
`Selection`), never by importing each other.
An analysis never reaches the panels while the view is still typesetting; it is
held until the text is all there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from reader.analysis import Analysis
from reader.document import Document
from reader.ui.article_view import ArticleView
from reader.ui.highlighting import MentionHighlighter
from reader.ui.selection import Selection
from reader.ui.session import ArticleSession, Reason
from reader.ui.settings import Settings


class SessionListener(Protocol):
    """What shows something of the article's analysis."""

    def show_pending(self, document: Document) -> None: ...

    def show_analysis(self, document: Document, analysis: Analysis, reason: str) -> None: ...

    def show_unavailable(self, message: str) -> None: ...


class Panel(SessionListener, Protocol):
    """A side panel: a widget in a dock, listed in the View menu."""

    title: str
    dock_name: str
    dock_area: Qt.DockWidgetArea

    def widget(self) -> QWidget: ...

    def menu_actions(self) -> Sequence[QAction]:
        """Actions for the View menu (their shortcuts work anywhere in the window)."""
        ...


@dataclass(frozen=True)
class PanelContext:
    """What a panel may use: built once per window and handed to each panel's `create`."""

    session: ArticleSession
    view: ArticleView
    highlighter: MentionHighlighter
    selection: Selection
    settings: Settings
    parent: QWidget
    library: object = None  # the window's LibraryLink (reader.ui.library_link)


PanelFactory = Callable[[PanelContext], Panel]


def _tab_with(panel: Panel) -> str:
    """A panel may name (`tab_with`) the dock whose tab it shares at first."""
    return getattr(panel, "tab_with", "")


class PanelHost(QObject):
    """Creates the registered panels, docks them, and relays the session's news to them.

    Signals:
        analysisShown(analysis, reason): every panel shows this analysis.
    """

    analysisShown = Signal(object, str)

    def __init__(
        self,
        window: QMainWindow,
        context: PanelContext,
        factories: Sequence[PanelFactory],
    ) -> None:
        super().__init__(window)
        self._context = context
        self.panels: list[Panel] = [factory(context) for factory in factories]
        self.docks: list[QDockWidget] = []
        # The highlighter hears after the panels: a panel resets its selection first.
        self._listeners: list[SessionListener] = [*self.panels, context.highlighter]
        self._held: tuple[Analysis, str] | None = None
        for panel in self.panels:
            dock = QDockWidget(panel.title, window)
            dock.setObjectName(panel.dock_name)
            dock.setWidget(panel.widget())
            dock.setAllowedAreas(
                Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
            )
            window.addDockWidget(panel.dock_area, dock)
            beside = next((d for d in self.docks if d.objectName() == _tab_with(panel)), None)
            if beside is not None:
                window.tabifyDockWidget(beside, dock)
            self.docks.append(dock)
        for panel, dock in zip(self.panels, self.docks, strict=True):
            if not _tab_with(panel) and any(_tab_with(p) == panel.dock_name for p in self.panels):
                dock.raise_()  # the first of a set of tabs is the one shown
        session, view = context.session, context.view
        session.articleOpened.connect(self._on_opened)
        session.analysisChanged.connect(self._on_analysis)
        session.analysisFailed.connect(self._on_failed)
        view.documentShown.connect(self._on_document_shown)

    def view_actions(self) -> list[QAction | None]:
        """Dock toggles, then each panel's own actions; None marks a separator."""
        actions: list[QAction | None] = [dock.toggleViewAction() for dock in self.docks]
        for panel in self.panels:
            own = list(panel.menu_actions())
            if own:
                actions += [None, *own]
        return actions

    def panel(self, kind: type) -> Panel | None:
        return next((p for p in self.panels if isinstance(p, kind)), None)

    @Slot(object)
    def _on_opened(self, document: Document) -> None:
        self._held = None
        self._context.selection.clear()
        for listener in self._listeners:
            listener.show_pending(document)

    @Slot(object, str)
    def _on_analysis(self, analysis: Analysis, reason: str) -> None:
        if self._context.view.is_building:
            self._held = (analysis, reason)
            return
        self._deliver(analysis, reason)

    def _deliver(self, analysis: Analysis, reason: str) -> None:
        document = self._context.session.document
        if document is None:
            return
        selection = self._context.selection
        if reason in (Reason.NEW, Reason.REANALYSED):
            selection.clear()
        for listener in self._listeners:
            listener.show_analysis(document, analysis, reason)
        selection.keep_only(e.key for e in analysis.entities)
        self.analysisShown.emit(analysis, reason)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._held = None
        self._context.selection.clear()
        for listener in self._listeners:
            listener.show_unavailable(message)

    @Slot()
    def _on_document_shown(self) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            self._deliver(*held)
        elif self._context.session.analysis is not None:
            # The view was laid out again (e.g. a palette change): highlights go back on.
            self._deliver(self._context.session.analysis, Reason.RETYPESET.value)
