#!/usr/bin/env bash
# Build the one-folder desktop bundle into dist/cveditor/ and report its size and time.
# Needs the project's venv (.venv with cveditor installed) and pyinstaller in it.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=.venv/bin/python
"$python" -m pip install -q --disable-pip-version-check "pyinstaller>=6"
mkdir -p build
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/pyinstaller/cveditor.spec >build/pyinstaller.log 2>&1 || {
  tail -40 build/pyinstaller.log; exit 1; }
# The bundled fonts (resources/fonts, OFL, with their licences) come in with the
# resources (cveditor.spec); the app registers them at start. None is taken from the
# build machine, so every bundle prints the same.
fonts=dist/cveditor/_internal/cveditor/resources/fonts
count=$(find "$fonts" -name '*.otf' -o -name '*.ttf' | wc -l)
[ "$count" -ge 8 ] && [ -f "$fonts/SOURCES.md" ] || {
  echo "bundle lacks the fonts of resources/fonts ($count files)"; exit 1; }
# Qt's own translations and QML are not used.
rm -rf dist/cveditor/_internal/PySide6/Qt/translations dist/cveditor/_internal/PySide6/Qt/qml
echo "bundle: dist/cveditor ($(du -sh dist/cveditor | cut -f1)), built in $(( $(date +%s) - start )) s"
