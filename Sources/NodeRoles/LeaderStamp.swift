/// Which leader made an assignment set or a mesh update, and from how far along its log: the
/// term, then the leader's applied index when it sent it. A greater stamp reflects a later store.
///
/// swarmkit's agent reads assignments from one session's stream only, and chains the messages
/// of a stream (`AssignmentsMessage.results_in` / `applies_to`), so a set never replaces a newer
/// one. Here sets reach a node through whichever manager relayed its session when each was sent,
/// and a set on a slow or lossy path can arrive after a newer one on another path; the agent
/// keeps to the newest stamp it has taken, and a node's mesh to the newest per service.
package struct LeaderStamp: Comparable, Sendable {
    package var term: UInt64
    package var index: UInt64

    package init(term: UInt64, index: UInt64) { self.term = term; self.index = index }

    package static func < (a: LeaderStamp, b: LeaderStamp) -> Bool {
        (a.term, a.index) < (b.term, b.index)
    }
}
