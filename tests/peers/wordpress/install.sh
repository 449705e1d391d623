#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Debian's WordPress with PHP and MariaDB for the connector tests, only when missing.
# No service is started (the tests run a private MariaDB and PHP's built-in server on loopback):
# a policy-rc.d forbids the package scripts to start apache2 or mariadb on ports 80/3306.
set -euo pipefail
PACKAGES=(wordpress mariadb-server php-cli php-mysql)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  own_policy=1
fi
cleanup() { [ "$own_policy" -eq 1 ] && $SUDO rm -f "$policy"; true; }
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
