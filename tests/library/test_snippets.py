"""Snippets show the matched words of a search in their context, as the index matched them."""

from __future__ import annotations

from reader.library.snippets import fold, make_snippet, term_pattern

TEXT = (
    "The Café Émile reopened on the seafront at Korveth after weeks of repairs. "
    + "Volunteers painted the walls and mended the chairs. " * 6
    + "At the harbour wall, the harbour master said the harbour would reopen next week."
)


def marked(text: str, terms) -> str:
    return make_snippet(text, term_pattern(terms), "[", "]")


def test_accents_and_case_do_not_matter():
    assert fold("Café ÉMILE") == "cafe emile"
    assert "[Café Émile]" in marked(TEXT, [(("cafe", "emile"), False)])
    assert "[Café]" in marked(TEXT, [(("CAFÉ",), False)])


def test_prefixes_mark_the_whole_word_and_phrases_the_whole_phrase():
    assert "[Volunteers]" in marked(TEXT, [(("volunt",), True)])
    assert "[harbour master]" in marked(TEXT, [(("harbour", "master"), False)])
    assert "[seafront]" not in marked(TEXT, [(("sea",), False)])


def test_the_window_with_most_matches_is_shown():
    snippet = marked(TEXT, [(("harbour",), False)])
    assert snippet.count("[harbour]") == 3 and snippet.startswith("…")


def test_without_a_match_the_opening_is_shown():
    snippet = marked(TEXT, [(("zeppelin",), False)])
    assert snippet.startswith("The Café Émile") and snippet.endswith("…") and "[" not in snippet
