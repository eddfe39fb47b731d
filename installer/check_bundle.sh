#!/usr/bin/env bash
# Checks a built one-folder program (Linux): nothing networked inside, its --self-test passes in an
# empty temporary folder, and its window is shown once under Qt's offscreen platform.
#
#   bash installer/check_bundle.sh build/bundle/app/tayninh-desktop
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
APP=$(cd "$1" && pwd)
EXE="$APP/tayninh-desktop"
[ -x "$EXE" ] || { echo "Không có chương trình: $EXE" >&2; exit 1; }

forbidden=$(find "$APP" \( -iname '*WebEngine*' -o -iname '*Qt6Network*' -o -iname '*QtNetwork*' \
    -o -iname '*qvnc*' -o -iname '*qtuiotouch*' -o -path '*/plugins/tls*' -o -iname 'libcups.so*' \) -print)
if [ -n "$forbidden" ]; then
  echo "Gói chương trình có thành phần mạng hoặc trình duyệt (không được phép):" >&2
  echo "$forbidden" >&2
  exit 1
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"   # nothing from the checkout or the current folder
export TAYNINH_DESKTOP_DATA_DIR="$WORK/data" QT_QPA_PLATFORM=offscreen
env -u PYTHONPATH -u PYTHONHOME "$EXE" --self-test
"$EXE" init --unit-code TKT --unit-name "Đảng ủy xã Thử Nghiệm" --superior-name "Tỉnh ủy Tây Ninh" \
    --place "Thử Nghiệm" >/dev/null
shown=$(TAYNINH_DESKTOP_STARTUP_PROBE=1 "$EXE" 2>/dev/null)
case "$shown" in
  shown*) echo "[ĐẠT] Cửa sổ chương trình mở được (Qt offscreen)." ;;
  *) echo "Cửa sổ không mở được: $shown" >&2; exit 1 ;;
esac

# Portable mode: portable.txt beside the program keeps the data in du-lieu/ beside it.
if [ -e "$APP/portable.txt" ] || [ -e "$APP/du-lieu" ]; then
  echo "Thư mục chương trình đã có portable.txt hoặc du-lieu: không kiểm tra chế độ di động." >&2; exit 1
fi
cp "$HERE/portable.txt" "$APP/portable.txt"
portable_ok=0
(unset TAYNINH_DESKTOP_DATA_DIR; HOME="$WORK/home" "$EXE" init --unit-code DD --unit-name "Đảng ủy xã Di Động" \
    --superior-name "Tỉnh ủy Tây Ninh" >/dev/null) && [ -f "$APP/du-lieu/so-dang-vien.sqlite3" ] \
    && [ ! -e "$WORK/home/.local/share/tayninh-desktop" ] && portable_ok=1
rm -rf "$APP/portable.txt" "$APP/du-lieu"
[ "$portable_ok" = 1 ] || { echo "Chế độ di động không giữ dữ liệu cạnh chương trình." >&2; exit 1; }
echo "[ĐẠT] Chế độ di động: dữ liệu nằm cạnh chương trình (portable.txt)."
