"""The entity tree's data: group rows with entity rows under them, fed from one Analysis.

Sorting and filtering happen in `EntityFilterProxy` over the same model, so
changing either never re-runs the analysis.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel

from reader.analysis import Analysis, Entity, EntityGroup
from reader.ui.colors import group_color
from reader.ui.plurals import plural

_GROUP_ORDER = {group: i for i, group in enumerate(EntityGroup)}
# Entities the evidence leaves in doubt: one group at the bottom, collapsed at first.
UNCERTAIN_TITLE = "Uncertain"
UNCERTAIN_KEY = "group:uncertain"


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

_icon_cache: dict[EntityGroup, QIcon] = {}


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
    view, sorting and filtering run in C++ without calling back into Python: a long
    article's hundreds of entities show at once.
    """

    COLUMNS = ("Name", "Mentions")

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(self.COLUMNS))
        self._rows: dict[str, QStandardItem] = {}

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            self._rows.clear()
            entities = analysis.entities if analysis is not None else ()
            ranks = {mode: _ranks(entities, mode) for mode in SortMode}
            for group in EntityGroup:
                members = [e for e in entities if e.group is group and not e.uncertain]
                if members:
                    self.appendRow(self._group_items(group, members, ranks))
            doubtful = [e for e in entities if e.uncertain]
            if doubtful:
                self.appendRow(self._group_items(None, doubtful, ranks))
        finally:
            self.blockSignals(False)
            self.endResetModel()

    def _group_items(self, group: EntityGroup | None, members: list[Entity], ranks) -> list:
        """A group's row; `group` None is the Uncertain group, below all others."""
        title = group.plural_title if group is not None else UNCERTAIN_TITLE
        name = QStandardItem(group_icon(group) if group is not None else QIcon(), title)
        count = QStandardItem(str(len(members)))
        for item in (name, count):
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(
                f"group:{group.value}" if group is not None else UNCERTAIN_KEY, EntityRole.KEY
            )
            item.setData(group, EntityRole.GROUP)
            for mode in SortMode:
                item.setData(_GROUP_ORDER.get(group, len(_GROUP_ORDER)), _SORT_ROLES[mode])
        name.setData(f"{title}, {len(members)}", Qt.ItemDataRole.AccessibleTextRole)
        count.setData(_RIGHT, Qt.ItemDataRole.TextAlignmentRole)
        for entity in members:
            name.appendRow(self._entity_items(entity, ranks))
        return [name, count]

    def _entity_items(self, entity: Entity, ranks) -> list:
        name = QStandardItem(group_icon(entity.group), entity.name)
        count = QStandardItem(str(entity.count))
        tooltip = entity_tooltip(entity)
        for item in (name, count):
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setData(entity, EntityRole.ENTITY)
            item.setData(entity.key, EntityRole.KEY)
            item.setData(entity.group, EntityRole.GROUP)
            item.setData(tooltip, Qt.ItemDataRole.ToolTipRole)
            for mode in SortMode:
                item.setData(ranks[mode][entity.key], _SORT_ROLES[mode])
        mentions = plural("%n mention(s)", entity.count)
        name.setData(f"{entity.name}, {mentions}", Qt.ItemDataRole.AccessibleTextRole)
        name.setData("\n".join((entity.name, *entity.aliases)).casefold(), EntityRole.SEARCH_TEXT)
        count.setData(_RIGHT, Qt.ItemDataRole.TextAlignmentRole)
        self._rows[entity.key] = name
        return [name, count]

    def index_of_key(self, key: str) -> QModelIndex:
        """The column-0 index of the entity with this key, or an invalid index."""
        item = self._rows.get(key)
        return item.index() if item is not None else QModelIndex()

    def group_items(self) -> list[tuple[QStandardItem, QStandardItem]]:
        return [(self.item(row, 0), self.item(row, 1)) for row in range(self.rowCount())]


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


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
