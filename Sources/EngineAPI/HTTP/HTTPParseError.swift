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
