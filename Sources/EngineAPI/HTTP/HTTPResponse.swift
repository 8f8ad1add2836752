/// An HTTP/1.1 response, written whole: status line, header fields, `Content-Length` and the
/// body. The server never streams, so it never needs chunked responses.
public struct HTTPResponse: Equatable, Sendable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a text body and its content type.
    public init(status: Int, contentType: String, text: String) {
        self.init(status: status, headers: [HTTPHeader("Content-Type", contentType)], body: Array(text.utf8))
    }

    /// The bytes to send. `head` leaves the body out (a HEAD request) but keeps its length;
    /// `close` says the connection ends after this response.
    public func serialized(head: Bool = false, close: Bool = false) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for h in headers { text += "\(h.name): \(h.value)\r\n" }
        // 1xx, 204 and 304 carry no body and no length (RFC 9110 §8.6).
        if status >= 200, status != 204, status != 304 { text += "Content-Length: \(body.count)\r\n" }
        if close { text += "Connection: close\r\n" }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if !head, status != 204, status != 304 { bytes += body }
        return bytes
    }

    /// The reason phrases of the codes the engine answers with (RFC 9110 §15).
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
