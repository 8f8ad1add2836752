import SimCore
import Cluster

/// The Docker Engine API over a simulated swarm: what `swarmsim serve` answers on each host's
/// socket, so that the real docker CLI and SDKs drive the simulator as they would a daemon.
///
/// Pure and deterministic, like the rest of the simulator: bytes and a virtual time go in,
/// bytes come out; no clock, no sockets. The parts:
/// - `HTTP/`: an HTTP/1.1 request parser (limits, chunked bodies, keep-alive) and response
///   writer, standard library only (the fuzzer compiles them alone).
/// - `APIRoute`: `/v1.xx/...` paths, version negotiation, queries and `filters`.
/// - `EngineAdapter`: each endpoint as calls on the simulated engine (`EngineRequest`), the
///   only place that composes them; the `APIJSON…` files shape answers as moby's swagger
///   (API v1.50) defines them.
/// - `EngineServer`: connections, requests in flight, answers as the swarm gives them.
///
/// docs/serve.md says what is served and how faithfully.
public enum EngineAPI {
    /// The newest API version served, the version docker 28.2.2 speaks.
    public static let maxVersion = APIVersion(major: 1, minor: 50)
    /// The oldest API version served (moby's `MinSupportedAPIVersion`).
    public static let minVersion = APIVersion(major: 1, minor: 24)
}

/// What an endpoint does next: answer, or make a call on the engine and go on from its result
/// (an endpoint that needs two calls, such as a node update checked against the node's
/// version, is two steps).
public enum APIStep {
    case respond(HTTPResponse)
    case call(EngineRequest, (EngineResult) -> APIStep)
}

/// An Engine API version, `1.50`.
public struct APIVersion: Comparable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public init(major: Int, minor: Int) { self.major = major; self.minor = minor }

    /// `1.50` (also `v1.50`); nil for anything else.
    public init?(_ text: Substring) {
        let t = text.hasPrefix("v") ? text.dropFirst() : text
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, b >= 0 else { return nil }
        self.init(major: a, minor: b)
    }

    public var description: String { "\(major).\(minor)" }
    public static func < (a: APIVersion, b: APIVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
}
