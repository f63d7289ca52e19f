"""Any text at all: quote extraction never fails and every offset points at its text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.model import Entity, EntityGroup, Mention
from reader.analysis.quotes import extract_quotes
from reader.document import BlockKind, parse_article

PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "''",
        "‘",
        "’",
        "said",
        "told reporters",
        "according to",
        "Varga",
        "he",
        "she",
        "who",
        "the minister",
        ",",
        ".",
        ":",
        "—",
        "(R-Utah)",
        "Mr.",
        "the",
        "harbour",
        "would reopen",
        "\n\n",
        "HOLLOWAY:",
    ]
)
TEXT = st.one_of(st.lists(PIECES, max_size=80).map(" ".join), st.text(max_size=300))


def sentences_of(document):
    """Sentences cut at full stops inside each paragraph: enough to drive the rules."""
    spans = []
    for block in document.blocks_of(BlockKind.PARAGRAPH, BlockKind.TITLE):
        for match in re.finditer(r"[^.!?]+[.!?]*", document.block_text(block)):
            start, end = block.start + match.start(), block.start + match.end()
            if document.text[start:end].strip():
                spans.append((start, end))
    return spans


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_any_text_gives_quotes_whose_offsets_point_at_their_text(raw):
    document = parse_article("Title\n\n" + raw)
    text = document.text
    mentions = tuple(Mention(m.start(), m.end(), m.group()) for m in re.finditer(r"Varga", text))
    entities = (Entity("Elena Varga", EntityGroup.PERSON, "PERSON", mentions),) if mentions else ()
    for quote in extract_quotes(document, sentences_of(document), entities):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "mixed", "indirect")
        for part in (quote.speaker, quote.cue):
            if part is not None:
                assert text[part.start : part.end] == part.text
