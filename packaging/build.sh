#!/usr/bin/env bash
# `make package`: the one-folder frozen app in dist/cmdesk/, with its desktop files beside it.
# Reuses the previous build when nothing that goes into it changed (sources, spec, pyproject),
# so the packaging check in the test suite costs seconds after the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DIST=dist/cmdesk
STAMP_FILE=build/pyinstaller/.source-stamp
START=$(date +%s)
# Several test runs may share this tree: one build at a time, and no check reads a half-built
# folder (check_frozen.sh takes the same lock, shared).
mkdir -p build
exec 9>build/.package.lock
flock 9

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  "$PY" -m pip install -q -e ".[package]"
fi
"$PY" scripts/build_translations.py
stamp=$( (find src packaging resources -type f \( -name '*.py' -o -name '*.qm' -o -name '*.svg' -o -name '*.spec' -o -name '*.ts' -o -name '*.desktop' -o -name '*.xml' \) -print0 | sort -z | xargs -0 cksum; cksum pyproject.toml) | cksum | cut -d' ' -f1)

if [ -x "$DIST/cmdesk" ] && [ -f "$STAMP_FILE" ] && [ "$(cat "$STAMP_FILE")" = "$stamp" ]; then
  echo "cmdesk: sources unchanged, reusing $DIST"
else
  "$PY" packaging/icons.py build/icons >/dev/null
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/cmdesk.spec
  # Desktop integration files travel with the folder (the AppImage and a manual install use them).
  mkdir -p "$DIST/share/applications" "$DIST/share/metainfo" "$DIST/share/icons"
  cp resources/io.github.cmdesk.Cmdesk.desktop "$DIST/share/applications/"
  cp resources/io.github.cmdesk.Cmdesk.metainfo.xml "$DIST/share/metainfo/"
  cp -r build/icons/hicolor "$DIST/share/icons/"
  mkdir -p "$(dirname "$STAMP_FILE")"
  echo "$stamp" > "$STAMP_FILE"
fi
END=$(date +%s)
echo "cmdesk: build time $((END - START)) s; folder size $(du -sh "$DIST" | cut -f1) ($DIST)"
