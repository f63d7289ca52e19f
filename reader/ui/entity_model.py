"""The entity tree's data: group rows with entity rows under them, fed from one Analysis.

Sorting and filtering happen in `EntityFilterProxy` over the same model, so
changing either never re-runs the analysis.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Sequence
from enum import IntEnum, StrEnum

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel

from reader.analysis import Analysis, Entity, EntityGroup
from reader.ui.colors import group_color
from reader.ui.plurals import plural

_GROUP_ORDER = {group: i for i, group in enumerate(EntityGroup)}
# Entities the evidence leaves in doubt: one group at the bottom, collapsed at first.
UNCERTAIN_TITLE = "Uncertain"
UNCERTAIN_KEY = "group:uncertain"
# What an entity row carries when it is dragged: the dragged entities' keys, as JSON.
ENTITY_KEYS_MIME = "application/x-reader-entity-keys"
# Entities built per event-loop turn when a list is built in slices (a few milliseconds):
# a long article's thousands of entities never hold the window still.
SLICE_ENTITIES = 150


class EntityRole(IntEnum):
    """Custom data roles: what the panel and the proxy read from a row."""

    ENTITY = Qt.ItemDataRole.UserRole + 1  # the Entity (entity rows only)
    KEY = Qt.ItemDataRole.UserRole + 2  # Entity.key, or "group:<value>" for a group row
    GROUP = Qt.ItemDataRole.UserRole + 3  # the EntityGroup of the row
    SEARCH_TEXT = Qt.ItemDataRole.UserRole + 4  # name and aliases, case-folded
    RANK_SALIENCE = Qt.ItemDataRole.UserRole + 5  # position in each sort order
    RANK_NAME = Qt.ItemDataRole.UserRole + 6
    RANK_FIRST = Qt.ItemDataRole.UserRole + 7


class SortMode(StrEnum):
    SALIENCE = "salience"
    NAME = "name"
    FIRST_APPEARANCE = "first"

    @property
    def title(self) -> str:
        return {
            SortMode.SALIENCE: "Salience",
            SortMode.NAME: "Name",
            SortMode.FIRST_APPEARANCE: "First appearance",
        }[self]


_SORT_ROLES = {
    SortMode.SALIENCE: EntityRole.RANK_SALIENCE,
    SortMode.NAME: EntityRole.RANK_NAME,
    SortMode.FIRST_APPEARANCE: EntityRole.RANK_FIRST,
}
_RANK_ROLES = tuple(_SORT_ROLES.values())

_icon_cache: dict[EntityGroup, QIcon] = {}
# A list being built: pauses after each slice, then gives its group rows and key → row map.
_Build = Generator[None, None, tuple[list[list[QStandardItem]], dict[str, QStandardItem]]]


def group_icon(group: EntityGroup) -> QIcon:
    """A small disc in the group's colour, the key between tree and highlights."""
    icon = _icon_cache.get(group)
    if icon is None:
        pixmap = QPixmap(24, 24)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(0, 0, 0, 90))
        painter.setBrush(group_color(group))
        painter.drawEllipse(4, 4, 16, 16)
        painter.end()
        icon = _icon_cache[group] = QIcon(pixmap)
    return icon


