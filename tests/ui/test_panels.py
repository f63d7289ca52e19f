"""The panel registry: a panel named once gets its dock, its View-menu toggle and the news."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from reader.analysis.service import AnalysisService
from reader.ui import main_window as main_window_module
from reader.ui.registry import PANELS
from tests.ui.conftest import capitalised_names
from tests.ui.fake_engine import FakeEngine


class NotesPanel(QLabel):
    """A panel as a feature would write it: it only shows what the session says."""

    title = "Notes"
    dock_name = "notesDock"
    dock_area = Qt.DockWidgetArea.LeftDockWidgetArea

    @classmethod
    def create(cls, context) -> NotesPanel:
        return cls(context.parent)

    def widget(self) -> QWidget:
        return self

    def menu_actions(self) -> list:
        return []

    def show_pending(self, document) -> None:
        self.setText(f"reading {document.title}")

    def show_analysis(self, document, analysis, reason) -> None:
        self.setText(f"{len(analysis.entities)} entities ({reason})")

    def show_unavailable(self, message) -> None:
        self.setText(message)


def test_every_registered_panel_has_a_dock_and_a_toggle(window) -> None:
    menu = [action.text() for action in window.view_menu.actions()]
    for panel in window.panel_host.panels:
        dock = window.findChild(QDockWidget, panel.dock_name)
        assert dock is not None and dock.widget() is panel.widget()
        assert dock.windowTitle() == panel.title in menu
    assert len(window.panel_host.panels) == len(PANELS)


def test_a_new_panel_is_one_line_in_the_registry(
    qtbot, isolated_settings, monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(main_window_module, "PANELS", (*PANELS, NotesPanel.create))
    service = AnalysisService(FakeEngine(capitalised_names))
    window = main_window_module.MainWindow(service=service)
    qtbot.addWidget(window)
    window.show()
    notes = window.panel(NotesPanel)
    dock = window.findChild(QDockWidget, "notesDock")
    assert dock.widget() is notes
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert "Notes" in [action.text() for action in window.view_menu.actions()]
    path = tmp_path / "a.txt"
    path.write_text("Harbour Day\n\nThe ferry from Tallinn docked in Helsinki.\n", "utf-8")
    with qtbot.waitSignal(window.analysisFinished, timeout=10000):
        window.open_path(str(path))
    assert notes.text() == f"{len(window.analysis.entities)} entities (new)"
    service.close()
