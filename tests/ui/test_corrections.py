"""Corrections in the window: made through its actions, saved, applied to the next article
and to `reader extract`, undone with Edit › Undo (the fake engine: capitalised words are places)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis import EntityGroup
from reader.analysis.service import AnalysisService
from reader.cli import main as extract
from reader.cli_corrections import main as corrections
from reader.library import Library, ModelAnalyser, add_paths, database_path
from reader.ui.corrections_dialog import CorrectionsDialog
from reader.ui.entity_panel import EntityPanel
from tests.library.test_corrections_library import DictionaryAnnotator, names_in, write_articles
from tests.ui.conftest import capitalised_names
from tests.ui.fake_engine import FakeEngine
from tests.ui.sidebar_helpers import open_and_analyse

FIRST = """Talks on the quay

Ilse met Varga at Kestrel on the quay. Varga said the Calder would sail at dawn, and
Fiona wrote it down for the harbour board. Later the Calder left Kestrel. Kestrel cheered.
"""
SECOND = """Another day on the quay

Fiona saw Ilse and Varga board the Calder. Later the harbour board met at Kestrel.
"""


class Answers:
    """The reader's answers to the questions corrections ask, in order."""

    def __init__(self) -> None:
        self.given: list[object] = []

    def _next(self, *_args):
        return self.given.pop(0)

    text = choice = group = _next


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def window_on(qtbot, make_window, path: Path):
    window = make_window()
    window.corrections.ask = Answers()
    open_and_analyse(qtbot, window, path)
    return window


def select(window, *names: str) -> None:
    panel = window.panel(EntityPanel)
    for index, name in enumerate(names):
        found = next(e for e in window.analysis.entities if e.name == name)
        panel.select_entity(found.key, additive=index > 0)


def answer(window, *answers) -> None:
    window.corrections.ask.given = list(answers)


def shown(window) -> dict[str, EntityGroup]:
    return {e.name: e.group for e in window.analysis.entities}


def extracted(capsys, path: Path, *options: str) -> dict[str, dict]:
    service = AnalysisService(FakeEngine(capitalised_names))
    try:
        assert extract([str(path), *options], service=service) == 0
    finally:
        service.close()
    return {e["name"]: e for e in json.loads(capsys.readouterr().out)["entities"]}


def correct_everything(qtbot, window) -> None:
    """One correction of each kind, through the window's actions."""
    actions = window.corrections
    select(window, "Calder")
    answer(window, "Calder Star")
    actions.rename_action.trigger()
    select(window, "Fiona")
    actions.group_actions[EntityGroup.PERSON].trigger()
    select(window, "Ilse", "Varga")
    answer(window, "Varga")
    actions.merge_action.trigger()
    select(window, "Later")
    actions.not_entity_action.trigger()
    select(window, "Kestrel")  # one mention written one way: only its new name and group
    answer(window, "Kestrel Shipping", EntityGroup.ORGANIZATION)
    actions.split_action.trigger()
    cursor = window.article_view.document().find("harbour board")
    window.article_view.setTextCursor(cursor)
    answer(window, "harbour board", EntityGroup.ORGANIZATION)
    actions.mark_action.trigger()


EVERYWHERE = {  # what the corrections made everywhere show in the second article
    "Calder Star": EntityGroup.PLACE,
    "Fiona": EntityGroup.PERSON,
    "Varga": EntityGroup.PLACE,
    "harbour board": EntityGroup.ORGANIZATION,
}


