#!/usr/bin/env bash
# Installs what is needed, then starts the window; the first time, on a demo register.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! .venv/bin/tayninh-desktop members list >/dev/null 2>&1; then
  .venv/bin/tayninh-desktop demo --members 1200
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # No screen (a server or a container): run on a virtual one so the app still starts.
  exec xvfb-run -a -s "-screen 0 1366x800x24" .venv/bin/tayninh-desktop
fi
exec .venv/bin/tayninh-desktop
