#!/usr/bin/env bash
# Peak memory (VmHWM, as GNU time's "Maximum resident set size") of a 100-node swarm under
# churn after 1 and after 24 virtual hours, release build. Prints both and their ratio.
# SOAK_FLAGS=--no-safety-checks measures the simulator without the checkers (which keep a
# record per Raft index the managers' logs still hold).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
(cd "$root" && swift build -c release --product swarmsim >&2)
bin="$root/.build/release/swarmsim"
for h in 1 24; do
    python3 "$here/make-soak.py" "$h" > "/tmp/soak-${h}h.swarm"
    /usr/bin/time -v "$bin" run "/tmp/soak-${h}h.swarm" --quiet ${SOAK_FLAGS-} > "/tmp/soak-${h}h.out" 2> "/tmp/soak-${h}h.time" || { cat "/tmp/soak-${h}h.time" >&2; exit 1; }
    kb=$(grep "Maximum resident set size" "/tmp/soak-${h}h.time" | awk '{print $NF}')
    secs=$(grep "Elapsed (wall clock)" "/tmp/soak-${h}h.time" | awk '{print $NF}')
    echo "${h}h: peak RSS ${kb} KiB, wall ${secs}"
    eval "peak_${h}=${kb}"
done
awk -v a="$peak_1" -v b="$peak_24" 'BEGIN { printf "ratio 24h/1h: %.2f\n", b / a }'
