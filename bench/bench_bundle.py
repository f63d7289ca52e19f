"""What the PyInstaller bundle costs: build time, size on disk, and start-up of its commands.

Builds from scratch into a temporary folder (as CI does), then runs `reader --version` and
`reader extract` on the bundled sample READER_BENCH_RUNS times (default 5) and reports medians.
Prints one JSON line. Usage: PYTHONPATH=. python bench/bench_bundle.py
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
RUNS = int(os.environ.get("READER_BENCH_RUNS", "5"))


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def folder_megabytes(folder: Path) -> float:
    # PyInstaller links some libraries into place: count each file once.
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 1e6


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        env = {
            **os.environ,
            "PYTHON": sys.executable,
            "READER_DIST": f"{out}/dist",
            "READER_WORK": f"{out}/work",
        }
        build_s = timed(["bash", str(ROOT / "packaging" / "build.sh")], env)
        bundle = Path(out) / "dist" / "reader"
        reader = str(bundle / "reader")
        sample = str(next(bundle.rglob("samples/baltic-ferry-strike.txt")))
        version_s = [timed([reader, "--version"]) for _ in range(RUNS)]
        extract_s = [timed([reader, "extract", sample]) for _ in range(RUNS)]
        figures = {
            "bench": "bundle",
            "build_s": round(build_s, 1),
            "bundle_mb": round(folder_megabytes(bundle), 1),
            "version_median_s": round(statistics.median(version_s), 3),
            "extract_sample_median_s": round(statistics.median(extract_s), 3),
            "runs": RUNS,
            "cpus": os.cpu_count(),
        }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
