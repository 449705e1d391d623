#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages cmdesk and its tests need, only when one is missing.
set -euo pipefail
PACKAGES=(
  python3-venv
  # Qt's xcb platform and fonts, for the real window
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 fonts-dejavu-core
  # colour emoji, so previews (and the composer screenshots) show emoji as users see them
  fonts-noto-color-emoji
  # the Secret Service for keyring, and a virtual screen
  dbus gnome-keyring libsecret-tools xvfb xauth x11-utils
  # gdbus: keyring tests wait for the Secret Service to appear on a private bus
  libglib2.0-bin
  # desktop metadata validation
  desktop-file-utils appstream
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "cmdesk: please install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "cmdesk: installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
