#!/usr/bin/env bash
# Builds the Engine API's HTTP fuzzer with libFuzzer (swiftc -sanitize=fuzzer, Linux) and runs
# it, seeded with the requests in seeds/. It compiles Sources/EngineAPI/HTTP/ and the router
# (APIRoute, APIVersion, APIError) with FuzzTarget.swift as one module, so the package never
# sees it and nothing else is linked.
#
#   Tests/Fuzz/http/run.sh                     # runs until stopped (Ctrl-C)
#   Tests/Fuzz/http/run.sh -max_total_time=60  # the CI smoke run
#
# A crash is written to Tests/Fuzz/http/crashes/crash-<sha1>; replay it with
#   Tests/Fuzz/http/.build/http-fuzz Tests/Fuzz/http/crashes/crash-…
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../libfuzzer.sh"
api="$root/Sources/EngineAPI"
fuzz_binary HTTPFuzz http-fuzz "$api"/HTTP/*.swift "$api/APIRoute.swift" "$api/APIVersion.swift" "$api/APIError.swift" \
    "$here/FuzzTarget.swift"
fuzz_corpus
fuzz_run http-fuzz 2048 -timeout=10 -- "$@"
