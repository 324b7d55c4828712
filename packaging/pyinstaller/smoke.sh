#!/usr/bin/env bash
# Smoke test of a built bundle: --version, a headless PDF export, and the PDF read back.
set -euo pipefail
cd "$(dirname "$0")/../.."
bundle=${1:-dist/cveditor}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen CVEDITOR_HOME="$work/home"
"$bundle/cveditor" --version
sample=$(find "$bundle" -path '*resources/samples/sample.resume.json' | head -n 1)
"$bundle/cveditor" validate "$sample"
"$bundle/cveditor" export "$sample" -o "$work/cv.pdf" --theme korean
"$bundle/cveditor" convert "$work/cv.pdf" -o "$work/back.json"   # our PDF re-opens
"$bundle/cveditor" themes | grep classic >/dev/null
if command -v pdftotext >/dev/null; then
  pdftotext "$work/cv.pdf" - | grep "김서연 (Seoyeon Kim)" >/dev/null
fi
if command -v pdffonts >/dev/null; then  # Korean from the bundled font, not the machine's
  pdffonts "$work/cv.pdf" | grep -q '^cveditor' || { pdffonts "$work/cv.pdf"; exit 1; }
fi
echo "bundle smoke test passed"
