#!/usr/bin/env bash
# Install Narrative Coach into .venv (first use, or when the source changed) and launch it.
# Any arguments are passed to the app, e.g. ./run-app.sh --data-dir ~/narratives-test
set -euo pipefail
cd "$(dirname "$0")"
. scripts/ensure-venv.sh

stamp=.venv/.narrative-app-installed
if [ ! -f "$stamp" ] || [ -n "$(find pyproject.toml narrative_app -newer "$stamp" -print -quit)" ]; then
  echo "Installing Narrative Coach into .venv (first run takes a minute)..."
  .venv/bin/python -m pip install -q --disable-pip-version-check .
  touch "$stamp"
fi

# Qt's X11 platform needs libxcb-cursor0, which some desktops lack.
if [ "$(uname -s)" = Linux ] && [ -z "${QT_QPA_PLATFORM:-}" ] && command -v ldconfig >/dev/null 2>&1 &&
  ! ldconfig -p | grep -q 'libxcb-cursor.so.0'; then
  _apt_install libxcb-cursor0 libxkbcommon-x11-0 || echo "If the window does not open, install libxcb-cursor0 (sudo apt install libxcb-cursor0)." >&2
fi

# Listening to a rehearsal needs PortAudio; without it the app rehearses without listening.
if [ "$(uname -s)" = Linux ] && command -v ldconfig >/dev/null 2>&1 &&
  ! ldconfig -p | grep -q 'libportaudio.so.2'; then
  _apt_install libportaudio2 || echo "To rehearse aloud with a microphone, install libportaudio2 (sudo apt install libportaudio2)." >&2
fi

# Recordings are kept as Ogg Vorbis through soundfile, whose wheels carry libsndfile; where pip
# had no such wheel it needs Debian's libsndfile1, and without it recordings are kept as WAV.
if [ "$(uname -s)" = Linux ] && ! .venv/bin/python -c 'import soundfile' >/dev/null 2>&1; then
  _apt_install libsndfile1 || echo "To keep recordings compressed, install libsndfile1 (sudo apt install libsndfile1)." >&2
fi

exec .venv/bin/narrative-app "$@"
