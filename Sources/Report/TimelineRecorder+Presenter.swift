import SimCore
import Orchestration
import Cluster

/// Task slots, services' running counts, tasks per host and Raft messages, from the trace lines
/// the runner taps (`TraceTap`), and the quorum per partition side from the notifications.
extension TimelineRecorder {
    /// What the recorder knows of one slot: its track and every task the agents reported.
    struct SlotFacts {
        var track: Int
        var tasks: [(id: String, host: String, state: String)] = []

        /// The newest live task, else the newest one.
        var shown: TaskTrack.Spot? {
            let live = tasks.last { !TimelineRecorder.isTerminal($0.state) } ?? tasks.last
            return live.map { TaskTrack.Spot(host: $0.host, state: $0.state) }
        }
    }

    static func isTerminal(_ state: String) -> Bool {
        switch state {
        case "complete", "shutdown", "failed", "rejected", "remove", "orphaned", "lost": true
        default: false
        }
    }

    /// Records a line of the run's trace (see `TraceTap`); `swarm` gives services' desired counts.
    package mutating func record(_ line: TraceTap.Line, in swarm: Swarm?) {
        switch line {
        case .message(let time, let from, let to, let kind, let dropped):
            guard let f = laneOfHost[from], let t = laneOfHost[to] else { return }
            timeline.messages.append(MessageMark(time: time, from: f, to: t, kind: kind, dropped: dropped))
        case .task(let time, let host, let task, let id, let state):
            var slot = slots[task] ?? SlotFacts(track: timeline.tasks.count)
            if slot.track == timeline.tasks.count {
                let service = task.lastIndex(of: ".").map { String(task[..<$0]) } ?? task
                timeline.tasks.append(TaskTrack(name: task, service: service))
            }
            if let i = slot.tasks.firstIndex(where: { $0.id == id }) {
                slot.tasks[i].host = host
                slot.tasks[i].state = state
                let moved = slot.tasks.remove(at: i)
                slot.tasks.append(moved)
            } else {
                slot.tasks.append((id, host, state))
            }
            slots[task] = slot
            timeline.tasks[slot.track].spot.set(slot.shown, at: time)
            countTasks(service: timeline.tasks[slot.track].service, swarm, at: time)
        }
    }

    /// A crashed host's tasks are lost with it (its agent reports nothing more).
    mutating func loseTasks(on host: String, at time: SimTime) {
        var services: [String] = []
        for track in timeline.tasks.indices {
            guard var slot = slots[timeline.tasks[track].name] else { continue }
            var changed = false
            for i in slot.tasks.indices where slot.tasks[i].host == host && !Self.isTerminal(slot.tasks[i].state) {
                slot.tasks[i].state = "lost"
                changed = true
            }
            guard changed else { continue }
            slots[timeline.tasks[track].name] = slot
            timeline.tasks[track].spot.set(slot.shown, at: time)
            if !services.contains(timeline.tasks[track].service) { services.append(timeline.tasks[track].service) }
        }
        for s in services { countTasks(service: s, nil, at: time) }
    }

    /// Updates the service's running (and, with a swarm, desired) count and every host's tasks.
    private mutating func countTasks(service: String, _ swarm: Swarm?, at time: SimTime) {
        var running = 0
        var perHost = Array(repeating: 0, count: timeline.lanes.count)
        for track in timeline.tasks {
            guard let slot = slots[track.name] else { continue }
            if track.service == service, slot.shown?.isRunning == true { running += 1 }
            for t in slot.tasks where t.state == "running" { if let l = laneOfHost[t.host] { perHost[l] += 1 } }
        }
        let index = timeline.services.firstIndex { $0.name == service } ?? {
            timeline.services.append(ServiceTrack(name: service))
            return timeline.services.count - 1
        }()
        timeline.services[index].running.set(running, at: time)
        if let store = swarm?.allSeeing.freshestStore, let s = store.services.first(where: { $0.spec.name == service }) {
            let desired = s.spec.replicas ?? store.tasks(ofService: s.id).filter { $0.desiredState == .running }.count
            timeline.services[index].desired.set(desired, at: time)
        }
        for (lane, n) in perHost.enumerated() where timeline.lanes[lane].tasks.current != nil || n > 0 {
            timeline.lanes[lane].tasks.set(n, at: time)
        }
    }

    /// Each side's managers that are up, against the quorum of all managers.
    mutating func updateQuorum(_ swarm: Swarm, at time: SimTime) {
        let managers = hosts.indices.filter { hosts[$0].member == .manager }
        guard !managers.isEmpty else { return timeline.quorum.set([], at: time) }
        let needed = managers.count / 2 + 1
        let groups = swarm.network.groups.map { $0.map(\.index).filter(valid) }.filter { !$0.isEmpty }
        let sides = groups.count > 1 ? groups : [Array(hosts.indices)]
        timeline.quorum.set(sides.map { side in
            QuorumSide(reachable: side.filter { managers.contains($0) && hosts[$0].up }.count, needed: needed)
        }, at: time)
    }

    private func valid(_ index: Int) -> Bool { index < hosts.count }

    /// Every running manager's term as the observer reads it: a follower's term changes when a
    /// message reaches it, which no notification may tell.
    package mutating func refreshTerms(_ swarm: Swarm, at time: SimTime) {
        for i in hosts.indices where hosts[i].up && hosts[i].member == .manager {
            guard let view = swarm.allSeeing.raftView(HostID(i)) else { continue }
            if timeline.lanes[i].term.current != view.term { timeline.lanes[i].term.set(view.term, at: time) }
        }
    }
}

extension TimelineRecorder {
    /// A request sent through the routing mesh entered at `entry`; `answeredBy` is the host
    /// whose task answered (nil: it failed).
    package mutating func request(at time: SimTime, entry: String, answeredBy: String?) {
        guard let lane = laneOfHost[entry] else { return }
        timeline.requests.append(RequestMark(time: time, entry: lane, answeredBy: answeredBy.flatMap { laneOfHost[$0] } ?? (answeredBy == nil ? nil : lane)))
    }
}
