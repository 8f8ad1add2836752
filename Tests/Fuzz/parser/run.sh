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
root="$(cd "$here/../../.." && pwd)"
build="$here/.build"
mkdir -p "$build"
# One package name, as SwiftPM gives, so `package` symbols are seen across these modules.
flags=(-O -sanitize=fuzzer -parse-as-library -swift-version 6 -package-name swarmsim)
swiftc "${flags[@]}" -module-name SimCore -wmo -emit-module -emit-module-path "$build/SimCore.swiftmodule" \
    -c "$root"/Sources/SimCore/*.swift -o "$build/SimCore.o"
swiftc "${flags[@]}" -module-name Orchestration -wmo -I "$build" \
    -emit-module -emit-module-path "$build/Orchestration.swiftmodule" \
    -c $(find "$root/Sources/Orchestration" -name '*.swift' | sort) -o "$build/Orchestration.o"
swiftc "${flags[@]}" -module-name ScenarioLanguage -wmo -I "$build" \
    -emit-module -emit-module-path "$build/ScenarioLanguage.swiftmodule" \
    -c "$root"/Sources/ScenarioLanguage/*.swift -o "$build/ScenarioLanguage.o"
swiftc "${flags[@]}" -module-name ParserFuzz -wmo -I "$build" \
    "$root"/Sources/DockerClient/CommandLine/*.swift "$here/FuzzTarget.swift" \
    "$build/ScenarioLanguage.o" "$build/Orchestration.o" "$build/SimCore.o" -lm \
    -o "$build/parser-fuzz"
corpus="$here/.corpus"
mkdir -p "$corpus" "$here/crashes"
# The seed corpus: every scenario file, whole.
find "$root/Scenarios" -name '*.swarm' -exec cp {} "$corpus/" \;
exec "$build/parser-fuzz" -artifact_prefix="$here/crashes/" -max_len=512 "$@" "$corpus"
