"""Test set-up: headless Qt and a private settings file for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI must be deterministic: property tests draw the same examples on every run. To search
# afresh for failures, run with HYPOTHESIS_PROFILE=explore.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

ROOT = Path(__file__).resolve().parent.parent
# The shared dev data beside the checkout; READER_SHARED points elsewhere (a worktree).
SHARED = Path(os.environ.get("READER_SHARED") or ROOT.parent / "shared")
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
def private_data_dir(tmp_path: Path, monkeypatch):
    """Every test's library (and saved corrections) in its own folder, never the user's."""
    folder = tmp_path / "reader-data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    yield folder
    import sys

    link = sys.modules.get("reader.ui.library_link")
    if link is not None:
        link.close_application_libraries()
