#!/usr/bin/env bash
# Install the built bundle (dist/narrative-coach) for the current user, so Narrative Coach
# appears in the applications menu: ~/.local/opt/narrative-coach, a narrative-coach command in
# ~/.local/bin, the .desktop file, AppStream metainfo and icons under ~/.local/share.
#
#   packaging/linux/install.sh              install (or update)
#   packaging/linux/install.sh --uninstall  remove it again (your narratives are kept)
#
# PREFIX=/usr/local (run as root) installs for everyone instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP_ID=uk.narrativecoach.NarrativeCoach
PREFIX=${PREFIX:-$HOME/.local}
SHARE=$PREFIX/share
APP_HOME=$PREFIX/opt/narrative-coach

uninstall() {
  rm -rf "$APP_HOME"
  rm -f "$PREFIX/bin/narrative-coach" "$SHARE/applications/$APP_ID.desktop" \
    "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
  rm -f "$SHARE"/icons/hicolor/*x*/apps/"$APP_ID".png
  echo "Narrative Coach is uninstalled. Your narratives are still in your data folder."
}

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$SHARE/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  uninstall
  refresh_caches
  exit 0
fi

if [ ! -x dist/narrative-coach/narrative-coach ]; then
  echo "install.sh: build the bundle first: packaging/build.sh" >&2
  exit 1
fi
mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo"
rm -rf "$APP_HOME.new"
cp -a dist/narrative-coach "$APP_HOME.new"
rm -rf "$APP_HOME"
mv "$APP_HOME.new" "$APP_HOME"
ln -sf "$APP_HOME/narrative-coach" "$PREFIX/bin/narrative-coach"
# The menu entry names the command by its full path: ~/.local/bin is not always on the
# desktop session's PATH.
sed -e "s|^Exec=narrative-coach|Exec=$APP_HOME/narrative-coach|" \
    -e "s|^TryExec=narrative-coach|TryExec=$APP_HOME/narrative-coach|" \
    "packaging/linux/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "packaging/linux/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
for png in packaging/icons/png/narrative-coach-*.png; do
  size=${png##*-}
  size=${size%.png}
  mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps"
cp packaging/icons/narrative-coach.svg "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
refresh_caches
echo "Narrative Coach is installed: find it in your applications menu, or run narrative-coach."
