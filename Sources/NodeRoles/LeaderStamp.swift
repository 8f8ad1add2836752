/// Which leader made an assignment set or a mesh update, and from how far along its log: the
/// term, then the leader's applied index when it sent it. A greater stamp reflects a later store.
///
/// swarmkit's agent reads assignments from one session's stream only, and chains the messages
/// of a stream (`AssignmentsMessage.results_in` / `applies_to`), so a set never replaces a newer
/// one. Here sets reach a node through whichever manager relayed its session when each was sent,
/// and a set on a slow or lossy path can arrive after a newer one on another path; the agent
/// keeps to the newest stamp it has taken, and a node's mesh to the newest per service.
///
/// Within one swarm a term has one leader. A cluster forced anew (`--force-new-cluster`) counts
/// terms on from its recovered manager's, so a term can name two leaders, one per cluster: the
/// stamp also names the leader's runtime (`Manager.serial`), and within a term only the sets of
/// the leader the node's session follows count (`mayReplace`, `Agent.heartbeatAccepted`).
package struct LeaderStamp: Comparable, Sendable {
    package var term: UInt64
    package var index: UInt64
    /// The leader's runtime (`Manager.serial`); 0 when not known.
    package var leader: UInt64

    package init(term: UInt64, index: UInt64, leader: UInt64 = 0) {
        self.term = term; self.index = index; self.leader = leader
    }

    /// Whether what this stamp marks may replace what `taken` marks: a later term, or the same
    /// term's same leader no further behind (another leader of the term is of another cluster).
    package func mayReplace(_ taken: LeaderStamp) -> Bool {
        term != taken.term ? term > taken.term : leader == taken.leader && index >= taken.index
    }

    /// Whether a session with the leader of `term` (runtime `leader`) follows another cluster
    /// than the one this stamp came from, whose terms ran ahead: a lower term, or the same
    /// term with another leader.
    package func isOtherCluster(term sessionTerm: UInt64, leader sessionLeader: UInt64) -> Bool {
        sessionTerm < term || (sessionTerm == term && sessionLeader != leader)
    }

    package static func < (a: LeaderStamp, b: LeaderStamp) -> Bool {
        (a.term, a.index) < (b.term, b.index)
    }
}
