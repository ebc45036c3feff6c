#!/usr/bin/env bash
# Long fuzz runs (libFuzzer through cargo-fuzz, nightly toolchain), seeded with the fixtures:
#   scripts/fuzz.sh [SECONDS_PER_TARGET=600] [TARGET...]     targets: text pdf xlsx check
# A crash is saved under fuzz/artifacts/<target>/; once fixed, copy it to
# fuzz/regressions/<target>/ so the CI's bounded run (crates/yusuan-import/tests/mutations.rs)
# replays it for ever. Results are recorded in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(text pdf xlsx check)
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

for t in text check pdf xlsx; do mkdir -p "fuzz/corpus/$t"; done
cp fixtures/*.txt fuzz/corpus/text/
cp fixtures/*.txt fuzz/corpus/check/
# PDFs: small ones (a GBK-EUC-H font not embedded, Helvetica with rules, a turned page) and the
# first 30 KB of each fixture (cut short: the salvage path); inputs are held to 32 KB so the
# fuzzer runs hundreds of inputs a second rather than three.
cp fuzz/seeds/pdf/*.pdf fuzz/corpus/pdf/
for f in fixtures/pdf/*.pdf; do head -c 30000 "$f" > "fuzz/corpus/pdf/head-$(basename "$f")"; done
if [ ! -s fuzz/corpus/xlsx/000.xlsx ]; then
  # A workbook the way we export one (formulas with their values), from seed 000.
  tmp="$(mktemp -d)"
  cargo run -q -p yusuan-cli -- --db "$tmp/t.db" import fixtures/000_e54fcd81d7b1024c.txt >/dev/null
  cargo run -q -p yusuan-cli -- --db "$tmp/t.db" export 1 --format xlsx -o fuzz/corpus/xlsx/000.xlsx
  rm -rf "$tmp"
fi

cd fuzz
for t in "${targets[@]}"; do
  echo "== $t: ${secs} s"
  extra=()
  [ "$t" = pdf ] && extra=(-max_len=32768)
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" 2>&1 | tail -25
done
