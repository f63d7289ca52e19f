"""Quotes in the window: the docked panel, the entity's "Said", View › Show Quotes.

The fake engine's analyser gives hand-made entities and quotes (the extraction itself
is tested in tests/analysis), so these tests are about what the reader sees and does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QListWidget, QTreeView

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.analysis.model import Quote, Span, Speaker
from reader.ui.colors import GROUP_COLORS
from reader.ui.quote_marks import NEUTRAL_COLOR
from reader.ui.quotes_panel import QuotesPanel
from tests.ui.sidebar_helpers import open_and_analyse

FILLER = (
    "The cranes stood still over the empty berths and the cafes on the quay kept their "
    "shutters down while the town waited for word from the talks.\n\n"
)
ARTICLE = (
    "Harbour Strike Ends After Nine Days\n\n"
    "“We signed because the night shift stays,” said Margaret Holloway on Monday.\n\n"
    + FILLER
    * 25
    + "The Port Authority said the first ferries would sail on Wednesday.\n\n"
    "“Nobody expected it to take this long.”\n\n"
    "Holloway added that the union would meet again in the spring.\n"
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def strike_quotes(document, progress, is_cancelled) -> Analysis:
    """Two people-and-organization speakers and one unattributed quote, found by text."""
    text = document.text
    progress(len(text), len(text))
    added = text.index("Holloway added")
    holloway = Entity(
        "Margaret Holloway",
        EntityGroup.PERSON,
        "PERSON",
        (
            Mention(*_span(text, "Margaret Holloway"), "Margaret Holloway"),
            Mention(added, added + len("Holloway"), "Holloway"),
        ),
        salience=0.9,
    )
    authority = Entity(
        "Port Authority",
        EntityGroup.ORGANIZATION,
        "ORG",
        (Mention(*_span(text, "Port Authority"), "Port Authority"),),
        salience=0.5,
    )

    def quote(content: str, kind: str, who: Entity | None, cue: str | None) -> Quote:
        start, end = _span(text, content)
        speaker = None
        if who is not None:
            mention = who.mentions[0] if kind == "direct" or who is authority else who.mentions[1]
            speaker = Speaker(mention.start, mention.end, mention.text, who.name, who.key)
        cue_span = None
        if cue is not None:
            c_start = text.index(cue, end if kind == "direct" else speaker.end)
            cue_span = Span(c_start, c_start + len(cue), cue)
        return Quote(start, end, content, kind, speaker, cue_span)

    quotes = (
        quote("We signed because the night shift stays,", "direct", holloway, "said"),
        quote("the first ferries would sail on Wednesday", "indirect", authority, "said"),
        quote("Nobody expected it to take this long.", "direct", None, None),
        quote("the union would meet again in the spring", "indirect", holloway, "added"),
    )
    return Analysis(entities=(holloway, authority), quotes=quotes)


def _open(qtbot, make_window, tmp_path, name: str = "strike.txt", text: str = ARTICLE):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    window = make_window(analyser=strike_quotes)
    window.resize(1200, 700)
    open_and_analyse(qtbot, window, path)
    return window


def _quote_rows(panel: QuotesPanel) -> dict[str, QModelIndex]:
    """Quote rows by the text shown, across speakers."""
    model, rows = panel.model, {}
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows[index.data()] = index
    return rows


def _click_row(qtbot, tree: QTreeView, index: QModelIndex) -> None:
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )


def _tints(window) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    """What the article shows tinted by Show Quotes: colour and (start, end) per layer."""
    view = window.article_view
    found = {}
    for name in ("person", "organization", "unattributed"):
        selections = view.layer(f"quoteTint:{name}")
        if selections:
            color = selections[0].format.background().color()
            spans = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections]
            found[name] = (color.name(), spans)
    return found


def test_the_quotes_panel_is_a_tab_beside_the_summary_and_lists_quotes_by_speaker(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(qtbot, make_window, tmp_path)
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    assert docks["quotesDock"] in window.tabifiedDockWidgets(docks["summaryDock"])
    assert "Quotes" in [a.text() for a in window.view_menu.actions()]
    panel = window.findChild(QuotesPanel, "quotesView")
    assert panel.model.rowCount() == 0  # behind the Summary tab: filled when the reader looks
    docks["quotesDock"].raise_()
    assert panel.visible_speakers() == ["Margaret Holloway", "Port Authority", "Unattributed"]
    assert panel.model.item(0).text() == "Margaret Holloway (2)"


def test_clicking_a_quote_goes_there_and_marks_it_in_the_speakers_colour(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(qtbot, make_window, tmp_path)
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    docks["quotesDock"].raise_()
    panel = window.panel(QuotesPanel)
    view = window.article_view
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    rows = _quote_rows(panel)
    _click_row(qtbot, panel.tree, rows["the first ferries would sail on Wednesday"])
    layer = view.span_layer("quotes")
    wanted = _span(window.document.text, "the first ferries would sail on Wednesday")
    assert layer.spans[layer.current] == wanted
    assert layer.current_style.background == GROUP_COLORS[EntityGroup.ORGANIZATION]
    assert len(layer.spans) == 4  # every quote is underlined, the chosen one tinted
    assert bar.value() > 0  # the quote is far down the article: it scrolled there


def test_filtering_by_speaker_and_copying_a_quote_with_its_speaker_and_title(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(qtbot, make_window, tmp_path)
    window.findChild(QDockWidget, "quotesDock").raise_()
    panel = window.panel(QuotesPanel)
    qtbot.keyClicks(panel.findChild(QLineEdit, "quotesFilter"), "port")
    assert panel.visible_speakers() == ["Port Authority"]
    panel.findChild(QLineEdit, "quotesFilter").clear()
    index = _quote_rows(panel)["We signed because the night shift stays,"]
    _click_row(qtbot, panel.tree, index)
    QGuiApplication.clipboard().clear()
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "We signed because the night shift stays" in copied
    assert "Margaret Holloway" in copied and "Harbour Strike Ends After Nine Days" in copied


def test_entity_details_list_what_the_entity_said_and_a_click_goes_there(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(qtbot, make_window, tmp_path)
    holloway = next(e for e in window.analysis.entities if e.name == "Margaret Holloway")
    window.selection.set_keys([holloway.key])
    said = window.findChild(QLabel, "entitySaid")
    listed = window.findChild(QListWidget, "entityQuotes")
    assert said.isVisible() and said.text() == "Said: 2 quotes"
    texts = [listed.item(row).text() for row in range(listed.count())]
    assert texts[0].startswith("said: “We signed because")
    assert "the union would meet again in the spring" in texts[1]
    item = listed.item(1)
    qtbot.mouseClick(
        listed.viewport(), Qt.MouseButton.LeftButton, pos=listed.visualItemRect(item).center()
    )
    layer = window.article_view.span_layer("quotes")
    wanted = _span(window.document.text, "the union would meet again in the spring")
    assert layer.spans[layer.current] == wanted
    authority = next(e for e in window.analysis.entities if e.name == "Port Authority")
    window.selection.set_keys([authority.key])
    assert said.text() == "Said: 1 quote"
    window.selection.clear()
    assert not said.isVisible()


def test_show_quotes_tints_each_quote_in_its_speakers_colour_and_is_remembered(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(qtbot, make_window, tmp_path)
    action = next(a for a in window.view_menu.actions() if a.objectName() == "showQuotesAction")
    assert action.isCheckable() and not action.isChecked()
    assert _tints(window) == {}
    action.trigger()
    tints = _tints(window)
    text = window.document.text
    assert tints["person"][1] == [
        _span(text, "We signed because the night shift stays,"),
        _span(text, "the union would meet again in the spring"),
    ]
    assert tints["organization"][1] == [_span(text, "the first ferries would sail on Wednesday")]
    assert tints["unattributed"][1] == [_span(text, "Nobody expected it to take this long.")]
    # Each colour leans to its speaker's group colour (tinted into the page).
    page = window.article_view.palette().base().color()
    for group, color in (
        ("person", GROUP_COLORS[EntityGroup.PERSON]),
        ("unattributed", NEUTRAL_COLOR),
    ):
        shown, wanted = QColor(tints[group][0]), QColor(color)
        assert shown != page
        assert abs(shown.hue() - wanted.hue()) <= 10 or wanted.saturation() == 0
    assert tints["person"][0] != tints["organization"][0] != tints["unattributed"][0]

    # A new window remembers the choice, and a new article is tinted too.
    window.close()
    second = _open(qtbot, make_window, tmp_path, "again.txt", ARTICLE.replace("Monday", "Sunday"))
    again = next(a for a in second.view_menu.actions() if a.objectName() == "showQuotesAction")
    assert again.isChecked()
    assert set(_tints(second)) == {"person", "organization", "unattributed"}
    again.trigger()
    assert _tints(second) == {}
