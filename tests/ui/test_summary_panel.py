"""The summary pane: key points, generated summary, length, jumping, colours, copying."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QSpinBox, QTextBrowser

from reader.analysis import Analysis
from reader.analysis.summary import summarize
from reader.document import load_document
from reader.ui.summary_panel import SummaryPanel
from tests.ui.fake_entities import SECOND_ARTICLE, DictionaryAnalyser, sentence_spans
from tests.ui.sidebar_helpers import (
    NO_MODEL,
    open_and_analyse,
    open_without_model,
)

pytest_plugins = ("tests.ui.sidebar_fixtures",)


def view(window) -> QTextBrowser:
    return window.findChild(QTextBrowser, "summaryView")


def expected_summary(path: Path, length: int) -> list[str]:
    document = load_document(path)
    return [s.text for s in summarize(document, sentence_spans(document), length=length)]


def test_pane_shows_key_points_and_summary_when_analysis_finishes(
    qtbot, make_window, article, analyser
) -> None:
    window = make_window(analyser=analyser)
    seen: list[str] = []
    window.analysisFinished.connect(lambda _path: seen.append(view(window).toPlainText()))
    open_and_analyse(qtbot, window, article)
    text = seen[0]
    assert "Mayor Ilse Varga reopened the old lighthouse on Sunday." in text
    assert "The Coastal Trust paid for the repairs." in text
    summary = expected_summary(article, 3)
    assert len(summary) == 3
    for sentence in summary:
        assert sentence in text
    # In article order, key points first.
    positions = [text.index(s) for s in summary]
    assert positions == sorted(positions)
    assert text.index("paid for the repairs") < positions[0]


def test_length_changes_without_reanalysis_and_is_remembered(
    qtbot, make_window, analysed, analyser, article
) -> None:
    box = analysed.findChild(QSpinBox, "summaryLength")
    assert (box.minimum(), box.maximum(), box.value()) == (1, 10, 3)
    box.setValue(1)
    assert [s.text for s in analysed.panel(SummaryPanel).summary] == expected_summary(article, 1)
    box.setValue(5)
    assert [s.text for s in analysed.panel(SummaryPanel).summary] == expected_summary(article, 5)
    assert expected_summary(article, 5)[4] in view(analysed).toPlainText()
    assert analyser.calls == [str(article)]
    later = make_window(analyser=DictionaryAnalyser())
    assert later.findChild(QSpinBox, "summaryLength").value() == 5


def test_clicking_a_sentence_or_key_point_scrolls_there_and_marks_it(qtbot, analysed) -> None:
    panel = analysed.panel(SummaryPanel)
    sentence = panel.summary[2]
    panel.browser.anchorClicked.emit(QUrl("s:2"))
    layer = analysed.article_view.layer("summary")
    assert [s.cursor.selectedText() for s in layer] == [sentence.text]
    panel.browser.anchorClicked.emit(QUrl("kp:1"))
    layer = analysed.article_view.layer("summary")
    assert [s.cursor.selectedText() for s in layer] == ["The Coastal Trust paid for the repairs."]


def test_summary_sentences_are_links_in_the_view(analysed) -> None:
    document = view(analysed).document()
    anchors = set()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor():
                anchors.add(fragment.charFormat().anchorHref())
            iterator += 1
        block = block.next()
    assert anchors == {"kp:0", "kp:1", "s:0", "s:1", "s:2"}


def test_entity_names_in_the_summary_are_tinted_in_their_group_colour(analysed) -> None:
    document = view(analysed).document()
    text = document.toPlainText()

    def background_at(word: str):
        cursor = QTextCursor(document)
        cursor.setPosition(text.index(word) + 1)
        return cursor.charFormat().background()

    varga, trust, lighthouse = (
        background_at("Ilse Varga"),
        background_at("Coastal Trust"),
        background_at("lighthouse"),
    )
    assert varga.style() != Qt.BrushStyle.NoBrush
    assert trust.color() != varga.color()
    assert lighthouse.style() == Qt.BrushStyle.NoBrush
    # People are orange, organizations blue: each tint leans towards its group's colour.
    assert varga.color().red() > varga.color().blue()
    assert trust.color().blue() > trust.color().red()


def test_copy_as_plain_text_and_markdown(qtbot, analysed, article) -> None:
    panel = analysed.panel(SummaryPanel)
    summary = expected_summary(article, 3)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    plain = QGuiApplication.clipboard().text()
    assert plain.startswith("Key points\n• Mayor Ilse Varga reopened")
    assert plain.endswith(" ".join(summary))
    qtbot.mouseClick(panel.copy_markdown_button, Qt.MouseButton.LeftButton)
    markdown = QGuiApplication.clipboard().text()
    assert markdown.startswith("# Harbour Lights Return to Port Evra\n\n## Key points\n\n- Mayor")
    assert "- The Coastal Trust paid for the repairs.\n\n## Summary\n\n" in markdown
    assert markdown.rstrip().endswith(summary[-1])


def test_article_without_key_points_or_sentences(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "frost.txt"
    path.write_text(SECOND_ARTICLE, encoding="utf-8")

    def no_sentences(document, progress, is_cancelled):
        return Analysis()

    window = make_window(analyser=no_sentences)
    open_and_analyse(qtbot, window, path)
    text = view(window).toPlainText()
    assert "KEY POINTS" not in text
    assert "too short to summarize" in text
    assert not window.panel(SummaryPanel).copy_button.isEnabled()


def test_unavailable_analysis_keeps_key_points_and_says_why(qtbot, make_window, article) -> None:
    window = open_without_model(qtbot, make_window, article)
    text = view(window).toPlainText()
    assert "The Coastal Trust paid for the repairs." in text
    assert NO_MODEL in text
