/// A node's identity in its swarm (its certificate, in real Swarm).
struct Membership {
    var nodeID: String
    var clusterID: String
    /// The Raft ID while this node is a manager, else 0.
    var raftID: UInt64
}
