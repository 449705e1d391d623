#!/usr/bin/env bash
# AppImage recipe. Lays out build/AppDir from dist/cmdesk (make package first), then runs
# appimagetool when it is installed. appimagetool cannot be downloaded in our build sandbox, so
# the layout is built and checked by tests/packaging; on a release machine:
#   wget https://github.com/AppImage/appimagetool/releases/download/continuous/appimagetool-x86_64.AppImage
#   chmod +x appimagetool-x86_64.AppImage && APPIMAGETOOL=./appimagetool-x86_64.AppImage make appimage
#
# Layout (what appimagetool and AppImageHub's checks expect):
#   AppDir/AppRun                                   -> starts usr/lib/cmdesk/cmdesk
#   AppDir/io.github.cmdesk.Cmdesk.desktop          top-level desktop entry (one only)
#   AppDir/io.github.cmdesk.Cmdesk.svg, .DirIcon    the icon named by Icon=
#   AppDir/usr/lib/cmdesk/                          the PyInstaller one-folder build
#   AppDir/usr/share/applications/, metainfo/, icons/hicolor/
set -euo pipefail
cd "$(dirname "$0")/../.."
APP_ID=io.github.cmdesk.Cmdesk
DIST=dist/cmdesk
APPDIR=${APPDIR:-build/AppDir}
[ -x "$DIST/cmdesk" ] || { echo "no $DIST: run 'make package' first" >&2; exit 1; }

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/metainfo" "$APPDIR/usr/share/icons"
cp -a "$DIST" "$APPDIR/usr/lib/cmdesk"
rm -rf "$APPDIR/usr/lib/cmdesk/share"  # moved to usr/share below
cp packaging/appimage/AppRun "$APPDIR/AppRun"
cp resources/$APP_ID.desktop "$APPDIR/$APP_ID.desktop"
cp resources/$APP_ID.desktop "$APPDIR/usr/share/applications/"
cp resources/$APP_ID.metainfo.xml "$APPDIR/usr/share/metainfo/$APP_ID.appdata.xml"
cp -r "$DIST/share/icons/hicolor" "$APPDIR/usr/share/icons/"
cp src/cmdesk/resources/icons/$APP_ID.svg "$APPDIR/$APP_ID.svg"
cp "$DIST/share/icons/hicolor/256x256/apps/$APP_ID.png" "$APPDIR/.DirIcon"
echo "cmdesk: AppDir ready in $APPDIR"

TOOL=${APPIMAGETOOL:-$(command -v appimagetool || true)}
if [ -n "$TOOL" ]; then
  ARCH=x86_64 "$TOOL" "$APPDIR" dist/cmdesk-x86_64.AppImage
else
  echo "cmdesk: appimagetool not found; set APPIMAGETOOL to build dist/cmdesk-x86_64.AppImage"
fi
