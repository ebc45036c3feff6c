#!/usr/bin/env bash
# Installs what Yusuan needs on a fresh Debian 12 machine (run as root, or with sudo available).
# Idempotent: packages already present are skipped quickly.
set -euo pipefail

PKGS=(
  # Tauri 2 / WebKitGTK build and runtime
  libwebkit2gtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  build-essential pkg-config curl file
  # Chinese fonts for the window and for PDF export
  fonts-noto-cjk
  # Headless display for tests and screenshots, WebDriver for end-to-end tests
  xvfb xauth webkit2gtk-driver
  # PDF rendering to check exports and for benchmarks against pdftotext
  poppler-utils
  imagemagick
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: Debian packages present"
fi
