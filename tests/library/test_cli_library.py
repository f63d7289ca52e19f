"""`reader library`: one JSON value with --format json, exit 2 with one line for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli_library import EXIT_BAD_INPUT, EXIT_OK, main
from tests.library.conftest import DictionaryAnalyser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def run(capsys, analyser, *args: str) -> tuple[int, str, list[str]]:
    status = main(list(args), analyser=analyser)
    captured = capsys.readouterr()
    return status, captured.out, [line for line in captured.err.splitlines() if line]


def test_add_then_search_entity_and_stats_as_json(capsys, articles, analyser, data_dir):
    status, out, err = run(capsys, analyser, "add", str(articles), "--format", "json")
    assert status == EXIT_OK and not err
    assert json.loads(out) == {"added": 3, "updated": 0, "unchanged": 0, "failed": []}
    assert (data_dir / "reader.sqlite3").exists()

    status, out, _ = run(capsys, analyser, "search", '"sea wall"', "--format", "json")
    (hit,) = json.loads(out)
    assert set(hit) == {"path", "title", "date", "snippet", "score"}
    assert hit["title"] == "Minister Visits Flooded Harbour at Korveth"
    assert hit["date"] == "2025-03-03" and "sea wall" in hit["snippet"]
    assert Path(hit["path"]).read_text().count("sea wall") == 1

    status, out, _ = run(capsys, analyser, "--format", "json", "entity", "Khrenin")
    record = json.loads(out)
    assert record["name"] == "Viktor Khrenin" and record["group"] == "person"
    assert "Khrenin" in record["aliases"]
    assert [a["count"] for a in record["articles"]] == [2, 1, 1]
    assert set(record["articles"][0]) >= {"path", "title", "date", "count"}

    status, out, _ = run(capsys, analyser, "stats", "--format", "json")
    stats = json.loads(out)
    assert {k: stats[k] for k in ("articles", "missing", "entities")} == {
        "articles": 3,
        "missing": 0,
        "entities": 5,
    }
    assert stats["words"] > 30 and stats["database_bytes"] > 0


def test_human_output_and_no_results(capsys, articles, analyser):
    run(capsys, analyser, "add", str(articles))
    status, out, _ = run(capsys, analyser, "search", "sheds")
    assert status == EXIT_OK and "Harbour Board Answers Critics" in out and "[sheds]" in out
    status, out, _ = run(capsys, analyser, "search", "zeppelin")
    assert status == EXIT_OK and out.strip() == "No articles match zeppelin."
    status, out, _ = run(capsys, analyser, "entity", "Nobody")
    assert status == EXIT_OK and "No entity called Nobody" in out
    status, out, _ = run(capsys, analyser, "entity", "Viktor", "Khrenin")
    assert out.startswith("Viktor Khrenin, person") and "3 articles" in out


@pytest.mark.parametrize("query", ["'", '"', ";", "--", "*", "NEAR", '"open', "a' OR '1'='1"])
def test_hostile_queries_are_searches(capsys, articles, analyser, query):
    run(capsys, analyser, "add", str(articles))
    # "--" ends the options, as for every command; the query after it is taken as text.
    status, out, err = run(capsys, analyser, "--format", "json", "search", "--", query)
    assert status == EXIT_OK and not err
    assert isinstance(json.loads(out), list)


def test_bad_files_are_one_line_each_and_the_rest_added(capsys, articles, analyser, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, out, err = run(
        capsys, analyser, "add", str(articles), str(empty), str(tmp_path / "nope")
    )
    assert status == EXIT_BAD_INPUT
    problems = [line for line in err if line.startswith("reader library:")]
    assert len(problems) == 2 and not any("Traceback" in line for line in err)
    assert sum(line.startswith("[") for line in err) == 3  # progress, one line an article
    assert "3 added" in out


def test_remove_and_missing(capsys, articles, analyser):
    run(capsys, analyser, "add", str(articles))
    (articles / "week1" / "minister-visits.txt").unlink()
    _, out, _ = run(capsys, analyser, "stats", "--format", "json")
    assert json.loads(out)["missing"] == 1
    status, out, _ = run(capsys, analyser, "remove", str(articles / "week1"), "--format", "json")
    assert status == EXIT_OK and json.loads(out)["removed"] == 1
    status, _, err = run(capsys, analyser, "remove", str(articles / "elsewhere.txt"))
    assert status == EXIT_BAD_INPUT
    assert err == [f"reader library: {articles / 'elsewhere.txt'}: not in the library"]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["search"],
        ["add"],
        ["search", "x", "--limit", "zero"],
        ["stats", "--format", "xml"],
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(capsys, analyser, args):
    with pytest.raises(SystemExit) as caught:
        main(args, analyser=analyser)
    assert caught.value.code == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("reader library")


def test_data_dir_option_wins_over_the_environment(capsys, articles, analyser, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    run(capsys, analyser, "add", str(articles), "--data-dir", str(elsewhere))
    assert (elsewhere / "reader.sqlite3").exists()
    _, out, _ = run(capsys, analyser, "stats", "--format", "json")
    assert json.loads(out)["articles"] == 0


def test_a_damaged_library_is_one_line_and_exit_2_then_a_new_one(capsys, analyser, data_dir):
    data_dir.mkdir()
    (data_dir / "reader.sqlite3").write_bytes(b"\x00garbage" * 1000)
    status, out, err = run(capsys, analyser, "stats")
    assert status == EXIT_BAD_INPUT and len(err) == 1 and "moved" in err[0]
    assert list(data_dir.glob("reader.sqlite3.damaged-*"))
    status, out, err = run(capsys, analyser, "stats", "--format", "json")
    assert status == EXIT_OK and json.loads(out)["articles"] == 0


def test_the_reader_command_dispatches_library(tmp_path: Path, articles):
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "d"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "library", "search", "anything", "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_search_lists_every_matching_article_unless_limited(capsys, analyser, tmp_path):
    from tests.library.test_reliability import many_articles

    folder = many_articles(tmp_path / "many", 60)
    run(capsys, analyser, "add", str(folder))
    _, out, _ = run(capsys, analyser, "search", "pier", "--format", "json")
    assert len(json.loads(out)) == 60
    _, out, _ = run(capsys, analyser, "search", "pier", "--limit", "5", "--format", "json")
    assert len(json.loads(out)) == 5
    status, _, err = run(capsys, analyser, "search", "pier", "--limit", "0")
    assert status == EXIT_BAD_INPUT and len(err) == 1


class Tripping(DictionaryAnalyser):
    """Fails on one article, as a bug in a rule might."""

    def __call__(self, document):
        if "Café" in document.text:
            raise ValueError("a rule tripped")
        return super().__call__(document)


class NoModel(DictionaryAnalyser):
    def __call__(self, document):
        from reader.analysis import LanguageModelError

        raise LanguageModelError("The English language model is not installed.")


def test_an_article_the_analysis_trips_on_is_reported_and_the_rest_added(capsys, articles):
    status, out, err = run(capsys, Tripping(), "add", str(articles), "--format", "json")
    assert status == EXIT_BAD_INPUT
    record = json.loads(out)
    assert record["added"] == 2 and len(record["failed"]) == 1
    assert "could not be analysed (a rule tripped)" in record["failed"][0]["reason"]
    assert not any("Traceback" in line for line in err)


def test_no_language_model_is_exit_3_with_one_line(capsys, articles):
    status, _, err = run(capsys, NoModel(), "add", str(articles))
    assert status == 3 and len(err) == 1 and "language model" in err[0]
