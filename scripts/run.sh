#!/usr/bin/env bash
# Installs what is needed, then starts the window; the first time, its first-run screen offers to create the
# committee or to open the sample register (a separate file, never the real register).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # No screen (a server or a container): run on a virtual one so the app still starts.
  exec xvfb-run -a -s "-screen 0 1366x800x24" .venv/bin/tayninh-desktop
fi
exec .venv/bin/tayninh-desktop
