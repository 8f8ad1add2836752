import SimCore
import Cluster

/// The endpoints every daemon answers the same way here (`/version`, `/_ping`) and the answer
/// for what the simulator does not model.
enum APISystem {
    /// `GET /version`: swagger `SystemVersion`.
    static let version: JSONValue = {
        func s(_ t: String) -> JSONValue { .string(t) }
        let details: JSONValue = .object([
            .init("ApiVersion", s(EngineAPI.maxVersion.description)), .init("Arch", s("amd64")),
            .init("BuildTime", s("2025-05-30T07:00:00.000000000+00:00")), .init("Experimental", s("false")),
            .init("GitCommit", s("swarmsim")), .init("GoVersion", s("go1.24.3")), .init("KernelVersion", s("6.8.0-swarmsim")),
            .init("MinAPIVersion", s(EngineAPI.minVersion.description)), .init("Os", s("linux")),
        ])
        return .object([
            .init("Platform", .object([.init("Name", s("SwarmSim simulated engine"))])),
            .init("Components", .array([.object([.init("Name", s("Engine")), .init("Version", s("28.2.2")), .init("Details", details)])])),
            .init("Version", s("28.2.2")), .init("ApiVersion", s(EngineAPI.maxVersion.description)),
            .init("MinAPIVersion", s(EngineAPI.minVersion.description)), .init("GitCommit", s("swarmsim")),
            .init("GoVersion", s("go1.24.3")), .init("Os", s("linux")), .init("Arch", s("amd64")),
            .init("KernelVersion", s("6.8.0-swarmsim")), .init("BuildTime", s("2025-05-30T07:00:00.000000000+00:00")),
        ])
    }()

    /// `GET /_ping` (and HEAD): "OK", with the `Swarm` header the CLI reads for its
    /// swarm-only commands (moby `swarmStatus`: inactive, pending, error, locked,
    /// active/worker, active/manager).
    static func ping(_ info: SwarmInfo) -> HTTPResponse {
        let swarm = info.localState == .active ? (info.isManager ? "active/manager" : "active/worker") : info.localState.rawValue
        var r = HTTPResponse(status: 200, contentType: "text/plain; charset=utf-8", text: "OK")
        r.headers += [
            HTTPHeader("Builder-Version", "2"), HTTPHeader("Cache-Control", "no-cache, no-store, must-revalidate"),
            HTTPHeader("Pragma", "no-cache"), HTTPHeader("Swarm", swarm),
        ]
        return r
    }

    /// An answer the simulator should never give: an engine call answered with the wrong kind.
    static let unexpected = APIResponses.error(500, "unexpected answer from the simulated engine")

    /// Features the simulator does not model answer 501 with what is missing, as a daemon
    /// built without a feature does; paths no daemon has answer moby's 404.
    static func unmodelled(_ method: String, _ segments: [String]) -> HTTPResponse {
        let features: [(String, String)] = [
            ("events", "events"), ("images", "images"),
            ("volumes", "volumes"), ("plugins", "plugins"), ("build", "image builds"), ("exec", "exec"),
            ("system", "system data"), ("distribution", "registries"), ("session", "sessions"), ("grpc", "gRPC"),
            ("containers", "containers other than their list"), ("commit", "commits"), ("auth", "registry logins"),
        ]
        let first = segments.first ?? ""
        if let (_, what) = features.first(where: { $0.0 == first }) {
            return APIResponses.error(501, "\(what) are not simulated by SwarmSim yet")
        }
        let known = ["_ping", "version", "info", "swarm", "nodes", "services", "tasks", "networks", "secrets", "configs"]
        if known.contains(first) {
            let path = "/" + segments.joined(separator: "/")
            if segments.count >= 3, segments.last == "logs" { return APIResponses.error(501, "logs are not simulated by SwarmSim yet") }
            return APIResponses.error(404, "page not found: \(method) \(path)")
        }
        return APIResponses.error(404, "page not found")
    }
}
