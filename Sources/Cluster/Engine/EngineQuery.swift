import SimCore
import Orchestration

/// One GET of the Engine API on swarm objects, as the docker CLI makes it: a list of one kind
/// with the daemon's filters (`GET /services?filters=…`), or one object by the reference a user
/// typed (`GET /services/web`). The engine applies the filters on its side and answers only
/// the matching records (`EngineRecords`); no query returns the whole store.
///
/// A command's queries travel together in one `EngineRequest.get`: see there.
public struct EngineQuery: Sendable, Equatable {
    /// The kinds of object a query lists. Each has one filter table, in a file of its own
    /// (`NodeFilters.swift`, …), and one case of `EngineRecords`.
    public enum Kind: String, Sendable, Equatable {
        case node, service, task, network
        /// One engine's own containers (`GET /containers/json`), answered by that engine.
        case container
    }

    public enum Selection: Sendable, Equatable {
        /// Every record the filters let through (none: every record).
        case list(EngineFilters)
        /// The one record a reference names: full ID, name, or unique ID prefix (the daemon's
        /// order); the daemon's not-found error otherwise.
        case inspect(String)
    }

    public var kind: Kind
    public var selection: Selection
    /// `GET /services?status=true`: each service with the counts of swarmkit's
    /// `ListServiceStatuses` (`ServiceView.status`). Services only.
    public var status = false
    /// `GET /networks/{id}?verbose=true`: what the network's load balancer and DNS know of
    /// services. Networks only.
    public var verbose = false
    /// `GET /containers/json?all=1` (`docker ps -a`): exited containers too. Containers only.
    public var all = false

    public static func list(_ kind: Kind, _ filters: EngineFilters = EngineFilters(), status: Bool = false) -> EngineQuery {
        EngineQuery(kind: kind, selection: .list(filters), status: status)
    }

    /// `docker ps [-a] [--filter …]`: this engine's containers.
    public static func containers(_ filters: EngineFilters = EngineFilters(), all: Bool) -> EngineQuery {
        EngineQuery(kind: .container, selection: .list(filters), all: all)
    }

    public static func inspect(_ kind: Kind, _ reference: String, verbose: Bool = false) -> EngineQuery {
        EngineQuery(kind: kind, selection: .inspect(reference), verbose: verbose)
    }

    /// `service.list`, `node.inspect`: the API call's name in traces.
    var traceName: String {
        switch selection {
        case .list: "\(kind.rawValue).list"
        case .inspect: "\(kind.rawValue).inspect"
        }
    }
}
