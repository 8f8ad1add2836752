#!/usr/bin/env bash
# Builds the parser fuzzer with libFuzzer (swiftc -sanitize=fuzzer, Linux) and runs it, seeded
# with every scenario under Scenarios/. It compiles the sources directly with swiftc, so the
# package (and `swift build`/`swift test`) never sees it: SimCore, Orchestration (whose value
# types the docker flags parse into: `--secret source=…,target=…` is a `PayloadReference`) and
# ScenarioLanguage as modules, then Sources/DockerClient/CommandLine/ (the docker CLI's parser
# and the whole-scenario `ScenarioParser`) with FuzzTarget.swift as one module. Nothing else is
# linked: the parser needs neither the cluster nor the runner.
#
#   Tests/Fuzz/parser/run.sh                     # runs until stopped (Ctrl-C)
#   Tests/Fuzz/parser/run.sh -runs=10000000      # libFuzzer flags pass through
#   Tests/Fuzz/parser/run.sh -max_total_time=60  # the CI smoke run
#
# A crash is written to Tests/Fuzz/parser/crashes/crash-<sha1>; replay it with
#   Tests/Fuzz/parser/.build/parser-fuzz Tests/Fuzz/parser/crashes/crash-…
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../libfuzzer.sh"
fuzz_module SimCore "$root"/Sources/SimCore/*.swift
fuzz_module Orchestration $(find "$root/Sources/Orchestration" -name '*.swift' | sort)
fuzz_module ScenarioLanguage "$root"/Sources/ScenarioLanguage/*.swift
fuzz_binary ParserFuzz parser-fuzz "$root"/Sources/DockerClient/CommandLine/*.swift "$here/FuzzTarget.swift" \
    "$build/ScenarioLanguage.o" "$build/Orchestration.o" "$build/SimCore.o" -lm
fuzz_corpus
# The seed corpus: every scenario file, whole.
find "$root/Scenarios" -name '*.swarm' -exec cp {} "$corpus/" \;
fuzz_run parser-fuzz 512 -- "$@"
