"""Highlights as data: a span layer is a name, an order, spans and a style.

A panel that wants something shown in the article (find matches, the summary sentence
clicked, later quotes, times, figures) builds a `SpanLayer` and hands it to
`ArticleView.set_span_layer`. The view turns it into ExtraSelections itself, in one
place, again after every retypeset (a palette change), merges all layers by `order`
into one `setExtraSelections`, puts `mark`-coloured marks for the layer on the
scrollbar, and, for a `clickable` layer, says which span was clicked
(`ArticleView.spanClicked(name, row)`). Colours are plain '#rrggbb' names; a
`tint` blends the colour into the page's background, so a layer reads well in light
and dark palettes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from reader.ui.colors import tint

# Orders of the built-in layers; lower is drawn first, so higher ones show on top.
SUMMARY_ORDER = 10
SHOW_ALL_ORDER = 20
FEATURE_ORDER = 30  # quotes, times, figures
ENTITIES_ORDER = 40
FIND_ORDER = 50


@dataclass(frozen=True, slots=True)
class SpanStyle:
    """How spans look: background (tinted into the page by `tint`, 1.0 = as is), text, underline."""

    background: str = ""
    tint: float = 1.0
    foreground: str = ""
    underline: str = ""
    bold: bool = False

    def char_format(self, palette: QPalette) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if self.background:
            color = QColor(self.background)
            fmt.setBackground(color if self.tint >= 1.0 else tint(color, palette, self.tint))
        if self.foreground:
            fmt.setForeground(QColor(self.foreground))
        if self.underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(self.underline))
        if self.bold:
            fmt.setFontWeight(700)
        return fmt


@dataclass(frozen=True, slots=True)
class SpanLayer:
    """One kind of highlight: `spans` are (start, end) offsets into `Document.text`.

    `current` is the index of a span drawn in `current_style` instead (the match or
    mention in focus), -1 for none.
    """

    name: str
    order: int
    spans: tuple[tuple[int, int], ...]
    style: SpanStyle
    current: int = -1
    current_style: SpanStyle | None = None
    mark: str = ""
    clickable: bool = False
