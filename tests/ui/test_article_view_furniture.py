"""Captions, promos, section labels and readers' comments are shown quietly, apart from the story."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QTextFormat

from reader.document import BlockKind, parse_article
from reader.ui.article_view import ArticleView

PAGE = """\
World

Port Workers Strike Over Fuel Prices

2 of 6. Dock workers gather outside the port gates in the early morning. REUTERS/Ana Petrova

Ten films to watch this winter.

PORTVILLE (Reuters) - Thousands of port workers walked off the job on Tuesday, demanding that the government reverse a sharp rise in fuel prices.

Comments

Great article, thank you for the detail! - Jim, Ohio
"""


def test_furniture_is_small_and_grey_and_comments_stand_apart(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    document = parse_article(PAGE)
    view.show_document(document)
    qtbot.waitUntil(lambda: not view.is_building, timeout=5000)
    assert view.toPlainText() == document.text
    quiet = view.palette().color(QPalette.ColorRole.PlaceholderText)
    qblock = view.document().begin()
    seen = set()
    for block in document.blocks:
        char = qblock.charFormat()
        size = char.property(QTextFormat.Property.FontSizeAdjustment)
        if block.kind in (
            BlockKind.SECTION_LABEL,
            BlockKind.CAPTION,
            BlockKind.PROMO,
            BlockKind.COMMENTS,
        ):
            assert size == -1, block.kind
            assert char.foreground().color() == quiet, block.kind
            seen.add(block.kind)
        elif block.kind is BlockKind.PARAGRAPH:
            assert not size
            assert char.foreground().color() != quiet
        if block.kind is BlockKind.COMMENTS and block.level:
            assert qblock.blockFormat().topMargin() >= 20  # a gap before the comments
        qblock = qblock.next()
    assert len(seen) == 4
