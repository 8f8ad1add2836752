// A libFuzzer target over the Engine API's HTTP/1.1 parser and router.
//
// `run.sh` compiles this file together with Sources/EngineAPI/HTTP/ and the router's files
// (APIRoute, APIVersion, APIError: standard library only) into one module, with
// `-sanitize=fuzzer`; libFuzzer supplies `main`.
//
// Each input is a connection's bytes. Its first byte chooses where the rest is cut into
// reads; the parser must give the same requests and the same error whether the bytes come
// whole or in pieces (a server reads whatever the socket has). Every request is routed and
// an answer written. Any trap or hang is a bug: a malformed request must end in an
// `HTTPParseError`, never a crash.

let limits = HTTPLimits(maxHeaderBytes: 2048, maxHeaderCount: 16, maxBodyBytes: 4096)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let first = bytes.first else { return 0 }
    let input = Array(bytes.dropFirst())
    let whole = parseAll([input[...]])
    // Cut into pieces of 1 + (first % 17) bytes.
    let step = 1 + Int(first % 17)
    var pieces: [ArraySlice<UInt8>] = []
    var i = 0
    while i < input.count { pieces.append(input[i..<min(i + step, input.count)]); i += step }
    let cut = parseAll(pieces)
    if whole.requests != cut.requests || whole.error != cut.error {
        fatalError("reads cut every \(step) bytes give \(cut), whole \(whole)")
    }
    for r in whole.requests {
        switch APIRoute.parse(r) {
        case .success(let route): _ = route.flag("force"); _ = route.value("filters")
        case .failure(let e): _ = HTTPResponse(status: e.status, contentType: "application/json", text: e.message).serialized()
        }
        _ = HTTPResponse(status: 200, headers: r.headers, body: r.body).serialized(head: r.method == "HEAD", close: !r.keepAlive)
    }
    return 0
}

func parseAll(_ pieces: [ArraySlice<UInt8>]) -> (requests: [HTTPRequest], error: HTTPParseError?) {
    var p = HTTPParser(limits: limits)
    var out: [HTTPRequest] = []
    for piece in pieces {
        p.append(piece)
        do {
            while let r = try p.next() {
                if r.body.count > limits.maxBodyBytes { fatalError("a body of \(r.body.count) bytes passed the limit") }
                out.append(r)
            }
        } catch {
            return (out, error)
        }
    }
    return (out, nil)
}
