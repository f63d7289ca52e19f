"""Any text at all: the analysis never fails and every offset points at its text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyse_document
from reader.document import parse_article

pytestmark = pytest.mark.spacy

WORDS = st.sampled_from(
    [
        "Oslo",
        "U.S.",
        "Trump’s",
        "NATO",
        "the",
        "said",
        "•",
        "Minister",
        "Anna Berg",
        "(ABC)",
        "“quoted”",
        "2024",
        "42%",
        "—",
        "Khan",
        "\n",
        "\n\n",
        "# ",
        "Quick Read",
        "KEY POINTS",
        "é",
        "'s",
    ]
)
TEXT = st.one_of(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=300))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=TEXT)
def test_random_text_analyses_cleanly(nlp, raw):
    document = parse_article(raw.replace("\r", "").replace("\x00", ""))
    analysis = analyse_document(document)
    for entity in analysis.entities:
        assert entity.mentions
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(document.text)
            assert document.text[mention.start : mention.end] == mention.text
    for start, end in analysis.sentences:
        assert 0 <= start < end <= len(document.text)
