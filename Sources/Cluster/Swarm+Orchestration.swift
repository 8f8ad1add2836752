import SimCore
import Raft
import Orchestration
import NodeRoles

/// Where the shell meets the leader's orchestration pass (NodeRoles/Manager+LeaderPass.swift:
/// swarmkit manager/orchestrator and scheduler): the pass event in, its effects carried out;
/// and the dispatcher's assignment sets, addressed to their nodes.
extension Swarm {
    /// The pass scheduled for the leader `host` in `term` is due.
    func orchestrate(_ host: HostID, term: UInt64) {
        guard let m = hosts[host.index].manager else { return }
        var effects: [ManagerEffect] = []
        m.orchestrate(term: term, now: now, ids: &identity, effects: &effects)
        perform(effects, ofManagerOn: host)
    }

    /// Sends `nodeID` its assignment set (every task the store assigns to it), through the
    /// manager its session comes through.
    ///
    /// Only the engine that is this node takes its set: a host that left and joined again is
    /// another node now, and must not take its old node's (empty) set as its own; the set names
    /// the node, and the receiving engine checks (`receiveAssignments`). `hostOfNode` is the
    /// address book (where node `nodeID` was last reachable), not the node's state.
    func sendAssignments(nodeID: String, from leader: HostID) {
        guard let m = hosts[leader.index].manager, let target = hostOfNode[nodeID] else { return }
        let set = Dispatcher.assignments(of: nodeID, in: m.store)
        let stamp = m.stamp
        send(.assignments(node: target, nodeID: nodeID, stamp: stamp, set), from: leader, to: m.sessions[nodeID] ?? target)
    }
}
