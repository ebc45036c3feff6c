#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds the web UI and the desktop app, and opens it on
# the user's library in the OS data directory (~/.local/share/yusuan/library.db). The bundled
# real documents are loaded into the separate example library (示例库) at start-up, so the user's
# own library stays clean. Without a display (a server, CI), the window opens on Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/install-deps.sh
(cd ui && npm run build --silent)
cargo build -p yusuan-app
app=target/debug/yusuan-app

if [ -z "${DISPLAY:-}" ]; then
  echo "run-app: 未检测到图形显示（DISPLAY 未设置），在虚拟显示 Xvfb 上打开窗口。"
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$app" "$@"
fi
exec "$app" "$@"
