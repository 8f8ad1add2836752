import SimCore
import Orchestration

/// The agent's executor (swarmkit agent/exec): the tasks assigned to this node go through their
/// states, with image pull and start times, and each change is reported to the dispatcher.
extension Agent {
    /// The full set of tasks the leader assigns to this node: `records` to run or stop, and
    /// `stopped`, the IDs of the others the store still holds. A set older than one already taken
    /// (it came the slow way, through the manager of an earlier session, or from a deposed
    /// leader) is ignored: taken, it would drop the tasks the newer set added.
    package mutating func takeAssignments(_ records: [TaskRecord], stopped: [String] = [], stamp: LeaderStamp, now: SimTime,
                                          host: AgentHost, ids: inout IDGenerator, effects: inout [AgentEffect]) {
        guard stamp.mayReplace(assignments) else {
            if refused.map({ $0.stamp.term != stamp.term || $0.stamp.leader != stamp.leader || $0.stamp.index <= stamp.index }) ?? true {
                refused = (AssignmentSet(tasks: records, stopped: stopped), stamp)
            }
            return effects.append(.staleAssignments(stamp))
        }
        assignments = stamp
        if let r = refused, r.stamp.term == stamp.term, r.stamp.leader == stamp.leader, r.stamp.index <= stamp.index { refused = nil }
        var kept: [AgentTask] = []
        var starts: [String] = []
        for record in records {
            if var task = tasks.first(where: { $0.record.id == record.id }) {
                task.record.desiredState = record.desiredState
                kept.append(task)
                if task.observed <= .running, record.desiredState > .running { starts.append(record.id) }
                else if task.stepDue == nil, task.observed.agentNextStep(desired: record.desiredState) != nil { starts.append(record.id) }
            } else if record.status.state <= .assigned {
                kept.append(AgentTask(record: record, observed: .assigned))
                starts.append(record.id)
            } else if let stopped = exited.first(where: { $0.record.id == record.id }) {
                // The store has not heard that this container stopped: say so again.
                if record.status.state <= .running { queueReport(TaskReport(taskID: record.id, status: stopped.record.status)) }
            } else if record.status.state <= .running {
                // The store says this node runs it, but this engine has no such container: it
                // restarted (a crash took its containers), so the task has failed. The executor's
                // wait on the container fails with the daemon's not-found error (moby
                // daemon/cluster/executor/container `controller.Wait`), which swarmkit records as
                // the task's error; the message stays the last one reported.
                var lost = AgentTask(record: record, observed: .failed)
                lost.record.status = TaskStatus(state: .failed, timestamp: now, message: "started",
                                                error: "No such container: \(record.containerName)")
                reports.append(TaskReport(taskID: record.id, status: lost.record.status))
            }
        }
        tasks = kept.sorted { $0.record.id < $1.record.id }
        removeContainers(ofTasksNotIn: records, stopped: stopped)
        for id in starts { step(taskID: id, now: now, host: host, ids: &ids, effects: &effects) }
        flushReports(host: host, effects: &effects)
    }

    /// A session with a leader has begun: the set it sent before the session switched to it,
    /// refused then as stale against an earlier cluster's, is taken now. swarmkit's agent reads
    /// a set only from its session's stream, opened once the session is (the dispatcher sends it
    /// once it has marked the node ready); here the set and the heartbeat's answer travel apart,
    /// and the set can come first.
    package mutating func takeRefusedAssignments(now: SimTime, host: AgentHost, ids: inout IDGenerator,
                                                 effects: inout [AgentEffect]) {
        guard let r = refused, r.stamp.term == sessionTerm, r.stamp.leader == sessionLeader,
              r.stamp.mayReplace(assignments) else { return }
        refused = nil
        takeAssignments(r.set.tasks, stopped: r.set.stopped, stamp: r.stamp, now: now, host: host, ids: &ids, effects: &effects)
    }

    /// Takes the task's next step now, or asks to be woken when the step takes time.
    package mutating func step(taskID: String, now: SimTime, host: AgentHost, ids: inout IDGenerator,
                               effects: inout [AgentEffect]) {
        guard let i = tasks.firstIndex(where: { $0.record.id == taskID }) else { return }
        if containerEvents(i, now: now, effects: &effects) { return flushReports(host: host, effects: &effects) }
        var task = tasks[i]
        if let due = task.stepDue, due > now { return }
        guard let (state, message) = task.observed.agentNextStep(desired: task.record.desiredState) else { return }
        // A started container with a health check: its task runs once the check passes.
        if state == .running, task.container != nil, task.container?.health != .healthy { return }
        // Preparing pulls the image; starting starts the container: those take time.
        let delay: SimDuration
        switch state {
        case .ready: delay = timing.imagePull
        case .running: delay = task.container == nil ? timing.containerStart : .zero
        default: delay = .zero
        }
        if delay > .zero, task.stepDue == nil {
            task.stepDue = now + delay
            tasks[i] = task
            return effects.append(.taskStepDue(taskID: taskID, after: delay))
        }
        task.stepDue = nil
        if state == .ready, host.images.behaviour(of: task.record.spec.image) == .pullFails {
            return reject(i, error: Self.noSuchImage(task.record.spec.image), now: now, host: host, effects: &effects)
        }
        if state == .running, task.container == nil {
            tasks[i] = task
            if startContainer(i, now: now, host: host, effects: &effects) { return flushReports(host: host, effects: &effects) }
            task = tasks[i]
        }
        task.observed = state
        // The container exists once the task is prepared; its ID goes with every later status.
        if state == .ready { task.containerID = ids.newContainerID() }
        task.record.status = TaskStatus(state: state, timestamp: now, message: message,
                                        containerID: state >= .ready ? task.containerID : nil)
        tasks[i] = task
        effects.append(.taskState(name: task.record.name, id: taskID, state: state))
        queueReport(TaskReport(taskID: taskID, status: task.record.status))
        if state.isTerminal {
            tasks.remove(at: i)
            keepExited(task)
        } else if task.observed.agentNextStep(desired: task.record.desiredState) != nil {
            step(taskID: taskID, now: now, host: host, ids: &ids, effects: &effects)
        }
        flushReports(host: host, effects: &effects)
    }

    // MARK: What this node's engine asks of its agent

    /// The containers running here (`docker ps`).
    package var runningTasks: [TaskRecord] { tasks.filter { $0.observed == .running }.map(\.record) }

    /// The running task `taskID`, if its container is here.
    package func runningTask(_ taskID: String) -> TaskRecord? {
        tasks.first(where: { $0.record.id == taskID && $0.observed == .running })?.record
    }

    /// A running task that publishes `port` in host mode: it listens on this node itself.
    package func runningTask(publishingHostPort port: Int) -> TaskRecord? {
        tasks.first(where: { t in
            t.observed == .running && t.record.endpoint.ports.contains { $0.publishMode == .host && $0.published == port }
        })?.record
    }
}
