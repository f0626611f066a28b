#!/usr/bin/env bash
# Install Narrative Coach and its test dependencies into .venv, then run the whole suite headless.
# Any arguments go to pytest, e.g. ./run-tests.sh tests/unit -x
set -euo pipefail
cd "$(dirname "$0")"
. scripts/ensure-venv.sh
.venv/bin/python -m pip install -q --disable-pip-version-check '.[test]'
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
