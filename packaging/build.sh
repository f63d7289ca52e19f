#!/usr/bin/env bash
# Build Reader's one-folder bundle with PyInstaller; run the result as dist/reader/reader.
#   packaging/build.sh
# The build Python is $PYTHON, else the project's .venv (./dev.sh creates it), else python3;
# it must have Reader's dependencies installed (`pip install .`); PyInstaller is added if
# missing. READER_DIST and READER_WORK move the output (default dist/) and the work files
# (default build/pyinstaller/, reused to make rebuilds faster).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

py="${PYTHON:-}"
if [ -z "$py" ]; then
    if [ -x .venv/bin/python ]; then py=.venv/bin/python; else py=python3; fi
fi
if ! "$py" -c "import spacy, PySide6" 2>/dev/null; then
    echo "build.sh: $py lacks Reader's dependencies; run ./dev.sh test or pip install . first" >&2
    exit 1
fi
if ! "$py" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: installing PyInstaller into $py's environment..." >&2
    "$py" -m pip install --quiet "pyinstaller>=6.10"
fi
case "$(uname -s)" in
    Linux) ;;
    # Windows and macOS executables carry the icon, which PyInstaller converts with Pillow.
    *) "$py" -c "import PIL" 2>/dev/null || "$py" -m pip install --quiet pillow ;;
esac

"$py" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "${READER_DIST:-$root/dist}" --workpath "${READER_WORK:-$root/build/pyinstaller}" \
    packaging/reader.spec
echo "build.sh: built ${READER_DIST:-$root/dist}/reader" >&2
