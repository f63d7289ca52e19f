"""The layering contracts in pyproject.toml hold, and the window stays a wiring room."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint_imports, str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_core_imports_without_qt() -> None:
    code = (
        "import sys, reader.document, reader.analysis, reader.library, reader.cli_library;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_main_window_only_wires() -> None:
    """Article state and its lifecycle live in the session; the window stays small."""
    source = (ROOT / "reader" / "ui" / "main_window.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 300
    for state in ("self._document", "self._analysis", "generation", "QFileSystemWatcher"):
        assert state not in source


def test_the_window_opens_without_loading_the_analysis_algorithms() -> None:
    """numpy, spaCy and the rule tables load in the background, after the article shows."""
    code = (
        "import sys, reader.app, reader.ui.main_window, reader.ui.library_link, reader.library;"
        "heavy = ('numpy', 'spacy', 'reader.analysis.pipeline', 'reader.analysis.entities',"
        " 'reader.analysis.times', 'reader.analysis.quotes', 'reader.analysis.summary');"
        "bad = [m for m in heavy if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
