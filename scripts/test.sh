#!/usr/bin/env bash
# Installs what is needed, then runs the whole test suite (Qt offscreen, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# On every core (pytest-xdist; each worker has its own data folder, tests/conftest.py); "-n 0" runs in one process.
exec .venv/bin/python -m pytest -n auto "$@"
