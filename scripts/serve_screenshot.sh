#!/usr/bin/env bash
# Take docs/serve.png: the page of `skillgap serve` showing the report of the example résumé
# and job ad, as Chromium draws it. Needs the serve extra, curl and Chromium.
# Run from anywhere: scripts/serve_screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SKILLGAP_TODAY=2026-11-23  # as scripts/make_examples.sh: a stable report
port=$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
python -m skillgap serve --port "$port" 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/v1/healthz" >/dev/null && break
    sleep 0.2
done
# what the page's form sends when both are chosen as files
curl -sSf -F resume=@examples/resume.pdf -F job=@examples/job.txt \
    "http://127.0.0.1:$port/" -o "$work/report.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --window-size=1000,1500 \
    --screenshot="$PWD/docs/serve.png" "file://$work/report.html" 2>/dev/null
echo "wrote docs/serve.png"
