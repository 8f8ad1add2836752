# The steps every libFuzzer target under Tests/Fuzz/ shares, sourced by its run.sh after it
# sets `here` (its own folder). Each target compiles the sources it needs directly with swiftc
# (-sanitize=fuzzer, Linux), so the package (and `swift build`/`swift test`) never sees it.
#
#   fuzz_module NAME SOURCES…      compiles a module for the target to import: NAME.o and
#                                  NAME.swiftmodule in $build
#   fuzz_binary MODULE NAME SOURCES…
#                                  compiles and links the fuzzer as module MODULE into
#                                  $build/NAME; SOURCES may name the .o files of fuzz_module
#   fuzz_run NAME MAX_LEN [libFuzzer flags…] -- [the caller's flags…]
#                                  copies the seeds into .corpus and runs the fuzzer on it,
#                                  crashes written to crashes/
set -euo pipefail
root="$(cd "$here/../../.." && pwd)"
build="$here/.build"
mkdir -p "$build"
# One package name, as SwiftPM gives, so `package` symbols are seen across these modules.
fuzz_flags=(-O -sanitize=fuzzer -parse-as-library -swift-version 6 -package-name swarmsim)
# SimCore imports the C module Prefetch, one inline function in a header: a module map for it,
# as SwiftPM writes one, is all it takes.
mkdir -p "$build/Prefetch"
printf 'module Prefetch {\n    header "%s"\n    export *\n}\n' "$root/Sources/Prefetch/include/Prefetch.h" \
    > "$build/Prefetch/module.modulemap"
fuzz_flags+=(-I "$build/Prefetch")

fuzz_module() {
    local name="$1"; shift
    swiftc "${fuzz_flags[@]}" -module-name "$name" -wmo -I "$build" \
        -emit-module -emit-module-path "$build/$name.swiftmodule" -c "$@" -o "$build/$name.o"
}

fuzz_binary() {
    local module="$1" name="$2"; shift 2
    swiftc "${fuzz_flags[@]}" -module-name "$module" -wmo -I "$build" "$@" -o "$build/$name"
}

# The corpus: seeds/ if the target has one, plus whatever the caller copied into .corpus.
fuzz_corpus() {
    corpus="$here/.corpus"
    mkdir -p "$corpus" "$here/crashes"
    if [ -d "$here/seeds" ]; then cp "$here"/seeds/* "$corpus/"; fi
}

fuzz_run() {
    local name="$1" max_len="$2"; shift 2
    local fixed=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do fixed+=("$1"); shift; done
    [ "$#" -gt 0 ] && shift
    exec "$build/$name" -artifact_prefix="$here/crashes/" -max_len="$max_len" ${fixed[@]+"${fixed[@]}"} "$@" "$corpus"
}
