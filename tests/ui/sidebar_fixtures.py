"""Fixtures of the sidebar tests; test modules load them with `pytest_plugins`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.fake_entities import ARTICLE, DictionaryAnalyser
from tests.ui.sidebar_helpers import open_and_analyse


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def analyser() -> DictionaryAnalyser:
    return DictionaryAnalyser()


@pytest.fixture
def analysed(qtbot, make_window, article, analyser):
    """A shown, active window with the harbour article analysed."""
    window = make_window(analyser=analyser)
    open_and_analyse(qtbot, window, article)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window
