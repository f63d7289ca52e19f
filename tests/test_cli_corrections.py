"""`reader corrections`: saved rules are JSON to share, and `reader extract` applies them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main as extract
from reader.cli_corrections import EXIT_BAD_INPUT, EXIT_OK
from reader.cli_corrections import main as corrections

pytestmark = pytest.mark.spacy

GOOD = Path(__file__).resolve().parent / "fixtures" / "articles" / "politics-harbour-accord.txt"
RULES = {
    "version": 1,
    "rules": [
        {"kind": "rename", "name": "elena varga", "to": "Elena M. Varga"},
        {"kind": "not_entity", "name": "VIENNA"},
    ],
}


def run(capsys, command, *args: str) -> tuple[int, str, list[str]]:
    status = command(list(args))
    captured = capsys.readouterr()
    return status, captured.out, [line for line in captured.err.splitlines() if line]


def write(tmp_path: Path, content: str) -> str:
    path = tmp_path / "shared.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_imported_rules_apply_in_extract_until_cleared(capsys, tmp_path):
    _, plain, _ = run(capsys, extract, str(GOOD), "--no-corrections")
    status, _, err = run(capsys, corrections, "import", write(tmp_path, json.dumps(RULES)))
    assert status == EXIT_OK and err == ["2 rules imported."]
    _, listed, _ = run(capsys, corrections, "list")
    assert [r["kind"] for r in json.loads(listed)["rules"]] == ["rename", "not_entity"]

    _, out, _ = run(capsys, extract, str(GOOD))
    entities = {e["name"]: e for e in json.loads(out)["entities"]}
    assert entities["Elena M. Varga"]["corrected"] is True
    assert "Vienna" not in entities
    _, own, _ = run(capsys, extract, str(GOOD), "--no-corrections")
    assert own == plain  # the saved rules do not touch the model's own result

    assert run(capsys, corrections, "clear")[0] == EXIT_OK
    _, cleared, _ = run(capsys, extract, str(GOOD))
    assert cleared == plain


def test_export_gives_back_a_file_import_reads(capsys, tmp_path):
    run(capsys, corrections, "import", write(tmp_path, json.dumps(RULES)))
    exported = tmp_path / "out.json"
    assert run(capsys, corrections, "export", str(exported))[0] == EXIT_OK
    run(capsys, corrections, "clear")
    run(capsys, corrections, "import", str(exported))
    _, listed, _ = run(capsys, corrections, "list")
    assert json.loads(listed) == json.loads(exported.read_text(encoding="utf-8"))


def test_a_bad_file_is_one_line_and_nothing_is_imported(capsys, tmp_path):
    bad = dict(RULES, rules=[*RULES["rules"], {"kind": "group", "name": "Ceres", "group": "moon"}])
    status, out, err = run(capsys, corrections, "import", write(tmp_path, json.dumps(bad)))
    assert status == EXIT_BAD_INPUT and not out
    assert len(err) == 1 and "rule 3 (group “Ceres”)" in err[0] and "moon" in err[0]
    _, listed, _ = run(capsys, corrections, "list")
    assert json.loads(listed)["rules"] == []


def test_a_damaged_library_still_lets_extract_run(capsys, private_data_dir):
    private_data_dir.mkdir()
    (private_data_dir / "reader.sqlite3").write_bytes(b"not a database at all" * 100)
    status, out, err = run(capsys, extract, str(GOOD))
    assert status == EXIT_OK and json.loads(out)["entities"]
    assert len(err) == 1 and "saved corrections are not applied" in err[0]
