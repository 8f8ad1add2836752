/// The request line and header fields of one request (RFC 9112 §3, §5), and how its body is
/// framed (§6.3).
enum HTTPHead {
    /// Parses `bytes`: the head's lines, each ending in LF (CR LF or a bare LF), without the
    /// empty line that ends the head.
    static func parse(_ bytes: [UInt8], limits: HTTPLimits, bodyStart: Int) throws(HTTPParseError) -> HTTPParser.Head {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            var end = i
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(bytes[lineStart..<end])
            lineStart = i + 1
        }
        guard let first = lines.first else { throw .bad("missing request line") }
        var request = try requestLine(first)
        guard lines.count - 1 <= limits.maxHeaderCount else { throw HTTPParseError(431, "too many header fields") }
        for line in lines.dropFirst() { request.headers.append(try field(line)) }
        let framing = try framing(of: request, limits: limits, bodyStart: bodyStart)
        return HTTPParser.Head(request: request, framing: framing, bodyStart: bodyStart)
    }

    static func requestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPRequest {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .bad("malformed request line") }
        guard !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw .bad("invalid method") }
        let target = parts[1]
        guard let first = target.first, first == UInt8(ascii: "/") || (target.count == 1 && first == UInt8(ascii: "*")),
              target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .bad("invalid request target") }
        let minor: Int
        switch Array(parts[2]) {
        case Array("HTTP/1.1".utf8): minor = 1
        case Array("HTTP/1.0".utf8): minor = 0
        case let v:
            func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            let isVersion = v.count == 8 && v.starts(with: "HTTP/".utf8) && digit(v[5]) && v[6] == UInt8(ascii: ".") && digit(v[7])
            throw isVersion ? HTTPParseError(505, "HTTP version not supported") : .bad("malformed HTTP version")
        }
        return HTTPRequest(method: String(decoding: parts[0], as: UTF8.self),
                           target: String(decoding: target, as: UTF8.self), minorVersion: minor)
    }

    static func field(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPHeader {
        guard let first = line.first else { throw .bad("empty header line") }
        if first == 0x20 || first == 0x09 { throw .bad("obsolete line folding") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .bad("header line without a colon") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .bad("invalid header name") }
        let value = line[(colon + 1)...]
        // Field values: visible characters, spaces and tabs, and obs-text (0x80 and up).
        guard value.allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F }) else { throw .bad("invalid character in header value") }
        return HTTPHeader(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)[...].trimmingSpaces)
    }

    /// RFC 9112 §6.3: chunked if `Transfer-Encoding` ends in chunked (any other coding is not
    /// implemented here); else `Content-Length`; else no body. Both at once is refused, as are
    /// differing lengths: either is how requests get smuggled.
    static func framing(of r: HTTPRequest, limits: HTTPLimits, bodyStart: Int) throws(HTTPParseError) -> HTTPParser.Framing {
        let codings = r.headers.filter { $0.name.lowercased() == "transfer-encoding" }
            .flatMap { $0.value.lowercased().split(separator: ",").map { $0.trimmingSpaces } }
        let lengths = r.headers.filter { $0.name.lowercased() == "content-length" }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces } }
        if !codings.isEmpty {
            guard lengths.isEmpty else { throw .bad("both Transfer-Encoding and Content-Length") }
            guard r.minorVersion == 1 else { throw .bad("Transfer-Encoding in an HTTP/1.0 request") }
            guard codings == ["chunked"] else { throw HTTPParseError(501, "unsupported transfer encoding") }
            return .chunked(ChunkedBody(cursor: bodyStart))
        }
        guard let text = lengths.first else { return .length(0) }
        guard lengths.allSatisfy({ $0 == text }), !text.isEmpty, text.utf8.count <= 18,
              text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(text) else {
            throw .bad("invalid Content-Length")
        }
        guard n <= limits.maxBodyBytes else { throw HTTPParseError(413, "request body too large") }
        return .length(n)
    }

    /// RFC 9110 §5.6.2 `tchar`.
    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }
}
