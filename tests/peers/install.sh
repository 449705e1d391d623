#!/usr/bin/env bash
# Installs the real peer servers the tests run on loopback (each peer adds its own step here).
set -euo pipefail
cd "$(dirname "$0")"
for step in */install.sh; do
  [ -f "$step" ] || continue
  echo "peers: $step"
  bash "$step"
done
