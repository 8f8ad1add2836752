/// What a host is doing, as its lane's colour band shows it.
public enum HostPhase: String, Equatable, Sendable, CaseIterable {
    /// Up, its engine in no swarm.
    case outside
    /// A worker node.
    case worker
    /// A manager following a leader (or waiting for one).
    case follower
    /// A manager asking for pre-votes (`raft prevote on`).
    case preCandidate = "pre-candidate"
    /// A manager campaigning in a new term.
    case candidate
    /// The manager that leads its term.
    case leader
    /// Crashed: neither sends nor receives.
    case crashed
}
