#!/usr/bin/env bash
# Builds the one-folder program for Linux: OUT/app/tayninh-desktop/ (default OUT: build/bundle).
#
#   bash installer/build_bundle.sh [--archive] [OUT]
#
# 1. a build virtualenv (OUT/venv) with the pinned tools of pyproject's [bundle] group;
# 2. `python -m build`: the sdist and, from it, the wheel (OUT/dist) — the bundle holds what a wheel holds;
# 3. the wheel installed into the build virtualenv with its pinned dependencies;
# 4. PyInstaller with installer/tayninh-desktop.spec (OUT/app);
# 5. checks: nothing networked inside, the bundle's own --self-test in an empty temporary folder, and the
#    window shown once (Qt offscreen) on a register the bundle creates, so a resource or a Qt plugin
#    missing from the bundle fails the build;
# 6. with --archive: OUT/tayninh-desktop-VERSION-linux-x86_64.tar.gz.
# PYTHON chooses the interpreter (default python3, 3.11 or newer).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ARCHIVE=0
if [ "${1:-}" = "--archive" ]; then ARCHIVE=1; shift; fi
OUT=$(mkdir -p "${1:-$ROOT/build/bundle}" && cd "${1:-$ROOT/build/bundle}" && pwd)
PYTHON=${PYTHON:-python3}
VENV="$OUT/venv"
APP="$OUT/app/tayninh-desktop"

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

step "build virtualenv"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
mapfile -t TOOLS < <("$PYTHON" - "$ROOT/pyproject.toml" <<'PY'
import sys, tomllib
print("\n".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["optional-dependencies"]["bundle"]))
PY
)
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "${TOOLS[@]}"

step "sdist and wheel (python -m build)"
rm -rf "$OUT/dist"
"$VENV/bin/python" -m build --outdir "$OUT/dist" "$ROOT" >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
WHEEL=$(ls "$OUT"/dist/tayninh_desktop-*.whl)
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL"

step "PyInstaller"
rm -rf "$OUT/app"
(cd "$OUT" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$OUT/app" \
    --workpath "$OUT/work" "$ROOT/installer/tayninh-desktop.spec")

step "checks"
# Every data file of the wheel (forms, fonts, rules) is in the bundle.
"$VENV/bin/python" - "$WHEEL" "$APP/_internal" <<'PY'
import sys, zipfile
from pathlib import Path
wheel, inside = sys.argv[1], Path(sys.argv[2])
data = [n for n in zipfile.ZipFile(wheel).namelist()
        if n.startswith("tayninh_desktop/") and not n.endswith((".py", ".pyc"))]
missing = [n for n in data if not (inside / n).is_file()]
if missing or not data:
    sys.exit("Thiếu trong gói chương trình: " + ", ".join(missing or ["(tệp wheel không có tệp dữ liệu)"]))
print(f"[ĐẠT] {len(data)} tệp dữ liệu của tệp wheel (mẫu, phông chữ, quy định) có trong gói chương trình.")
PY
# The user guide and its pictures (installer/bundle_docs.py) are in the bundle.
"$VENV/bin/python" - "$ROOT" "$APP/_internal" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[1]) / "installer"))
from bundle_docs import guide_datas
inside = Path(sys.argv[2])
missing = [f"{folder}/{Path(name).name}" for name, folder in guide_datas(Path(sys.argv[1]))
           if not (inside / folder / Path(name).name).is_file()]
if missing:
    sys.exit("Thiếu tài liệu hướng dẫn trong gói chương trình: " + ", ".join(missing))
print("[ĐẠT] Tài liệu hướng dẫn và ảnh minh họa có trong gói chương trình.")
PY
bash "$ROOT/installer/check_bundle.sh" "$APP"

if [ "$ARCHIVE" = 1 ]; then
  step "archive"
  VERSION=$("$VENV/bin/python" -c "from importlib.metadata import version; print(version('tayninh-desktop'))")
  tar -C "$OUT/app" -czf "$OUT/tayninh-desktop-$VERSION-linux-x86_64.tar.gz" tayninh-desktop
  ls -l "$OUT/tayninh-desktop-$VERSION-linux-x86_64.tar.gz"
fi
step "done: $APP"
