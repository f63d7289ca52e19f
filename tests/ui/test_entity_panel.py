"""The entity sidebar: groups, counts, clicking, multi-select, filter, sort, details, copy."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDockWidget, QLineEdit, QListWidget

from reader.ui.entity_model import EntityFilterProxy, EntityTreeModel, SortMode
from reader.ui.entity_panel import EntityPanel
from tests.ui.fake_entities import ARTICLE, DictionaryAnalyser
from tests.ui.sidebar_helpers import (
    click_entity,
    current_selection,
    entity,
    entity_rows,
    group_titles,
    highlighted,
    names_in_group,
    open_without_model,
    tree,
)

pytest_plugins = ("tests.ui.sidebar_fixtures",)


def test_tree_lists_groups_and_entities_with_counts(analysed) -> None:
    assert group_titles(analysed) == ["People", "Organizations", "Places", "Dates"]
    model = tree(analysed).model()
    people = model.index(0, 0)
    assert model.index(0, 1).data() == "2"
    varga = entity(analysed, "Ilse Varga")
    row = entity_rows(analysed)["Ilse Varga"]
    assert row.data().startswith("Ilse Varga")
    assert row.siblingAtColumn(1).data() == str(varga.count) == "4"
    assert tree(analysed).isExpanded(people)


def test_item_models_pass_the_model_tester(qtmodeltester, analysed) -> None:
    panel = analysed.panel(EntityPanel)
    qtmodeltester.check(panel.model)
    panel.filter_field.setText("e")
    qtmodeltester.check(panel.proxy)


def test_model_tester_on_an_empty_and_a_refilled_model(qtmodeltester, qapp) -> None:
    from reader.analysis import Analysis
    from reader.document.layout import parse_article
    from tests.ui.fake_entities import find_entities

    model = EntityTreeModel()
    qtmodeltester.check(model)
    model.set_analysis(Analysis(entities=find_entities(parse_article(ARTICLE))))
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_sort_mode(SortMode.NAME)
    qtmodeltester.check(proxy)


def test_clicking_an_entity_highlights_exactly_its_mentions(qtbot, analysed) -> None:
    click_entity(qtbot, analysed, "Ilse Varga")
    varga = entity(analysed, "Ilse Varga")
    selections = analysed.article_view.extraSelections()
    assert len(selections) == varga.count
    assert sorted(s.cursor.selectionStart() for s in selections) == [
        m.start for m in varga.mentions
    ]
    assert sorted(highlighted(analysed)) == sorted(m.text for m in varga.mentions)
    assert "Varga" in highlighted(analysed) and "Ilse Varga" in highlighted(analysed)
    assert analysed.statusBar().currentMessage() == f"mention 1 of {varga.count}"


def test_ctrl_click_keeps_both_entities_highlighted(qtbot, analysed) -> None:
    click_entity(qtbot, analysed, "Ilse Varga")
    click_entity(qtbot, analysed, "Selby", Qt.KeyboardModifier.ControlModifier)
    assert analysed.panel(EntityPanel).selected_keys() == ["person:Ilse Varga", "place:Selby"]
    expected = [*entity(analysed, "Ilse Varga").mentions, *entity(analysed, "Selby").mentions]
    assert sorted(highlighted(analysed)) == sorted(m.text for m in expected)
    colours = {
        s.cursor.selectedText(): s.format.background().color().name()
        for s in analysed.article_view.layer("entities")
    }
    assert colours["Selby"] != colours["Varga"]  # each entity in its own group colour
    # A plain click goes back to one entity.
    click_entity(qtbot, analysed, "Coastal Trust")
    assert highlighted(analysed) == ["Coastal Trust"] * 3


def test_filter_narrows_the_tree_by_name_or_alias(qtbot, analysed) -> None:
    field = analysed.findChild(QLineEdit, "entityFilter")
    qtbot.keyClicks(field, "evr")
    assert list(entity_rows(analysed)) == ["Port Evra"]
    assert group_titles(analysed) == ["Places"]
    field.clear()
    qtbot.keyClicks(field, "VARGA")
    assert list(entity_rows(analysed)) == ["Ilse Varga"]
    field.clear()
    qtbot.keyClicks(field, "zzz")
    assert entity_rows(analysed) == {}
    field.clear()
    assert len(entity_rows(analysed)) == len(analysed.analysis.entities)
    # Filtering never re-analyses.
    assert len(analysed.service.engine.analyser.calls) == 1


def test_sort_by_salience_name_and_first_appearance(qtbot, analysed) -> None:
    box = analysed.findChild(QComboBox, "entitySort")
    assert box.currentData() == SortMode.SALIENCE.value
    assert names_in_group(analysed, "Places") == ["Selby", "Port Evra"]
    assert names_in_group(analysed, "People") == ["Ilse Varga", "Tomas Rill"]
    box.setCurrentIndex(box.findData(SortMode.NAME.value))
    assert names_in_group(analysed, "People") == ["Ilse Varga", "Tomas Rill"]
    assert names_in_group(analysed, "Places") == ["Port Evra", "Selby"]
    box.setCurrentIndex(box.findData(SortMode.FIRST_APPEARANCE.value))
    # Tomas Rill signs the byline, before the key points name Ilse Varga.
    assert names_in_group(analysed, "People") == ["Tomas Rill", "Ilse Varga"]
    assert names_in_group(analysed, "Places") == ["Port Evra", "Selby"]
    assert group_titles(analysed) == ["People", "Organizations", "Places", "Dates"]


def test_sort_choice_is_remembered(qtbot, make_window, article) -> None:
    first = make_window(analyser=DictionaryAnalyser())
    box = first.findChild(QComboBox, "entitySort")
    box.setCurrentIndex(box.findData(SortMode.NAME.value))
    second = make_window(analyser=DictionaryAnalyser())
    assert second.findChild(QComboBox, "entitySort").currentData() == SortMode.NAME.value


def test_details_show_aliases_and_context_sentences_that_jump(qtbot, analysed) -> None:
    click_entity(qtbot, analysed, "Ilse Varga")
    panel = analysed.panel(EntityPanel)
    assert "Also called: Varga" in panel.detail.text()
    contexts = analysed.findChild(QListWidget, "entityContexts")
    lines = [contexts.item(i).text() for i in range(contexts.count())]
    # The key point (a block of its own) and three body sentences.
    assert lines[0] == "Mayor Ilse Varga reopened the old lighthouse on Sunday."
    assert lines[1].startswith("Mayor Ilse Varga cut the ribbon")
    assert lines[2] == "Varga said the light would guide boats through the narrow channel again."
    assert len(lines) == 4
    item = contexts.item(2)
    contexts.scrollToItem(item)  # on a small screen the list shows fewer lines
    qtbot.mouseClick(
        contexts.viewport(), Qt.MouseButton.LeftButton, pos=contexts.visualItemRect(item).center()
    )
    start = current_selection(analysed).cursor.selectionStart()
    assert analysed.document.text[start:].startswith("Varga said")
    assert analysed.statusBar().currentMessage() == "mention 3 of 4"


def test_escape_in_the_tree_and_a_click_on_empty_space_clear(qtbot, analysed) -> None:
    view = tree(analysed)
    click_entity(qtbot, analysed, "Selby")
    assert highlighted(analysed) == ["Selby", "Selby"]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert highlighted(analysed) == []
    assert analysed.statusBar().currentMessage() == ""
    click_entity(qtbot, analysed, "Selby")
    for dock in analysed.findChildren(QDockWidget):  # the whole side for the list:
        if dock.objectName() != "entityDock":  # empty space under its rows
            dock.hide()
    qtbot.waitUntil(lambda: not view.indexAt(QPoint(10, view.viewport().height() - 3)).isValid())
    below = QPoint(10, view.viewport().height() - 3)
    assert not view.indexAt(below).isValid()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert highlighted(analysed) == []


def test_keyboard_only_arrows_and_enter(qtbot, analysed) -> None:
    view = tree(analysed)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))  # the People group
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert analysed.panel(EntityPanel).selected_keys() == ["person:Ilse Varga"]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert highlighted(analysed) == ["Tomas Rill"]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    analysed.panel(EntityPanel).next_mention_action.trigger()
    assert analysed.statusBar().currentMessage() == "mention 2 of 4"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert analysed.statusBar().currentMessage() == "mention 1 of 4"


def test_copy_name_and_mention_sentences(qtbot, analysed) -> None:
    panel = analysed.panel(EntityPanel)
    selby = entity(analysed, "Selby")
    panel.copy_names([selby])
    assert QGuiApplication.clipboard().text() == "Selby"
    panel.copy_sentences([selby])
    assert QGuiApplication.clipboard().text().splitlines() == [
        "A spokesman for the Coastal Trust said volunteers from Selby had repainted the whole tower.",
        "Fishermen in Selby welcomed the news with a parade of boats.",
    ]


def test_unavailable_analysis_says_why_and_the_article_stays(qtbot, make_window, article) -> None:
    window = open_without_model(qtbot, make_window, article)
    message = window.findChild(type(window.panel(EntityPanel).message), "entityMessage")
    assert message.isVisible()
    assert "No language model" in message.text()
    assert not tree(window).isVisible()
    assert "Port Evra" in window.article_view.toPlainText()


def test_uncertain_entities_sit_in_a_collapsed_group_at_the_bottom(qtbot) -> None:
    from dataclasses import replace

    from reader.analysis import Analysis
    from reader.document.layout import parse_article
    from reader.ui.entity_panel import EntityPanel
    from reader.ui.session import Reason
    from tests.ui.fake_entities import find_entities

    document = parse_article(ARTICLE)
    entities = tuple(
        replace(e, confidence=0.3, uncertain=True) if e.name == "Selby" else e
        for e in find_entities(document)
    )
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(document, Analysis(entities=entities), Reason.NEW)
    model = panel.tree.model()
    titles = [model.index(g, 0).data() for g in range(model.rowCount())]
    assert titles[-1] == "Uncertain"
    uncertain = model.index(model.rowCount() - 1, 0)
    assert [model.index(r, 0, uncertain).data() for r in range(model.rowCount(uncertain))] == [
        "Selby"
    ]
    assert not panel.tree.isExpanded(uncertain)
    places = model.index(titles.index("Places"), 0)
    assert "Selby" not in [model.index(r, 0, places).data() for r in range(model.rowCount(places))]
    assert panel.tree.isExpanded(places)
