import SimCore
import Raft
import Cluster

/// A swarm of managers only, formed through the engine API as `docker swarm init` and
/// `docker swarm join --token $MANAGER_TOKEN` would form it, for the quorum experiments.
///
/// Workers do not vote, so they are left out. Leadership is followed through the swarm's
/// notifications (each manager's role as Raft last reported it, cleared when its machine
/// crashes), so the experiments run the swarm to fixed times and still learn the exact instant
/// a leader appears or goes, without a scan after every event.
final class ManagerSwarm {
    let swarm: Swarm
    let managers: [HostID]
    /// Each manager's Raft role as last notified; nil while it runs no manager.
    private var roles: [Raft.Role?]
    /// Managers in the leader role now.
    private(set) var leaders = 0
    /// Called when the swarm gains its first leader or loses its last, with the time.
    var onLeadershipChange: ((SimTime, Bool) -> Void)?

    /// Forms a swarm of `count` managers with `seed` and swarmkit's default timing. Nil if
    /// forming fails (a bug in the simulator; the caller reports it as such).
    init?(count: Int, seed: UInt64, options: SwarmOptions = SwarmOptions()) {
        var o = options
        o.seed = seed
        let swarm = Swarm(options: o)
        // Names m1 … mN at 10.0.0.1 … 10.0.0.N, as in the scenarios.
        managers = (1...max(count, 1)).map { i in swarm.addHost(name: "m\(i)", address: "10.0.0.\(i)") }
        roles = Array(repeating: nil, count: managers.count)
        self.swarm = swarm
        swarm.observer = { [unowned self] time, notification in self.observe(time, notification) }
        guard Self.succeeded(call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: managers[0])) else { return nil }
        // One manager at a time, each a voter that knows the leader before the next joins, as
        // the docs advise. (Joining the next one at once can fail: its Raft join may go to the
        // manager that joined a moment before and knows no leader yet.)
        for (i, m) in managers.enumerated().dropFirst() {
            let token = swarm.allSeeing.joinToken(.manager) ?? ""
            guard Self.succeeded(call(.swarmJoin(token: token, remoteAddress: "10.0.0.1:2377", advertiseAddress: nil), on: m)) else { return nil }
            let voting = poll(every: .milliseconds(10), for: .seconds(60)) { s in
                s.managers.prefix(i + 1).allSatisfy { s.swarm.allSeeing.raftView($0).map { $0.voters == i + 1 && $0.leader != nil } ?? false }
            }
            guard voting else { return nil }
        }
        guard hasLeader else { return nil }
    }

    private func observe(_ time: SimTime, _ n: SwarmNotification) {
        let before = leaders > 0
        switch n {
        case .role(let h, let role, _): set(h, role)
        case .crashed(let h), .managerStopped(let h): set(h, nil)
        default: return
        }
        let after = leaders > 0
        if before != after { onLeadershipChange?(time, after) }
    }

    private func set(_ host: HostID, _ role: Raft.Role?) {
        guard host.index < roles.count else { return }
        if roles[host.index] == .leader { leaders -= 1 }
        roles[host.index] = role
        if role == .leader { leaders += 1 }
    }

    private func call(_ request: EngineRequest, on host: HostID) -> EngineResult? {
        let op = swarm.submit(request, on: host)
        _ = poll(every: .milliseconds(10), for: .seconds(60)) { $0.swarm.result(of: op) != nil }
        return swarm.takeResult(of: op)
    }

    /// Runs the swarm in steps of `step` until `condition` holds or `limit` passes. Checking
    /// between steps rather than after every event keeps forming cheap; the swarm's events
    /// are the same either way, only the next command may start up to one step later.
    private func poll(every step: SimDuration, for limit: SimDuration, _ condition: (ManagerSwarm) -> Bool) -> Bool {
        let deadline = swarm.now + limit
        while !condition(self) {
            guard swarm.now < deadline else { return false }
            swarm.run(until: swarm.now + step)
        }
        return true
    }

    private static func succeeded(_ r: EngineResult?) -> Bool {
        if case .success = r { return true }
        return false
    }

    var now: SimTime { swarm.now }
    var majority: Int { managers.count / 2 + 1 }

    /// Whether some running manager is in the leader role. With crashes only, this is
    /// `Swarm.leader != nil`; after a partition a deposed leader may still count until
    /// CheckQuorum steps it down, so the split experiment asks `Swarm.leader` instead.
    var hasLeader: Bool { leaders > 0 }

    /// The leader in the highest term, from the swarm itself.
    var leader: HostID? { swarm.allSeeing.leader }

    /// Managers whose machine is up.
    var upCount: Int { managers.reduce(0) { $0 + (swarm.isUp($1) ? 1 : 0) } }

    func run(until time: SimTime) { swarm.run(until: time) }
}
