#!/usr/bin/env bash
# macOS recipe (Python 3.11 from python.org, universal2 or native arch), from the repository root:
#   bash packaging/macos/build.sh
# Produces dist/cmdesk.app (PyInstaller BUNDLE, bundle id io.github.cmdesk.Cmdesk) and
# dist/cmdesk.dmg. Keyring uses the macOS Keychain backend (keyring.backends.macOS, collected by
# the spec). Signing and notarisation need a Developer ID: set CODESIGN_ID to enable them.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3.11 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[package]"
.venv/bin/python scripts/build_translations.py
.venv/bin/python packaging/icons.py build/icons
iconutil -c icns build/icons/cmdesk.iconset -o build/icons/cmdesk.icns
.venv/bin/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/cmdesk.spec
if [ -n "${CODESIGN_ID:-}" ]; then
  codesign --deep --force --options runtime --sign "$CODESIGN_ID" dist/cmdesk.app
fi
QT_QPA_PLATFORM=offscreen dist/cmdesk.app/Contents/MacOS/cmdesk --data-dir "$(mktemp -d)" --demo \
  --screenshot build/macos-smoke.png
hdiutil create -volname cmdesk -srcfolder dist/cmdesk.app -ov -format UDZO dist/cmdesk.dmg
