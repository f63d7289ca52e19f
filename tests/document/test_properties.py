"""Property tests: whatever bytes or text arrive, the loader either refuses in words or
produces a document whose blocks all lie inside its text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import DocumentError, document_from_bytes, parse_article


def assert_well_formed(doc) -> None:
    previous_end = -1
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
        assert block.start > previous_end
        assert "\n" not in doc.text[block.start : block.end]
        previous_end = block.end
    assert doc.text == "\n".join(doc.text[b.start : b.end] for b in doc.blocks)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_load_or_are_refused_in_words(data: bytes) -> None:
    try:
        doc = document_from_bytes(data, "random.bin")
    except DocumentError as exc:
        assert exc.reason
        return
    assert_well_formed(doc)


article_lines = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "",
                "  ",
                "Quick Read",
                "• a point",
                "- a point",
                "# Heading",
                "===",
                "LATEST NEWS",
                "Creator:",
            ]
        ),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(article_lines, st.sampled_from(["\n", "\r\n", "\r"]))
def test_random_text_lays_out_consistently(lines: list[str], newline: str) -> None:
    raw = newline.join(lines)
    try:
        doc = document_from_bytes(raw.encode("utf-8", "surrogatepass"), "random.txt")
    except DocumentError:
        return
    assert_well_formed(doc)
    # No printable character of the input is invented by the layout.
    assert set(doc.text) - set(raw) <= {" ", "\n", "·", "•", "–", "\ufffd"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000))
def test_parse_article_never_fails_on_text(text: str) -> None:
    assert_well_formed(parse_article(text.replace("\r", "\n").replace("\x00", "")))
