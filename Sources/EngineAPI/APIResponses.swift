import SimCore
import Cluster

/// The daemon's way of answering: JSON bodies, `{"message": …}` errors with moby's status
/// codes, and the headers every answer carries.
enum APIResponses {
    /// moby's `Server` header and the headers `/_ping` and every answer carry.
    static func standardHeaders() -> [HTTPHeader] {
        [
            HTTPHeader("Api-Version", EngineAPI.maxVersion.description),
            HTTPHeader("Docker-Experimental", "false"),
            HTTPHeader("Ostype", "linux"),
            HTTPHeader("Server", "Docker/28.2.2 (linux)"),
        ]
    }

    static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", text: value.rendered + "\n")
    }

    static func empty(_ status: Int = 200) -> HTTPResponse { HTTPResponse(status: status) }

    static func error(_ e: APIError) -> HTTPResponse {
        json(.object([.init("message", .string(e.message))]), status: e.status)
    }

    static func error(_ status: Int, _ message: String) -> HTTPResponse { error(APIError(status, message)) }

    /// The status moby gives an engine error: gRPC codes as moby's `FromGRPC` maps them; the
    /// daemon's own swarm-state errors as 503 (`errdefs.Unavailable`, a locked swarm's
    /// `errSwarmLocked` too); "not found" as 404.
    static func status(of e: EngineError) -> Int {
        let t = e.text
        let codes: [(String, Int)] = [
            ("code = InvalidArgument", 400), ("code = NotFound", 404), ("code = AlreadyExists", 409),
            ("code = PermissionDenied", 403), ("code = FailedPrecondition", 400), ("code = OutOfRange", 400),
            ("code = Unimplemented", 501), ("code = Unavailable", 503), ("code = DeadlineExceeded", 500),
        ]
        for (code, status) in codes where t.contains(code) { return status }
        if t.hasPrefix("This node is") || t.hasPrefix("Cannot connect") || t.hasPrefix("Swarm is encrypted") { return 503 }
        if t.hasSuffix(" not found") || t.hasPrefix("No such") { return 404 }
        if t.contains("already exists") { return 409 }
        if t.hasPrefix("invalid") || t.contains("must be") || t.contains("is not valid") { return 400 }
        return 500
    }

    static func error(_ e: EngineError) -> HTTPResponse { error(status(of: e), e.text) }
}
