#!/usr/bin/env bash
# Put cveditor in the desktop's application menu (per user): the .desktop entry, the
# AppStream metadata and the icon. Assumes `cveditor` is on PATH (pip or the bundle).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
install -Dm644 "$here/io.github.cveditor.CVEditor.desktop" "$data/applications/io.github.cveditor.CVEditor.desktop"
install -Dm644 "$here/io.github.cveditor.CVEditor.metainfo.xml" "$data/metainfo/io.github.cveditor.CVEditor.metainfo.xml"
install -Dm644 "$here/../../resources/icons/cveditor.svg" "$data/icons/hicolor/scalable/apps/io.github.cveditor.CVEditor.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "installed the menu entry in $data"
