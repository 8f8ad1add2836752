#!/usr/bin/env bash
# The docs' Slurm job array (docs/experiments.md, "A Slurm job array"), run for real on this
# machine: a one-node Slurm (slurmctld and slurmd on localhost, munge for authentication) runs
# 4 shards of a sweep as a job array, then `swarmsim merge` as a job that depends on the array;
# the merged report must be byte for byte the unsharded sweep's.
#
#   Tests/Slurm/run.sh [SWARMSIM]      # default .build/release/swarmsim
#
# Installs slurm-wlm and munge with apt-get when they are missing and we are root. Where Slurm
# cannot be installed or started (not root, no apt, no daemon comes up) it prints a warning and
# exits 0: the test is skipped, not failed. It exits 1 when the jobs run but the results differ
# or never arrive. It starts its own slurmctld and slurmd (with a private configuration, state
# and spool under a temporary directory) and munged if none runs, and stops exactly those.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$root/.build/release/swarmsim}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
scenario=Scenarios/experiments/election-timing.swarm
seeds=1..200
shards=4

skip() { echo "warning: Slurm test skipped: $*" >&2; exit 0; }
fail() { echo "Slurm test FAILED: $*" >&2; exit 1; }

[ -x "$bin" ] || fail "no swarmsim binary at $bin"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || skip "slurm-wlm/munge missing and cannot install them (not root or no apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq slurm-wlm munge >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive \
             apt-get -o DPkg::Lock::Timeout=300 install -y -qq slurm-wlm munge >/dev/null 2>&1; } \
        || skip "apt-get install slurm-wlm munge failed"
fi
[ "$(id -u)" = 0 ] || skip "slurmd must run as root here"

work="$(mktemp -d /tmp/swarmsim-slurm.XXXXXX)"
export SLURM_CONF="$work/slurm.conf"
started=()   # pid files of the daemons this script started
cleanup() {
    for pidfile in "${started[@]}"; do
        [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
    done
    sleep 1
    rm -rf "$work"
}
trap cleanup EXIT

# munge: use the running one, else start it (the package made /etc/munge/munge.key).
if ! munge -n >/dev/null 2>&1; then
    [ -s /etc/munge/munge.key ] || { command -v mungekey >/dev/null && mungekey -c >/dev/null 2>&1; } \
        || skip "no munge key"
    mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null
    runuser -u munge -- munged 2>"$work/munged.err" || skip "munged did not start: $(cat "$work/munged.err")"
    started+=(/run/munge/munged.pid)
    for _ in $(seq 20); do munge -n >/dev/null 2>&1 && break; sleep 0.5; done
    munge -n >/dev/null 2>&1 || skip "munged does not answer"
fi

node="$(hostname -s)"
mkdir -p "$work/state" "$work/spool" "$work/results"
cat >"$SLURM_CONF" <<EOF
ClusterName=swarmsimtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -f "$SLURM_CONF" -i 2>"$work/slurmctld.err" || skip "slurmctld did not start: $(cat "$work/slurmctld.err")"
started+=("$work/slurmctld.pid")
slurmd -f "$SLURM_CONF" 2>"$work/slurmd.err" || skip "slurmd did not start: $(cat "$work/slurmd.err")"
started+=("$work/slurmd.pid")
for _ in $(seq 60); do
    sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && break
    sleep 1
done
sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)' \
    || skip "the node never became idle: $(sinfo -h -o '%T %E' 2>&1; tail -3 "$work/slurmd.log" 2>/dev/null)"

# The docs' two jobs, with this checkout's absolute paths.
cat >"$work/array.sh" <<EOF
#!/bin/bash
#SBATCH --job-name=election-timing
#SBATCH --array=1-$shards
#SBATCH --cpus-per-task=1
#SBATCH --chdir=$root
#SBATCH --output=$work/slurm-%A_%a.out
mkdir -p "$work/results"
"$bin" sweep $scenario --seeds $seeds \\
    --shard "\${SLURM_ARRAY_TASK_ID}/$shards" --jobs "\${SLURM_CPUS_PER_TASK}" --json \\
    > "$work/results/shard-\${SLURM_ARRAY_TASK_ID}.json"
EOF
cat >"$work/merge.sh" <<EOF
#!/bin/bash
#SBATCH --job-name=election-timing-merge
#SBATCH --chdir=$root
#SBATCH --output=$work/slurm-merge.out
"$bin" merge "$work"/results/shard-*.json > "$work/results/merged.txt"
EOF
jobid="$(sbatch --parsable "$work/array.sh")" || fail "sbatch of the array failed"
mergeid="$(sbatch --parsable --dependency=afterany:"$jobid" "$work/merge.sh")" || fail "sbatch of the merge failed"
echo "Slurm: array job $jobid ($shards shards of $scenario --seeds $seeds), merge job $mergeid"

for _ in $(seq 240); do
    [ -z "$(squeue -h -j "$jobid,$mergeid" 2>/dev/null)" ] && break
    sleep 1
done
[ -z "$(squeue -h -j "$jobid,$mergeid" 2>/dev/null)" ] || fail "the jobs did not finish within 4 minutes: $(squeue 2>&1)"
[ -s "$work/results/merged.txt" ] || fail "no merged report; $(cat "$work"/slurm-*.out 2>/dev/null | tail -5)"

(cd "$root" && "$bin" sweep $scenario --seeds $seeds --jobs 2) >"$work/unsharded.txt"
cmp "$work/unsharded.txt" "$work/results/merged.txt" \
    || fail "the merged report differs from the unsharded sweep: $(diff "$work/unsharded.txt" "$work/results/merged.txt" | head -10)"
echo "Slurm: the merge of $shards shards is byte for byte the unsharded sweep ($(wc -l <"$work/unsharded.txt") lines)"
