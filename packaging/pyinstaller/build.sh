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
# A Korean font for machines without one (OFL); the app registers resources/fonts/*.
fonts=dist/cveditor/_internal/cveditor/resources/fonts
mkdir -p "$fonts"
for font in /usr/share/fonts/truetype/nanum/NanumGothic.ttf \
            /usr/share/fonts/truetype/nanum/NanumGothicBold.ttf; do
  [ -f "$font" ] && cp "$font" "$fonts/"
done
# Qt's own translations and QML are not used.
rm -rf dist/cveditor/_internal/PySide6/Qt/translations dist/cveditor/_internal/PySide6/Qt/qml
echo "bundle: dist/cveditor ($(du -sh dist/cveditor | cut -f1)), built in $(( $(date +%s) - start )) s"
