#!/usr/bin/env bash
# Install Narrative Coach and its test dependencies into .venv, then run the whole suite headless.
# Any arguments go to pytest, e.g. ./run-tests.sh tests/unit -x
set -euo pipefail
cd "$(dirname "$0")"
. scripts/ensure-venv.sh
.venv/bin/python -m pip install -q --disable-pip-version-check '.[test]'
# The spoken-rehearsal tests speak with espeak-ng; without it they are skipped (and say why).
if ! command -v espeak-ng >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  _apt_install espeak-ng || true
fi
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
