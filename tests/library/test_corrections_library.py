"""Saved corrections reach the library: its articles are derived again from the model output
they keep (the model never runs again), and clearing the rules gives back the model's result."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.cli_corrections import main as corrections
from reader.library import Library, ModelAnalyser, add_paths, database_path
from tests.library.conftest import ARTICLES

TAGS = {
    "Viktor Khrenin": "PERSON",
    "Khrenin": "PERSON",
    "Ines Daubry": "PERSON",
    "Korveth": "GPE",
    "Harbour Board": "ORG",
}


class DictionaryAnnotator:
    """Stands in for the language model: tags the names in TAGS, one sentence per full stop."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, texts: list[str]) -> list[tuple[list, list]]:
        self.calls += 1
        results = []
        for text in texts:
            pattern = "|".join(sorted(map(re.escape, TAGS), key=len, reverse=True))
            ents = [(m.start(), m.end(), TAGS[m.group()]) for m in re.finditer(pattern, text)]
            sents = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
            results.append((ents, sents))
        return results


def write_articles(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def names_in(library: Library, article: Path) -> set[str]:
    state = library.article_state(str(article))
    analysis = library.stored_analysis(state.content_hash, state.analyser_version)
    return {e.name for e in analysis.entities}


def test_imported_and_cleared_rules_rederive_the_library_without_the_model(
    tmp_path, capsys, private_data_dir
):
    folder = write_articles(tmp_path / "articles")
    annotator = DictionaryAnnotator()
    with Library(database_path()) as library:
        add_paths(library, [str(folder)], ModelAnalyser(annotator))
        first = folder / "week1" / "minister-visits.txt"
        before = names_in(library, first)
        assert library.entity("Korveth Bay") is None
    assert "Korveth" in before
    calls = annotator.calls

    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps(
            {"version": 1, "rules": [{"kind": "rename", "name": "Korveth", "to": "Korveth Bay"}]}
        ),
        encoding="utf-8",
    )
    assert corrections(["import", str(rules)]) == 0
    assert "3 library articles updated." in capsys.readouterr().err
    with Library(database_path()) as library:
        assert "Korveth Bay" in names_in(library, first) and "Korveth" not in names_in(
            library, first
        )
        found = library.entity("Korveth Bay")
        assert found is not None and len(found.articles) == 3
        # The library's own list shows the new name, whichever name it is asked by.
        assert found.name == "Korveth Bay" and library.entity("Korveth").name == "Korveth Bay"
    assert annotator.calls == calls  # the model was not asked again

    assert corrections(["clear"]) == 0
    with Library(database_path()) as library:
        assert names_in(library, first) == before
        assert library.entity("Korveth Bay").name == "Korveth"


def test_a_rule_re_derives_only_the_articles_it_can_reach(tmp_path, capsys, private_data_dir):
    folder = write_articles(tmp_path / "articles")
    with Library(database_path()) as library:
        add_paths(library, [str(folder)], ModelAnalyser(DictionaryAnnotator()))
    rules = tmp_path / "rules.json"
    # The Harbour Board appears in two of the three articles.
    rules.write_text(
        json.dumps({"version": 1, "rules": [{"kind": "not_entity", "name": "Harbour Board"}]}),
        encoding="utf-8",
    )
    assert corrections(["import", str(rules)]) == 0
    assert "2 library articles updated." in capsys.readouterr().err
    with Library(database_path()) as library:
        assert library.entity("Harbour Board") is None
    assert corrections(["clear"]) == 0
    assert "2 library articles updated." in capsys.readouterr().err
    with Library(database_path()) as library:
        assert len(library.entity("Harbour Board").articles) == 2


def test_a_change_reaches_the_names_chained_to_it(tmp_path, private_data_dir):
    from reader.analysis.corrections import Alias, Rename, RuleSet
    from reader.library.corrections import rederive

    folder = write_articles(tmp_path / "articles")
    with Library(database_path()) as library:
        add_paths(library, [str(folder)], ModelAnalyser(DictionaryAnnotator()))
        # The board's chair (only in the third article) is merged into the board (in the
        # first two); renaming the board must then reach all three.
        merged = Alias(alias="Ines Daubry", name="Harbour Board")
        library.add_rules([merged])
        assert rederive(library, library.rules(), changed=[merged]) == 3
        renamed = Rename(name="Harbour Board", to="Harbour Trust")
        library.add_rules([renamed])
        assert rederive(library, library.rules(), changed=[renamed]) == 3
        # The third article names only the chair, yet her entry now carries the new name.
        assert library.entity("Ines Daubry").name == "Harbour Trust"
        # A rule about a name no article has reaches none.
        nobody = Rename(name="Anna Moreau-Daubry", to="Anna Moreau")
        assert rederive(library, RuleSet((merged, renamed, nobody)), changed=[nobody]) == 0
