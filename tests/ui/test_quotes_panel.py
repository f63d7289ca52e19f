"""The quotes panel on an analysis built by hand: grouping, filtering, going there, copying."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QTreeView

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.analysis.model import Quote, Span, Speaker
from reader.document import parse_article
from reader.ui.quotes_panel import (
    UNATTRIBUTED,
    QuotesPanel,
    group_by_speaker,
    quote_citation,
    said_label,
    short_text,
)

ARTICLE = (
    "Ferry strike ends\n\n"
    "“We signed because the night shift stays,” said Margaret Holloway.\n\n"
    "Samuel Okafor said the harbour would reopen on Friday.\n\n"
    "“Nobody expected it to take this long,” a dock worker said.\n\n"
    "“The first boat leaves at six.”\n\n"
    "Holloway added that the union would meet again in spring."
)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def quote(text: str, content: str, kind: str, speaker=None, cue: str | None = None) -> Quote:
    start, end = span(text, content)
    cue_span = None
    if cue is not None:
        c_start, c_end = span(text, cue, end if kind != "indirect" else 0)
        cue_span = Span(c_start, c_end, cue)
    return Quote(start, end, content, kind, speaker, cue_span)


@pytest.fixture
def article():
    document = parse_article(ARTICLE)
    text = document.text
    holloway_spans = [span(text, "Margaret Holloway"), span(text, "Holloway added")]
    holloway = Entity(
        "Margaret Holloway",
        EntityGroup.PERSON,
        "PERSON",
        (
            Mention(*holloway_spans[0], "Margaret Holloway"),
            Mention(holloway_spans[1][0], holloway_spans[1][0] + 8, "Holloway"),
        ),
        salience=0.6,
    )
    okafor = Entity(
        "Samuel Okafor",
        EntityGroup.PERSON,
        "PERSON",
        (Mention(*span(text, "Samuel Okafor"), "Samuel Okafor"),),
        salience=0.3,
    )

    def said_by(entity: Entity, mention: Mention) -> Speaker:
        return Speaker(mention.start, mention.end, mention.text, entity.name, entity.key)

    worker = span(text, "a dock worker")
    quotes = (
        quote(
            text,
            "We signed because the night shift stays,",
            "direct",
            said_by(holloway, holloway.mentions[0]),
            "said",
        ),
        quote(
            text,
            "the harbour would reopen on Friday",
            "indirect",
            said_by(okafor, okafor.mentions[0]),
            "said",
        ),
        quote(
            text,
            "Nobody expected it to take this long,",
            "direct",
            Speaker(*worker, "a dock worker", "a dock worker", None),
            "said",
        ),
        quote(text, "The first boat leaves at six.", "direct"),
        quote(
            text,
            "the union would meet again in spring",
            "indirect",
            said_by(holloway, holloway.mentions[1]),
            "added",
        ),
    )
    analysis = Analysis(entities=(holloway, okafor), quotes=quotes)
    return document, analysis


@pytest.fixture
def panel(qtbot) -> QuotesPanel:
    widget = QuotesPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(panel: QuotesPanel) -> dict[str, list[tuple[str, str]]]:
    model = panel.model
    result = {}
    for row in range(model.rowCount()):
        speaker = model.item(row, 0)
        result[speaker.text()] = [
            (speaker.child(i, 0).text(), speaker.child(i, 1).text())
            for i in range(speaker.rowCount())
        ]
    return result


def test_quotes_are_grouped_by_speaker_in_salience_order_unattributed_last(
    panel, article, qtmodeltester
):
    document, analysis = article
    panel.show_quotes(document, analysis)
    qtmodeltester.check(panel.model)
    shown = rows(panel)
    assert list(shown) == [
        "Margaret Holloway (2)",
        "Samuel Okafor (1)",
        "a dock worker (1)",
        f"{UNATTRIBUTED} (1)",
    ]
    assert shown["Margaret Holloway (2)"] == [
        ("We signed because the night shift stays,", "said"),
        ("the union would meet again in spring", "added"),
    ]
    assert panel.findChild(QTreeView, "quotesTree") is panel.tree
    assert panel.objectName() == "quotesView" and panel.accessibleName() == "Quotes"


def test_filter_keeps_only_matching_speakers(panel, article):
    panel.show_quotes(*article)
    box = panel.findChild(QLineEdit, "quotesFilter")
    box.setText("okaf")
    assert panel.visible_speakers() == ["Samuel Okafor"]
    box.setText("")
    assert len(panel.visible_speakers()) == 4


def test_clicking_a_quote_emits_its_offsets_and_a_speaker_row_does_not(qtbot, panel, article):
    document, analysis = article
    panel.show_quotes(document, analysis)
    seen: list[tuple[int, int]] = []
    panel.quoteActivated.connect(lambda start, end: seen.append((start, end)))
    speaker_index = panel.model.index(1, 0)
    panel.tree.clicked.emit(speaker_index)
    assert seen == []
    quote_index = panel.model.index(0, 0, speaker_index)
    rect = panel.tree.visualRect(quote_index)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    okafor_quote = analysis.quotes[1]
    assert seen == [(okafor_quote.start, okafor_quote.end)]
    assert document.text[seen[0][0] : seen[0][1]] == "the harbour would reopen on Friday"


def test_copy_takes_quote_speaker_and_title(panel, article):
    document, analysis = article
    panel.show_quotes(document, analysis)
    first = panel.model.index(0, 0, panel.model.index(0, 0))
    panel.tree.setCurrentIndex(first)
    panel.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == (
        "“We signed because the night shift stays,” — Margaret Holloway, in “Ferry strike ends”"
    )


def test_entity_details_helper_lists_what_the_entity_said(panel, article):
    document, analysis = article
    panel.show_quotes(document, analysis)
    said = panel.quotes_for("person:Margaret Holloway")
    assert [q.cue.text for q in said] == ["said", "added"]
    assert said_label(len(said)) == "Said: 2 quotes"
    assert said_label(1) == "Said: 1 quote"
    assert panel.quotes_for("person:Nobody") == ()


def test_clear_and_an_article_without_quotes_say_so(panel, article):
    document, analysis = article
    panel.show_quotes(document, analysis)
    panel.clear()
    assert panel.model.rowCount() == 0
    assert "Open an article" in panel.message.text()
    panel.show_quotes(document, Analysis(entities=analysis.entities))
    assert panel.model.rowCount() == 0
    assert panel.message.text() == "No quotes in this article."


def test_article_text_is_shown_as_text_and_long_quotes_are_shortened(panel):
    document = parse_article("Markup\n\nShe said <b>bold</b> & <script>x()</script> was fine.")
    text = document.text
    start, end = span(text, "<b>bold</b> & <script>x()</script> was fine")
    marked = Quote(start, end, text[start:end], "indirect", None, None)
    panel.show_quotes(document, Analysis(quotes=(marked,)))
    child = panel.model.item(0).child(0, 0)
    assert child.text() == "<b>bold</b> & <script>x()</script> was fine"
    long = Quote(0, 400, "word " * 80, "direct")
    assert len(short_text(long)) <= 91 and short_text(long).endswith("…")
    assert quote_citation(marked, "").endswith("— unattributed")
    assert group_by_speaker(Analysis()) == ()
