"""Where the library database lives: the per-user data folder, unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

DATABASE_NAME = "reader.sqlite3"
DATA_DIR_ENV = "READER_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`override` (from --data-dir), else $READER_DATA_DIR, else the platform's user data folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Reader", appauthor=False))


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / DATABASE_NAME
