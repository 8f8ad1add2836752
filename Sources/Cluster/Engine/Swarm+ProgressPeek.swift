import SimCore
import Orchestration

/// docker's attached mode (`service create` and `update` without `--detach`) polls the engine
/// until the service converges. The simulator asks the same queries after every event instead,
/// so that the wait ends at the event that converged the service, and answers them here at
/// once: from the store the call would be routed to (this manager's when it leads or reads
/// locally, else the leader's it knows), without the round trip a poll would cost. That the
/// answer skips the network is a modelling shortcut (docs/model.md); what it answers is what
/// the engine answers to `EngineRequest.get`.
extension Swarm {
    public func answerAtOnce(_ queries: [EngineQuery], on host: HostID) -> EngineResult {
        guard network.isUp(host), hosts[host.index].membership != nil else { return .failure(.notInSwarm) }
        guard let m = hosts[host.index].manager else { return .failure(.worker) }
        var answering = host
        if m.raft.role != .leader && options.reads != .local {
            guard let leader = knownLeader(host), hosts[leader.index].manager != nil else { return .failure(.noLeader) }
            answering = leader
        }
        guard let store = hosts[answering.index].manager?.store else { return .failure(.noLeader) }
        return .success(answer(queries, in: store, on: answering))
    }
}
