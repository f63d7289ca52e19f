"""The library keeps articles with their analyses, searches them and knows who appears where."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.analysis import Entity, EntityGroup, Mention
from reader.library import Outcome, add_paths
from tests.library.conftest import DictionaryAnalyser, write_articles

HOSTILE_QUERIES = [
    "'",
    '"',
    ";",
    "--",
    "*",
    "NEAR",
    "NEAR(harbour korveth)",
    '"unbalanced harbour',
    "harbour' OR 1=1; --",
    "'; DROP TABLE articles; --",
    "title:harbour",
    "^harbour",
    "harbour AND",
    "(korveth",
    "entity:",
    'entity:"',
    "{title body}: korveth",
    "\x00",
]


def test_adding_a_folder_indexes_every_article_once(library, articles, analyser):
    report = add_paths(library, [str(articles)], analyser)
    assert (report.added, report.failed) == (3, [])
    again = add_paths(library, [str(articles)], analyser)
    assert (again.added, again.unchanged) == (0, 3)
    assert len(analyser.analysed) == 3  # unchanged files are never analysed again
    listed = library.articles()
    assert {a.title for a in listed} == {
        "Minister Visits Flooded Harbour at Korveth",
        "Harbour Board Answers Critics",
        "Seafront Café Reopens After the Floods",
    }
    assert {a.date for a in listed} == {"2025-03-03", "2025-03-10", "2025-03-17"}
    assert all(a.words > 10 and a.folder for a in listed)


def test_only_txt_and_md_files_are_taken_from_folders(library, articles, analyser):
    (articles / "notes.pdf").write_bytes(b"%PDF-1.4")
    (articles / "picture.png").write_bytes(b"\x89PNG")
    report = add_paths(library, [str(articles)], analyser)
    assert report.added == 3 and not report.failed


def test_a_changed_file_is_reindexed_and_a_touched_one_is_not(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    first = articles / "week1" / "minister-visits.txt"
    os.utime(first, (1, 1))  # same text, new time: no new analysis
    assert add_paths(library, [str(first)], analyser).unchanged == 1
    first.write_text("Minister Resigns\n\nViktor Khrenin resigned on Friday in Korveth.\n")
    report = add_paths(library, [str(first)], analyser)
    assert report.updated == 1
    assert len(analyser.analysed) == 4
    assert [h.title for h in library.search("resigned")] == ["Minister Resigns"]
    assert library.search("broken sea wall") == []
    assert library.stats().articles == 3


def test_the_same_text_in_two_files_is_analysed_once(library, articles, analyser, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text((articles / "week2" / "board-answers.md").read_text())
    add_paths(library, [str(articles), str(copy)], analyser)
    assert len(analyser.analysed) == 3
    assert library.stats().articles == 4


def test_a_new_analyser_version_analyses_again(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    newer = DictionaryAnalyser()
    newer.version = "dictionary-2"
    report = add_paths(library, [str(articles)], newer)
    assert report.updated == 3 and len(newer.analysed) == 3


def test_cached_analysis_reopens_without_the_model(library, articles, analyser):
    from reader.document import load_document

    add_paths(library, [str(articles)], analyser)
    document = load_document(articles / "week1" / "minister-visits.txt")
    cached = library.analysis_for(document, analyser.version)
    assert cached == analyser(document).analysis
    assert library.analysis_for(document, "another-version") is None


def test_a_missing_file_stays_listed_until_removed(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    gone = articles / "week2" / "board-answers.md"
    gone.unlink()
    assert library.check_missing() == 1
    assert [a.missing for a in library.articles() if a.path == str(gone)] == [True]
    assert library.search("critics")  # still searchable
    assert library.remove([str(gone)]) == 1
    assert library.stats().articles == 2 and library.stats().missing == 0
    assert library.search("critics") == []


def test_removing_a_folder_removes_what_is_under_it_and_its_entities(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    assert library.entity("Ines Daubry") is not None
    assert library.remove([str(articles / "week3")]) == 1
    assert library.entity("Ines Daubry") is None
    assert library.remove([str(articles / "week")]) == 0  # a prefix is not a folder


def test_unreadable_files_are_reported_and_the_rest_added(library, articles, analyser):
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 8)
    progress = []
    report = add_paths(
        library, [str(articles), "/no/such/place"], analyser, progress=progress.append
    )
    assert report.added == 3
    assert {Path(p).name for p, _ in report.failed} == {"empty.txt", "binary.txt", "place"}
    assert [p.outcome for p in progress].count(Outcome.FAILED) == 2
    assert progress[-1].done == progress[-1].total == 5


def test_cancelling_stops_between_articles(library, articles, analyser):
    seen = []
    report = add_paths(
        library,
        [str(articles)],
        analyser,
        progress=seen.append,
        is_cancelled=lambda: len(seen) >= 1,
    )
    assert report.cancelled and report.added == 1
    assert library.stats().articles == 1


# -- search ------------------------------------------------------------------------


def test_words_phrases_and_prefixes(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    assert {h.title for h in library.search("korveth")} == {a.title for a in library.articles()}
    assert [h.title for h in library.search('"sea wall"')] == [
        "Minister Visits Flooded Harbour at Korveth"
    ]
    assert library.search('"wall sea"') == []
    assert [h.title for h in library.search("volunt*")] == [
        "Seafront Café Reopens After the Floods"
    ]
    assert [h.title for h in library.search("fishermen tide")] == ["Harbour Board Answers Critics"]


def test_accents_do_not_matter_and_titles_rank_first(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    assert [h.title for h in library.search("cafe emile")] == [
        "Seafront Café Reopens After the Floods"
    ]
    ranked = library.search("harbour")
    assert ranked[0].title in {
        "Harbour Board Answers Critics",
        "Minister Visits Flooded Harbour at Korveth",
    }
    assert ranked[0].score >= ranked[-1].score


def test_snippets_mark_the_matched_words(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    (hit,) = library.search("sheds")
    assert ("sheds", True) in hit.snippet_parts()
    assert "sheds" in hit.plain_snippet and "\x02" not in hit.plain_snippet


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_is_a_search_or_no_results_never_an_error(library, articles, analyser, query):
    add_paths(library, [str(articles)], analyser)
    hits = library.search(query)
    assert isinstance(hits, list)
    assert library.stats().articles == 3


def test_operators_typed_by_a_user_are_searched_as_words(library, tmp_path, analyser):
    write_articles(
        tmp_path / "ops",
        {
            "ops.txt": "Signals Near the Pier\n\nThe buoys sit NEAR the pier; don't -- moor * there.\n"
        },
    )
    add_paths(library, [str(tmp_path / "ops")], analyser)
    assert [h.title for h in library.search("NEAR pier")] == ["Signals Near the Pier"]
    assert [h.title for h in library.search("don't")] == ["Signals Near the Pier"]
    assert [h.title for h in library.search('"NEAR the pier')] == ["Signals Near the Pier"]


# -- entities ----------------------------------------------------------------------


def test_a_surname_in_one_article_is_the_full_name_in_another(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    khrenin = library.entity("Khrenin")
    assert khrenin is not None and khrenin.name == "Viktor Khrenin"
    assert khrenin.group is EntityGroup.PERSON
    assert [a.date for a in khrenin.articles] == ["2025-03-03", "2025-03-10", "2025-03-17"]
    assert [a.count for a in khrenin.articles] == [2, 1, 1]
    assert (khrenin.first_date, khrenin.last_date) == ("2025-03-03", "2025-03-17")
    assert ("Korveth", EntityGroup.PLACE, 3) in khrenin.co_mentions
    assert library.entity("viktor khrenin’s") == khrenin


def test_folding_works_whichever_article_comes_first(library, articles, analyser):
    add_paths(library, [str(articles / "week2")], analyser)  # only "Khrenin"
    assert library.entity("Khrenin").name == "Khrenin"
    add_paths(library, [str(articles / "week1")], analyser)  # then "Viktor Khrenin"
    merged = library.entity("Khrenin")
    assert merged.name == "Viktor Khrenin" and len(merged.articles) == 2


def test_a_shared_surname_is_not_folded(library, tmp_path, analyser):
    from tests.library import conftest

    conftest.NAMES["Anna Khrenin"] = ("Anna Khrenin", EntityGroup.PERSON)
    try:
        write_articles(
            tmp_path / "two",
            {
                "a.txt": "Sister Speaks\n\nAnna Khrenin spoke at Korveth.\n",
                "b.txt": "Brother Speaks\n\nViktor Khrenin spoke at Korveth.\n",
                "c.txt": "Someone Speaks\n\nKhrenin spoke at Korveth.\n",
            },
        )
        add_paths(library, [str(tmp_path / "two")], analyser)
    finally:
        del conftest.NAMES["Anna Khrenin"]
    assert len(library.entity("Viktor Khrenin").articles) == 1
    assert len(library.entity("Anna Khrenin").articles) == 1


def test_entity_search_finds_articles_by_any_name(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    titles = {h.title for h in library.search('entity:"Viktor Khrenin"')}
    assert titles == {a.title for a in library.articles()}
    assert {h.title for h in library.search("entity:Khrenin fishermen")} == {
        "Harbour Board Answers Critics"
    }
    assert library.search('entity:"Nobody Here"') == []
    # As a shell passes entity:"Viktor Khrenin" fishermen: without the quotes.
    assert {h.title for h in library.search("entity:Viktor Khrenin Fishermen")} == {
        "Harbour Board Answers Critics"
    }
    assert len(library.search("entity:Viktor Khrenin")) == 3
    (hit,) = library.search('entity:"Ines Daubry"')
    assert ("Ines Daubry", True) in hit.snippet_parts()


def test_also_in_other_articles(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    here = str(articles / "week3" / "café-reopens.txt")
    person = Entity(
        "Viktor Khrenin", EntityGroup.PERSON, "PERSON", (Mention(0, 14, "Viktor Khrenin"),)
    )
    others = library.also_in(person, exclude_path=here)
    assert others.total == 2
    assert [a.date for a in others.articles] == ["2025-03-10", "2025-03-03"]
    assert library.also_in(person).total == 3
    latest = library.also_in(person, limit=1)
    assert latest.total == 3 and [a.date for a in latest.articles] == ["2025-03-17"]
    stranger = Entity("Olga Penn", EntityGroup.PERSON, "PERSON", (Mention(0, 9, "Olga Penn"),))
    assert library.also_in(stranger).total == 0


def test_dates_and_numbers_are_not_library_entities(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    assert library.entity("Monday") is None
    groups = {e.group for e in library.top_entities()}
    assert EntityGroup.DATE not in groups


def test_top_entities_with_mentions_over_time(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    top = library.top_entities()
    assert top[0].articles == 3
    korveth = next(e for e in top if e.name == "Korveth")
    assert korveth.timeline == (("2025-03", 4),)
    assert (korveth.articles, korveth.mentions) == (3, 4)
    people = library.top_entities([EntityGroup.PERSON])
    assert {e.group for e in people} == {EntityGroup.PERSON}


def test_stats_count_words_and_bytes(library, articles, analyser):
    add_paths(library, [str(articles)], analyser)
    stats = library.stats()
    assert stats.articles == 3 and stats.missing == 0
    assert stats.entities == 5  # Khrenin, Daubry, Board, Korveth, Café Émile
    assert stats.words == sum(a.words for a in library.articles())
    assert stats.database_bytes > 0


def test_an_entity_folded_by_alias_is_found_by_its_own_name(library):
    from reader.analysis import Analysis
    from reader.document import parse_article

    def put(path: str, text: str, entity: Entity) -> None:
        document = parse_article(text, source_path=path)
        library.put_article(document, Analysis(entities=(entity,)), analyser_version="hand")

    put(
        "/a.txt",
        "Airline Grounds Fleet\n\nNorthwind Air Lines, known as Northwind, grounded its fleet.",
        Entity(
            "Northwind Air Lines",
            EntityGroup.ORGANIZATION,
            "ORG",
            (Mention(22, 41, "Northwind Air Lines"),),
            ("Northwind",),
        ),
    )
    put(
        "/b.txt",
        "Fleet Returns\n\nNorthwind Air Lines Ltd, or Northwind, flew again on Friday.",
        Entity(
            "Northwind Air Lines Ltd",
            EntityGroup.ORGANIZATION,
            "ORG",
            (Mention(15, 38, "Northwind Air Lines Ltd"),),
            ("Northwind",),
        ),
    )
    found = library.entity("Northwind Air Lines Ltd")
    assert found is not None and found.name == "Northwind Air Lines"
    assert [a.path for a in found.articles] == ["/a.txt", "/b.txt"]


def test_mentions_over_time_follow_changes_removals_and_folds(library, articles, analyser):
    add_paths(library, [str(articles / "week2")], analyser)
    add_paths(library, [str(articles / "week1")], analyser)  # folds "Khrenin" into Viktor

    def timeline(name: str) -> tuple:
        return next(e.timeline for e in library.top_entities() if e.name == name)

    assert timeline("Viktor Khrenin") == (("2025-03", 3),)
    add_paths(library, [str(articles / "week3")], analyser)
    first = articles / "week1" / "minister-visits.txt"
    first.write_text(first.read_text().replace("3 March 2025", "3 April 2025"))
    add_paths(library, [str(first)], analyser)
    assert timeline("Korveth") == (("2025-03", 2), ("2025-04", 2))
    library.remove([str(articles / "week2")])
    assert timeline("Korveth") == (("2025-03", 1), ("2025-04", 2))
    assert timeline("Viktor Khrenin") == (("2025-03", 1), ("2025-04", 2))


def test_one_name_in_two_groups_lists_the_articles_of_both(library):
    from reader.analysis import Analysis
    from reader.document import parse_article

    for path, group in (
        ("/a.txt", EntityGroup.PLACE),
        ("/b.txt", EntityGroup.ORGANIZATION),
        ("/c.txt", EntityGroup.PLACE),
    ):
        document = parse_article(
            f"Match Report\n\nAston Villa won at home again ({path}).", source_path=path
        )
        start = document.text.index("Aston Villa")
        villa = Entity(
            "Aston Villa", group, group.name, (Mention(start, start + 11, "Aston Villa"),)
        )
        library.put_article(document, Analysis(entities=(villa,)), analyser_version="hand")
    found = library.entity("Aston Villa")
    assert found.group is EntityGroup.PLACE
    assert [a.path for a in found.articles] == ["/a.txt", "/b.txt", "/c.txt"]
    assert [a.path for a in library.entity("Aston Villa", EntityGroup.ORGANIZATION).articles] == [
        "/b.txt"
    ]


def test_articles_that_use_only_a_surname_never_rename_the_person(library, tmp_path, analyser):
    add_paths(library, [str(write_articles(tmp_path / "full"))], analyser)
    write_articles(
        tmp_path / "short",
        {
            f"day{n}.txt": f"Harbour Update {n}\n\nKhrenin spoke at Korveth. Khrenin left.\n"
            for n in range(4)
        },
    )
    add_paths(library, [str(tmp_path / "short")], analyser)
    khrenin = library.entity("Khrenin")
    assert khrenin.name == "Viktor Khrenin" and len(khrenin.articles) == 7


def test_a_library_from_the_previous_release_is_brought_up_to_date(tmp_path, analyser):
    import sqlite3

    from reader.library import Library

    database = tmp_path / "reader.sqlite3"
    with Library(database) as library:
        add_paths(library, [str(write_articles(tmp_path / "articles"))], analyser)
    with sqlite3.connect(database) as db:  # as release 3 left it: no names per article
        db.execute("ALTER TABLE article_entities DROP COLUMN name")
        db.execute("PRAGMA user_version=3")
    with Library(database) as library:
        assert library.entity("Khrenin").name == "Viktor Khrenin"
        write_articles(
            tmp_path / "more", {"later.txt": "Later\n\nViktor Khrenin came back to Korveth.\n"}
        )
        add_paths(library, [str(tmp_path / "more")], analyser)
        khrenin = library.entity("Khrenin")
        assert khrenin.name == "Viktor Khrenin" and len(khrenin.articles) == 4
