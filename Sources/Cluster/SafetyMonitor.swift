import SimCore
import Raft

/// Checks Raft's safety properties while a swarm runs (STYLE.md 8: safety all the time).
///
/// Off unless enabled: the per-event scan costs a pass over the managers.
public struct SafetyMonitor: Sendable {
    public var isEnabled = false
    public private(set) var violations: [String] = []
    /// The leader seen in each term (looked up, never iterated).
    private var leaderOfTerm: [UInt64: HostID] = [:]

    public init() {}

    mutating func observe(_ swarm: Swarm) {
        guard isEnabled else { return }
        for host in swarm.managers {
            guard let view = swarm.raftView(host), view.role == .leader else { continue }
            if let other = leaderOfTerm[view.term], other != host {
                violations.append("\(swarm.now): two leaders in term \(view.term): \(swarm.name(of: other)) and \(swarm.name(of: host))")
            } else {
                leaderOfTerm[view.term] = host
            }
        }
    }
}
