"""Where the library lives: --data-dir, then $READER_DATA_DIR, then the user's data folder."""

from __future__ import annotations

from pathlib import Path

from reader.library import DATA_DIR_ENV, data_dir, database_path


def test_the_option_wins_then_the_environment_then_the_platform(monkeypatch, tmp_path: Path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert data_dir(tmp_path / "option") == tmp_path / "option"
    assert database_path() == tmp_path / "env" / "reader.sqlite3"
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    default = data_dir()
    assert default.name == "Reader"
    assert default != tmp_path / "env"