def test_corrections_apply_to_the_next_article_and_to_extract_until_undone(
    qtbot, make_window, articles, capsys
) -> None:
    first, second = articles
    window = window_on(qtbot, make_window, first)
    correct_everything(qtbot, window)
    names = shown(window)
    assert names["Kestrel Shipping"] is EntityGroup.ORGANIZATION and "Kestrel" not in names
    assert names.items() >= EVERYWHERE.items()
    assert not {"Calder", "Ilse", "Later"} & set(names)
    assert "Ilse" in next(e for e in window.analysis.entities if e.name == "Varga").aliases

    open_and_analyse(qtbot, window, second)
    names = shown(window)
    assert names.items() >= EVERYWHERE.items()
    assert names["Kestrel"] is EntityGroup.PLACE  # the split was for the first article only
    assert not {"Calder", "Ilse", "Later", "Kestrel Shipping"} & set(names)
    found = extracted(capsys, second)
    assert {n: EntityGroup(found[n]["group"]) for n in EVERYWHERE} == EVERYWHERE
    assert all(found[n]["corrected"] for n in EVERYWHERE)
    assert "Later" not in found and "Ilse" not in found

    undo = window.corrections.undo_action
    undone = [  # newest first: what each undo gives back, in the window and in extract
        ("harbour board", None),
        ("Kestrel", "Kestrel"),  # split: nothing to see here, the rule is gone all the same
        (None, "Later"),
        (None, "Ilse"),
        ("Fiona", None),
        ("Calder Star", "Calder"),
    ]
    for gone, back in undone:
        count = len(window.corrections.book.rules.rules)
        with qtbot.waitSignal(window.corrections.book.changed):
            undo.trigger()
        assert len(window.corrections.book.rules.rules) < count
        names, found = shown(window), extracted(capsys, second)
        if gone == "Fiona":
            assert names["Fiona"] is EntityGroup.PLACE and found["Fiona"]["group"] == "place"
        elif gone is not None and gone != "Kestrel":
            assert gone not in names and gone not in found
        if back is not None:
            assert back in names and back in found
    assert not window.corrections.book.rules.rules
    assert not any(e["corrected"] for e in extracted(capsys, second).values())


def test_saved_corrections_open_with_a_new_window_and_clear_to_the_models_result(
    qtbot, make_window, articles, capsys, tmp_path
) -> None:
    first, second = articles
    window = window_on(qtbot, make_window, first)
    correct_everything(qtbot, window)
    window.close()

    again = window_on(qtbot, make_window, second)
    assert shown(again).items() >= EVERYWHERE.items()
    dialog = CorrectionsDialog(again.corrections.book, again)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 6  # one of each kind: a merge of two is one rule
    exported = tmp_path / "team.json"
    dialog.export_to(str(exported))

    dialog.table.selectAll()
    dialog.delete_button.click()
    assert dialog.table.rowCount() == 0
    assert extracted(capsys, second) == extracted(capsys, second, "--no-corrections")
    assert "Calder" in shown(again)

    dialog.import_from(str(exported))
    assert dialog.table.rowCount() == 6
    assert shown(again).items() >= EVERYWHERE.items()


def test_a_bad_import_changes_nothing_and_says_what_is_wrong(
    qtbot, make_window, articles, tmp_path
) -> None:
    window = window_on(qtbot, make_window, articles[0])
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "rules": [{"kind": "colour", "name": "Fiona"}]}', "utf-8")
    dialog = CorrectionsDialog(window.corrections.book, window)
    qtbot.addWidget(dialog)
    dialog.import_from(str(bad))
    assert dialog.table.rowCount() == 0
    assert "rule 1" in dialog.message.text() and "colour" in dialog.message.text()


def test_the_details_say_what_was_corrected_and_undo_it_in_one_click(
    qtbot, make_window, articles
) -> None:
    window = window_on(qtbot, make_window, articles[0])
    select(window, "Calder")
    answer(window, "Calder Star")
    window.corrections.rename_action.trigger()
    select(window, "Calder Star")
    label = window.panel(EntityPanel).corrected_label
    assert label.isVisible() and "renamed by you from “Calder”" in label.text()
    rule_id = window.corrections.book.rules.rules[0].id
    window.panel(EntityPanel).undoCorrectionRequested.emit(rule_id)  # the link's signal
    assert "Calder" in shown(window) and "Calder Star" not in shown(window)
    window.corrections.undo_action.trigger()  # the one-click undo is itself undoable
    assert "Calder Star" in shown(window)


def test_a_damaged_library_keeps_corrections_for_the_window_and_says_so(
    qtbot, make_window, articles, private_data_dir
) -> None:
    private_data_dir.mkdir()
    (private_data_dir / "reader.sqlite3").mkdir()  # a folder where the database should be
    window = window_on(qtbot, make_window, articles[0])
    select(window, "Later")
    window.corrections.not_entity_action.trigger()
    assert "Later" not in shown(window)
    assert window.message_bar.isVisible() and "will not be saved" in window.message_bar.text


