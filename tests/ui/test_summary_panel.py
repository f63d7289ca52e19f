"""The summary pane: key points, generated summary, length, jumping, colours, copying."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QSpinBox, QTextBrowser

from reader.analysis import Analysis, SummarySentence
from reader.ui.summary_panel import SummaryPanel
from tests.ui.fake_entities import SECOND_ARTICLE, DictionaryAnalyser
from tests.ui.sidebar_helpers import (
    NO_MODEL,
    open_and_analyse,
    open_without_model,
)

pytest_plugins = ("tests.ui.sidebar_fixtures",)


def view(window) -> QTextBrowser:
    return window.findChild(QTextBrowser, "summaryView")


# The harbour article's body sentences, written out by hand, in article order.
LEAD = (
    "Mayor Ilse Varga cut the ribbon at the lighthouse in Port Evra on Sunday morning, "
    "watched by a crowd of fishermen."
)
BODY = [
    LEAD,
    "Varga said the light would guide boats through the narrow channel again.",
    "The Coastal Trust raised the money over three long winters of appeals.",
    "A spokesman for the Coastal Trust said volunteers from Selby had repainted the whole tower.",
    "Varga thanked the volunteers and promised a summer festival in Port Evra next year.",
    "Fishermen in Selby welcomed the news with a parade of boats.",
]
KEY_POINTS = [
    "Mayor Ilse Varga reopened the old lighthouse on Sunday.",
    "The Coastal Trust paid for the repairs.",
]


def chosen(*sentences: str):
    """An analyser whose summary is exactly these sentences (whatever the summarizer thinks)."""

    def analyse(document, progress, is_cancelled):
        analysis = DictionaryAnalyser()(document, progress, is_cancelled)
        picked = tuple(
            SummarySentence(start, start + len(text), text)
            for text in sentences
            for start in [document.text.index(text)]
        )
        return replace(analysis, summary=picked)

    return analyse


def shown_summary(window) -> list[str]:
    return [s.text for s in window.panel(SummaryPanel).summary]


def test_pane_shows_the_analysis_summary_and_the_key_points(qtbot, make_window, article) -> None:
    window = make_window(analyser=chosen(BODY[2], BODY[5]))
    seen: list[str] = []
    window.analysisFinished.connect(lambda _path: seen.append(view(window).toPlainText()))
    open_and_analyse(qtbot, window, article)
    text = seen[0]
    for point in KEY_POINTS:
        assert point in text
    assert BODY[2] in text and BODY[5] in text
    assert LEAD not in text  # the pane shows the analysis' choice, it does not choose
    assert text.index(BODY[2]) < text.index(BODY[5])
    # The summary first, the key points (already atop the article) under it.
    assert text.index("SUMMARY") < text.index(BODY[5]) < text.index("KEY POINTS")
    assert text.index("KEY POINTS") < text.index(KEY_POINTS[0])


def test_key_points_fold_under_their_label_and_stay_folded(qtbot, make_window, analysed) -> None:
    panel = analysed.panel(SummaryPanel)
    panel.browser.anchorClicked.emit(QUrl("toggle:kp"))
    text = view(analysed).toPlainText()
    assert "KEY POINTS" in text and KEY_POINTS[0] not in text
    assert shown_summary(analysed)[0] in text
    later = make_window(analyser=DictionaryAnalyser())
    assert later.panel(SummaryPanel).key_points_collapsed
    panel.browser.anchorClicked.emit(QUrl("toggle:kp"))
    assert KEY_POINTS[0] in view(analysed).toPlainText()


def test_labels_use_one_accent_from_the_palette_and_never_link_blue(analysed) -> None:
    from PySide6.QtGui import QPalette

    from reader.ui.colors import contrast_ratio

    document = view(analysed).document()
    text = document.toPlainText()
    palette = view(analysed).palette()
    colours = set()
    for label in ("SUMMARY", "KEY POINTS"):
        cursor = QTextCursor(document)
        cursor.setPosition(text.index(label) + 1)
        colours.add(cursor.charFormat().foreground().color().name())
    (accent,) = colours
    assert accent != palette.color(QPalette.ColorRole.Link).name()
    assert accent != "#0000ff"
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast_ratio(QColor(accent), base) >= 4.5


def test_length_changes_without_reanalysis_and_is_remembered(
    qtbot, make_window, analysed, analyser, article
) -> None:
    box = analysed.findChild(QSpinBox, "summaryLength")
    assert (box.minimum(), box.maximum(), box.value()) == (1, 10, 3)
    assert len(shown_summary(analysed)) == 3
    box.setValue(1)
    assert shown_summary(analysed) == [LEAD]  # news puts the story first
    box.setValue(5)
    five = shown_summary(analysed)
    assert len(five) == 5 and set(five) <= set(BODY)
    assert five == sorted(five, key=BODY.index)
    assert five[4] in view(analysed).toPlainText()
    box.setValue(10)  # more than the article has: all six, nothing else
    assert shown_summary(analysed) == BODY
    assert analyser.calls == [str(article)]
    later = make_window(analyser=DictionaryAnalyser())
    assert later.findChild(QSpinBox, "summaryLength").value() == 10


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
    assert anchors == {"kp:0", "kp:1", "s:0", "s:1", "s:2", "toggle:kp"}


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
    summary = shown_summary(analysed)
    assert len(summary) == 3 and summary[0] == LEAD
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


def test_the_accent_reads_on_light_and_dark_backgrounds_and_keeps_the_highlight_hue(qapp) -> None:
    from PySide6.QtGui import QPalette

    from reader.ui.colors import accent_color, contrast_ratio

    for base, highlight in (("#ffffff", "#3daee9"), ("#1e1e1e", "#3daee9"), ("#232629", "#e95420")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor(base))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
        accent = accent_color(palette)
        assert contrast_ratio(accent, QColor(base)) >= 4.5, (base, accent.name())
        assert abs(accent.hslHue() - QColor(highlight).hslHue()) <= 2
