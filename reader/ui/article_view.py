"""The article, typeset from the document model, with named highlight layers on top.

The view's text document is built once per Document with QTextCursor and formats
(never from HTML, so nothing in an article is ever read as markup), and
`toPlainText()` equals `Document.text`. Highlights are ExtraSelections kept in named
layers (find, entities, current mention...) that are merged into one
`setExtraSelections` call, so layers never clobber each other and the document
itself is never touched to highlight.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.document import BlockKind, Document
from reader.ui.colors import accent_color
from reader.ui.offsets import Utf16Offsets

BASE_POINT_SIZE = 12.0
MIN_POINT_SIZE = 7.0
MAX_POINT_SIZE = 40.0
MEASURE_EM = 38  # comfortable line length, in ems of the body font
LAYER_ORDER = ("summary", "show_all", "entities", "find", "current")

ExtraSelection = QTextEdit.ExtraSelection

# Qt's FontSizeAdjustment steps scale the document's default font: +3 is 2x, +1 is 1.2x,
# -1 is 0.8x. Relative sizes let zoom change one number instead of every format.
_SIZE_STEP = {
    BlockKind.TITLE: 2,
    BlockKind.BYLINE: -1,
    BlockKind.TAGS: -1,
    BlockKind.KEY_POINTS_LABEL: -1,
    BlockKind.HEADING: 1,
}
_BUILD_CHUNK_CHARS = 24_000
_BLOCK_COST_CHARS = 60  # a new block costs Qt about as much as this many characters


# Space between the key points list and a paragraph right under it.
KEY_POINTS_AFTER_MARGIN = 14


class ArticleView(QTextEdit):
    """Read-only article view.

    Signals:
        documentShown(): the whole document's text is in the view.
        positionClicked(int): the user clicked the text at this `Document.text` offset.
        zoomChanged(float): the body font's point size changed.
    """

    documentShown = Signal()
    positionClicked = Signal(int)
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
        self._document: Document | None = None
        self._offsets = Utf16Offsets("")
        self._layers: dict[str, list[ExtraSelection]] = {}
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
        return self._document

    @property
    def offsets(self) -> Utf16Offsets:
        return self._offsets

    def show_document(self, document: Document) -> None:
        """Typeset `document`; long documents are built in slices so the window stays live."""
        self._build_timer.stop()
        self._document = document
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

    def clear_document(self) -> None:
        self._build_timer.stop()
        self._pending = ()
        self._next = 0
        self._document = None
        self._offsets = Utf16Offsets("")
        self._layers.clear()
        super().setExtraSelections([])
        self.clear()

    @property
    def is_building(self) -> bool:
        return self._next < len(self._pending)

    @Slot()
    def _build_next_chunk(self) -> None:
        document = self._document
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
                    if self._document is not None and self._document.key_points_ordered
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

    def set_layer(self, name: str, selections: Iterable[ExtraSelection]) -> None:
        """Replace one named highlight layer; the others stay."""
        self._layers[name] = list(selections)
        self._apply_layers()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply_layers()

    def layer(self, name: str) -> list[ExtraSelection]:
        return list(self._layers.get(name, ()))

    def _apply_layers(self) -> None:
        ordered = [*LAYER_ORDER, *sorted(set(self._layers) - set(LAYER_ORDER))]
        merged: list[ExtraSelection] = []
        for name in ordered:
            merged.extend(self._layers.get(name, ()))
        super().setExtraSelections(merged)

    def setExtraSelections(self, selections) -> None:
        """Direct calls set the unnamed layer, so they cannot wipe named ones."""
        self.set_layer("other", selections)

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
            self.positionClicked.emit(self.offset_at(event.position().toPoint()))

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
        if event.type() == QEvent.Type.PaletteChange and self._document is not None:
            # Formats carry palette colours: retypeset so a light/dark switch reads well.
            # Highlight owners re-apply their layers on documentShown.
            self.show_document(self._document)
