#!/usr/bin/env bash
# Proof that the frozen folder runs on its own: under a virtual X screen (Xvfb, the real xcb
# platform plugin), it starts, opens a new workspace, fills the demo month, renders the main
# window to a PNG and exits 0. Usage: packaging/check_frozen.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=dist/cmdesk
OUT=${1:-build/frozen-check/main.png}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$(dirname "$OUT")" build
exec 9>build/.package.lock
flock -s 9
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
# Nothing from the development tree may leak in: no PYTHONPATH, a clean HOME.
env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$DIST/cmdesk" --data-dir "$WORK/ws" --demo --lang fr --screenshot "$OUT"
"$DIST/cmdesk" --version
test -s "$OUT"
echo "cmdesk: frozen app rendered $OUT ($(stat -c %s "$OUT") bytes)"