def test_a_correction_in_the_window_reaches_the_library_without_the_model(
    qtbot, make_window, tmp_path
) -> None:
    folder = write_articles(tmp_path / "library")
    article = folder / "week1" / "minister-visits.txt"
    annotator = DictionaryAnnotator()
    with Library(database_path()) as library:
        add_paths(library, [str(folder)], ModelAnalyser(annotator))
        before = names_in(library, article)
    calls = annotator.calls
    window = window_on(qtbot, make_window, article)
    book = window.corrections.book
    select(window, "Korveth")
    answer(window, "Korveth Bay")
    with qtbot.waitSignal(book.libraryUpdated, timeout=10000) as updated:
        window.corrections.rename_action.trigger()
    assert updated.args == [3]
    with Library(database_path()) as library:
        assert "Korveth Bay" in names_in(library, article)
        assert len(library.entity("Korveth Bay").articles) == 3
    with qtbot.waitSignal(book.libraryUpdated, timeout=10000):
        window.corrections.undo_action.trigger()
    with Library(database_path()) as library:
        assert names_in(library, article) == before
    assert annotator.calls == calls  # the model was never asked again


def test_rules_saved_elsewhere_meanwhile_are_kept_and_applied(
    qtbot, make_window, articles, tmp_path
) -> None:
    window = window_on(qtbot, make_window, articles[0])
    shared = tmp_path / "shared.json"
    shared.write_text('{"version": 1, "rules": [{"kind": "not_entity", "name": "Fiona"}]}', "utf-8")
    assert corrections(["import", str(shared)]) == 0  # from a terminal, the window still open
    select(window, "Later")
    window.corrections.not_entity_action.trigger()
    assert not {"Later", "Fiona"} & set(shown(window))
    window.corrections.undo_action.trigger()
    assert "Later" in shown(window) and "Fiona" not in shown(window)
    with Library(database_path()) as library:
        assert [r.name for r in library.rules().rules] == ["Fiona"]


def test_one_mention_split_off_leaves_the_others_and_only_this_article(
    qtbot, make_window, articles
) -> None:
    window = window_on(qtbot, make_window, articles[0])
    select(window, "Kestrel")
    panel = window.panel(EntityPanel)
    panel.next_mention_action.trigger()  # the walk is on the second "Kestrel"
    mention, _ = window.highlighter.current_mention
    answer(window, "Kestrel Lines", EntityGroup.ORGANIZATION)
    window.corrections.split_mention_action.trigger()
    entities = {e.name: e for e in window.analysis.entities}
    assert [m.start for m in entities["Kestrel Lines"].mentions] == [mention.start]
    assert entities["Kestrel Lines"].group is EntityGroup.ORGANIZATION
    assert mention.start not in {m.start for m in entities["Kestrel"].mentions}
    assert entities["Kestrel"].count == 2
    (rule,) = window.corrections.book.rules.rules
    assert not rule.everywhere


def test_dropping_one_entity_onto_another_merges_them_under_the_name_dropped_onto(
    qtbot, make_window, articles
):
    from PySide6.QtCore import QModelIndex, Qt

    window = window_on(qtbot, make_window, articles[0])
    panel = window.panel(EntityPanel)

    def row(name: str):
        key = next(e.key for e in window.analysis.entities if e.name == name)
        return panel.proxy.mapFromSource(panel.model.index_of_key(key))

    dragged = panel.proxy.mimeData([row("Ilse")])
    copy = Qt.DropAction.CopyAction
    group_row = row("Varga").parent()
    assert not panel.proxy.canDropMimeData(dragged, copy, -1, -1, row("Ilse"))  # onto itself
    assert not panel.proxy.canDropMimeData(dragged, copy, -1, -1, group_row)
    assert not panel.proxy.canDropMimeData(dragged, copy, -1, -1, QModelIndex())
    assert panel.proxy.canDropMimeData(dragged, copy, -1, -1, row("Varga"))
    with qtbot.waitSignal(window.session.analysisChanged):
        panel.proxy.dropMimeData(dragged, copy, -1, -1, row("Varga"))
    varga = next(e for e in window.analysis.entities if e.name == "Varga")
    assert "Ilse" not in shown(window) and "Ilse" in varga.aliases
    assert {m.text for m in varga.mentions} == {"Ilse", "Varga"}
    with qtbot.waitSignal(window.session.analysisChanged):
        window.corrections.undo_action.trigger()
    assert "Ilse" in shown(window)