class EntityTreeModel(QStandardItemModel):
    """Two levels: one row per entity group present, its entities beneath.

    Column 0 shows the name (group title or entity name), column 1 the count
    (entities in a group, mentions of an entity). Items hold all their data, so the
    view, sorting and filtering run in C++ without calling back into Python, and a
    long article's thousands of entities are built in slices (`set_analysis(sliced=True)`).
    """

    COLUMNS = ("Name", "Mentions")

    # Entities (their keys) were dropped onto another (its key): the reader merges them.
    entitiesDropped = Signal(list, str)

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(self.COLUMNS))
        self._rows: dict[str, QStandardItem] = {}
        self._building: _Build | None = None
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._next_slice)

    def set_analysis(self, analysis: Analysis | None, *, sliced: bool = False) -> None:
        """List `analysis`'s entities (none for None).

        `sliced`: a long list is built over several event-loop turns, SLICE_ENTITIES at a
        time, and then shown all at once; until then the model keeps its old rows, and
        anything that needs the new ones (`index_of_key`, `group_items`) finishes it first.
        """
        self._slice_timer.stop()
        self._building = self._build(analysis.entities if analysis is not None else ())
        self._build_slice()
        if self._building is not None:
            if sliced:
                self._slice_timer.start()
            else:
                self.finish()

    def finish(self) -> None:
        """Build the rest of a sliced list now."""
        self._slice_timer.stop()
        while self._building is not None:
            self._build_slice()

    @property
    def is_building(self) -> bool:
        """True while a sliced list is still being built."""
        return self._building is not None

    @Slot()
    def _next_slice(self) -> None:
        self._build_slice()
        if self._building is not None:
            self._slice_timer.start()

    def _build_slice(self) -> None:
        try:
            next(self._building)
        except StopIteration as built:
            self._building = None
            self._show_rows(*built.value)

    def _build(self, entities: tuple[Entity, ...]) -> _Build:
        """The group rows with their entity rows, detached from the model: building them
        tells no view; a pause after each slice."""
        ranks = {mode: _ranks(entities, mode) for mode in SortMode}
        rows: dict[str, QStandardItem] = {}
        groups: list[list[QStandardItem]] = []
        built = 0
        members = [[e for e in entities if e.group is g and not e.uncertain] for g in EntityGroup]
        doubtful = [e for e in entities if e.uncertain]
        for group, listed in (*zip(EntityGroup, members, strict=True), (None, doubtful)):
            if not listed:
                continue
            name, count = self._group_items(group, len(listed))
            for entity in listed:
                name.appendRow(self._entity_items(entity, ranks, rows))
                built += 1
                if built % SLICE_ENTITIES == 0:
                    yield
            groups.append([name, count])
        return groups, rows

    def _show_rows(self, groups: list[list[QStandardItem]], rows: dict[str, QStandardItem]) -> None:
        """Put the built rows in place of the old ones, in one reset."""
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            self._rows = rows
            for group in groups:
                self.appendRow(group)
        finally:
            self.blockSignals(False)
            self.endResetModel()

    def _group_items(self, group: EntityGroup | None, size: int) -> list:
        """A group's row; `group` None is the Uncertain group, below all others."""
        title = group.plural_title if group is not None else UNCERTAIN_TITLE
        name = QStandardItem(group_icon(group) if group is not None else QIcon(), title)
        count = QStandardItem(str(size))
        for item in (name, count):
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(
                f"group:{group.value}" if group is not None else UNCERTAIN_KEY, EntityRole.KEY
            )
            item.setData(group, EntityRole.GROUP)
            for role in _RANK_ROLES:
                item.setData(_GROUP_ORDER.get(group, len(_GROUP_ORDER)), role)
        name.setData(f"{title}, {size}", Qt.ItemDataRole.AccessibleTextRole)
        count.setData(_RIGHT, Qt.ItemDataRole.TextAlignmentRole)
        return [name, count]

    def _entity_items(self, entity: Entity, ranks, rows: dict[str, QStandardItem]) -> list:
        name = QStandardItem(group_icon(entity.group), entity.name)
        count = QStandardItem(str(entity.count))
        tooltip = entity_tooltip(entity)
        key = entity.key
        places = [(ranks[mode][key], role) for mode, role in _SORT_ROLES.items()]
        for item in (name, count):
            item.setFlags(_ENTITY_FLAGS)
            item.setData(entity, _ENTITY)
            item.setData(key, _KEY)
            item.setData(entity.group, _GROUP)
            item.setData(tooltip, _TOOLTIP)
            for rank, role in places:
                item.setData(rank, role)
        mentions = plural("%n mention(s)", entity.count)
        name.setData(f"{entity.name}, {mentions}", _ACCESSIBLE)
        name.setData("\n".join((entity.name, *entity.aliases)).casefold(), _SEARCH_TEXT)
        count.setData(_RIGHT, _ALIGNMENT)
        rows[key] = name
        return [name, count]

    # -- dragging one entity onto another -----------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ENTITY_KEYS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        keys = list(dict.fromkeys(i.data(_KEY) for i in indexes if i.data(_ENTITY) is not None))
        data = QMimeData()
        data.setData(ENTITY_KEYS_MIME, json.dumps(keys).encode("utf-8"))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex
    ) -> bool:
        """Only onto an entity row, and not onto one of those dragged."""
        target = parent.data(_KEY) if parent.data(_ENTITY) is not None else None
        keys = _dragged_keys(data)
        return target is not None and bool(keys) and target not in keys

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.entitiesDropped.emit(_dragged_keys(data), parent.data(_KEY))
        return False  # no row moves: the merge comes back as a corrected analysis

    def index_of_key(self, key: str) -> QModelIndex:
        """The column-0 index of the entity with this key, or an invalid index."""
        self.finish()
        item = self._rows.get(key)
        return item.index() if item is not None else QModelIndex()

    def group_items(self) -> list[tuple[QStandardItem, QStandardItem]]:
        self.finish()
        return [(self.item(row, 0), self.item(row, 1)) for row in range(self.rowCount())]


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Looked up once: an entity row sets them a dozen times, for hundreds of rows.
_ENTITY_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
_ENTITY, _KEY, _GROUP = EntityRole.ENTITY, EntityRole.KEY, EntityRole.GROUP
_SEARCH_TEXT = EntityRole.SEARCH_TEXT
_TOOLTIP, _ACCESSIBLE = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


