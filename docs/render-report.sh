#!/usr/bin/env bash
# Renders a scenario's HTML report to a PNG with headless Chromium, to check how it reads on a
# projector (the screenshots under docs/ are made with it).
#
#   docs/render-report.sh [--debug | --release] [--step N] SCENARIO.swarm [OUT.png] [WIDTH] [HEIGHT]
#
# Builds swarmsim in release (default) or debug configuration, or uses the binary in
# $SWARMSIM when set (then nothing is built). --step N opens the page at statement N
# (report.html#step=N). WIDTH×HEIGHT defaults to 1600×1000. Needs Debian's chromium
# (apt-get install -y chromium). Writes OUT.html next to OUT.png (default: report.png and
# report.html in the current directory). The scenario may fail its expectations: the report is
# written either way.
set -euo pipefail
usage="usage: docs/render-report.sh [--debug | --release] [--step N] SCENARIO.swarm [OUT.png] [WIDTH] [HEIGHT]"
config=release
step=
while [ $# -gt 0 ]; do
    case "$1" in
        --debug) config=debug; shift ;;
        --release) config=release; shift ;;
        --step) step=${2:?$usage}; shift 2 ;;
        -h|--help) echo "$usage"; exit 0 ;;
        -*) echo "error: unknown option $1" >&2; echo "$usage" >&2; exit 2 ;;
        *) break ;;
    esac
done
scenario=${1:?$usage}
png=${2:-report.png}
width=${3:-1600}
height=${4:-1000}
html=${png%.png}.html
root="$(cd "$(dirname "$0")/.." && pwd)"

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "error: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi

binary=${SWARMSIM:-}
if [ -z "$binary" ]; then
    swift build -c "$config" --package-path "$root" --product swarmsim >&2
    binary="$root/.build/$config/swarmsim"
fi
"$binary" run "$scenario" --quiet --report "$html" > /dev/null || true
test -s "$html" || { echo "error: no report was written to $html" >&2; exit 1; }

# A throwaway profile, so a running browser or a stale lock does not interfere. The virtual
# time budget lets the page's script run (it opens the step) before the picture is taken.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(realpath "$html")${step:+#step=$step}"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --virtual-time-budget=2000 --window-size="$width,$height" --screenshot="$(realpath -m "$png")" "$url" 2>/dev/null
echo "wrote $png (from $html${step:+, step $step})"
