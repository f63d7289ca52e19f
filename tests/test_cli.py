"""`reader extract`: records on stdout, one plain line on stderr for each file it cannot use."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.analysis import language
from reader.cli import EXIT_BAD_INPUT, EXIT_NO_MODEL, EXIT_OK, main

pytestmark = pytest.mark.spacy

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
GOOD = ARTICLES / "politics-harbour-accord.txt"


def run(capsys, *args: str) -> tuple[int, str, list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, [line for line in captured.err.splitlines() if line]


# What the one stderr line must say about each kind of unusable file, in the user's words.
REASONS = {
    "missing": "does not exist",
    "directory": "folder",
    "binary": "not a text article",
    "empty": "empty",
    "broken-link": "no longer exists",
    "whitespace": "empty",
    "png": "not a text article",
    "elf": "not a text article",
    "zip": "not a text article",
    "60-MB": "MB",
}


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return {
        "missing": tmp_path / "nowhere.txt",
        "directory": tmp_path,
        "binary": binary,
        "empty": empty,
    }


@pytest.mark.parametrize("kind", ["missing", "directory", "binary", "empty"])
def test_an_unusable_file_is_one_line_on_stderr_and_the_others_still_print(capsys, bad_files, kind):
    status, out, err = run(capsys, str(bad_files[kind]), str(GOOD), "--format", "jsonl")
    assert status == EXIT_BAD_INPUT
    assert len(err) == 1
    assert str(bad_files[kind]) in err[0]
    assert REASONS[kind] in err[0]
    assert "Traceback" not in err[0]
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["path"]).name for r in records] == [GOOD.name]


def test_json_record_has_the_document_and_its_located_entities(capsys):
    status, out, err = run(capsys, str(GOOD))
    assert status == EXIT_OK and not err
    record = json.loads(out)
    assert set(record) == {
        "path",
        "title",
        "byline",
        "tags",
        "text",
        "key_points",
        "headings",
        "notices",
        "entities",
        "summary",
        "times",
        "quantities",
        "reference_date",
        "reference_date_source",
        "quotes",
    }
    assert record["title"] == "Harbour Accord Brings Rivals Back to the Table"
    assert record["byline"] == "By Marta Lindqvist"
    assert record["tags"] == []
    assert (
        record["key_points"][1] == "The European Union pledged 40 million euros for port repairs."
    )
    assert record["headings"] == ["Quiet Optimism and Careful Steps"]
    varga = next(e for e in record["entities"] if e["name"] == "Elena Varga")
    assert varga["group"] == "person" and varga["label"] == "PERSON"
    assert varga["count"] == len(varga["mentions"]) >= 4
    assert "Varga" in varga["aliases"]
    assert varga["uncertain"] is False and varga["confidence"] >= 0.5
    for entity in record["entities"]:
        assert set(entity) >= {"name", "group", "label", "aliases", "count", "salience", "mentions"}
        assert isinstance(entity["uncertain"], bool) and 0.0 <= entity["confidence"] <= 1.0
        for mention in entity["mentions"]:
            assert record["text"][mention["start"] : mention["end"]] == mention["text"]
    for sentence in record["summary"]:
        assert record["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_tags_line_is_extracted(capsys, tmp_path):
    path = tmp_path / "tagged.txt"
    path.write_text(
        "Ferry Crews Vote to Strike\n\nAuthor: Jonas Berg\n\nTopics: Transport, Labour\n\n"
        "Ferry crews in Tallinn voted on Monday to strike for two days next week.\n",
        encoding="utf-8",
    )
    status, out, _err = run(capsys, str(path))
    record = json.loads(out)
    assert status == EXIT_OK
    assert record["byline"] == "Author: Jonas Berg"
    assert record["tags"] == ["Transport", "Labour"]


def test_json_of_several_files_is_one_array(capsys):
    second = ARTICLES / "science-comet-probe.txt"
    status, out, _err = run(capsys, str(GOOD), str(second))
    assert status == EXIT_OK
    records = json.loads(out)
    assert isinstance(records, list)
    assert [Path(r["path"]).name for r in records] == [GOOD.name, second.name]
    assert records[0]["title"] == "Harbour Accord Brings Rivals Back to the Table"
    assert all(r["entities"] and r["summary"] for r in records)


def test_json_of_several_files_with_a_bad_one_is_still_one_array(capsys, tmp_path):
    status, out, err = run(capsys, str(tmp_path / "nowhere.txt"), str(GOOD))
    assert status == EXIT_BAD_INPUT
    assert len(err) == 1 and "does not exist" in err[0]
    assert [Path(r["path"]).name for r in json.loads(out)] == [GOOD.name]


def test_json_of_one_file_is_one_object(capsys):
    status, out, _err = run(capsys, str(GOOD))
    assert status == EXIT_OK
    assert isinstance(json.loads(out), dict)


def test_jsonl_is_one_record_per_line(capsys):
    paths = sorted(str(p) for p in ARTICLES.glob("*.txt"))
    status, out, _ = run(capsys, *paths, "--format", "jsonl")
    assert status == EXIT_OK
    lines = out.splitlines()
    assert len(lines) == len(paths)
    assert [json.loads(line)["path"] for line in lines] == [str(Path(p).resolve()) for p in paths]


def test_csv_is_one_row_per_mention(capsys):
    status, out, _ = run(capsys, str(GOOD), "--format", "csv")
    assert status == EXIT_OK
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["path", "entity", "group", "label", "start", "end", "text"]
    text = json.loads(_json_of(capsys))["text"]
    assert len(rows) > 10
    for row in rows[1:]:
        assert text[int(row[4]) : int(row[5])] == row[6]
    assert sum(row[1] == "Elena Varga" for row in rows) >= 4


def _json_of(capsys) -> str:
    main([str(GOOD)])
    return capsys.readouterr().out


def test_a_missing_model_is_one_line_and_its_own_exit_code(capsys, monkeypatch):
    monkeypatch.setattr(language, "_nlp", None)
    monkeypatch.setattr(language, "MODEL_PACKAGES", (("no_such_model_pkg", "no-such-model-pkg"),))
    status, out, err = run(capsys, str(GOOD))
    assert status == EXIT_NO_MODEL
    assert len(err) == 1 and "pip install" in err[0]
    assert out == ""


@pytest.fixture
def more_bad_files(tmp_path: Path) -> dict[str, Path]:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t\n", encoding="utf-8")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    elf = tmp_path / "program.txt"
    elf.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(200))
    archive = tmp_path / "archive.txt"
    archive.write_bytes(b"PK\x03\x04" + bytes(200))
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: nothing written to disk
    return {
        "broken-link": link,
        "whitespace": blank,
        "png": png,
        "elf": elf,
        "zip": archive,
        "60-MB": huge,
    }


@pytest.mark.parametrize("kind", ["broken-link", "whitespace", "png", "elf", "zip", "60-MB"])
def test_more_unusable_files_exit_2_with_one_line(capsys, more_bad_files, kind):
    status, out, err = run(capsys, str(more_bad_files[kind]), "--format", "jsonl")
    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert len(err) == 1 and str(more_bad_files[kind]) in err[0]
    assert REASONS[kind] in err[0]


def test_unreadable_file_exit_2(capsys, tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody text.\n", encoding="utf-8")
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    status, _out, err = run(capsys, str(path))
    assert status == EXIT_BAD_INPUT
    assert "permission" in err[0]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_extract_the_same_text_with_a_notice_on_fallback(capsys, tmp_path, encoding):
    text = "Café Owners in Zürich Protest\n\nThe owners of 300 cafés in Zürich met Anna Meier on Monday.\n"
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    status, out, _err = run(capsys, str(path))
    record = json.loads(out)
    assert status == EXIT_OK
    assert record["title"] == "Café Owners in Zürich Protest"
    assert bool(record["notices"]) == (encoding in ("cp1252", "latin-1"))


def test_mixed_scripts_keep_exact_offsets(capsys, tmp_path):
    path = tmp_path / "scripts.txt"
    path.write_text(
        "Summit 🌍 Ends\n\nLeaders met in Москва and 東京 🎉 before Angela Brandt flew to Paris on Friday.\n",
        encoding="utf-8",
    )
    status, out, _err = run(capsys, str(path))
    record = json.loads(out)
    assert status == EXIT_OK
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert record["text"][mention["start"] : mention["end"]] == mention["text"]
    assert any(e["name"] == "Paris" for e in record["entities"])


def test_markup_is_text_in_the_output(capsys, tmp_path):
    path = tmp_path / "markup.txt"
    path.write_text(
        'Title &amp; <b>More</b>\n\n<script>alert("x")</script> said Tom Hale.\n', encoding="utf-8"
    )
    status, out, _err = run(capsys, str(path))
    record = json.loads(out)
    assert status == EXIT_OK
    assert record["title"] == "Title &amp; <b>More</b>"
    assert '<script>alert("x")</script>' in record["text"]


def test_the_cli_never_writes_to_the_article(capsys):
    before = (GOOD.read_bytes(), GOOD.stat().st_mtime_ns)
    run(capsys, str(GOOD))
    assert (GOOD.read_bytes(), GOOD.stat().st_mtime_ns) == before


# --- corrections ------------------------------------------------------------------------------

RULES = {
    "version": 1,
    "rules": [
        {"kind": "rename", "name": "elena varga", "to": "Elena M. Varga"},
        {"kind": "group", "name": "Samuel Okafor", "group": "organization"},
        {"kind": "not_entity", "name": "VIENNA"},
        {"kind": "add", "name": "Harbour Accord", "group": "event"},
    ],
}


def rules_file(tmp_path: Path, rules: dict) -> str:
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    return str(path)


def test_a_corrections_file_applies_and_marks_each_corrected_entity(capsys, tmp_path):
    status, out, err = run(capsys, str(GOOD), "--corrections", rules_file(tmp_path, RULES))
    assert status == EXIT_OK and not err
    record = json.loads(out)
    entities = {e["name"]: e for e in record["entities"]}
    assert "Elena Varga" in entities["Elena M. Varga"]["aliases"]
    assert entities["Samuel Okafor"]["group"] == "organization"
    assert "Vienna" not in entities
    accord = entities["Harbour Accord"]
    assert accord["group"] == "event" and accord["mentions"][0]["start"] == 0
    corrected = {name for name, e in entities.items() if e["corrected"]}
    assert corrected == {"Elena M. Varga", "Samuel Okafor", "Harbour Accord"}


def test_no_rules_and_no_corrections_print_the_same(capsys, tmp_path):
    _, plain, _ = run(capsys, str(GOOD), "--no-corrections")
    _, cleared, _ = run(
        capsys, str(GOOD), "--corrections", rules_file(tmp_path, {"version": 1, "rules": []})
    )
    _, corrected, _ = run(capsys, str(GOOD), "--corrections", rules_file(tmp_path, RULES))
    assert cleared == plain != corrected
    assert not any(e["corrected"] for e in json.loads(plain)["entities"])


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            '{"version": 1, "rules": [{"kind": "rename", "name": "A", "to": "B"}, '
            '{"kind": "group", "name": "Ceres", "group": "planet"}]}',
            "rule 2 (group “Ceres”)",
        ),
        ("{not json", "not a JSON file"),
        (None, "No such file"),
    ],
)
def test_a_bad_corrections_file_is_one_line_and_nothing_is_extracted(
    capsys, tmp_path, content, says
):
    path = tmp_path / "corrections.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    status, out, err = run(capsys, str(GOOD), "--corrections", str(path))
    assert status == EXIT_BAD_INPUT and out == ""
    assert len(err) == 1 and str(path) in err[0] and says in err[0]


def test_corrections_and_no_corrections_together_are_refused(capsys, tmp_path):
    with pytest.raises(SystemExit) as refused:
        main([str(GOOD), "--no-corrections", "--corrections", rules_file(tmp_path, RULES)])
    assert refused.value.code == EXIT_BAD_INPUT
    assert "not allowed with" in capsys.readouterr().err


def test_date_sets_the_reference_for_times_and_figures_are_listed(capsys, tmp_path: Path):
    article = tmp_path / "vote.txt"
    article.write_text(
        "Ferry Vote Kept\n\nThe harbour board said on Tuesday that 1,200 dock workers will "
        "return next week, after a strike that cost €2.3 million.\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, str(article), "--date", "2024-03-14")
    assert status == EXIT_OK and not err
    record = json.loads(out)
    assert (record["reference_date"], record["reference_date_source"]) == ("2024-03-14", "user")
    values = {t["text"]: (t["type"], t["value"]) for t in record["times"]}
    assert values["Tuesday"] == ("date", "2024-03-12")
    assert values["next week"] == ("date", "2024-W12")
    figures = {q["text"]: q for q in record["quantities"]}
    assert figures["1,200"]["counted"]["text"] == "dock workers"
    assert (figures["€2.3 million"]["value"], figures["€2.3 million"]["unit"]) == (2.3e6, "EUR")
    for item in record["times"] + record["quantities"]:
        assert record["text"][item["start"] : item["end"]] == item["text"]


def test_a_date_that_is_not_a_date_is_refused_plainly(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([str(GOOD), "--date", "2024-13-01"])
    assert exit_info.value.code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "YYYY-MM-DD" in err and "Traceback" not in err


def test_quotes_are_located_with_speaker_and_cue(capsys):
    status, out, _ = run(capsys, str(GOOD))
    record = json.loads(out)
    assert status == EXIT_OK and record["quotes"]
    text = record["text"]
    for quote in record["quotes"]:
        assert set(quote) == {"start", "end", "text", "kind", "speaker", "cue"}
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["kind"] in ("direct", "mixed", "indirect")
        assert text[quote["start"]] not in '“"' and text[quote["end"] - 1] not in '”"'
        for part in ("speaker", "cue"):
            if quote[part] is not None:
                assert text[quote[part]["start"] : quote[part]["end"]] == quote[part]["text"]
    assert any(q["speaker"] and q["speaker"]["name"] == "Elena Varga" for q in record["quotes"])
