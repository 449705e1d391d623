#!/usr/bin/env bash
# Runs the whole suite: starts the real peers the tests need (a D-Bus session with an unlocked
# gnome-keyring), runs pytest, and stops everything on exit. Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

bash tests/peers/install.sh || { echo "peer install failed" >&2; exit 1; }

export HOME="${HOME:-/tmp/cmdesk-home}"
mkdir -p "$HOME"
export QT_QPA_PLATFORM=offscreen

# A private D-Bus session with the Secret Service, for keyring tests.
read -r DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_PID < <(dbus-daemon --session --fork --print-address=1 --print-pid=1 | paste -sd' ')
export DBUS_SESSION_BUS_ADDRESS
# Each run gets its own keyring files: several runs at once (engineers sharing a machine, CI
# jobs) must not unlock, lock or rewrite each other's login keyring.
KEYRING_DATA=$(mktemp -d "${TMPDIR:-/tmp}/cmdesk-keyring.XXXXXX")
export XDG_DATA_HOME="$KEYRING_DATA"
KEYRING_PASSWORD=cmdesk-tests
printf '%s' "$KEYRING_PASSWORD" | timeout 20 gnome-keyring-daemon --unlock --components=secrets >/dev/null
# The keyring daemon leaves with its D-Bus session; killing it by name would also kill the
# keyrings of other runs in progress.
cleanup() { kill "$DBUS_SESSION_BUS_PID" 2>/dev/null; rm -rf "$KEYRING_DATA"; true; }
trap cleanup EXIT

$PY -m pytest "$@"
rc=$?
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit $rc
