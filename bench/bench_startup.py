"""Cold start: process start to article text visible, and to entities and summary visible.

Targets (issue 6): documentReady < 0.7 s on the bundled sample; analysisFinished < 2.0 s on
the seed article. Each run is a fresh process (the OS file cache is warm, as on a desktop
where the app was started before). Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "baltic-ferry-strike.txt"
SEED = ROOT.parent / "shared" / "seed" / "zapad-2025.txt"
RUNS = int(os.environ.get("READER_BENCH_RUNS", "5"))


def run_once(path: Path) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as config:
        env["XDG_CONFIG_HOME"] = config  # no settings from earlier runs
        env["READER_DATA_DIR"] = config  # nor a library: each run analyses the article
        env["READER_BENCH_T0"] = repr(time.time())
        out = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "startup_probe.py"), str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_of(path: Path, key: str) -> float | None:
    values = []
    for _ in range(RUNS):
        figures = run_once(path)
        if key in figures:
            values.append(figures[key])
        elif "analysis_failed" in figures:
            raise SystemExit(f"analysis failed: {figures['analysis_failed']}")
    return round(statistics.median(values), 3) if values else None


def main() -> None:
    run_once(SAMPLE)  # warm the OS file cache once
    result = {
        "bench": "startup",
        "runs": RUNS,
        "sample_document_ready_s": median_of(SAMPLE, "document_ready_s"),
        "target_document_ready_s": 0.7,
    }
    if SEED.exists():
        result["seed_analysis_finished_s"] = median_of(SEED, "analysis_finished_s")
        result["target_analysis_finished_s"] = 2.0
    print(json.dumps(result))


if __name__ == "__main__":
    main()
