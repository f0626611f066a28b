# Sourced by run-app.sh and run-tests.sh: make sure .venv exists, creating it on first use.
# Debian's and Ubuntu's own python3 refuse a global pip install, so everything goes in .venv.

_apt_install() {
  # Install Debian/Ubuntu packages when we are allowed to (root, or sudo available).
  if ! command -v apt-get >/dev/null 2>&1; then return 1; fi
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq "$@" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$@"; }
  elif command -v sudo >/dev/null 2>&1; then
    echo "Installing system packages: $* (sudo may ask for your password)"
    sudo apt-get install -y -qq "$@" || { sudo apt-get update -qq && sudo apt-get install -y -qq "$@"; }
  else
    return 1
  fi
}

_find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ]; then
  PY=$(_find_python) || {
    echo "Narrative Coach needs Python 3.11 or newer. Install it (sudo apt install python3) and run this again." >&2
    exit 1
  }
  if ! "$PY" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    version=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    _apt_install "python${version}-venv" || _apt_install python3-venv || true
    "$PY" -m venv .venv || {
      rm -rf .venv
      echo "Could not create a Python virtual environment. Install the venv module (sudo apt install python3-venv) and run this again." >&2
      exit 1
    }
  fi
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
fi
