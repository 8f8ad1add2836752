import SimCore
import Orchestration
import Cluster

/// Task slots, tasks per host and Raft messages, from the trace lines the runner taps
/// (`TraceTap`); services' counts from the store as any trace line finds it; and the quorum per
/// partition side from the notifications.
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

    /// Records a line of the run's trace (see `TraceTap`); `swarm` gives services' counts.
    package mutating func record(_ line: TraceTap.Line, in swarm: Swarm?) {
        switch line {
        case .message(let time, let from, let to, let kind, let dropped):
            if let swarm { countServices(swarm, at: time) }
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
            countTasks(service: timeline.tasks[slot.track].service, at: time)
            if let swarm { countServices(swarm, at: time) }
        }
    }

    /// A crashed host's tasks are lost with it (its agent reports nothing more). The services'
    /// counts do not change: the store still records those tasks running, as `docker service ls`
    /// shows them, until the orchestrator replaces them.
    mutating func loseTasks(on host: String, at time: SimTime) {
        var lost = false
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
            lost = true
        }
        if lost { countTasks(service: nil, at: time) }
    }

    /// Adds the service's row if it has none, and updates every host's count of running tasks.
    private mutating func countTasks(service: String?, at time: SimTime) {
        var perHost = Array(repeating: 0, count: timeline.lanes.count)
        for track in timeline.tasks {
            guard let slot = slots[track.name] else { continue }
            for t in slot.tasks where t.state == "running" { if let l = laneOfHost[t.host] { perHost[l] += 1 } }
        }
        if let service, !timeline.services.contains(where: { $0.name == service }) {
            timeline.services.append(ServiceTrack(name: service))
            countedStoreIndex = nil
        }
        for (lane, n) in perHost.enumerated() where timeline.lanes[lane].tasks.current != nil || n > 0 {
            timeline.lanes[lane].tasks.set(n, at: time)
        }
    }

    /// Each service row's running and desired tasks, as `docker service ls` counts them
    /// (`ServiceStatus`, swarmkit's ListServiceStatuses) in the freshest store; taken again
    /// whenever that store has applied more.
    mutating func countServices(_ swarm: Swarm, at time: SimTime) {
        guard let store = swarm.allSeeing.freshestStore, store.appliedIndex != countedStoreIndex else { return }
        countedStoreIndex = store.appliedIndex
        for i in timeline.services.indices {
            guard let s = store.service(named: timeline.services[i].name) else { continue }
            let status = ServiceStatus(of: s, in: store)
            timeline.services[i].running.set(status.running, at: time)
            timeline.services[i].desired.set(status.desired, at: time)
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