def _dragged_keys(data: QMimeData) -> list[str]:
    if not data.hasFormat(ENTITY_KEYS_MIME):
        return []
    try:
        keys = json.loads(bytes(data.data(ENTITY_KEYS_MIME)).decode("utf-8"))
    except ValueError:
        return []
    return [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []


def _ranks(entities, mode: SortMode) -> dict[str, int]:
    """Each entity's position in `mode` order: one integer the proxy compares in C++."""

    def key(entity: Entity) -> tuple:
        name = entity.name.casefold()
        if mode is SortMode.NAME:
            return (name, entity.first_offset)
        if mode is SortMode.FIRST_APPEARANCE:
            return (entity.first_offset, name)
        return (-entity.salience, -entity.count, entity.first_offset, name)

    return {entity.key: rank for rank, entity in enumerate(sorted(entities, key=key))}


def group_name(group: EntityGroup) -> str:
    """The singular a tooltip shows ("Person", "Place")."""
    return group.value.title()


def entity_tooltip(entity: Entity) -> str:
    lines = [f"{entity.name} — {group_name(entity.group)}"]
    if entity.uncertain:
        lines[0] += f" (uncertain: confidence {entity.confidence:.2f})"
    if entity.aliases:
        lines.append("Also: " + ", ".join(entity.aliases))
    lines.append(plural("%n mention(s)", entity.count))
    return "\n".join(lines)


class EntityFilterProxy(QSortFilterProxyModel):
    """Sorts entities within their group and filters them by name or alias.

    Groups keep the sidebar's fixed order and are shown while any of their entities
    is; while filtering, a group's count is the number of its entities still listed.
    Sorting compares precomputed ranks and filtering matches a stored search text,
    both in C++.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._mode = SortMode.SALIENCE
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self.setFilterRole(EntityRole.SEARCH_TEXT)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(_SORT_ROLES[self._mode])
        self.sort(0, Qt.SortOrder.AscendingOrder)

    @property
    def sort_mode(self) -> SortMode:
        return self._mode

    def set_sort_mode(self, mode: SortMode) -> None:
        if mode != self._mode:
            self._mode = mode
            self.setSortRole(_SORT_ROLES[mode])
            self.sort(0, Qt.SortOrder.AscendingOrder)

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self._needle = needle
        self.setFilterFixedString(needle)
        self.update_group_counts()

    def update_group_counts(self) -> None:
        """Show in each group's count how many of its entities the filter lets through."""
        source = self.sourceModel()
        if not isinstance(source, EntityTreeModel):
            return
        for name, count in source.group_items():
            shown = self.rowCount(self.mapFromSource(name.index()))
            text = str(shown if self._needle else name.rowCount())
            if count.text() != text:
                count.setText(text)
