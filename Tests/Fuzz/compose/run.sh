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
root="$(cd "$here/../../.." && pwd)"
build="$here/.build"
mkdir -p "$build"
flags=(-O -sanitize=fuzzer -parse-as-library -swift-version 6 -package-name swarmsim)
swiftc "${flags[@]}" -module-name YAML -wmo -emit-module -emit-module-path "$build/YAML.swiftmodule" \
    -c "$root"/Sources/YAML/*.swift -o "$build/YAML.o"
swiftc "${flags[@]}" -module-name ComposeFuzz -wmo -I "$build" \
    "$root"/Sources/Compose/*.swift "$here/FuzzTarget.swift" "$build/YAML.o" \
    -o "$build/compose-fuzz"
corpus="$here/.corpus"
mkdir -p "$corpus" "$here/crashes"
cp "$here"/seeds/* "$corpus/"
find "$root/Scenarios/stacks" -name '*.yml' -exec cp {} "$corpus/" \;
exec "$build/compose-fuzz" -artifact_prefix="$here/crashes/" -max_len=2048 -timeout=10 "$@" "$corpus"
