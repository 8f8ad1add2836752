import SimCore
import Cluster

/// What `swarmsim serve` needs of a run: the swarm itself, to serve its engines' API.
extension ScenarioRunner {
    /// The swarm under the run, once built (by `hosts` or a statement that needs it).
    public var servedSwarm: Swarm? { swarm }

    /// The hosts in the order they were declared.
    public var servedHosts: [(name: String, id: HostID)] {
        guard let swarm else { return [] }
        return declaredHosts.map { (swarm.name(of: $0), $0) }
    }
}
