"""Test set-up: headless Qt and a private settings file for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "resources" / "samples" / "baltic-ferry-strike.txt"


@pytest.fixture
def isolated_settings(tmp_path: Path, qapp):
    """Point QSettings at an empty INI file in this test's own folder."""
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("ReaderTests")
    qapp.setApplicationName("Reader")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def private_library(tmp_path: Path, monkeypatch):
    """Every test's windows keep their library in the test's own folder, never the user's."""
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "library-data"))
    yield tmp_path / "library-data"
    import sys

    link = sys.modules.get("reader.ui.library_link")
    if link is not None:
        link.close_application_libraries()
