"""The article, typeset from the document model, with named highlight layers on top.

The view's text document is built once per Document with QTextCursor and formats
(never from HTML, so nothing in an article is ever read as markup), and
`toPlainText()` equals `Document.text`. Highlights are ExtraSelections kept in named
layers that are merged by order into one `setExtraSelections` call, so layers never
clobber each other and the document itself is never touched to highlight. Most
layers are `SpanLayer`s (plain data, see `reader.ui.layers`) that the view resolves
itself, again after a retypeset; the entity highlighter hands in its own cached
selections for speed (`set_layer`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.document import BlockKind, Document
from reader.document.spans import SpanIndex
from reader.ui.colors import accent_color
from reader.ui.layers import ENTITIES_ORDER, SHOW_ALL_ORDER, SpanLayer
from reader.ui.marked_scrollbar import MarkedScrollBar
from reader.ui.offsets import Utf16Offsets

BASE_POINT_SIZE = 12.0
MIN_POINT_SIZE = 7.0
MAX_POINT_SIZE = 40.0
MEASURE_EM = 38  # comfortable line length, in ems of the body font
# Orders of the layers given as ready-made selections (`set_layer`); span layers carry theirs.
SELECTION_LAYER_ORDER = {"show_all": SHOW_ALL_ORDER, "entities": ENTITIES_ORDER}

ExtraSelection = QTextEdit.ExtraSelection

# Qt's FontSizeAdjustment steps scale the document's default font: +3 is 2x, +1 is 1.2x,
# -1 is 0.8x. Relative sizes let zoom change one number instead of every format.
_SIZE_STEP = {
    BlockKind.TITLE: 2,
    BlockKind.BYLINE: -1,
    BlockKind.TAGS: -1,
    BlockKind.KEY_POINTS_LABEL: -1,
    BlockKind.HEADING: 1,
    BlockKind.SECTION_LABEL: -1,
    BlockKind.CAPTION: -1,
    BlockKind.PROMO: -1,
    BlockKind.COMMENTS: -1,
}
_BUILD_CHUNK_CHARS = 24_000
_BLOCK_COST_CHARS = 60  # a new block costs Qt about as much as this many characters


@contextmanager
def no_cursor_layout(view: QTextEdit) -> Iterator[None]:
    """Make positioning many cursors cheap.

    QTextCursor.setPosition lays out the target line to remember the cursor's x
    position (for up/down movement), except inside an edit block. Highlight
    cursors never move, so thousands of them are created inside an empty edit
    block, which changes nothing in the document.
    """
    guard = QTextCursor(view.document())
    guard.beginEditBlock()
    try:
        yield
    finally:
        guard.endEditBlock()


# Space between the key points list and a paragraph right under it.
KEY_POINTS_AFTER_MARGIN = 14


class ArticleView(QTextEdit):
    """Read-only article view.

    Signals:
        documentShown(): the whole document's text is in the view.
        positionClicked(int): the user clicked the text at this `Document.text` offset.
        spanClicked(layer, row): ... on span `row` of a clickable span layer (topmost first).
        zoomChanged(float): the body font's point size changed.
    """

    documentShown = Signal()
    positionClicked = Signal(int)
    spanClicked = Signal(str, int)
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName("Article")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # files dropped here go to the window
        self._article: Document | None = None
        self._offsets = Utf16Offsets("")
        self._layers: dict[str, list[ExtraSelection]] = {}
        self._orders: dict[str, int] = dict(SELECTION_LAYER_ORDER)
        self._span_layers: dict[str, SpanLayer] = {}
        self._span_indexes: dict[str, SpanIndex[int]] = {}
        self._point_size = BASE_POINT_SIZE
        self._pending: tuple = ()  # blocks of the document being built
        self._next = 0  # index of the next block to insert
        self._build_timer = QTimer(self)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_next_chunk)
        self._cursor: QTextCursor | None = None
        self._list = None
        self._first_block = True
        self._format_cache: dict = {}
        self._apply_default_font()

    # --- the document -------------------------------------------------------------

    @property
    def article(self) -> Document | None:
        return self._article

    @property
    def offsets(self) -> Utf16Offsets:
        return self._offsets

    def show_document(self, document: Document) -> None:
        """Typeset `document`; long documents are built in slices so the window stays live."""
        self._build_timer.stop()
        if document is not self._article:  # a retypeset keeps the span layers
            self._span_layers.clear()
            self._span_indexes.clear()
            self._clear_marks()
        self._article = document
        self._offsets = Utf16Offsets(document.text)
        self._layers.clear()
        super().setExtraSelections([])
        qdoc = QTextDocument(self)
        qdoc.setUndoRedoEnabled(False)
        qdoc.setDocumentMargin(24)
        self._apply_default_font(qdoc)
        self.setDocument(qdoc)  # Qt deletes the previous document, a child of this view
        self._update_side_margins()
        self._cursor = QTextCursor(qdoc)
        self._list = None
        self._first_block = True
        self._format_cache: dict = {}
        self._pending = document.blocks
        self._next = 0
        self._build_next_chunk()
        if self.is_building:
            self._build_timer.start()

    @property
    def is_building(self) -> bool:
        return self._next < len(self._pending)

    @Slot()
    def _build_next_chunk(self) -> None:
        document = self._article
        if document is None or self._cursor is None:
            self._build_timer.stop()
            return
        # Slices of about _BUILD_CHUNK_CHARS keep each event-loop turn short.
        blocks = self._pending
        stop = self._next
        size = 0
        while stop < len(blocks) and size < _BUILD_CHUNK_CHARS:
            size += blocks[stop].end - blocks[stop].start + _BLOCK_COST_CHARS
            stop += 1
        chunk = blocks[self._next : stop]
        self._next = stop
        cursor = self._cursor
        cursor.beginEditBlock()
        for block in chunk:
            self._insert_block(
                cursor, block.kind, document.text[block.start : block.end], block.level
            )
        cursor.endEditBlock()
        if not self.is_building:
            self._build_timer.stop()
            self._cursor = None
            self.moveCursor(QTextCursor.MoveOperation.Start)
            for layer in list(self._span_layers.values()):
                self._resolve(layer)
            self.documentShown.emit()

    def _insert_block(self, cursor: QTextCursor, kind: BlockKind, text: str, level: int) -> None:
        formats = self._format_cache.get((kind, level))
        if formats is None:
            formats = self._format_cache[(kind, level)] = self._formats(kind, level)
        block_format, char_format = formats
        if self._first_block:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
            cursor.setCharFormat(char_format)
            self._first_block = False
        else:
            cursor.insertBlock(block_format, char_format)
        cursor.insertText(text, char_format)
        if kind is BlockKind.KEY_POINT:
            if self._list is None:
                list_format = QTextListFormat()
                list_format.setStyle(
                    QTextListFormat.Style.ListDecimal
                    if self._article is not None and self._article.key_points_ordered
                    else QTextListFormat.Style.ListDisc
                )
                list_format.setIndent(1)
                self._list = cursor.createList(list_format)
            else:
                self._list.add(cursor.block())
        else:
            if self._list is not None and kind is not BlockKind.HEADING:
                # Room between the key points' shaded list and the story that follows.
                spaced = cursor.blockFormat()
                spaced.setTopMargin(KEY_POINTS_AFTER_MARGIN)
                cursor.setBlockFormat(spaced)
            self._list = None

    def _formats(self, kind: BlockKind, level: int) -> tuple[QTextBlockFormat, QTextCharFormat]:
        palette = self.palette()
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = accent_color(palette)
        block = QTextBlockFormat()
        char = QTextCharFormat()
        step = _SIZE_STEP.get(kind, 0)
        if kind is BlockKind.HEADING and level >= 3:
            step = 0
        if step:
            char.setProperty(QTextFormat.Property.FontSizeAdjustment, step)
        block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if kind is BlockKind.TITLE:
            char.setFontWeight(QFont.Weight.Bold)
            block.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            block.setBottomMargin(10)
            block.setHeadingLevel(1)
        elif kind in (BlockKind.BYLINE, BlockKind.TAGS):
            char.setForeground(quiet)
            block.setBottomMargin(4)
            if kind is BlockKind.TAGS:
                char.setFontItalic(True)
        elif kind is BlockKind.KEY_POINTS_LABEL:
            char.setFontWeight(QFont.Weight.Bold)
            char.setFontCapitalization(QFont.Capitalization.AllUppercase)
            char.setFontLetterSpacing(108)
            char.setForeground(accent)
            block.setTopMargin(14)
            block.setBottomMargin(2)
        elif kind is BlockKind.KEY_POINT:
            block.setTopMargin(0)
            block.setBottomMargin(0)
            block.setBackground(self._key_point_background(palette))
        elif kind in (BlockKind.SECTION_LABEL, BlockKind.CAPTION, BlockKind.PROMO):
            # Page furniture around the story: there, but out of the way.
            char.setForeground(quiet)
            block.setBottomMargin(6)
            if kind is BlockKind.CAPTION:
                char.setFontItalic(True)
            elif kind is BlockKind.SECTION_LABEL:
                char.setFontCapitalization(QFont.Capitalization.AllUppercase)
        elif kind is BlockKind.COMMENTS:
            # Readers' comments, set apart from the story, below a gap.
            char.setForeground(quiet)
            block.setBottomMargin(6)
            block.setLeftMargin(16)
            if level:
                block.setTopMargin(28)
            if level == 1:
                char.setFontWeight(QFont.Weight.Bold)
                char.setFontCapitalization(QFont.Capitalization.AllUppercase)
                block.setLeftMargin(0)
        elif kind is BlockKind.HEADING:
            char.setFontWeight(QFont.Weight.Bold)
            block.setTopMargin(18)
            block.setBottomMargin(6)
            block.setHeadingLevel(max(2, min(level or 2, 6)))
            block.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        else:
            block.setBottomMargin(10)
        return block, char

    @staticmethod
    def _key_point_background(palette: QPalette) -> QColor:
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        mix = 0.10
        return QColor(
            round(base.red() * (1 - mix) + accent.red() * mix),
            round(base.green() * (1 - mix) + accent.green() * mix),
            round(base.blue() * (1 - mix) + accent.blue() * mix),
        )

    # --- offsets and highlight layers --------------------------------------------

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting `Document.text[start:end]`."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def make_selection(self, start: int, end: int, fmt: QTextCharFormat) -> ExtraSelection:
        selection = ExtraSelection()
        selection.cursor = self.cursor_for(start, end)
        selection.format = fmt
        return selection

    def set_span_layer(self, layer: SpanLayer) -> None:
        """Show (or replace) a span layer; it stays until cleared or another article is shown."""
        self._span_layers[layer.name] = layer
        self._span_indexes.pop(layer.name, None)
        self._orders[layer.name] = layer.order
        if not self.is_building:  # else resolved when the text is all there
            self._resolve(layer)

    def span_layer(self, name: str) -> SpanLayer | None:
        return self._span_layers.get(name)

    def _resolve(self, layer: SpanLayer) -> None:
        palette = self.palette()
        fmt = layer.style.char_format(palette)
        current = (layer.current_style or layer.style).char_format(palette)
        with no_cursor_layout(self):
            self._layers[layer.name] = [
                self.make_selection(start, end, current if i == layer.current else fmt)
                for i, (start, end) in enumerate(layer.spans)
            ]
        self._apply_layers()
        if layer.mark:
            color = QColor(layer.mark)
            fractions = self.mark_fractions(start for start, _ in layer.spans)
            self.set_marks(layer.name, [(f, color) for f in fractions if f is not None])

    def set_layer(self, name: str, selections: Iterable[ExtraSelection]) -> None:
        """Replace one layer of ready-made selections (see SELECTION_LAYER_ORDER); others stay."""
        self._layers[name] = list(selections)
        self._apply_layers()

    def clear_layer(self, name: str) -> None:
        had_span_layer = self._span_layers.pop(name, None) is not None
        self._span_indexes.pop(name, None)
        if had_span_layer:
            self.set_marks(name, [])
        if self._layers.pop(name, None) is not None:
            self._apply_layers()

    def layer(self, name: str) -> list[ExtraSelection]:
        return list(self._layers.get(name, ()))

    def _apply_layers(self) -> None:
        ordered = sorted(self._layers, key=lambda name: (self._orders.get(name, 0), name))
        merged: list[ExtraSelection] = []
        for name in ordered:
            merged.extend(self._layers[name])
        super().setExtraSelections(merged)

    def setExtraSelections(self, selections) -> None:
        """Direct calls set the unnamed layer, so they cannot wipe named ones."""
        self.set_layer("other", selections)

    def span_at(self, offset: int) -> tuple[str, int] | None:
        """The topmost clickable span layer with a span at `offset`, and the span's row."""
        layers = sorted(
            (layer for layer in self._span_layers.values() if layer.clickable),
            key=lambda layer: -layer.order,
        )
        for layer in layers:
            index = self._span_indexes.get(layer.name)
            if index is None:
                index = self._span_indexes[layer.name] = SpanIndex.of(layer.spans)
            row = index.at(offset)
            if row is not None:
                return layer.name, index.payloads[row]
        return None

    # --- scrollbar marks ---------------------------------------------------------------

    def set_marks(self, name: str, marks: Iterable[tuple[float, QColor]]) -> None:
        """A layer's marks on the scrollbar (when it can show marks)."""
        bar = self.verticalScrollBar()
        if isinstance(bar, MarkedScrollBar):
            bar.set_layer_marks(name, marks)

    def _clear_marks(self) -> None:
        bar = self.verticalScrollBar()
        if isinstance(bar, MarkedScrollBar):
            for name in self._span_layers:
                bar.set_layer_marks(name, [])

    def mark_fractions(self, offsets: Iterable[int]) -> list[float | None]:
        """Where (0.0 top .. 1.0 bottom) each `Document.text` offset is in the laid-out text."""
        qdoc = self.document()
        doc_layout = qdoc.documentLayout()
        height = max(1.0, doc_layout.documentSize().height())
        fractions: list[float | None] = []
        block = QTextBlock()
        top = block_height = 0.0
        length = 1
        for offset in offsets:
            position = self._offsets.to_qt(offset)
            if not block.isValid() or not (
                block.position() <= position < block.position() + block.length()
            ):
                block = qdoc.findBlock(position)
                if not block.isValid():
                    fractions.append(None)
                    continue
                rect = doc_layout.blockBoundingRect(block)
                top, block_height, length = rect.top(), rect.height(), max(1, block.length())
            # Within a block, interpolating beats laying out each line: marks are pixels apart.
            y = top + block_height * (position - block.position()) / length
            fractions.append(y / height)
        return fractions

    def scroll_to_offset(self, start: int, end: int | None = None) -> None:
        """Bring `Document.text[start:end]` into view, a little below the top edge."""
        cursor = self.cursor_for(start, start if end is None else end)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def offset_at(self, point) -> int:
        """The `Document.text` offset under a viewport point."""
        return self._offsets.from_qt(self.cursorForPosition(point).position())

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offset_at(event.position().toPoint())
            self.positionClicked.emit(offset)
            found = self.span_at(offset)
            if found is not None:
                self.spanClicked.emit(*found)

    # --- zoom and measure ------------------------------------------------------------

    @property
    def point_size(self) -> float:
        return self._point_size

    def set_point_size(self, size: float) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        if size == self._point_size:
            return
        self._point_size = size
        self._apply_default_font()
        self._update_side_margins()
        self.zoomChanged.emit(size)

    @Slot()
    def zoom_in(self) -> None:
        self.set_point_size(self._point_size + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_point_size(self._point_size - 1)

    @Slot()
    def reset_zoom(self) -> None:
        self.set_point_size(BASE_POINT_SIZE)

    def _apply_default_font(self, qdoc: QTextDocument | None = None) -> None:
        font = QFont()
        font.setFamilies(["Noto Serif", "DejaVu Serif", "Georgia", "Times New Roman", "serif"])
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(self._point_size)
        (qdoc or self.document()).setDefaultFont(font)

    def _update_side_margins(self) -> None:
        """Keep lines at a comfortable measure by centring the text column."""
        font = self.document().defaultFont()
        em = max(8.0, font.pointSizeF() * self.logicalDpiX() / 72.0)
        measure = MEASURE_EM * em
        side = max(24.0, (self.viewport().width() - measure) / 2.0)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) >= 1.0:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_side_margins()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._article is not None:
            # Formats carry palette colours: retypeset so a light/dark switch reads well.
            # Highlight owners re-apply their layers on documentShown.
            self.show_document(self._article)
