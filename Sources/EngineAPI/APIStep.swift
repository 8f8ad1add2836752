import SimCore
import Cluster

/// What an endpoint does next: answer, or make a call on the engine and go on from its result
/// (an endpoint that needs two calls, such as a node update checked against the node's
/// version, is two steps).
public enum APIStep {
    case respond(HTTPResponse)
    case call(EngineRequest, (EngineResult) -> APIStep)
}
