#!/usr/bin/env bash
# Builds the YAML reader fuzzer with libFuzzer (swiftc -sanitize=fuzzer, Linux) and runs it,
# seeded with the YAML files in seeds/. It compiles the sources directly with swiftc, so the
# package (and `swift build`/`swift test`) never sees it: Sources/YAML/ with FuzzTarget.swift
# as one module.
#
#   Tests/Fuzz/yaml/run.sh                     # runs until stopped (Ctrl-C)
#   Tests/Fuzz/yaml/run.sh -runs=10000000      # libFuzzer flags pass through
#   Tests/Fuzz/yaml/run.sh -max_total_time=30  # the CI smoke run
#
# A crash is written to Tests/Fuzz/yaml/crashes/crash-<sha1>; replay it with
#   Tests/Fuzz/yaml/.build/yaml-fuzz Tests/Fuzz/yaml/crashes/crash-…
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../libfuzzer.sh"
fuzz_binary YAMLFuzz yaml-fuzz "$root"/Sources/YAML/*.swift "$here/FuzzTarget.swift"
fuzz_corpus
fuzz_run yaml-fuzz 1024 -timeout=10 -- "$@"
