"""Entity highlights on the article: the "entities" and "show_all" layers.

The current mention of the walk (F3) is the one selection of the "entities" layer
drawn in the group's full colour.

A click builds selections only for the chosen entities' mentions; the document is
never touched, so highlighting stays instant on long articles. "Show all" only
builds selections near the visible part of the article and follows scrolling.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtWidgets import QToolTip

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.document import Document
from reader.document.spans import SpanIndex
from reader.ui.article_view import ArticleView, ExtraSelection, no_cursor_layout
from reader.ui.colors import group_color, is_dark, relative_luminance, tint
from reader.ui.entity_model import group_name
from reader.ui.marked_scrollbar import MarkedScrollBar
from reader.ui.selection import Selection
from reader.ui.session import Reason

ENTITIES_LAYER = "entities"
SHOW_ALL_LAYER = "show_all"
# "Show all" covers the visible text plus this many screens above and below, so that
# scrolling rarely needs a rebuild and never shows bare text.
SHOW_ALL_MARGIN_SCREENS = 2


def readable_text_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with `background` (WCAG contrast ratio)."""
    lum = relative_luminance(background)
    on_black = (lum + 0.05) / 0.05
    on_white = 1.05 / (lum + 0.05)
    return QColor("#000000") if on_black >= on_white else QColor("#FFFFFF")


def line_color(group: EntityGroup, palette: QPalette) -> QColor:
    """The group colour adjusted to stand out as a thin line on the page's background."""
    color = group_color(group)
    if is_dark(palette):
        return color.lighter(150) if relative_luminance(color) < 0.25 else color
    return color.darker(150) if relative_luminance(color) > 0.45 else color


@dataclass(frozen=True)
class GroupFormats:
    """The three looks of a mention of one group, for the current palette."""

    highlight: QTextCharFormat
    current: QTextCharFormat
    underline: QTextCharFormat


def group_formats(group: EntityGroup, palette: QPalette) -> GroupFormats:
    color = group_color(group)
    highlight = QTextCharFormat()
    highlight.setBackground(tint(color, palette, 0.42))
    current = QTextCharFormat()
    current.setBackground(color)
    current.setForeground(readable_text_on(color))
    current.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    current.setUnderlineColor(readable_text_on(color))
    underline = QTextCharFormat()
    underline.setBackground(tint(color, palette, 0.12))
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    underline.setUnderlineColor(line_color(group, palette))
    return GroupFormats(highlight, current, underline)


# Mentions whose selections are prebuilt per idle event-loop turn (about 15 ms).
PREBUILD_SLICE = 300


