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
    public static let maxVersion = APIVersion.newest
    /// The oldest API version served (moby's `MinSupportedAPIVersion`).
    public static let minVersion = APIVersion.oldest
}
