/// A node's identity in its swarm (its certificate, in real Swarm).
struct Membership {
    var nodeID: String
    var clusterID: String
    /// The Raft ID while this node is a manager, else 0.
    var raftID: UInt64
    /// Members this manager's cluster removed when it was forced anew (`swarm init
    /// --force-new-cluster`): their Raft messages are refused (swarmkit's removed list). Sorted.
    var removedRaftMembers: [UInt64] = []
    /// This manager learnt that a forced new cluster removed it: its swarm node stays stopped
    /// until the engine leaves the swarm (and may join again).
    var removedByForce = false
}
