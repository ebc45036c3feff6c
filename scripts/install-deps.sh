#!/usr/bin/env bash
# Installs what Yusuan needs on a fresh Debian 12 machine that has only Rust, Node/npm, Python
# and gcc: the Debian packages Tauri/WebKitGTK need, CJK fonts, Xvfb and the WebDriver pieces for
# the end-to-end tests, poppler (pdftotext/pdftoppm), PostgreSQL (the bureau's shared library;
# scripts/postgres.sh starts it), and the ui/ npm dependencies.
# Idempotent and quick when everything is already there. Run as root (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(
  # Tauri 2 / WebKitGTK build and runtime
  libwebkit2gtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  build-essential pkg-config curl file
  # Chinese fonts for the window and the PDFs
  fonts-noto-cjk
  # Headless display and WebDriver for the real-window tests and screenshots
  xvfb xauth webkit2gtk-driver imagemagick
  # PDF text and rendering (checks of exported PDFs, benchmarks against pdftotext)
  poppler-utils
  # XLSX formulas recalculated headless (draft workbook tests) and the PDF-conversion yardstick
  libreoffice-calc-nogui
  # A bureau's shared library: the store, API and CLI tests run again on PostgreSQL
  postgresql
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: Debian packages present"
fi

# tauri-driver: the WebDriver bridge for the real-window tests (about 40 s to build once).
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "install-deps: cargo install tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
fi

# The web UI's packages, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci (ui/)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
