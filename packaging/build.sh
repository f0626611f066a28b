#!/usr/bin/env bash
# Build the one-folder Narrative Coach bundle with PyInstaller, then check the built app:
# its --version and its --self-test (window offscreen, sample opened, exports checked).
#
#   packaging/build.sh            build into dist/ and check
#   packaging/build.sh --check    only check an existing build
#
# PyInstaller is installed into .venv on first use. A build takes a few minutes.
# The bundle is for the platform it is built on (Linux here; run it on Windows or macOS to get
# those; Windows needs Git Bash or similar to run this script).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. scripts/ensure-venv.sh

case "$(uname -s)" in
  Linux*) PY=.venv/bin/python; APP_DIR=dist/narrative-coach; APP_EXE=$APP_DIR/narrative-coach ;;
  Darwin*) PY=.venv/bin/python; APP_DIR="dist/Narrative Coach.app"
           APP_EXE="$APP_DIR/Contents/MacOS/narrative-coach" ;;
  MINGW*|MSYS*|CYGWIN*) PY=.venv/Scripts/python.exe; APP_DIR=dist/narrative-coach
           APP_EXE=$APP_DIR/narrative-coach-cli.exe ;;
  *) echo "build.sh: unsupported system $(uname -s)" >&2; exit 2 ;;
esac

build() {
  if ! "$PY" -c 'import PySide6, sqlalchemy, alembic, markdown, markdown_it, docx' 2>/dev/null; then
    echo "Installing Narrative Coach's dependencies into .venv..."
    local deps=()
    mapfile -t deps < <("$PY" -c 'import tomllib
for dep in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    print(dep)')
    "$PY" -m pip install -q --disable-pip-version-check "${deps[@]}"
  fi
  if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
    echo "Installing PyInstaller into .venv (first build only)..."
    "$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.6"
  fi
  if [ ! -f packaging/icons/png/narrative-coach-512.png ]; then
    "$PY" packaging/icons/make_icons.py
  fi
  echo "Building the bundle (a few minutes)..."
  local started=$SECONDS
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/narrative-coach.spec
  echo "Built $APP_DIR in $((SECONDS - started)) s ($(du -sh "$APP_DIR" | cut -f1))."
}

check() {
  if [ ! -x "$APP_EXE" ]; then
    echo "build.sh: no built app at $APP_EXE; run packaging/build.sh first." >&2
    exit 1
  fi
  # A clean environment: no PYTHONPATH, no venv, a scratch HOME, started from another folder,
  # so the bundle proves it needs nothing installed beyond itself.
  local scratch
  scratch=$(mktemp -d)
  local exe="$ROOT/$APP_EXE" status=0
  (cd "$scratch" && env -i PATH=/usr/bin:/bin HOME="$scratch" "$exe" --version) || status=$?
  if [ "$status" = 0 ]; then
    (cd "$scratch" && env -i PATH=/usr/bin:/bin HOME="$scratch" LANG="${LANG:-C.UTF-8}" \
      QT_QPA_PLATFORM=offscreen "$exe" --self-test) || status=$?
  fi
  rm -rf "$scratch"
  if [ "$status" != 0 ]; then
    echo "build.sh: the built app failed its checks (status $status)." >&2
    exit "$status"
  fi
}

if [ "${1:-}" != "--check" ]; then
  build
fi
check
echo "The bundle is ready: $APP_DIR"
