#!/usr/bin/env bash
# Builds the compose loader fuzzer with libFuzzer (swiftc -sanitize=fuzzer, Linux) and runs it,
# seeded with the compose files in seeds/ and under Scenarios/stacks/. It compiles the sources
# directly with swiftc, so the package (and `swift build`/`swift test`) never sees it:
# Sources/YAML/ as a module, then Sources/Compose/ with FuzzTarget.swift as one module.
#
#   Tests/Fuzz/compose/run.sh                     # runs until stopped (Ctrl-C)
#   Tests/Fuzz/compose/run.sh -runs=10000000      # libFuzzer flags pass through
#   Tests/Fuzz/compose/run.sh -max_total_time=30  # the CI smoke run
#
# A crash is written to Tests/Fuzz/compose/crashes/crash-<sha1>; replay it with
#   Tests/Fuzz/compose/.build/compose-fuzz Tests/Fuzz/compose/crashes/crash-…
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../libfuzzer.sh"
fuzz_module YAML "$root"/Sources/YAML/*.swift
fuzz_binary ComposeFuzz compose-fuzz "$root"/Sources/Compose/*.swift "$here/FuzzTarget.swift" "$build/YAML.o"
fuzz_corpus
find "$root/Scenarios/stacks" -name '*.yml' -exec cp {} "$corpus/" \;
fuzz_run compose-fuzz 2048 -timeout=10 -- "$@"
