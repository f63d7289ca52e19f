"""Library tests: a fast dictionary analyser (no spaCy) and small articles written for them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.document import Document
from reader.library import Analysed, Library

# Articles of our own: a story about a port minister told over three weeks.
ARTICLES = {
    "week1/minister-visits.txt": """\
Minister Visits Flooded Harbour at Korveth

Published: 3 March 2025

Viktor Khrenin, the transport minister, walked along the broken sea wall at Korveth on Monday. Khrenin promised the Harbour Board that repairs would begin before summer.
""",
    "week2/board-answers.md": """\
Harbour Board Answers Critics

Published: 10 March 2025

The Harbour Board said it had asked Khrenin for an inspection. Fishermen in Korveth said the water still reaches their sheds at high tide.
""",
    "week3/café-reopens.txt": """\
Seafront Café Reopens After the Floods

Published: 17 March 2025

The Café Émile reopened on the seafront at Korveth. Its owner, Ines Daubry, thanked Viktor Khrenin and the volunteers who dried the floor.
""",
}

# The fake analyser's dictionary: surface form -> (canonical name, group)
NAMES = {
    "Viktor Khrenin": ("Viktor Khrenin", EntityGroup.PERSON),
    "Khrenin": ("Khrenin", EntityGroup.PERSON),
    "Ines Daubry": ("Ines Daubry", EntityGroup.PERSON),
    "Harbour Board": ("Harbour Board", EntityGroup.ORGANIZATION),
    "Korveth": ("Korveth", EntityGroup.PLACE),
    "Café Émile": ("Café Émile", EntityGroup.ORGANIZATION),
    "Monday": ("Monday", EntityGroup.DATE),
}


class DictionaryAnalyser:
    """Finds the names in NAMES by their exact text; a whole-name entity takes its surname."""

    version = "dictionary-1"

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def __call__(self, document: Document) -> Analysed:
        self.analysed.append(document.source_path)
        found: dict[str, list[Mention]] = {}
        taken: set[int] = set()
        for surface in sorted(NAMES, key=len, reverse=True):
            for match in re.finditer(re.escape(surface), document.text):
                if match.start() in taken:
                    continue
                taken.update(range(match.start(), match.end()))
                found.setdefault(surface, []).append(
                    Mention(match.start(), match.end(), match.group())
                )
        entities = []
        for surface, mentions in found.items():
            name, group = NAMES[surface]
            # Within one article "Khrenin" after "Viktor Khrenin" is the same person.
            if surface == "Khrenin" and "Viktor Khrenin" in found:
                continue
            if surface == "Viktor Khrenin" and "Khrenin" in found:
                mentions = sorted(mentions + found["Khrenin"], key=lambda m: m.start)
                entities.append(Entity(name, group, "PERSON", tuple(mentions), ("Khrenin",)))
                continue
            entities.append(Entity(name, group, group.name, tuple(mentions)))
        return Analysed(Analysis(entities=tuple(entities), model_name="dictionary"))


def write_articles(root: Path, articles: dict[str, str] = ARTICLES) -> Path:
    for name, text in articles.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "data" / "reader.sqlite3") as opened:
        yield opened


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "articles")


@pytest.fixture
def analyser() -> DictionaryAnalyser:
    return DictionaryAnalyser()
