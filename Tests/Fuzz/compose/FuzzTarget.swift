// A libFuzzer target over the compose loader and the YAML reader beneath it.
//
// `run.sh` compiles Sources/YAML/ as a module, then Sources/Compose/ with this file as one
// module (so no `import Compose`) with `-sanitize=fuzzer`; libFuzzer supplies `main`.
//
// Each input is loaded as a compose file, with variables set so that substitution runs, and
// then as two files (the input laid over itself), so the merge of several `-c` files runs too.
// Any trap (a failed precondition, an index out of range, an arithmetic overflow) or a hang is
// a bug: the loader must turn every input into a compose model or one `ComposeError` with a
// position.

import YAML

let environment = ["TAG": "1.25", "REPLICAS": "3", "EMPTY": ""]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    check { () throws(ComposeError) in try ComposeLoader.load(text, file: "fuzz.yml", environment: environment) }
    check { () throws(ComposeError) in
        try ComposeLoader.load(files: [("a.yml", text), ("b.yml", text)], environment: environment)
    }
    return 0
}

/// Runs one load; a model is visited, an error must name a position.
func check(_ load: () throws(ComposeError) -> ComposeLoader.Result) {
    do {
        let result = try load()
        for service in result.file.services {
            _ = service.name.count + (service.image?.count ?? 0) + service.ports.count + service.networks.count
        }
        _ = result.warnings.joined()
    } catch {
        _ = error.description
        if error.location.line < 1 || error.location.column < 1 { fatalError("error without a position: \(error)") }
    }
}
