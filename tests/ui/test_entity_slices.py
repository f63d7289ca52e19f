"""A long article's entity list is built in slices: the same list, the window free meanwhile."""

from __future__ import annotations

import itertools

import pytest

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.document import parse_article
from reader.ui.entity_model import SLICE_ENTITIES, EntityRole
from reader.ui.entity_panel import EntityPanel
from reader.ui.session import Reason

FIRST = ("Ansel", "Brisa", "Corvin", "Dagny", "Elspeth", "Fenwick", "Galen", "Hester")
LAST = ("Marlowe", "Quarry", "Thorne", "Vasko", "Wrenley", "Yarrow", "Oakes", "Pell")
TOWNS = ("Dunmere", "Kelsby", "Orrin Ford", "Saltcombe", "Tarn Hollow", "Wexley")


def roll_call(people: int) -> tuple[str, Analysis]:
    """A council report naming `people` residents (and a few towns), and its entities."""
    names = [f"{a} {b}" for a, b in itertools.product(FIRST, LAST)][:people]
    while len(names) < people:
        names.append(f"{names[len(names) % 64]} {len(names)}")
    lines = ["Council Thanks Its Volunteers", ""]
    for name, town in zip(names, itertools.cycle(TOWNS), strict=False):
        lines += [f"{name} of {town} cleared the river path and planted the green.", ""]
    text = "\n".join(lines)
    document = parse_article(text)
    entities = []
    for rank, name in enumerate(names):
        start = document.text.index(f"{name} of ")
        entities.append(
            Entity(
                name,
                EntityGroup.PERSON,
                "PERSON",
                (Mention(start, start + len(name), name),),
                salience=1.0 - rank / people,
                uncertain=rank % 9 == 8,  # some go to Uncertain, as a real list's would
            )
        )
    for town in TOWNS:
        mentions = []
        at = document.text.find(town)
        while at >= 0:
            mentions.append(Mention(at, at + len(town), town))
            at = document.text.find(town, at + 1)
        entities.append(Entity(town, EntityGroup.PLACE, "GPE", tuple(mentions), salience=0.5))
    return text, Analysis(entities=tuple(entities))


@pytest.fixture
def long_list(qtbot):
    text, analysis = roll_call(3 * SLICE_ENTITIES)
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.show()
    document = parse_article(text)
    panel.show_pending(document)
    return panel, document, analysis


def listed(panel: EntityPanel) -> dict[str, list[tuple[str, str]]]:
    """What the tree shows: each group title with its (name, mentions) rows in order."""
    model = panel.proxy
    shown = {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        shown[f"{group.data()} ({model.index(g, 1).data()})"] = [
            (model.index(r, 0, group).data(), model.index(r, 1, group).data())
            for r in range(model.rowCount(group))
        ]
    return shown


def test_a_long_list_is_built_over_several_turns_and_comes_out_whole(qtbot, long_list):
    panel, document, analysis = long_list
    panel.show_analysis(document, analysis, Reason.NEW)
    assert panel.model.is_building  # the window gets its turn between slices
    assert listed(panel) == {}  # no half-built list is ever shown
    qtbot.waitUntil(lambda: not panel.model.is_building, timeout=5000)

    shown = listed(panel)
    people = [e for e in analysis.entities if e.group is EntityGroup.PERSON and not e.uncertain]
    doubtful = [e for e in analysis.entities if e.uncertain]
    assert list(shown) == [f"People ({len(people)})", "Places (6)", f"Uncertain ({len(doubtful)})"]
    by_salience = sorted(people, key=lambda e: -e.salience)
    assert shown[f"People ({len(people)})"] == [(e.name, "1") for e in by_salience]
    places = [e for e in analysis.entities if e.group is EntityGroup.PLACE]
    assert sorted(shown["Places (6)"]) == sorted((e.name, str(e.count)) for e in places)
    # The same list as one built at once.
    direct = EntityPanel()
    qtbot.addWidget(direct)
    direct.model.set_analysis(analysis)
    assert not direct.model.is_building
    assert listed(direct) == shown


def test_an_entity_chosen_while_the_list_is_built_is_selected_at_once(qtbot, long_list):
    panel, document, analysis = long_list
    panel.show_analysis(document, analysis, Reason.NEW)
    # The least salient person: the last row of People, built in the last slice.
    last = min((e for e in analysis.entities if not e.uncertain), key=lambda e: e.salience)
    panel.select_entity(last.key)
    assert not panel.model.is_building
    assert panel.selected_keys() == [last.key]
    assert panel.tree.currentIndex().data(EntityRole.ENTITY) == last
    assert last.name in panel.detail.text()


def test_a_newer_list_replaces_one_still_being_built(qtbot, long_list):
    panel, document, analysis = long_list
    panel.show_analysis(document, analysis, Reason.NEW)
    assert panel.model.is_building
    text, shorter = roll_call(40)
    newer = parse_article(text)
    panel.show_pending(newer)
    panel.show_analysis(newer, shorter, Reason.NEW)
    qtbot.waitUntil(lambda: not panel.model.is_building, timeout=5000)
    qtbot.wait(20)  # any slice of the old list still queued would land now
    names = [name for rows in listed(panel).values() for name, _count in rows]
    assert sorted(names) == sorted(e.name for e in shorter.entities)


def test_a_correction_keeps_the_selection_on_a_long_list(qtbot, long_list):
    panel, document, analysis = long_list
    panel.show_analysis(document, analysis, Reason.NEW)
    chosen = [e for e in analysis.entities if e.group is EntityGroup.PLACE][:2]
    for position, place in enumerate(chosen):
        panel.select_entity(place.key, additive=position > 0)
    renamed = tuple(
        Entity("Dunmere Town", e.group, e.label, e.mentions, salience=e.salience)
        if e.name == "Dunmere"
        else e
        for e in analysis.entities
    )
    panel.show_analysis(document, Analysis(entities=renamed), Reason.CORRECTED)
    assert not panel.model.is_building  # a correction shows at once, selection kept
    assert panel.selected_keys() == [chosen[1].key]  # Dunmere's key changed with its name
    assert "Dunmere Town" in [name for rows in listed(panel).values() for name, _ in rows]
