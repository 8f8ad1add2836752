import SimCore
import Raft
import Orchestration
import Cluster
import ScenarioLanguage

/// Builds a `Timeline` while a scenario runs: the runner passes it every `SwarmNotification`
/// (through `Swarm.observer`), every statement it runs and how each ended.
///
/// A host's phase follows from three facts the notifications keep up to date: whether it is up,
/// whether its engine is in a swarm and as what, and its manager's Raft role.
package struct TimelineRecorder {
    var timeline: Timeline
    var hosts: [HostFacts] = []
    /// Task slots by name (looked up, never iterated: `timeline.tasks` keeps the order).
    var slots: [String: SlotFacts] = [:]
    /// Lanes by host name (looked up, never iterated).
    var laneOfHost: [String: Int] = [:]
    /// The applied index of the store the services' counts were last taken from (nil: never,
    /// or a service row added since).
    var countedStoreIndex: UInt64?

    struct HostFacts {
        var up = true
        var member: NodeRole?
        var raft: Raft.Role?

        var phase: HostPhase {
            guard up else { return .crashed }
            switch member {
            case nil: return .outside
            case .worker: return .worker
            case .manager:
                switch raft ?? .follower {
                case .follower: return .follower
                case .preCandidate: return .preCandidate
                case .candidate: return .candidate
                case .leader: return .leader
                }
            }
        }
    }

    package init(title: String, seed: UInt64, heading: String? = nil) {
        timeline = Timeline(title: title, seed: seed)
        timeline.heading = heading
    }

    /// Adds a lane for a host just declared (hosts are declared in `HostID` order).
    package mutating func addLane(_ name: String) {
        laneOfHost[name] = timeline.lanes.count
        timeline.lanes.append(HostLane(name: name))
        hosts.append(HostFacts())
    }

    /// The timeline as of `end`.
    package func timeline(end: SimTime) -> Timeline {
        var t = timeline
        t.end = end
        return t
    }

    // MARK: Notifications

    package mutating func record(_ notification: SwarmNotification, at time: SimTime, in swarm: Swarm) {
        switch notification {
        case .role(let h, let role, let term):
            guard valid(h) else { return }
            hosts[h.index].raft = role
            timeline.lanes[h.index].term.set(term, at: time)
            updatePhase(h, at: time)
        case .managerStarted(let h):
            guard valid(h) else { return }
            hosts[h.index].member = .manager
            updatePhase(h, at: time)
        case .managerStopped(let h):
            guard valid(h) else { return }
            hosts[h.index].raft = nil
            if hosts[h.index].member == .manager { hosts[h.index].member = .worker }
            updatePhase(h, at: time)
        case .crashed(let h):
            guard valid(h) else { return }
            hosts[h.index].up = false
            hosts[h.index].raft = nil
            event(.crashed, h, at: time)
            loseTasks(on: swarm.name(of: h), at: time)
        case .restarted(let h):
            guard valid(h) else { return }
            hosts[h.index].up = true
            event(.restarted, h, at: time)
        case .network:
            recordNetwork(swarm, at: time)
        case .storeApplied:
            return countServices(swarm, at: time)
        case .nodeState(let hostname, let state):
            if let lane = timeline.lane(named: hostname) { timeline.lanes[lane].status.set(state, at: time) }
        case .joined(let h, let role):
            guard valid(h) else { return }
            hosts[h.index].member = role
            event(.joined(role), h, at: time)
        case .left(let h):
            guard valid(h) else { return }
            hosts[h.index].member = nil
            hosts[h.index].raft = nil
            event(.left, h, at: time)
        }
        let leader = swarm.allSeeing.leader.flatMap { l in swarm.allSeeing.raftView(l).map { Leadership(host: swarm.name(of: l), term: $0.term) } }
        timeline.leader.set(leader, at: time)
        updateQuorum(swarm, at: time)
        refreshTerms(swarm, at: time)
        countServices(swarm, at: time)
    }

    func valid(_ h: HostID) -> Bool { h.index < hosts.count }

    private mutating func updatePhase(_ h: HostID, at time: SimTime) {
        timeline.lanes[h.index].phase.set(hosts[h.index].phase, at: time)
    }

    private mutating func event(_ kind: HostEvent.Kind, _ h: HostID, at time: SimTime) {
        timeline.events.append(HostEvent(time: time, lane: h.index, kind: kind))
        updatePhase(h, at: time)
    }

    private mutating func recordNetwork(_ swarm: Swarm, at time: SimTime) {
        let groups = swarm.network.groups.filter { !$0.isEmpty }
        var shape = NetworkShape()
        if groups.count > 1 { shape.groups = groups.map { $0.map(swarm.name(of:)) } }
        shape.cuts = swarm.network.cutLinks.map { NetworkShape.Cut(from: swarm.name(of: $0.from), to: swarm.name(of: $0.to)) }
        timeline.network.set(shape, at: time)
        for (side, group) in groups.enumerated() {
            for h in group where valid(h) { timeline.lanes[h.index].side.set(groups.count > 1 ? side + 1 : 0, at: time) }
        }
    }

    // MARK: Statements

    /// A statement starts at `time`.
    package mutating func statement(_ s: ScriptStatement, at time: SimTime) {
        timeline.statements.append(StatementMark(time: time, end: time, line: s.location.line, text: s.text,
                                                 kind: Self.kind(of: s.statement)))
    }

    /// The statement that started last printed `text`.
    package mutating func output(_ text: String) {
        guard !timeline.statements.isEmpty else { return }
        timeline.statements[timeline.statements.count - 1].output += text
    }

    /// The statement that started last ended at `time`, this way, leaving the cluster as
    /// `picture` shows it (`show cluster`'s text).
    package mutating func ended(at time: SimTime, _ outcome: StatementMark.Outcome, picture: String = "") {
        guard !timeline.statements.isEmpty else { return }
        timeline.statements[timeline.statements.count - 1].picture = picture
        timeline.statements[timeline.statements.count - 1].end = time
        timeline.statements[timeline.statements.count - 1].outcome = outcome
    }

    /// The previous statement's picture, when the statement that started last is a narration
    /// (it changes nothing) and no time passed since the previous one ended.
    package func unchangedPicture(at time: SimTime) -> String? {
        let s = timeline.statements
        guard s.count >= 2, s[s.count - 1].kind == .narration, s[s.count - 2].end == time else { return nil }
        return s[s.count - 2].picture
    }

    static func kind(of statement: Statement) -> StatementMark.Kind {
        switch statement {
        case .say: .narration
        case .partition, .isolate, .heal, .crash, .restart, .cut, .link, .fail: .fault
        case .docker, .pipedDocker, .curl: .docker
        case .expect, .waitUntil, .measure: .check
        case .show: .show
        case .setting, .hosts, .wait, .waitRandom, .image, .file: .other
        }
    }
}
