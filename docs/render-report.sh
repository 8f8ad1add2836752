#!/usr/bin/env bash
# Renders a scenario's HTML report to a PNG with headless Chromium, to check how it reads.
#
#   docs/render-report.sh SCENARIO.swarm [OUT.png] [WIDTH] [HEIGHT]
#
# Needs Debian's chromium (apt-get install -y chromium). Writes OUT.html next to OUT.png
# (default: report.png and report.html in the current directory). The scenario may fail its
# expectations: the report is written either way.
set -euo pipefail
scenario=${1:?usage: docs/render-report.sh SCENARIO.swarm [OUT.png] [WIDTH] [HEIGHT]}
png=${2:-report.png}
width=${3:-1400}
height=${4:-1000}
html=${png%.png}.html
root="$(cd "$(dirname "$0")/.." && pwd)"

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "error: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi

swift build -c release --package-path "$root" --product swarmsim >&2
"$root/.build/release/swarmsim" run "$scenario" --quiet --report "$html" > /dev/null || true
test -s "$html" || { echo "error: no report was written to $html" >&2; exit 1; }

# A throwaway profile, so a running browser or a stale lock does not interfere.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$width,$height" --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" 2>/dev/null
echo "wrote $png (from $html)"
