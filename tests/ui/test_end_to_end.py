"""The real window with the real language model (in its worker process) on the seed article:
what a reader clicks and sees. Skips when ../shared or the model is absent."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from tests.conftest import SAMPLE, SHARED

SEED = SHARED / "seed" / "zapad-2025.txt"
EXPECTED = SHARED / "seed" / "zapad-2025.expected.json"


@pytest.fixture(scope="module")
def seed_window(qapp, tmp_path_factory):
    if not SEED.exists():
        pytest.skip("the seed article (../shared/seed) is not here")
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("settings")),
    )
    from reader.app import create_main_window

    window = create_main_window([])
    window.show()
    results: list = []
    window.analysisFinished.connect(lambda path: results.append(("ok", path)))
    window.analysisFailed.connect(lambda path, message: results.append(("failed", message)))
    window.open_path(str(SEED))
    deadline = 120_000
    from PySide6.QtTest import QTest

    while not results and deadline > 0:
        QTest.qWait(50)
        deadline -= 50
    if not results or results[0][0] != "ok":
        window.close()
        pytest.skip(f"no analysis: {results}")
    yield window
    window.close()


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


def test_the_headings_are_exactly_the_articles_headings(seed_window) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert list(seed_window.document.headings) == expected["structure"]["headings"]
    text = seed_window.article_view.toPlainText()
    for boilerplate in expected["structure"]["not_body_text"]:
        assert boilerplate not in text


def test_clicking_khrenin_highlights_all_four_mentions(qtbot, seed_window) -> None:
    texts = click(qtbot, seed_window, "Viktor Khrenin")
    assert len(texts) == 4
    assert set(texts) == {"Viktor Khrenin", "Khrenin"}
    assert seed_window.statusBar().currentMessage() == "mention 1 of 4"
    qtbot.keyClick(seed_window.article_view, Qt.Key.Key_F3)
    assert seed_window.statusBar().currentMessage() == "mention 2 of 4"


def test_clicking_trump_highlights_all_six_mentions(qtbot, seed_window) -> None:
    texts = click(qtbot, seed_window, "Donald Trump")
    assert len(texts) == 6
    assert all(t.startswith("Trump") or t == "Donald Trump" for t in texts)


def test_ctrl_click_keeps_both_entities_highlighted(qtbot, seed_window) -> None:
    click(qtbot, seed_window, "Viktor Khrenin")
    texts = click(qtbot, seed_window, "NATO", Qt.KeyboardModifier.ControlModifier)
    assert texts.count("NATO") >= 9
    assert texts.count("Khrenin") + texts.count("Viktor Khrenin") == 4


def test_the_summary_shows_the_key_points_and_body_sentences(seed_window) -> None:
    from PySide6.QtWidgets import QTextBrowser

    summary = seed_window.findChild(QTextBrowser, "summaryView").toPlainText()
    for point in seed_window.document.key_points:
        assert point in summary
    assert len(seed_window.analysis.summary) == 3


def test_the_bundled_sample_is_analysed_too(qtbot, seed_window) -> None:
    with qtbot.waitSignal(seed_window.analysisFinished, timeout=60_000):
        seed_window.open_path(str(SAMPLE))
    names = [e.name for e in seed_window.analysis.entities]
    assert "Marta Kask" in names and "Nordline" in names
