/// A request as the API router sees it: the version from the path, the path's segments after
/// it, and the query's parameters (moby `api/server/router`).
public struct APIRoute: Equatable, Sendable {
    public var method: String
    /// The version the client asked for; the newest when the path has none.
    public var version: APIVersion
    /// Path segments after the version, percent-decoded: `["nodes", "abc", "update"]`.
    public var segments: [String]
    public var query: [(key: String, value: String)]

    public static func == (a: APIRoute, b: APIRoute) -> Bool {
        a.method == b.method && a.version == b.version && a.segments == b.segments
            && a.query.map(\.key) == b.query.map(\.key) && a.query.map(\.value) == b.query.map(\.value)
    }

    /// Splits `request`'s target; an error text (a 400 answer) when it cannot be routed.
    /// A version outside the served range is refused with moby's words.
    public static func parse(_ request: HTTPRequest) -> Result<APIRoute, APIError> {
        guard var parts = percentDecodedSegments(request.path) else {
            return .failure(APIError(400, "invalid path encoding"))
        }
        var version = APIVersion.newest
        if let first = parts.first, first.hasPrefix("v"), let v = APIVersion(first[...]) {
            if v > APIVersion.newest {
                return .failure(APIError(400, "client version \(v) is too new. Maximum supported API version is \(APIVersion.newest)"))
            }
            if v < APIVersion.oldest {
                return .failure(APIError(400, "client version \(v) is too old. Minimum supported API version is \(APIVersion.oldest), please upgrade your client to a newer version"))
            }
            version = v
            parts.removeFirst()
        }
        guard let query = parseQuery(request.query) else { return .failure(APIError(400, "invalid query encoding")) }
        return .success(APIRoute(method: request.method, version: version, segments: parts, query: query))
    }

    /// The last value of query parameter `key` (as Go's `r.Form.Get` gives the first; the
    /// docker CLI never repeats one).
    public func value(_ key: String) -> String? { query.first(where: { $0.key == key })?.value }

    /// moby `httputils.BoolValue`: true unless empty, "0", "no", "false" or "none".
    public func flag(_ key: String) -> Bool {
        guard let v = value(key)?.lowercased() else { return false }
        return !["", "0", "no", "false", "none"].contains(v)
    }

    static func percentDecodedSegments(_ path: String) -> [String]? {
        var out: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let s = percentDecode(raw, plusIsSpace: false) else { return nil }
            out.append(s)
        }
        return out
    }

    static func parseQuery(_ text: String) -> [(key: String, value: String)]? {
        var out: [(key: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let k = percentDecode(kv[0], plusIsSpace: true),
                  let v = percentDecode(kv.count > 1 ? kv[1] : "", plusIsSpace: true) else { return nil }
            out.append((k, v))
        }
        return out
    }

    /// `%2F` → `/`; nil for a bad escape or bytes that are not UTF-8.
    static func percentDecode(_ s: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let hi = hexValue(it[it.startIndex]), let lo = hexValue(it[it.startIndex + 1]) else { return nil }
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else {
                bytes.append(plusIsSpace && b == UInt8(ascii: "+") ? 0x20 : b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - 55
        default: nil
        }
    }
}
