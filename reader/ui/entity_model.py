"""The entity tree's data: group rows with entity rows under them, fed from one Analysis.

Sorting and filtering happen in `EntityFilterProxy` over the same model, so
changing either never re-runs the analysis.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from reader.analysis import Analysis, Entity, EntityGroup
from reader.document import Document
from reader.ui.colors import group_color

_ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument
_NO_PARENT = 0  # internal id of group rows; entity rows store their group's row + 1
_GROUP_ORDER = {group: i for i, group in enumerate(EntityGroup)}
CONTEXT_CHARS = 220


class EntityRole(IntEnum):
    """Custom data roles: what the panel and the proxy read from a row."""

    ENTITY = Qt.ItemDataRole.UserRole + 1  # the Entity (entity rows only)
    KEY = Qt.ItemDataRole.UserRole + 2  # Entity.key, or "group:<value>" for a group row
    GROUP = Qt.ItemDataRole.UserRole + 3  # the EntityGroup of the row
    SEARCH_TEXT = Qt.ItemDataRole.UserRole + 4  # name and aliases, case-folded


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


@dataclass(frozen=True, slots=True)
class _GroupRow:
    group: EntityGroup
    entities: tuple[Entity, ...]


class EntityTreeModel(QAbstractItemModel):
    """Two levels: one row per entity group present, its entities beneath.

    Column 0 shows the name (group title or entity name), column 1 the count
    (entities in a group, mentions of an entity).
    """

    COLUMNS = ("Name", "Mentions")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: tuple[_GroupRow, ...] = ()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        entities = analysis.entities if analysis is not None else ()
        self._groups = tuple(
            _GroupRow(group, members)
            for group in EntityGroup
            if (members := tuple(e for e in entities if e.group is group))
        )
        self.endResetModel()

    def index_of_key(self, key: str) -> QModelIndex:
        """The column-0 index of the entity with this key, or an invalid index."""
        for row, group_row in enumerate(self._groups):
            for child, entity in enumerate(group_row.entities):
                if entity.key == key:
                    return self.createIndex(child, 0, row + 1)
        return QModelIndex()

    # --- QAbstractItemModel --------------------------------------------------------

    def index(self, row: int, column: int, parent: _ModelIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _ModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: _ModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _NO_PARENT:
            return 0
        return len(self._groups[parent.row()].entities)

    def columnCount(self, parent: _ModelIndex = _ROOT) -> int:
        return len(self.COLUMNS)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group_row = self._groups[index.internalId() - 1]
        return self._entity_data(group_row.entities[index.row()], index.column(), role)

    def _group_data(self, group_row: _GroupRow, column: int, role: int):
        group = group_row.group
        if role == Qt.ItemDataRole.DisplayRole:
            return group.plural_title if column == 0 else str(len(group_row.entities))
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return group_icon(group)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return f"{group.plural_title}, {len(group_row.entities)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == EntityRole.KEY:
            return f"group:{group.value}"
        if role == EntityRole.GROUP:
            return group
        return None

    def _entity_data(self, entity: Entity, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.name if column == 0 else str(entity.count)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return group_icon(entity.group)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entity_tooltip(entity)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            mentions = "mention" if entity.count == 1 else "mentions"
            return f"{entity.name}, {entity.count} {mentions}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == EntityRole.ENTITY:
            return entity
        if role == EntityRole.KEY:
            return entity.key
        if role == EntityRole.GROUP:
            return entity.group
        if role == EntityRole.SEARCH_TEXT:
            return "\n".join((entity.name, *entity.aliases)).casefold()
        return None


def group_name(group: EntityGroup) -> str:
    """The singular a tooltip shows ("Person", "Place")."""
    return group.value.title()


def entity_tooltip(entity: Entity) -> str:
    lines = [f"{entity.name} — {group_name(entity.group)}"]
    if entity.aliases:
        lines.append("Also: " + ", ".join(entity.aliases))
    lines.append(f"{entity.count} mention{'' if entity.count == 1 else 's'}")
    return "\n".join(lines)


class EntityFilterProxy(QSortFilterProxyModel):
    """Sorts entities within their group and filters them by name or alias.

    Groups keep the sidebar's fixed order and are shown while any of their entities is.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._mode = SortMode.SALIENCE
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    @property
    def sort_mode(self) -> SortMode:
        return self._mode

    def set_sort_mode(self, mode: SortMode) -> None:
        if mode != self._mode:
            self._mode = mode
            self.invalidate()
            self.sort(0, Qt.SortOrder.AscendingOrder)

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = needle
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:
        if not self._needle:
            return True
        if not source_parent.isValid():
            return False  # a group is shown through its matching entities
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in index.data(EntityRole.SEARCH_TEXT)

    def lessThan(self, left: _ModelIndex, right: _ModelIndex) -> bool:
        a = left.data(EntityRole.ENTITY)
        b = right.data(EntityRole.ENTITY)
        if a is None or b is None:
            return (
                _GROUP_ORDER[left.data(EntityRole.GROUP)]
                < _GROUP_ORDER[right.data(EntityRole.GROUP)]
            )
        return self._sort_key(a) < self._sort_key(b)

    def _sort_key(self, entity: Entity) -> tuple:
        name = entity.name.casefold()
        if self._mode is SortMode.NAME:
            return (name, entity.first_offset)
        if self._mode is SortMode.FIRST_APPEARANCE:
            return (entity.first_offset, name)
        return (-entity.salience, -entity.count, entity.first_offset, name)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # While filtering, a group's count is the number of its entities still listed.
        if (
            self._needle
            and role == Qt.ItemDataRole.DisplayRole
            and index.column() == 1
            and index.isValid()
            and not index.parent().isValid()
        ):
            return str(self.rowCount(index.siblingAtColumn(0)))
        return super().data(index, role)


