#!/usr/bin/env bash
# Builds the installable Debian package of Yusuan: the window (`yusuan-app`), the CLI (`yusuan`),
# the desktop entry and the icons, with the Debian packages the binaries load as its Depends
# (found from the binaries' own dynamic sections, so a new library is never forgotten). Installs
# on Debian 12 and the Debian-based desks (统信UOS, 麒麟) with `apt install ./yusuan_….deb`.
#
#   scripts/package.sh                      release build, then dist/yusuan_<version>_<arch>.deb
#   scripts/package.sh --bin-dir DIR        package the binaries already built in DIR (no build)
#   scripts/package.sh --out DIR --fast     write to DIR, uncompressed (tests)
#
# No tauri-cli needed: the package is assembled with dpkg-deb from what cargo builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bin_dir=""
out="dist"
compress=(-Zxz)
while [ $# -gt 0 ]; do
  case "$1" in
    --bin-dir) bin_dir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --fast) compress=(-Znone); shift ;;
    *) echo "package.sh: unknown argument $1 (see the comment at the top of scripts/package.sh)" >&2; exit 2 ;;
  esac
done

if [ -z "$bin_dir" ]; then
  echo "package: building the UI and the release binaries"
  (cd ui && npm run build --silent)
  cargo build --release --locked -p yusuan-app -p yusuan-cli
  bin_dir="target/release"
fi
for b in yusuan-app yusuan; do
  if [ ! -x "$bin_dir/$b" ]; then
    echo "package.sh: $bin_dir/$b is missing: build it first (cargo build -p yusuan-app -p yusuan-cli)" >&2
    exit 1
  fi
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
chmod 755 "$stage"
trap 'rm -rf "$stage"' EXIT

install -Dm755 "$bin_dir/yusuan-app" "$stage/usr/bin/yusuan-app"
install -Dm755 "$bin_dir/yusuan" "$stage/usr/bin/yusuan"
for size in 32x32:32x32.png 128x128:128x128.png 256x256:128x128@2x.png 512x512:icon.png; do
  install -Dm644 "icons/${size#*:}" "$stage/usr/share/icons/hicolor/${size%%:*}/apps/yusuan.png"
done
install -Dm644 /dev/stdin "$stage/usr/share/applications/yusuan.desktop" <<'EOF'
[Desktop Entry]
Type=Application
Name=预算 Yusuan
Name[zh_CN]=预算
Comment=部门预算的导入、比较、编制、审核与公开
Exec=yusuan-app
Icon=yusuan
Terminal=false
Categories=Office;Finance;
EOF

# Depends: the package of every shared library the binaries name (NEEDED), as dpkg knows it.
bins=("$stage/usr/bin/yusuan-app" "$stage/usr/bin/yusuan")
needed=$(readelf -d "${bins[@]}" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
depends=$(
  ldd "${bins[@]}" | awk '/=> \// { print $1, $3 }' | sort -u | while read -r name path; do
    grep -qxF "$name" <<<"$needed" || continue
    dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null || true
  done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g'
)
if [ -z "$depends" ]; then
  echo "package.sh: no dependency of the binaries is known to dpkg; is this a Debian system?" >&2
  exit 1
fi
size=$(du -sk "$stage" | cut -f1)
install -Dm644 /dev/stdin "$stage/DEBIAN/control" <<EOF
Package: yusuan
Version: $version
Architecture: $arch
Maintainer: Yusuan <yusuan@localhost>
Installed-Size: $size
Depends: $depends
Recommends: fonts-noto-cjk
Section: misc
Priority: optional
Description: 部门预算的导入、比较、编制、审核与公开
 Yusuan (预算) reads published department budgets (PDF, XLSX, text) into a local
 library with every number exact, compares years line by line, drafts next year's
 budget from last year's, checks it as a strict reviewer would and exports the
 standard-format PDF. The window is yusuan-app; the command line is yusuan.
EOF

mkdir -p "$out"
deb="$out/yusuan_${version}_${arch}.deb"
dpkg-deb --root-owner-group "${compress[@]}" --build "$stage" "$deb" >/dev/null
echo "$deb"
