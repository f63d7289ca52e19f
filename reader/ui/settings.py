"""Persistent preferences (window layout, zoom, recent files) that survive bad settings files."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class Settings:
    """Typed access to QSettings; a value of the wrong type reads as the default."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._qs = settings if settings is not None else QSettings()
        self.problem = ""
        if self._qs.status() != QSettings.Status.NoError or self._unreadable():
            self.problem = (
                f"The settings file {self._qs.fileName()} could not be read; defaults are used."
            )
            self._qs.clear()

    def _unreadable(self) -> bool:
        """A file with content but not one key in it is damaged, though QSettings accepts it."""
        if self._qs.format() != QSettings.Format.IniFormat or self._qs.allKeys():
            return False
        try:
            with open(self._qs.fileName(), "rb") as handle:
                return bool(handle.read(4096).strip())
        except OSError:
            return False

    def _get(self, key: str, default, kind: type):
        try:
            value = self._qs.value(key, default)
        except Exception:  # a corrupt value must never stop the app
            return default
        if kind is float:
            try:
                return float(value)
            except (TypeError, ValueError):
                return default
        if kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        if kind is bool:
            if isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return bool(value) if value is not None else default
        return value if isinstance(value, kind) else default

    # recent files ----------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self._get("recentFiles", [], object)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, str) and v][:MAX_RECENT]

    def set_recent_files(self, paths: list[str]) -> None:
        unique: list[str] = []
        for path in paths:
            if path not in unique:
                unique.append(path)
        self._qs.setValue("recentFiles", unique[:MAX_RECENT])
        self._qs.sync()

    def add_recent_file(self, path: str) -> None:
        path = os.path.abspath(path)
        self.set_recent_files([path, *[p for p in self.recent_files() if p != path]])

    def remove_recent_file(self, path: str) -> None:
        self.set_recent_files([p for p in self.recent_files() if p != path])

    # view --------------------------------------------------------------------------

    def zoom(self, default: float) -> float:
        return self._get("view/pointSize", default, float)

    def set_zoom(self, size: float) -> None:
        self._qs.setValue("view/pointSize", float(size))

    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry", None, QByteArray)
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._get("window/state", None, QByteArray)
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)

    def value(self, key: str, default, kind: type):
        return self._get(key, default, kind)

    def set_value(self, key: str, value) -> None:
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()
