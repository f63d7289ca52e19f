"""One selection per window: the entities the reader has selected, shared by every view of them.

The entity panel writes it when rows are selected, the article's highlighter when a
mention is clicked (or Esc clears), and coming panels (quotes, timeline...) may do
the same; each listens to `changed` and shows the selection its own way. Writing the
keys already selected changes nothing and emits nothing, so there are no loops.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Selected entity keys (`Entity.key`), in the order they were chosen.

    Signals:
        changed(keys): the selection is now `keys`; [] when cleared.
    """

    changed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def set_keys(self, keys: Iterable[str]) -> None:
        keys = list(dict.fromkeys(keys))
        if keys != self._keys:
            self._keys = keys
            self.changed.emit(list(keys))

    def add(self, key: str) -> None:
        self.set_keys([*self._keys, key])

    def clear(self) -> None:
        self.set_keys([])

    def keep_only(self, keys: Iterable[str]) -> None:
        """Drop keys that are no longer there (after a correction)."""
        present = set(keys)
        self.set_keys(k for k in self._keys if k in present)
