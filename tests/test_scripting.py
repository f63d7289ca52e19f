"""The automation contract: `create_main_window` works from any script, guarded or not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.assets import sample_article_path

ROOT = Path(__file__).resolve().parent.parent

# No `if __name__ == "__main__":` guard on purpose: model workers must never re-run it.
SCRIPT = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.app import create_main_window

print("script started", flush=True)
app = QApplication([])
window = create_main_window([sys.argv[1]])
outcome = []
window.analysisFinished.connect(lambda path: (outcome.append(len(window.analysis.entities)), app.quit()))
window.analysisFailed.connect(lambda path, message: (outcome.append(message), app.quit()))
QTimer.singleShot(120_000, app.quit)
app.exec()
window.close()
print("outcome", outcome, flush=True)
"""


def test_an_unguarded_script_opens_an_article_and_gets_its_entities(tmp_path: Path) -> None:
    script = tmp_path / "read_one.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, str(script), str(sample_article_path())],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("script started") == 1, result.stdout  # never re-run by a worker
    assert "bootstrapping" not in result.stderr
    outcome = result.stdout.rsplit("outcome", 1)[1].strip()
    count = int(outcome.strip("[]"))  # a number of entities, not a failure message
    assert count > 5