# --- mention contexts (pure functions: no Qt objects involved) -------------------------


@dataclass(frozen=True, slots=True)
class MentionContext:
    """The sentence (or paragraph) around mentions of an entity, for the detail list."""

    mention_index: int  # the first of the entity's mentions inside this context
    start: int
    end: int


def mention_contexts(
    document: Document, analysis: Analysis, entity: Entity, limit: int | None = None
) -> tuple[MentionContext, ...]:
    """One context per sentence that mentions `entity`, in article order (the first `limit`).

    Sentences come from the analysis; a mention outside every sentence (a heading,
    a key point, or no sentences at all) has its block as the context.
    """
    sentence_starts = [s for s, _ in analysis.sentences]
    blocks = [(b.start, b.end) for b in document.blocks]
    block_starts = [b.start for b in document.blocks]
    contexts: list[MentionContext] = []
    for i, mention in enumerate(entity.mentions):
        span = _span_at(analysis.sentences, sentence_starts, mention.start) or _span_at(
            blocks, block_starts, mention.start
        )
        start, end = span or (mention.start, mention.end)
        if contexts and contexts[-1].start == start:
            continue
        if limit is not None and len(contexts) >= limit:
            break
        contexts.append(MentionContext(i, start, end))
    return tuple(contexts)


def _span_at(spans, starts: list[int], offset: int) -> tuple[int, int] | None:
    k = bisect_right(starts, offset) - 1
    if k >= 0 and spans[k][0] <= offset < spans[k][1]:
        return spans[k]
    return None


def context_line(document: Document, context: MentionContext, focus: int) -> str:
    """A context as one readable line; long paragraphs are cut at words around `focus`."""
    start, end = context.start, context.end
    text = document.text
    if end - start > CONTEXT_CHARS:
        start = max(context.start, focus - CONTEXT_CHARS // 3)
        end = min(context.end, start + CONTEXT_CHARS)
        while context.start < start < focus and not text[start - 1].isspace():
            start += 1
        while focus < end < context.end and not text[end].isspace():
            end -= 1
    line = re.sub(r"\s+", " ", text[start:end]).strip()
    prefix = "…" if start > context.start else ""
    suffix = "…" if end < context.end else ""
    return f"{prefix}{line}{suffix}"


def mention_sentences(document: Document, analysis: Analysis, entity: Entity) -> list[str]:
    """Every sentence mentioning `entity`, whole and whitespace-normalised, for copying."""
    return [
        re.sub(r"\s+", " ", document.text[c.start : c.end]).strip()
        for c in mention_contexts(document, analysis, entity)
    ]
