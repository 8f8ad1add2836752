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
