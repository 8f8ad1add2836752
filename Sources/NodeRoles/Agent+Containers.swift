import SimCore
import Orchestration

/// The containers the agent's tasks run (moby daemon/cluster/executor/container): a container
/// starts when its task reaches running — or, with a health check, stays `starting` until the
/// check passes (controller.go `Start`); its process exits as its image was declared to; an
/// unhealthy container is stopped and its task fails (controller.go `Wait`). swarmkit's exec
/// `Do` then reports `complete` ("finished") for exit 0, or keeps the state and message and
/// sets the error: `failed` from starting on, `rejected` before (a failed pull).
extension Agent {
    /// moby controller.go's error for a container its health check found unhealthy.
    package static let unhealthyError = "dockerexec: unhealthy container"
    /// The exit code of a container stopped for being unhealthy: its process did not stop on
    /// SIGTERM and was killed (we leave out the stop grace period it would wait first).
    package static let unhealthyExitCode = 137

    /// swarmkit exec `ExitError`: `task: non-zero exit (1)`, with its cause when known.
    package static func exitError(_ code: Int, cause: String? = nil) -> String {
        "task: non-zero exit (\(code))" + (cause.map { ": " + $0 } ?? "")
    }

    /// The error creating a container from an image that could not be pulled (the daemon's
    /// "No such image"; the pull error itself is only logged, controller.go `Prepare`).
    package static func noSuchImage(_ image: String) -> String { "No such image: \(image)" }

    /// Runs what is due on task `i`'s container by `now`: health checks, then its exit. True
    /// when the container stopped (the task is gone from `tasks`).
    mutating func containerEvents(_ i: Int, now: SimTime, effects: inout [AgentEffect]) -> Bool {
        guard var c = tasks[i].container, tasks[i].record.isDesiredRunning,
              tasks[i].observed == .starting || tasks[i].observed == .running else { return false }
        if let w = c.wakeAt, w <= now { c.wakeAt = nil }
        c.runChecks(now: now)
        tasks[i].container = c
        if c.health == .unhealthy {
            containerExited(i, code: Self.unhealthyExitCode, cause: Self.unhealthyError, now: now, effects: &effects)
            return true
        }
        if let exitAt = c.exitAt, exitAt <= now {
            containerExited(i, code: c.exitCode, cause: nil, now: now, effects: &effects)
            return true
        }
        if let next = c.nextEvent, c.wakeAt.map({ next < $0 }) ?? true {
            tasks[i].container?.wakeAt = next
            effects.append(.taskStepDue(taskID: tasks[i].record.id, after: next - now))
        }
        if tasks[i].observed == .starting, c.health == .healthy { tasks[i].stepDue = nil }
        return false
    }

    /// Task `i`'s container exited with `code`: the task completes or fails, its report is
    /// queued, and the container joins the exited ones (`docker ps -a`).
    mutating func containerExited(_ i: Int, code: Int, cause: String?, now: SimTime, effects: inout [AgentEffect]) {
        var task = tasks[i]
        let state: TaskState = code == 0 ? .complete : .failed
        task.observed = state
        task.record.status = TaskStatus(state: state, timestamp: now, message: code == 0 ? "finished" : task.record.status.message,
                                        error: code == 0 ? nil : Self.exitError(code, cause: cause),
                                        containerID: task.containerID, exitCode: code)
        tasks.remove(at: i)
        keepExited(task)
        effects.append(.taskState(name: task.record.name, id: task.record.id, state: state))
        queueReport(TaskReport(taskID: task.record.id, status: task.record.status))
    }

    /// Keeps a stopped task's container for `docker ps -a`, until the assignment set no longer
    /// names its task (`removeContainers`), and at most the newest few of each slot, as many as
    /// the default task history keeps.
    mutating func keepExited(_ task: AgentTask) {
        guard task.containerID != nil else { return }
        exited.append(AgentContainer(record: task.record, health: task.container?.health))
        let slot = task.record.slotKey
        let ofSlot = exited.indices.filter { exited[$0].record.slotKey == slot }
        if ofSlot.count > Self.exitedPerSlot { exited.remove(at: ofSlot[0]) }
    }

    static let exitedPerSlot = 5

    /// Removes the exited containers of tasks the assignment set no longer names: the task
    /// reaper deleted them from the store (swarmkit agent worker: a task missing from the set
    /// is closed and its container removed).
    mutating func removeContainers(ofTasksNotIn records: [TaskRecord], stopped: [String]) {
        guard !exited.isEmpty else { return }
        var named = Set(stopped)   // looked up, never iterated
        for record in records { named.insert(record.id) }
        exited.removeAll { !named.contains($0.record.id) }
    }

    /// `fail web.2 exit 137`: the container of running (or starting) task `taskID` exits now
    /// with `code`. False when this agent has no such container.
    package mutating func failContainer(_ taskID: String, code: Int, now: SimTime, host: AgentHost,
                                        effects: inout [AgentEffect]) -> Bool {
        guard let i = tasks.firstIndex(where: { $0.record.id == taskID }), tasks[i].container != nil,
              tasks[i].observed == .starting || tasks[i].observed == .running else { return false }
        containerExited(i, code: code, cause: nil, now: now, effects: &effects)
        flushReports(host: host, effects: &effects)
        return true
    }

    // MARK: What this node's engine shows

    /// Every container on this node, up or exited (`docker ps -a`), oldest first.
    package var containers: [AgentContainer] {
        exited + tasks.compactMap { t in
            guard let c = t.container, t.observed == .starting || t.observed == .running else { return nil }
            return AgentContainer(record: t.record, health: c.health, isUp: true, upSince: c.startedAt)
        }
    }

    /// The task of service `serviceName` in `slot` (0: any) whose container is up here.
    package func upTask(service serviceName: String, slot: Int) -> TaskRecord? {
        tasks.first { t in
            t.container != nil && (t.observed == .starting || t.observed == .running)
                && t.record.serviceName == serviceName && (slot == 0 || t.record.slot == slot)
        }?.record
    }
}

/// A container as `docker ps` lists it: its task, whether it is up, and its health.
package struct AgentContainer: Sendable {
    package var record: TaskRecord
    package var health: ContainerHealth?
    package var isUp = false
    /// When the container started (for one that is up).
    package var upSince: SimTime = .zero
}

extension Agent {
    /// Starts task `i`'s container at `now`. With a health check the task stays `starting`;
    /// true when it must not go on to running now (it waits for its check, or already stopped).
    mutating func startContainer(_ i: Int, now: SimTime, host: AgentHost, effects: inout [AgentEffect]) -> Bool {
        let behaviour = host.images.behaviour(of: tasks[i].record.spec.image)
        tasks[i].container = ContainerLife(record: tasks[i].record, behaviour: behaviour, now: now, random: &random)
        if containerEvents(i, now: now, effects: &effects) { return true }
        return tasks[i].container?.health == .starting
    }

    /// swarmkit exec `fatal` before starting: the task is rejected with `error`, its state's
    /// message kept.
    mutating func reject(_ i: Int, error: String, now: SimTime, host: AgentHost, effects: inout [AgentEffect]) {
        var task = tasks.remove(at: i)
        task.stepDue = nil
        task.observed = .rejected
        task.record.status = TaskStatus(state: .rejected, timestamp: now, message: task.record.status.message, error: error)
        effects.append(.taskState(name: task.record.name, id: task.record.id, state: .rejected))
        queueReport(TaskReport(taskID: task.record.id, status: task.record.status))
        flushReports(host: host, effects: &effects)
    }
}
