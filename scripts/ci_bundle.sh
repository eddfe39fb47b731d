#!/usr/bin/env bash
# CI's packaging half (after scripts/setup.sh): the Linux one-folder program built and checked by
# installer/build_bundle.sh (its --self-test, its window, nothing networked inside), then the wheel that
# `python -m build` made, installed in a clean virtualenv outside the checkout, runs --self-test there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
OUT=$(mktemp -d /tmp/tayninh-ci-bundle.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

bash "$ROOT/installer/build_bundle.sh" "$OUT"

printf '\n== the wheel in a clean virtualenv (%ss)\n' "$SECONDS"
"$PYTHON" -m venv "$OUT/clean"
"$OUT/clean/bin/python" -m pip install -q --disable-pip-version-check "$OUT"/dist/tayninh_desktop-*.whl
mkdir -p "$OUT/elsewhere"
(cd "$OUT/elsewhere" && env -u PYTHONPATH TAYNINH_DESKTOP_DATA_DIR="$OUT/elsewhere/data" \
    "$OUT/clean/bin/tayninh-desktop" --self-test)
printf '== packaging checks done (%ss)\n' "$SECONDS"
