import SimCore
import Orchestration

/// A node's agent (swarmkit agent): it heartbeats to the dispatcher through a manager, moving
/// on to another when that fails; runs the tasks assigned to its node through their states; and
/// reports each change. Tasks are simulated: no container runs, but every state and its timing
/// does. Lost at a crash.
///
/// Every event is a `mutating` method that takes the time and what it reads of its host
/// (`AgentHost`), and appends `AgentEffect`s for the host to carry out.
package struct Agent: Sendable {
    // What a heartbeat reads comes first, a few cache lines together (its host lies in a table
    // of thousands; see `Host`); the tasks and what only a task's steps read come last.

    /// Dispatcher failures in a row (heartbeats or a role call): which manager to try next.
    package var failures = 0
    /// A heartbeat is on its way and not yet answered.
    package internal(set) var heartbeatInFlight = false
    /// A status call is on its way and not yet answered.
    package internal(set) var reportInFlight = false
    /// Status changes not yet sent to the dispatcher, one per task (the latest wins).
    package internal(set) var reports: [TaskReport] = []
    /// The leader term of the dispatcher session; a new one makes the agent report everything.
    package internal(set) var sessionTerm: UInt64 = 0
    /// The runtime (`Manager.serial`) of that session's leader: another one in the same term
    /// leads a cluster forced anew.
    package internal(set) var sessionLeader: UInt64 = 0
    /// The stamp of the newest assignment set taken; an older set that arrives later is stale.
    package internal(set) var assignments = LeaderStamp(term: 0, index: 0)
    /// The newest set refused as stale, with its stamp: it may come from the leader of a cluster
    /// forced anew before this node's session follows that leader (`takeRefusedAssignments`).
    package internal(set) var refused: (set: AssignmentSet, stamp: LeaderStamp)?
    /// The tasks this node runs, sorted by task ID.
    package internal(set) var tasks: [AgentTask] = []
    /// The reports of the call in flight, put back if it fails.
    private var unconfirmed: [TaskReport] = []
    /// Containers of tasks that stopped, kept for `docker ps -a` (see `keepExited`).
    package internal(set) var exited: [AgentContainer] = []
    let timing: ExecutorTiming
    /// Draws the moments of image behaviours given as ranges.
    var random: SeededRandom

    package init(timing: ExecutorTiming, random: SeededRandom = SeededRandom(seed: 0)) {
        self.timing = timing
        self.random = random
    }

    /// Runs `body` on this agent where it lies: `host.agent?.run { … }` changes a host's agent
    /// in place, where taking it out and putting it back would copy it.
    package mutating func run(_ body: (inout Agent) -> Void) { body(&self) }

    /// The manager the agent talks to: its own engine if it is a manager, else one it knows,
    /// moving on to the next after each failure.
    package func manager(on host: AgentHost) -> HostID? { Self.manager(on: host, failures: failures) }

    /// The manager an agent with `failures` failures in a row talks to.
    package static func manager(on host: AgentHost, failures: Int) -> HostID? {
        // The others, counted and picked in two passes over the list, building nothing (every
        // heartbeat asks).
        var count = 0
        for manager in host.knownManagers where manager != host.id { count += 1 }
        // A manager's agent uses its own manager, but after a failure also tries the others
        // (swarmkit's remotes): a manager demoted while it was down learns so from them.
        if host.runsManager && (failures % 2 == 0 || count == 0) { return host.id }
        guard count > 0 else { return nil }
        var skip = failures % count
        for manager in host.knownManagers where manager != host.id {
            if skip == 0 { return manager }
            skip -= 1
        }
        return nil
    }

    // MARK: Heartbeats

    /// The heartbeat timer fired: heartbeat unless one is on its way.
    package mutating func heartbeatDue(host: AgentHost, period: SimDuration, effects: inout [AgentEffect]) {
        guard !heartbeatInFlight, host.inSwarm, let manager = manager(on: host) else { return }
        heartbeatInFlight = true
        effects.append(.heartbeat(manager: manager, timeout: period))
    }

    /// The dispatcher answered a heartbeat in leader term `term`. A new term is a new session:
    /// the agent reports every task again, as the new session's first status update does in
    /// swarmkit. The host then reconciles its role and calls `heartbeatSettled`.
    package mutating func heartbeatAccepted(term: UInt64, leader: UInt64 = 0, host: AgentHost, effects: inout [AgentEffect]) {
        heartbeatInFlight = false
        failures = 0
        // A leader of a lower term than a set already taken, or another leader of its term: a
        // cluster forced anew, whose terms go on from the recovered manager's (or a deposed
        // leader this session now follows, as a swarmkit session would). Its sets must not be
        // held back by the earlier leaders'.
        if assignments.isOtherCluster(term: term, leader: leader) {
            assignments = LeaderStamp(term: term, index: 0, leader: leader)
        }
        guard term != sessionTerm || leader != sessionLeader else { return }
        (sessionTerm, sessionLeader) = (term, leader)
        reportAll(host: host, effects: &effects)
    }

    /// The node starts again in place (moby restarts it for `--force-new-cluster`): the next
    /// heartbeat goes to its own manager first, and one still on its way is no longer waited for.
    package mutating func restartSession() {
        failures = 0
        heartbeatInFlight = false
    }

    /// After an accepted heartbeat and the role it asked for: send what waits, and heartbeat
    /// again after `period`.
    package mutating func heartbeatSettled(period: SimDuration, host: AgentHost, effects: inout [AgentEffect]) {
        flushReports(host: host, effects: &effects)
        effects.append(.heartbeatDue(after: period))
    }

    /// The session failed: try the next manager after a backoff (swarmkit agent: exponential,
    /// capped, with jitter drawn from `random`).
    package mutating func heartbeatFailed(random: inout SeededRandom, effects: inout [AgentEffect]) {
        heartbeatInFlight = false
        failures += 1
        let base = SimDuration.milliseconds(100) * Int64(1 << min(failures, 7))
        let backoff = min(base, .seconds(8))
        let spread = SimDuration(nanoseconds: Int64(random.below(UInt64(backoff.nanoseconds / 2 + 1))))
        effects.append(.heartbeatDue(after: backoff / 2 + spread))
    }

    // MARK: Reports

    mutating func queueReport(_ report: TaskReport) {
        reports.removeAll { $0.taskID == report.taskID }
        reports.append(report)
    }

    /// Re-reports every task this agent runs (a new dispatcher session).
    mutating func reportAll(host: AgentHost, effects: inout [AgentEffect]) {
        // Stopped tasks too (their containers are kept): a final status lost on the way is
        // reported again, as swarmkit's agent reports every task it still holds.
        for c in exited { queueReport(TaskReport(taskID: c.record.id, status: c.record.status)) }
        for t in tasks where t.observed >= .accepted { queueReport(TaskReport(taskID: t.record.id, status: t.record.status)) }
        flushReports(host: host, effects: &effects)
    }

    /// Sends queued reports, one call at a time.
    package mutating func flushReports(host: AgentHost, effects: inout [AgentEffect]) {
        guard !reportInFlight, !reports.isEmpty, host.inSwarm, let manager = manager(on: host) else { return }
        effects.append(.reportStatus(reports, manager: manager))
        reportInFlight = true
        unconfirmed = reports
        reports = []
    }

    /// The dispatcher answered the status call: taken (`accepted`), or not delivered, in which
    /// case the reports go back under anything newer, to go with the next attempt.
    package mutating func reportsAnswered(accepted: Bool, host: AgentHost, effects: inout [AgentEffect]) {
        reportInFlight = false
        if !accepted {
            for r in unconfirmed.reversed() where !reports.contains(where: { $0.taskID == r.taskID }) {
                reports.insert(r, at: 0)
            }
        }
        unconfirmed = []
        if accepted { flushReports(host: host, effects: &effects) }
    }
}
