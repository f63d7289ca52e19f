#!/usr/bin/env bash
# Reader's two set-up commands (see README):
#   ./dev.sh run [ARTICLE...]   set up, then open the app (on the bundled sample by default)
#   ./dev.sh test [PYTEST ARGS] set up, then run the whole test suite headless
# Set-up is idempotent: system libraries Qt needs (apt-get, when root or with sudo),
# a virtual environment in .venv, and the project installed in it with its dev tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

VENV=.venv
PY=${PYTHON:-python3}
QT_LIBS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libglib2.0-0
    libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core)
QT_SONAMES=(libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libxkbcommon-x11.so.0 libfontconfig.so.1
    libglib-2.0.so.0 libdbus-1.so.3 libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-image.so.0
    libxcb-keysyms.so.1 libxcb-render-util.so.0 libX11-xcb.so.1)
# The validators the packaging tests run on the .desktop and AppStream files.
VALIDATOR_PACKAGES=(desktop-file-utils appstream)

ensure_system_libraries() {
    local missing=0 lib
    for lib in "${QT_SONAMES[@]}"; do
        ldconfig -p 2>/dev/null | grep -q "$lib" || missing=1
    done
    fc-list 2>/dev/null | grep -qi dejavu || missing=1
    command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null || missing=1
    [ "$missing" = 1 ] || return 0
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then sudo="sudo"; else
            echo "dev.sh: Qt and the packaging tests need these system packages; please install them: ${QT_LIBS[*]} ${VALIDATOR_PACKAGES[*]}" >&2
            return 0
        fi
    fi
    echo "dev.sh: installing the system libraries Qt needs (apt-get)..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${QT_LIBS[@]}" "${VALIDATOR_PACKAGES[@]}" >/dev/null
}

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        echo "dev.sh: creating $VENV..." >&2
        "$PY" -m venv "$VENV"
    fi
    local stamp="$VENV/.reader-installed"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        echo "dev.sh: installing Reader and its development tools into $VENV..." >&2
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e ".[dev]"
        touch "$stamp"
    fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        ensure_system_libraries
        ensure_venv
        if [ $# -eq 0 ]; then set -- resources/samples/baltic-ferry-strike.txt; fi
        exec "$VENV/bin/python" -m reader "$@"
        ;;
    test)
        ensure_system_libraries
        ensure_venv
        export QT_QPA_PLATFORM=offscreen
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: ./dev.sh run [ARTICLE...] | ./dev.sh test [PYTEST ARGS]" >&2
        exit 2
        ;;
esac
