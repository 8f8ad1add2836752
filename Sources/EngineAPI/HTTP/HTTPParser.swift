/// Reads HTTP/1.0 and HTTP/1.1 requests (RFC 9112) from the bytes of one connection, as they
/// arrive: `append` what was read, then take requests with `next()` until it answers nil (more
/// bytes needed). Pipelined requests come out one by one; keep-alive is the caller's to honour
/// (`HTTPRequest.keepAlive`).
///
/// Strict where leniency would be a risk (a body framed by both `Content-Length` and
/// `Transfer-Encoding`, differing lengths, folded header lines, control characters, limits)
/// and lenient where clients differ harmlessly (a bare LF ends a line, as in Go's net/http;
/// empty lines before a request are skipped). After an error the parser keeps answering that
/// error: the connection is to be answered and closed.
///
/// - Complexity: each byte is scanned a bounded number of times: O(n) over a connection.
public struct HTTPParser {
    public let limits: HTTPLimits
    var buffer: [UInt8] = []
    /// The first byte not yet consumed by a returned request.
    var start = 0
    /// Where the search for the end of the head goes on from.
    var scanned = 0
    /// The head of the request being read, once complete, and how its body is framed.
    var head: Head?
    var failure: HTTPParseError?

    struct Head {
        var request: HTTPRequest
        var framing: Framing
        /// The first byte of the body.
        var bodyStart: Int
    }

    enum Framing {
        case length(Int)
        case chunked(ChunkedBody)
    }

    public init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    /// Adds bytes read from the connection.
    public mutating func append<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes appended and not yet part of a returned request.
    public var pendingByteCount: Int { buffer.count - start }

    /// The next complete request; nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> HTTPRequest? {
        if let failure { throw failure }
        do {
            return try parseNext()
        } catch {
            failure = error
            throw error
        }
    }

    mutating func parseNext() throws(HTTPParseError) -> HTTPRequest? {
        if head == nil {
            skipEmptyLines()
            guard let end = try findHeadEnd() else { return nil }
            head = try HTTPHead.parse(Array(buffer[start..<end.lineEnd]), limits: limits, bodyStart: end.bodyStart)
        }
        guard var h = head else { return nil }
        switch h.framing {
        case .length(let n):
            guard buffer.count - h.bodyStart >= n else { return nil }
            h.request.body = Array(buffer[h.bodyStart..<(h.bodyStart + n)])
            consume(upTo: h.bodyStart + n)
        case .chunked(var body):
            let done = try body.decode(buffer, limit: limits.maxBodyBytes)
            guard done else {
                head?.framing = .chunked(body)
                return nil
            }
            h.request.body = body.data
            consume(upTo: body.cursor)
        }
        return h.request
    }

    /// Drops the bytes of the request just read; keeps the buffer from growing without end.
    mutating func consume(upTo end: Int) {
        head = nil
        start = end
        scanned = end
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0; scanned = 0
        } else if start >= 64 * 1024 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
    }

    /// RFC 9112 §2.2: a server SHOULD ignore at least one empty line before a request line.
    mutating func skipEmptyLines() {
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
            // A lone CR is not an empty line: leave it for the request line to refuse.
            if buffer[start] == 0x0D, start + 1 < buffer.count, buffer[start + 1] != 0x0A { return }
            if buffer[start] == 0x0D, start + 1 == buffer.count { return }
            start += 1
        }
        scanned = max(scanned, start)
    }

    /// Where the head ends: the end of its last field line, and the first byte after the
    /// empty line. Nil while incomplete; 431 once it cannot fit the limit.
    mutating func findHeadEnd() throws(HTTPParseError) -> (lineEnd: Int, bodyStart: Int)? {
        var i = max(scanned, start)
        while i < buffer.count {
            if buffer[i] == 0x0A {
                // An empty line: LF LF, or LF CR LF.
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return (i + 1, i + 2) }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i + 1, i + 3) }
                if i + 2 >= buffer.count { break }
            }
            i += 1
            if i - start > limits.maxHeaderBytes { throw HTTPParseError(431, "request header too large") }
        }
        scanned = max(start, i - 2)
        if buffer.count - start > limits.maxHeaderBytes { throw HTTPParseError(431, "request header too large") }
        return nil
    }
}
