import SimCore
import Orchestration
import NodeRoles

/// Where the shell meets each host's `Agent`: it hands the agent its events and carries out the
/// effects the agent returns, in order (NodeRoles/Agent.swift holds the logic).
extension Swarm {
    /// Starts the agent on `host`: it heartbeats at once, then whenever the dispatcher says.
    func startAgent(_ host: HostID) {
        let random = rootRandom.child("workloads").child(UInt64(host.index) << 32 | UInt64(network.incarnation(host)))
        hosts[host.index].agent = Agent(timing: ExecutorTiming(imagePull: options.imagePullTime,
                                                               containerStart: options.containerStartTime), random: random)
        hosts[host.index].joiningRaft = false
        hosts[host.index].pendingJoin = nil
        scheduleHeartbeat(host, after: .zero)
    }

    /// Schedules the agent's next heartbeat. Wake-ups are counted so that only the latest one
    /// heartbeats: a heartbeat sent out of turn (a node starting again in place, as after
    /// `--force-new-cluster`) schedules its own follow-up, and the one already pending must not
    /// start a second chain.
    func scheduleHeartbeat(_ host: HostID, after delay: SimDuration) {
        hosts[host.index].heartbeatWakeups += 1
        schedule(.heartbeatDue(host, incarnation: network.incarnation(host)), after: delay)
    }

    /// A heartbeat wake-up: heartbeats unless a later wake-up is pending.
    func heartbeatWoke(_ host: HostID) {
        hosts[host.index].heartbeatWakeups -= 1
        guard hosts[host.index].heartbeatWakeups <= 0 else { return }
        hosts[host.index].heartbeatWakeups = 0
        sendHeartbeat(host)
    }

    /// Stops the agent on `host` (a crash, or the engine left the swarm).
    func stopAgent(_ host: HostID) {
        hosts[host.index].agent = nil
        hosts[host.index].joiningRaft = false
        hosts[host.index].pendingJoin = nil
    }

    /// What the agent on `host` may read of its own host.
    func agentHost(_ host: HostID) -> AgentHost {
        AgentHost(id: host, inSwarm: hosts[host.index].membership != nil,
                  knownManagers: hosts[host.index].knownManagers, runsManager: hosts[host.index].manager != nil,
                  images: images)
    }

    /// Runs one event on `host`'s agent, if it has one, then carries out the effects it asked for.
    /// The agent changes in place in its host (no copy of its task list); the event reads
    /// only the agent and what it is handed, never the host table.
    func withAgent(_ host: HostID, _ event: (inout Agent, AgentHost, inout [AgentEffect]) -> Void) {
        let h = hosts[host.index]
        guard h.agent != nil else { return }
        let view = agentHost(host)
        var effects = agentEffects
        agentEffects = []
        effects.removeAll(keepingCapacity: true)
        h.agent?.run { event(&$0, view, &effects) }
        for effect in effects { perform(effect, of: host) }
        agentEffects = effects
    }

    func perform(_ effect: AgentEffect, of host: HostID) {
        switch effect {
        case .heartbeat(let manager, let timeout):
            guard let nodeID = hosts[host.index].membership?.nodeID else { return }
            _ = call(.heartbeat(nodeID: nodeID, incarnation: network.incarnation(host), origin: host), from: host, to: manager,
                     purpose: .heartbeat, timeout: timeout)
        case .reportStatus(let reports, let manager):
            guard let nodeID = hosts[host.index].membership?.nodeID else { return }
            _ = call(.taskStatus(nodeID: nodeID, reports), from: host, to: manager, purpose: .taskStatus, timeout: .seconds(5))
        case .heartbeatDue(let delay):
            scheduleHeartbeat(host, after: delay)
        case .taskStepDue(let taskID, let delay):
            schedule(.taskStep(host, incarnation: network.incarnation(host), taskID: taskID), after: delay)
        case .taskState(let name, let id, let state):
            guard trace.isEnabled else { return }
            var line = TraceLine(time: now, event: "task.state")
            line.field("host", self.name(of: host))
            line.field("task", name)
            line.field("id", id)
            line.field("state", state.name)
            trace.write(line)
        case .staleAssignments(let stamp):
            guard trace.isEnabled else { return }
            var line = TraceLine(time: now, event: "assignments.stale")
            line.field("host", name(of: host))
            line.field("term", stamp.term)
            line.field("index", stamp.index)
            trace.write(line)
        }
    }

    // MARK: Events

    /// An assignment set for node `nodeID` reached `host`: its agent takes it if this engine is
    /// that node still.
    func receiveAssignments(_ set: AssignmentSet, for nodeID: String, stamp: LeaderStamp, at host: HostID) {
        guard hosts[host.index].membership?.nodeID == nodeID else { return }
        let now = self.now
        withAgent(host) { agent, h, effects in
            agent.takeAssignments(set.tasks, stopped: set.stopped, stamp: stamp, now: now, host: h, ids: &identity,
                                  effects: &effects)
        }
    }

    func agentStep(_ host: HostID, taskID: String) {
        let now = self.now
        withAgent(host) { agent, h, effects in
            agent.step(taskID: taskID, now: now, host: h, ids: &identity, effects: &effects)
        }
    }

    func sendHeartbeat(_ host: HostID) {
        let period = currentHeartbeatPeriod(host)
        withAgent(host) { agent, h, effects in agent.heartbeatDue(host: h, period: period, effects: &effects) }
    }

    /// The heartbeat period this host's own manager knows, else the default.
    func currentHeartbeatPeriod(_ host: HostID) -> SimDuration {
        hosts[host.index].manager?.store.cluster?.dispatcherHeartbeat ?? options.dispatcherHeartbeat
    }

    func heartbeatAnswered(_ host: HostID, _ reply: Reply) {
        guard hosts[host.index].agent != nil else { return }
        switch reply {
        case .heartbeat(let period, let role, let isRaftMember, let managers, let term, let leader):
            hosts[host.index].mesh.sessionFollows(term: term, leader: leader)
            let now = self.now
            withAgent(host) { agent, h, effects in
                agent.heartbeatAccepted(term: term, leader: leader, host: h, effects: &effects)
                agent.takeRefusedAssignments(now: now, host: h, ids: &identity, effects: &effects)
            }
            if !managers.isEmpty { hosts[host.index].knownManagers = managers }
            reconcileRole(host, role: role, isRaftMember: isRaftMember)
            finishJoinIfRegistered(host)
            finishForcedInit(host)
            withAgent(host) { agent, h, effects in agent.heartbeatSettled(period: period, host: h, effects: &effects) }
        default:
            withAgent(host) { agent, _, effects in agent.heartbeatFailed(random: &jitter, effects: &effects) }
        }
    }

    func reportsAnswered(_ host: HostID, _ reply: Reply) {
        let accepted: Bool
        if case .taskStatusAccepted = reply { accepted = true } else { accepted = false }
        withAgent(host) { agent, h, effects in agent.reportsAnswered(accepted: accepted, host: h, effects: &effects) }
    }

    /// The manager `host`'s agent talks to now.
    func agentManager(_ host: HostID) -> HostID? {
        Agent.manager(on: agentHost(host), failures: hosts[host.index].agent?.failures ?? 0)
    }

    /// `docker ps` on a host: the containers of the tasks running there.
    public func containers(on host: HostID) -> [TaskRecord] { hosts[host.index].agent?.runningTasks ?? [] }
}
