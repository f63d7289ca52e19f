"""The real model, loaded once per session; tests that need it skip cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import Analysis, LanguageModelError, analyse_document, get_nlp
from reader.document import Document, load_document
from tests.conftest import SHARED  # noqa: F401  (the test modules import it from here)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


@pytest.fixture(scope="session")
def nlp():
    try:
        return get_nlp()
    except LanguageModelError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def analysed(nlp) -> dict[str, tuple[Document, Analysis]]:
    """Every fixture article, analysed once: name -> (document, analysis)."""
    result = {}
    for path in sorted(FIXTURES.glob("*.txt")):
        document = load_document(path)
        result[path.stem] = (document, analyse_document(document))
    return result
