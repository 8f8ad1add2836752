/// Why bytes on a connection are not a request the server will answer. The server answers
/// with `status` and `message` and closes the connection; it never stops for one.
public struct HTTPParseError: Error, Equatable, Sendable {
    /// 400 malformed, 413 body too large, 431 header too large, 501 a transfer coding other
    /// than chunked, 505 an HTTP version other than 1.0 and 1.1.
    public var status: Int
    public var message: String
    public init(_ status: Int, _ message: String) { self.status = status; self.message = message }

    static func bad(_ message: String) -> HTTPParseError { HTTPParseError(400, message) }
}

/// How much one request may carry. Past a limit the request is refused, never buffered.
public struct HTTPLimits: Equatable, Sendable {
    /// The request line and header fields together, in bytes.
    public var maxHeaderBytes: Int
    /// Header fields per request.
    public var maxHeaderCount: Int
    /// The body after chunked decoding, in bytes.
    public var maxBodyBytes: Int

    /// 64 KiB of header, 100 fields, 4 MiB of body: a service spec is a few KiB.
    public init(maxHeaderBytes: Int = 64 * 1024, maxHeaderCount: Int = 100, maxBodyBytes: Int = 4 * 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
