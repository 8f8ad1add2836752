// A libFuzzer target over the YAML reader.
//
// `run.sh` compiles this file together with Sources/YAML/ into one module (so no `import YAML`)
// with `-sanitize=fuzzer`; libFuzzer supplies `main`.
//
// Each input is read as a YAML stream with small limits (so depth, size and alias-expansion
// errors are reached often), then every node of every document is visited and every scalar
// resolved, so the code that callers run on a tree runs too. Any trap (a failed precondition,
// an index out of range, an arithmetic overflow) or a hang is a bug: the reader must turn
// every input into documents or one `YAMLError`.

let limits = YAML.Limits(maxBytes: 1 << 16, maxDepth: 40, maxNodes: 5_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let documents = try YAML.read(bytes: bytes, file: "fuzz.yml", limits: limits)
        var visited = 0
        for document in documents { visit(document.root, &visited) }
        // The reader's own bound on expanded nodes must hold for what it returns.
        if visited > limits.maxNodes { fatalError("\(visited) nodes returned; the limit is \(limits.maxNodes)") }
    } catch {
        _ = error.description
        if error.line < 1 || error.column < 1 { fatalError("error without a position: \(error)") }
    }
    return 0
}

/// Visits every node, resolving scalars and looking keys up as callers do.
func visit(_ node: YAML.Node, _ visited: inout Int) {
    visited += 1
    switch node.content {
    case .scalar(let s):
        _ = s.value
    case .sequence(let items):
        for item in items { visit(item, &visited) }
    case .mapping(let pairs):
        for pair in pairs {
            visit(pair.key, &visited)
            visit(pair.value, &visited)
        }
        _ = node["services"]
    }
    _ = node.kindName
}
