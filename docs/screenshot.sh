#!/usr/bin/env bash
# Regenerates docs/html-report.png, the README's picture of the HTML report of the seeds:
#   bash docs/screenshot.sh
# Needs mtaudit (the checkout's .venv, or MTAUDIT=path) and Chromium (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
mtaudit=${MTAUDIT:-.venv/bin/mtaudit}
chromium=${MTAUDIT_CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$mtaudit" lint seeds/ --scores --format html -o "$work/seeds.html" || [ $? -eq 1 ]  # 1: the seeds have findings
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1200,1500 --screenshot="$PWD/docs/html-report.png" "file://$work/seeds.html" 2>/dev/null
echo "wrote docs/html-report.png"
