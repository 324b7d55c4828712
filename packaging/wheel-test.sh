#!/usr/bin/env bash
# Build the wheel, install it (not editable) into a fresh venv, and export the bundled
# sample to PDF with it: what a user who runs `pip install cveditor` gets.
# Usage: packaging/wheel-test.sh [WORKDIR]   (default: a temporary folder, removed after)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
python3 -m pip wheel -q --disable-pip-version-check --no-deps -w "$work/wheel" "$repo"
wheel=$(ls "$work"/wheel/cveditor-*.whl)
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
cd "$work"  # nowhere near the source tree
export QT_QPA_PLATFORM=offscreen CVEDITOR_HOME="$work/home"
sample=$("$work/venv/bin/python" -c "from cveditor.resources import sample_path; print(sample_path())")
case "$sample" in
  "$work"/venv/*) ;;
  *) echo "resources resolved outside the installed package: $sample" >&2; exit 1 ;;
esac
"$work/venv/bin/cveditor" --version
"$work/venv/bin/cveditor" export "$sample" -o "$work/sample.pdf"
"$work/venv/bin/cveditor" convert "$work/sample.pdf" -o "$work/sample.md"
echo "wheel test passed: $(basename "$wheel")"
