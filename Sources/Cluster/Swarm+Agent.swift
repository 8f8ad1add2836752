import SimCore
import Orchestration

/// The agent's executor: it runs the tasks assigned to its node through their states, with
/// image pull and start times, and reports each change to the dispatcher (swarmkit agent/exec).
/// Tasks are simulated: no container runs, but every state and its timing does.
extension Swarm {
    /// The full set of tasks the leader assigns to this node. A set older than one already taken
    /// (it came the slow way, through the manager of an earlier session, or from a deposed
    /// leader) is ignored: taken, it would drop the tasks the newer set added.
    func receiveAssignments(_ records: [TaskRecord], stamp: LeaderStamp, at host: HostID) {
        guard var agent = hosts[host.index].agent else { return }
        guard stamp >= agent.assignments else {
            if trace.isEnabled {
                var line = TraceLine(time: now, event: "assignments.stale")
                line.field("host", name(of: host))
                line.field("term", stamp.term)
                line.field("index", stamp.index)
                trace.write(line)
            }
            return
        }
        agent.assignments = stamp
        var kept: [AgentTask] = []
        var starts: [String] = []
        for record in records {
            if var task = agent.tasks.first(where: { $0.record.id == record.id }) {
                task.record.desiredState = record.desiredState
                kept.append(task)
                if task.observed <= .running, record.desiredState > .running { starts.append(record.id) }
                else if task.stepDue == nil, task.observed.agentNextStep(desired: record.desiredState) != nil { starts.append(record.id) }
            } else if record.status.state <= .assigned {
                kept.append(AgentTask(record: record, observed: .assigned))
                starts.append(record.id)
            } else if record.status.state <= .running {
                // The store says this node runs it, but this engine has no such container: it
                // restarted (a crash took its containers), so the task has failed.
                var lost = AgentTask(record: record, observed: .failed)
                lost.record.status = TaskStatus(state: .failed, timestamp: now, message: "started",
                                                error: "task lost: the node's engine restarted")
                agent.reports.append(TaskReport(taskID: record.id, status: lost.record.status))
            }
        }
        agent.tasks = kept.sorted { $0.record.id < $1.record.id }
        hosts[host.index].agent = agent
        for id in starts { agentStep(host, taskID: id) }
        flushReports(host)
    }

    /// Takes the task's next step now, or schedules it when the step takes time.
    func agentStep(_ host: HostID, taskID: String) {
        guard let i = hosts[host.index].agent?.tasks.firstIndex(where: { $0.record.id == taskID }),
              var task = hosts[host.index].agent?.tasks[i] else { return }
        if let due = task.stepDue, due > now { return }
        guard let (state, message) = task.observed.agentNextStep(desired: task.record.desiredState) else { return }
        // Preparing pulls the image; starting starts the container: those take time.
        let delay: SimDuration
        switch state {
        case .ready: delay = options.imagePullTime
        case .running: delay = options.containerStartTime
        default: delay = .zero
        }
        if delay > .zero, task.stepDue == nil {
            task.stepDue = now + delay
            hosts[host.index].agent?.tasks[i] = task
            schedule(.taskStep(host, incarnation: network.incarnation(host), taskID: taskID), after: delay)
            return
        }
        task.stepDue = nil
        task.observed = state
        // The container exists once the task is prepared; its ID goes with every later status.
        if state == .ready { task.containerID = identity.newContainerID() }
        task.record.status = TaskStatus(state: state, timestamp: now, message: message,
                                        containerID: state >= .ready ? task.containerID : nil)
        hosts[host.index].agent?.tasks[i] = task
        if trace.isEnabled {
            var line = TraceLine(time: now, event: "task.state")
            line.field("host", name(of: host))
            line.field("task", task.record.name)
            line.field("id", taskID)
            line.field("state", state.name)
            trace.write(line)
        }
        queueReport(host, TaskReport(taskID: taskID, status: task.record.status))
        if state.isTerminal {
            hosts[host.index].agent?.tasks.remove(at: i)
        } else if task.observed.agentNextStep(desired: task.record.desiredState) != nil {
            agentStep(host, taskID: taskID)
        }
        flushReports(host)
    }

    func queueReport(_ host: HostID, _ report: TaskReport) {
        guard var agent = hosts[host.index].agent else { return }
        agent.reports.removeAll { $0.taskID == report.taskID }
        agent.reports.append(report)
        hosts[host.index].agent = agent
    }

    /// Re-reports every task this agent runs (a new dispatcher session).
    func reportAll(_ host: HostID) {
        guard let tasks = hosts[host.index].agent?.tasks else { return }
        for t in tasks where t.observed >= .accepted { queueReport(host, TaskReport(taskID: t.record.id, status: t.record.status)) }
        flushReports(host)
    }

    /// Sends queued reports, one call at a time.
    func flushReports(_ host: HostID) {
        guard let agent = hosts[host.index].agent, agent.reportInFlight == nil, !agent.reports.isEmpty,
              let nodeID = hosts[host.index].membership?.nodeID, let manager = agentManager(host) else { return }
        let id = call(.taskStatus(nodeID: nodeID, agent.reports), from: host, to: manager, purpose: .taskStatus, timeout: .seconds(5))
        hosts[host.index].agent?.reportInFlight = id
        hosts[host.index].agent?.reports = []
        hosts[host.index].agent?.unconfirmed = agent.reports
    }

    func reportsAnswered(_ host: HostID, _ reply: Reply) {
        guard var agent = hosts[host.index].agent else { return }
        agent.reportInFlight = nil
        if case .taskStatusAccepted = reply {
            agent.unconfirmed = []
        } else {
            // Not delivered: put them back under anything newer, to go with the next attempt.
            for r in agent.unconfirmed.reversed() where !agent.reports.contains(where: { $0.taskID == r.taskID }) {
                agent.reports.insert(r, at: 0)
            }
            agent.unconfirmed = []
        }
        hosts[host.index].agent = agent
        if case .taskStatusAccepted = reply { flushReports(host) }
    }

    /// `docker ps` on a host: the containers of the tasks running there.
    public func containers(on host: HostID) -> [TaskRecord] {
        (hosts[host.index].agent?.tasks ?? []).filter { $0.observed == .running }.map(\.record)
    }
}
