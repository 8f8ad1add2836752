/// One HTTP/1.x request as it came off a connection: the request line, the header fields in
/// the order they were sent, and the body with any chunked framing removed.
public struct HTTPRequest: Equatable, Sendable {
    public var method: String
    /// The request target as sent (origin form: a path and an optional query).
    public var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(method: String, target: String, minorVersion: Int = 1, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
    }

    /// The first field named `name` (compared without case), as sent.
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first(where: { $0.name.lowercased() == key })?.value
    }

    /// Whether the connection stays open after the answer (RFC 9112 §9.3): HTTP/1.1 unless
    /// `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool {
        let tokens = (header("Connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingSpaces }
        if minorVersion >= 1 { return !tokens.contains("close") }
        return tokens.contains("keep-alive")
    }

    /// The path part of the target (before `?`).
    public var path: String { String(target.prefix(while: { $0 != "?" })) }

    /// The query part of the target (after `?`), or "".
    public var query: String {
        guard let q = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: q)...])
    }
}
