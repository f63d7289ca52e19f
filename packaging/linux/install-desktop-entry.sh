#!/usr/bin/env bash
# Put Reader in the desktop's application menu and its "Open with" list for text files:
# installs the .desktop file, the AppStream metainfo and the icons for the current user
# (under $XDG_DATA_HOME, default ~/.local/share).
#   packaging/linux/install-desktop-entry.sh                 for a pipx/pip install (`reader` on PATH)
#   packaging/linux/install-desktop-entry.sh --exec PATH     for the bundle: PATH to its `reader`
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
icons="$here/../../resources/icons"
id=io.github.reader_news.Reader
exec_path=reader
if [ "${1:-}" = "--exec" ] && [ -n "${2:-}" ]; then
    exec_path="$(realpath "$2")"
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--exec PATH-TO-READER]" >&2
    exit 2
fi
data="${XDG_DATA_HOME:-$HOME/.local/share}"

mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
# Desktop files split Exec on spaces: quote a bundle path that has any.
sed "s|^Exec=reader |Exec=\"${exec_path//|/\\|}\" |" "$here/$id.desktop" >"$data/applications/$id.desktop"
cp "$here/$id.metainfo.xml" "$data/metainfo/"
cp "$icons/reader.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
for png in "$icons"/reader-*.png; do
    size="${png##*/reader-}"
    size="${size%.png}"
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
done
# Refresh the caches where the tools exist; desktops also rescan on their own.
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Installed $id into $data"
