"""Filling a panel only when it can be seen.

A panel tabbed behind another (Timeline, Figures and Quotes share the Summary's place)
would otherwise build thousands of rows on the GUI thread for every long article,
stalling the window for a second or more while nobody looks at them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QDockWidget, QWidget


class WhenShown(QObject):
    """Runs `fill` for `widget` now if it can be seen, else when its dock is shown.

    A widget outside a dock (a test, a dialog) is filled at once.
    """

    def __init__(self, widget: QWidget, fill: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._fill = fill
        self._stale = False
        self._dock: QDockWidget | None = None
        widget.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """True while a fill waits for the panel to be shown."""
        return self._stale

    def request(self) -> None:
        """The panel's content changed: fill it now, or as soon as it is shown."""
        self._stale = True
        dock = self._widget.parentWidget()
        # A dock tabbed behind another still counts as visible, with nothing of it shown.
        seen = self._widget.isVisible() and not self._widget.visibleRegion().isEmpty()
        if not isinstance(dock, QDockWidget) or seen:
            self.flush()
            return
        if self._dock is not dock:
            dock.visibilityChanged.connect(self._on_dock_visibility)
            self._dock = dock

    def cancel(self) -> None:
        """Forget a waiting fill (the panel was cleared)."""
        self._stale = False

    def flush(self) -> None:
        if self._stale:
            self._stale = False
            self._fill()

    @Slot(bool)
    def _on_dock_visibility(self, visible: bool) -> None:
        if visible:
            self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show:
            self.flush()
        return False
