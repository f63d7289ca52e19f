"""The real window with the real language model (in its worker processes): what a reader
clicks and sees. The seed-article tests skip when ../shared is absent; the bundled sample
needs nothing beside the checkout. A failed analysis fails the test.

Each test opens its own window and article; only the model workers are shared, so the
tests pass in any order.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QTreeView

from tests.conftest import SAMPLE, SHARED

SEED = SHARED / "seed" / "zapad-2025.txt"
EXPECTED = SHARED / "seed" / "zapad-2025.expected.json"
ANALYSIS_TIMEOUT_MS = 120_000

needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason="the seed article (../shared/seed) is not here"
)


@pytest.fixture(scope="module")
def service():
    """The analysis service and its model worker processes, started once for the module."""
    from reader.app import create_service

    shared = create_service()
    yield shared
    shared.close()


@pytest.fixture
def real_window(qtbot, isolated_settings, service):
    """A fresh main window, with its own settings, on the shared service (not closed by it)."""
    from reader.ui.main_window import MainWindow

    window = MainWindow(service=service)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def open_analysed(qtbot, window, path: Path) -> None:
    """Open `path` and wait for its analysis; a failed analysis fails the test."""
    failures: list[str] = []
    window.analysisFailed.connect(lambda _path, message: failures.append(message))
    window.openFailed.connect(lambda _path, message: failures.append(message))
    finished: list[str] = []
    window.analysisFinished.connect(finished.append)
    window.open_path(str(path))
    qtbot.waitUntil(lambda: bool(finished or failures), timeout=ANALYSIS_TIMEOUT_MS)
    if failures:
        pytest.fail(f"the analysis of {path.name} failed: {failures[0]}")
    assert finished == [str(path)]
    assert window.article_view.toPlainText() == window.document.text


@pytest.fixture
def seed_window(qtbot, real_window):
    open_analysed(qtbot, real_window, SEED)
    return real_window


def row_of(window, name: str):
    tree = window.findChild(QTreeView, "entityTree")
    model = tree.model()
    tree.expandAll()
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        for row in range(model.rowCount(group)):
            index = model.index(row, 0, group)
            if str(index.data()).startswith(name):
                return tree, index
    raise AssertionError(f"{name} is not in the entity list")


def click(qtbot, window, name: str, modifier=Qt.KeyboardModifier.NoModifier) -> list[str]:
    tree, index = row_of(window, name)
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, modifier, tree.visualRect(index).center()
    )
    return [s.cursor.selectedText() for s in window.article_view.extraSelections()]


def summary_text(window) -> str:
    return window.findChild(QTextBrowser, "summaryView").toPlainText()


# --- the bundled sample: no ../shared needed ------------------------------------------------


def test_the_bundled_sample_is_analysed_and_its_entities_clickable(qtbot, real_window) -> None:
    open_analysed(qtbot, real_window, SAMPLE)
    names = {e.name for e in real_window.analysis.entities}
    assert {"Marta Kask", "Nordline", "Tallinn", "Henrik Lund"} <= names
    count = len(real_window.analysis.entities)
    assert real_window.status.analysis_label.text() == f"{count} entities"
    texts = click(qtbot, real_window, "Marta Kask")
    assert set(texts) <= {"Marta Kask", "Kask"} and len(texts) >= 3
    assert real_window.statusBar().currentMessage() == f"mention 1 of {len(texts)}"
    assert len(real_window.analysis.summary) == 3
    for sentence in real_window.analysis.summary:
        assert sentence.text in summary_text(real_window)


def test_a_long_article_shows_progress_and_its_analysis(qtbot, real_window, tmp_path) -> None:
    """Over 20,000 characters: the progress bar shows, moves, and goes when it is done."""
    paragraphs = [
        f"Report {i}: ferries from Tallinn to Helsinki ran late on day {i}, said Marta Kask."
        for i in range(300)
    ]
    path = tmp_path / "long-report.txt"
    path.write_text("Ferry Delays Report\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    values: list[int] = []
    real_window.status.progress_bar.valueChanged.connect(values.append)
    seen_visible: list[bool] = []
    real_window.documentReady.connect(
        lambda _path: seen_visible.append(real_window.status.progress_bar.isVisible())
    )
    open_analysed(qtbot, real_window, path)
    assert seen_visible == [True]
    assert not real_window.status.progress_bar.isVisible()
    assert values == sorted(values) and len(set(values)) >= 2, values
    assert values[-1] == 100
    kask = next(e for e in real_window.analysis.entities if e.name == "Marta Kask")
    assert kask.count == 300


# --- the seed article in ../shared ----------------------------------------------------------


@needs_seed
def test_the_headings_are_exactly_the_articles_headings(seed_window) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert list(seed_window.document.headings) == expected["structure"]["headings"]
    text = seed_window.article_view.toPlainText()
    for boilerplate in expected["structure"]["not_body_text"]:
        assert boilerplate not in text


@needs_seed
def test_clicking_khrenin_highlights_all_four_mentions(qtbot, seed_window) -> None:
    texts = click(qtbot, seed_window, "Viktor Khrenin")
    assert len(texts) == 4
    assert set(texts) == {"Viktor Khrenin", "Khrenin"}
    assert seed_window.statusBar().currentMessage() == "mention 1 of 4"
    qtbot.keyClick(seed_window.article_view, Qt.Key.Key_F3)
    assert seed_window.statusBar().currentMessage() == "mention 2 of 4"


@needs_seed
def test_clicking_trump_highlights_all_six_mentions(qtbot, seed_window) -> None:
    texts = click(qtbot, seed_window, "Donald Trump")
    assert len(texts) == 6
    assert all(t.startswith("Trump") or t == "Donald Trump" for t in texts)


@needs_seed
def test_ctrl_click_keeps_both_entities_highlighted(qtbot, seed_window) -> None:
    click(qtbot, seed_window, "Viktor Khrenin")
    texts = click(qtbot, seed_window, "NATO", Qt.KeyboardModifier.ControlModifier)
    assert texts.count("NATO") >= 9
    assert texts.count("Khrenin") + texts.count("Viktor Khrenin") == 4


@needs_seed
def test_the_summary_shows_the_key_points_and_body_sentences(seed_window) -> None:
    summary = summary_text(seed_window)
    for point in seed_window.document.key_points:
        assert point in summary
    assert len(seed_window.analysis.summary) == 3
    for sentence in seed_window.analysis.summary:
        assert sentence.text in summary


@needs_seed
def test_opening_the_sample_after_the_seed_replaces_its_analysis(qtbot, seed_window) -> None:
    open_analysed(qtbot, seed_window, SAMPLE)
    names = [e.name for e in seed_window.analysis.entities]
    assert "Marta Kask" in names and "Nordline" in names
    assert "Viktor Khrenin" not in names
    assert seed_window.article_view.toPlainText().startswith("Port Workers")
