#!/usr/bin/env python3
"""The hold model in SimPy: the peer of swarmsim-bench's `kernel-hold`.

N processes, each looping `yield env.timeout(random.expovariate(1.0))` (exponential delays of
mean 1 s); the run stops after E timeouts have completed. Prints one JSON line:
{"value": events per second (best of R runs), "unit": "events/s", "runs_s": [...], "cpu_s": [...], ...}.
Only the event loop is timed (env.run), as on the Swift side.
"""
import argparse
import json
import random
import sys
import time

import simpy


def hold_once(processes: int, events: int, seed: int) -> tuple[float, float, float]:
    """One run; returns (wall seconds, CPU seconds, virtual time reached)."""
    rng = random.Random(seed)
    expovariate = rng.expovariate
    env = simpy.Environment()
    timeout = env.timeout
    done = env.event()
    fired = 0

    def timer():
        nonlocal fired
        while True:
            yield timeout(expovariate(1.0))
            fired += 1
            if fired == events:
                done.succeed()

    for _ in range(processes):
        env.process(timer())
    start, cpu_start = time.perf_counter(), time.process_time()
    env.run(until=done)
    return time.perf_counter() - start, time.process_time() - cpu_start, env.now


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=1_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    runs, cpu = [], []
    virtual_end = 0.0
    for _ in range(max(1, args.repeat)):
        seconds, cpu_seconds, virtual_end = hold_once(args.processes, args.events, args.seed)
        runs.append(seconds)
        cpu.append(cpu_seconds)
    print(json.dumps({
        "value": args.events / min(runs),
        "unit": "events/s",
        "runs_s": [round(s, 4) for s in runs],
        "cpu_s": [round(s, 4) for s in cpu],
        "version": f"SimPy {simpy.__version__}, Python {sys.version.split()[0]}",
        "virtual_end_s": round(virtual_end, 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
