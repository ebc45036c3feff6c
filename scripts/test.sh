#!/usr/bin/env bash
# Quick start 2: installs what is missing and runs every test: the UI's unit tests (Vitest), then
# one cargo command for the whole workspace (unit, integration, golden, CLI and the real-window
# end-to-end tests, under Xvfb), then the store's, API's and CLI's tests again with every library
# on the machine's PostgreSQL (started by scripts/postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/install-deps.sh

echo "== ui: vitest"
(cd ui && NO_COLOR=1 FORCE_COLOR=0 npx vitest run 2>&1) | tee target-ui-test.log
passed=$(grep -E '^ *Tests ' target-ui-test.log | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' | head -1 || true)
failed=$(grep -E '^ *Tests ' target-ui-test.log | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' | head -1 || true)
rm -f target-ui-test.log
echo "ui: ${passed:-0} passed, ${failed:-0} failed"

echo "== ui: build (the app embeds ui/dist)"
(cd ui && npm run build --silent)

# The machine's PostgreSQL, for the tests of a bureau's shared library.
YUSUAN_TEST_POSTGRES=$(bash scripts/postgres.sh)
export YUSUAN_TEST_POSTGRES

echo "== cargo test (workspace, under Xvfb)"
log=$(mktemp)
status=0
xvfb-run -a -s "-screen 0 1400x900x24" cargo test --workspace --locked 2>&1 | tee "$log" || status=$?
echo "== cargo test (store, API and CLI again, every library on PostgreSQL)"
YUSUAN_TEST_LIBRARY=postgres cargo test --locked -p yusuan-store -p yusuan-api -p yusuan-cli 2>&1 | tee -a "$log" || status=$?
rust_passed=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
rust_failed=$(grep -Eo '[0-9]+ failed;' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo "rust: ${rust_passed:-0} passed, ${rust_failed:-0} failed"
# One closing line for the whole run (UI + Rust).
echo "all: $(( ${passed:-0} + ${rust_passed:-0} )) passed, $(( ${failed:-0} + ${rust_failed:-0} )) failed"
exit "$status"