class MentionHighlighter(QObject):
    """Owns the entity highlight layers of an ArticleView and walking through mentions.

    Hears the session as panels do (show_pending / show_analysis / show_unavailable).

    It highlights what the window's `Selection` holds, and writes it: a click on a
    mention selects its entity (Ctrl+click adds it), Esc clears.

    Signals:
        statusMessage(text): "mention i of N", or "" when nothing is highlighted.
        currentChanged(key, mention_index): the current mention moved.
    """

    statusMessage = Signal(str)
    currentChanged = Signal(str, int)

    def __init__(
        self, view: ArticleView, selection: Selection, scrollbar: MarkedScrollBar | None = None
    ) -> None:
        super().__init__(view)
        self._view = view
        self._selection = selection
        selection.changed.connect(self.highlight)
        self._scrollbar = scrollbar
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._by_key: dict[str, Entity] = {}
        self._formats: dict[EntityGroup, GroupFormats] = {}
        self._keys: list[str] = []
        self._walk: list[tuple[Mention, Entity]] = []
        self._walk_selections: list[ExtraSelection] = []
        # Each entity's selections, built once per article and palette: a second click,
        # or a first click on an entity prebuilt while the reader was reading, is instant.
        self._selections: dict[str, list[ExtraSelection]] = {}
        self._prebuild: list[str] = []
        self._partial: list[ExtraSelection] = []  # the entity being prebuilt, so far
        self._prebuild_timer = QTimer(self)
        self._prebuild_timer.setInterval(0)
        self._prebuild_timer.timeout.connect(self._prebuild_next)
        self._index = -1
        self._anchor: int | None = None
        self._mention_index: SpanIndex[tuple[int, int]] | None = None
        self._show_all = False
        self._show_all_range: tuple[int, int] | None = None
        self._watched_document = None
        self._marks_timer = QTimer(self)
        self._marks_timer.setSingleShot(True)
        self._marks_timer.setInterval(0)
        self._marks_timer.timeout.connect(self._update_marks)

        view.positionClicked.connect(self._on_position_clicked)
        view.verticalScrollBar().valueChanged.connect(self._update_show_all)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    # --- panel protocol -----------------------------------------------------------

    def show_pending(self, document: Document) -> None:
        self._reset(document, None)

    def show_analysis(self, document: Document, analysis: Analysis, reason: str) -> None:
        if document is self._document and analysis is self._analysis:
            # The view was retypeset (e.g. a palette change): same highlights, new colours.
            self._formats.clear()
            self._refresh(analysis)
            return
        if reason == Reason.CORRECTED and document is self._document:
            self._refresh(analysis)  # same article, same selection, same place
            return
        self._reset(document, analysis)
        if self._show_all:
            self._update_show_all()

    def _refresh(self, analysis: Analysis) -> None:
        """Show `analysis` keeping what is highlighted and the current mention, no scrolling."""
        self._analysis = analysis
        self._by_key = {e.key: e for e in analysis.entities}
        self._keys = [k for k in self._keys if k in self._by_key]
        self._schedule_prebuild()
        self._mention_index = None
        self._show_all_range = None
        self._rebuild(keep_index=True)
        self._update_show_all()

    def show_unavailable(self, message: str) -> None:
        self._reset(self._document, None)

    def _reset(self, document: Document | None, analysis: Analysis | None) -> None:
        had_keys = bool(self._keys)
        self._document = document
        self._analysis = analysis
        self._by_key = {e.key: e for e in analysis.entities} if analysis else {}
        self._formats.clear()
        self._schedule_prebuild()
        self._mention_index = None
        self._show_all_range = None
        self._keys = []
        self._walk = []
        self._walk_selections = []
        self._index = -1
        self._anchor = None
        for layer in (ENTITIES_LAYER, SHOW_ALL_LAYER):
            self._view.clear_layer(layer)
        self._schedule_marks()
        if had_keys:
            self.statusMessage.emit("")
        qdoc = self._view.document()
        if qdoc is not self._watched_document:  # the view makes a new one per article
            self._watched_document = qdoc
            qdoc.documentLayout().documentSizeChanged.connect(self._schedule_marks)

    def _schedule_prebuild(self) -> None:
        """Entities with many mentions get their selections ready in idle time."""
        self._selections.clear()
        self._prebuild = [
            e.key for e in sorted(self._by_key.values(), key=lambda e: -e.count) if e.count >= 200
        ]
        self._partial = []
        if self._prebuild:
            self._prebuild_timer.start()
        else:
            self._prebuild_timer.stop()

    # --- what is highlighted ----------------------------------------------------------

    @property
    def highlighted_keys(self) -> list[str]:
        return list(self._keys)

    @property
    def current_index(self) -> int:
        return self._index

    @property
    def mention_count(self) -> int:
        return len(self._walk)

    @property
    def current_mention(self) -> tuple[Mention, Entity] | None:
        return self._walk[self._index] if 0 <= self._index < len(self._walk) else None

    @Slot(list)
    def highlight(self, keys: Sequence[str]) -> None:
        """Highlight every mention of these entities; the view scrolls to the first new one."""
        anchor, self._anchor = self._anchor, None
        previous = set(self._keys)
        self._keys = [k for k in keys if k in self._by_key]
        added = [k for k in self._keys if k not in previous]
        current = self.current_mention
        self._rebuild(keep_index=False, show=False)
        if not self._walk:
            return
        if anchor is not None:
            self._index = self._walk_index_at(anchor)
            self._show_current(scroll=False)
        elif added:
            first = self._by_key[added[0]].mentions[0]
            self._index = self._walk_index_at(first.start)
            self._show_current(scroll=True)
        else:
            self._index = self._walk_index_at(current[0].start) if current else 0
            self._show_current(scroll=False)

    @Slot()
    def clear(self) -> None:
        self._selection.clear()

    @Slot()
    def next_mention(self) -> None:
        self._step(1)

    @Slot()
    def previous_mention(self) -> None:
        self._step(-1)

    @Slot(str, int)
    def go_to_mention(self, key: str, mention_index: int) -> None:
        """Make this mention of a highlighted entity the current one and scroll to it."""
        entity = self._by_key.get(key)
        if entity is None or key not in self._keys:
            return
        self._index = self._walk_index_at(entity.mentions[mention_index].start)
        self._show_current(scroll=True)

    @Slot()
    def restart(self) -> None:
        """Back to the first highlighted mention, scrolled into view (Enter in the sidebar)."""
        if self._walk:
            self._index = 0
            self._show_current(scroll=True)

    def _step(self, delta: int) -> None:
        if not self._walk:
            return
        self._index = (self._index + delta) % len(self._walk)
        self._show_current(scroll=True)

    def _walk_index_at(self, offset: int) -> int:
        walk = SpanIndex((m.start, m.end, i) for i, (m, _) in enumerate(self._walk))
        return max(0, min(len(self._walk) - 1, walk.floor(offset)))

    def _group_formats(self, group: EntityGroup) -> GroupFormats:
        formats = self._formats.get(group)
        if formats is None:
            formats = self._formats[group] = group_formats(group, self._view.palette())
        return formats

    def _rebuild(self, keep_index: bool, show: bool = True) -> None:
        """Rebuild the selections for the highlighted entities.

        With `show`, the current mention is shown at once; callers that pick the
        current mention themselves pass False, so the layer is set only once.
        """
        entities = [self._by_key[k] for k in self._keys]
        if len(entities) == 1:
            walk = [(m, entities[0]) for m in entities[0].mentions]
        else:
            walk = list(
                heapq.merge(
                    *([(m, e) for m in e.mentions] for e in entities),
                    key=lambda pair: (pair[0].start, pair[0].end),
                )
            )
        view = self._view
        self._walk = walk
        if len(entities) == 1:
            self._walk_selections = list(self._entity_selections(entities[0]))
        else:
            by_mention = {
                id(m): sel
                for e in entities
                for m, sel in zip(e.mentions, self._entity_selections(e), strict=True)
            }
            self._walk_selections = [by_mention[id(m)] for m, _ in walk]
        if not keep_index or not walk:
            self._index = 0 if walk else -1
        self._index = min(self._index, len(walk) - 1)
        if walk:
            if show:
                self._show_current(scroll=False)
        else:
            view.clear_layer(ENTITIES_LAYER)
            self.statusMessage.emit("")
        self._schedule_marks()

    def _entity_selections(self, entity: Entity) -> list[ExtraSelection]:
        """One selection per mention of `entity`, in its group's highlight format."""
        cached = self._selections.get(entity.key)
        if cached is None:
            view = self._view
            fmt = self._group_formats(entity.group).highlight
            with no_cursor_layout(view):
                cached = [view.make_selection(m.start, m.end, fmt) for m in entity.mentions]
            self._selections[entity.key] = cached
        return cached

    @Slot()
    def _prebuild_next(self) -> None:
        """Build a slice of one entity's selections per event-loop turn.

        Outside an edit block, Qt lays out each cursor's line as it is placed: slower
        here, in idle time, but the first click then costs no layout at all.
        """
        if self._view.is_building:
            return  # the text is not all there yet; try again next turn
        while self._prebuild:
            key = self._prebuild[0]
            entity = self._by_key.get(key)
            if entity is None or key in self._selections:
                self._prebuild.pop(0)
                self._partial = []
                continue
            fmt = self._group_formats(entity.group).highlight
            done = len(self._partial)
            for mention in entity.mentions[done : done + PREBUILD_SLICE]:
                self._partial.append(self._view.make_selection(mention.start, mention.end, fmt))
            if len(self._partial) == len(entity.mentions):
                self._selections[key] = self._partial
                self._partial = []
                self._prebuild.pop(0)
            return
        self._prebuild_timer.stop()

    def _show_current(self, scroll: bool) -> None:
        view = self._view
        i = self._index
        mention, entity = self._walk[i]
        # The current mention swaps its look inside the one layer: one selection per mention,
        # and one setExtraSelections per step (each costs time proportional to the mentions).
        current = self._group_formats(entity.group).current
        view.set_layer(
            ENTITIES_LAYER,
            [
                *self._walk_selections[:i],
                view.make_selection(mention.start, mention.end, current),
                *self._walk_selections[i + 1 :],
            ],
        )
        if scroll:
            view.scroll_to_offset(mention.start, mention.end)
        self.statusMessage.emit(f"mention {i + 1} of {len(self._walk)}")
        self.currentChanged.emit(entity.key, entity.mentions.index(mention))

    # --- scrollbar marks ----------------------------------------------------------

    @Slot()
    def _schedule_marks(self) -> None:
        if self._scrollbar is not None:
            self._marks_timer.start()

    @Slot()
    def _update_marks(self) -> None:
        if self._scrollbar is None:
            return
        palette = self._view.palette()
        colors = {group: line_color(group, palette) for group in EntityGroup}
        fractions = self._view.mark_fractions(m.start for m, _ in self._walk)
        marks = [
            (f, colors[entity.group])
            for f, (_, entity) in zip(fractions, self._walk, strict=True)
            if f is not None
        ]
        self._view.set_marks(ENTITIES_LAYER, marks)

    # --- show all -------------------------------------------------------------------

    @property
    def show_all(self) -> bool:
        return self._show_all

    @Slot(bool)
    def set_show_all(self, on: bool) -> None:
        self._show_all = on
        self._show_all_range = None
        if on:
            self._update_show_all()
        else:
            self._view.clear_layer(SHOW_ALL_LAYER)

    def _index_of_mentions(self) -> SpanIndex[tuple[int, int]]:
        """Every mention of every entity; payload: (entity row, mention row)."""
        if self._mention_index is None:
            entities = self._analysis.entities if self._analysis else ()
            self._mention_index = SpanIndex(
                (m.start, m.end, (i, k))
                for i, e in enumerate(entities)
                for k, m in enumerate(e.mentions)
            )
        return self._mention_index

    @Slot()
    def _update_show_all(self) -> None:
        if not self._show_all or self._analysis is None:
            return
        view = self._view
        viewport = view.viewport()
        top = view.offset_at(QPoint(0, 0))
        bottom = view.offset_at(QPoint(viewport.width(), viewport.height()))
        built = self._show_all_range
        if built is not None and built[0] <= top and bottom <= built[1]:
            return
        margin = SHOW_ALL_MARGIN_SCREENS * max(bottom - top, 1000)
        start, end = max(0, top - margin), bottom + margin
        index = self._index_of_mentions()
        entities = self._analysis.entities
        with no_cursor_layout(view):
            selections = [
                view.make_selection(
                    index.starts[row],
                    index.ends[row],
                    self._group_formats(entities[index.payloads[row][0]].group).underline,
                )
                for row in index.rows_between(start, end)
            ]
        self._show_all_range = (start, end)
        view.set_layer(SHOW_ALL_LAYER, selections)

    # --- the article's clicks, keys and tooltips ------------------------------------

    def entity_at(self, offset: int) -> tuple[Entity, int] | None:
        """The entity mentioned at this offset and which of its mentions it is."""
        if self._analysis is None:
            return None
        index = self._index_of_mentions()
        row = index.at(offset)
        if row is None:
            return None
        entity_row, mention_row = index.payloads[row]
        return self._analysis.entities[entity_row], mention_row

    @Slot(int)
    def _on_position_clicked(self, offset: int) -> None:
        found = self.entity_at(offset)
        if found is None:
            return
        entity, mention_index = found
        additive = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
        self._anchor = entity.mentions[mention_index].start
        if additive:
            self._selection.add(entity.key)
        else:
            self._selection.set_keys([entity.key])
        if self._anchor is not None and entity.key in self._keys:
            # The entity was already selected, so the selection did not change.
            self._anchor = None
            self.go_to_mention(entity.key, mention_index)
        self._anchor = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip and watched is self._view.viewport():
            return self._show_tooltip(event)
        if kind == QEvent.Type.Resize and watched is self._view.viewport():
            self._show_all_range = None
            QTimer.singleShot(0, self._update_show_all)
        return super().eventFilter(watched, event)

    def _show_tooltip(self, event) -> bool:
        found = self.entity_at(self._view.offset_at(event.pos()))
        if found is not None and (self._show_all or found[0].key in self._keys):
            entity = found[0]
            QToolTip.showText(
                event.globalPos(),
                f"{entity.name} — {group_name(entity.group)}",
                self._view.viewport(),
            )
        else:
            QToolTip.hideText()
        return True
