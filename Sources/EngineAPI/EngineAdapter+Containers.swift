import SimCore
import Orchestration
import Cluster

extension EngineAdapter {
    /// `GET /containers/json?all=…&filters=…`: the engine's own containers, filtered by the
    /// engine with the daemon's keys and errors (`ContainerFilters`).
    func containersList(_ route: APIRoute) -> Step {
        let filters: EngineFilters
        do { filters = try Self.filters(route) } catch { return Self.failure(error) }
        return get(.containers(filters, all: route.flag("all"))) { [swarm, calendar] records in
            .respond(APIResponses.json(.array(records.containers.map { APIJSON.container($0.record, now: swarm.now, calendar) })))
        }
    }
}

extension EngineRecords {
    var containers: [ContainerRow] { if case .containers(let v) = self { v } else { [] } }
}
