import SimCore
import Raft
import Orchestration
import Cluster
import ScenarioLanguage

/// Conditions: what `expect`, `wait until` and `measure` wait for, evaluated on the swarm as an
/// all-seeing observer (not as any one node sees it).
extension ScenarioRunner {
    /// Whether `condition` holds now.
    func holds(_ condition: Condition, at s: ScriptStatement) throws(Diagnostic) -> Bool {
        let swarm = try ensureSwarm()
        switch condition {
        case .leader: return swarm.allSeeing.leader != nil
        case .leaderFor(let span): return swarm.allSeeing.leaderSince.map { swarm.now - $0 >= span } ?? false
        case .noLeader: return swarm.allSeeing.leader == nil
        case .leaderIs(let name): return swarm.allSeeing.leader == (try hostID(name, at: s.location))
        case .leaderIn(let names):
            let ids = try names.map { n throws(Diagnostic) in try hostID(n, at: s.location) }
            return swarm.allSeeing.leader.map(ids.contains) ?? false
        case .nodeStatus(let name, let status):
            return swarm.allSeeing.nodeRecord(of: try hostID(name, at: s.location))?.state.rawValue == status.rawValue
        case .nodeAvailability(let name, let availability):
            return swarm.allSeeing.nodeRecord(of: try hostID(name, at: s.location))?.availability.rawValue == availability.rawValue
        case .manager(let name, let role, let term):
            guard let view = swarm.allSeeing.raftView(try hostID(name, at: s.location)) else { return false }
            return (role.map { $0.rawValue == view.role.description } ?? true) && (term.map { $0 == view.term } ?? true)
        case .serviceRunning(let name, let n):
            return runningTasks(of: name) == n
        case .servicesConverged:
            return pendingConvergence().isEmpty
        case .curlAllTasksAnswered, .curlNoFailures, .curlFailures:
            guard lastCurl != nil else {
                throw Diagnostic(at: s.location, length: s.text.count, "'\(describe(condition))' needs a curl statement before it")
            }
            return curlHolds(condition)
        }
    }

    /// A leadership condition with its host names looked up once (nil for any other): it is
    /// read again after every event, and most events of an election leave it false. The same
    /// test as `holds`, and the same error for an unknown name; the leader is read with
    /// `leaderBetweenEvents`, which skips the events that cannot change it.
    func leaderCheck(_ condition: Condition, at s: ScriptStatement) throws(Diagnostic) -> ((Swarm) -> Bool)? {
        switch condition {
        case .leaderIs(let name):
            let id = try hostID(name, at: s.location)
            return { $0.allSeeing.leaderBetweenEvents == id }
        case .leaderIn(let names):
            let ids = try names.map { n throws(Diagnostic) in try hostID(n, at: s.location) }
            return { swarm in swarm.allSeeing.leaderBetweenEvents.map(ids.contains) ?? false }
        default:
            return nil
        }
    }

    /// Runs the swarm until `condition` holds or `limit` passes; returns whether it held.
    func waitFor(_ condition: Condition, within limit: SimDuration, at s: ScriptStatement) throws(Diagnostic) -> Bool {
        let swarm = try ensureSwarm()
        if case .leaderFor(let span) = condition { return waitForLeader(for: span, within: limit, on: swarm) }
        if let check = try leaderCheck(condition, at: s) {
            return swarm.run(until: check, deadline: swarm.now + limit)   // reads it first
        }
        if try holds(condition, at: s) { return true }
        var failure: Diagnostic?
        let held = swarm.run(until: { _ in
            do throws(Diagnostic) { return try self.holds(condition, at: s) } catch { failure = error; return true }
        }, deadline: swarm.now + limit)
        if let failure { throw failure }
        return held
    }

    /// `leader for SPAN` holds at the instant the leader has led for `span`: the clock stops
    /// there, whether an event is due then or not. (Read between events like the other
    /// conditions, it would hold at the first event after that instant, and move with any timer
    /// that happened to be due in between.)
    func waitForLeader(for span: SimDuration, within limit: SimDuration, on swarm: Swarm) -> Bool {
        let deadline = swarm.now + limit
        while true {
            if swarm.allSeeing.leaderSince == nil,
               !swarm.run(until: { $0.allSeeing.leaderSince != nil }, deadline: deadline) { return false }
            guard let since = swarm.allSeeing.leaderSince else { return false }
            let due = since + span
            if due <= swarm.now { return true }
            // Until then (after the first event due then, if any, as for any condition), or until
            // another leader takes office: then again from its start.
            swarm.run(until: { $0.now >= due || $0.allSeeing.leaderSince != since }, deadline: min(due, deadline))
            if swarm.allSeeing.leaderSince != since { continue }
            return swarm.now >= due
        }
    }

    func expect(_ condition: Condition, within: SimDuration?, at s: ScriptStatement) throws(Diagnostic) {
        let swarm = try ensureSwarm()
        let start = swarm.now
        let held = try waitFor(condition, within: within ?? .zero, at: s)
        if held {
            if within != nil, trace.isEnabled {
                var line = TraceLine(time: swarm.now, event: "expect.ok")
                line.field("line", s.location.line)
                line.field("after", swarm.now - start)
                trace.write(line)
            }
            return
        }
        let failure = ExpectationFailure(
            location: s.location, statement: s.text, seen: observed(for: condition), time: swarm.now,
            seed: report.seed,
            rerun: (options.rerunCommand ?? "swarmsim run \(script.file)") + " --seed \(report.seed)")
        report.failure = failure
        emit(failure.rendered)
    }

    /// What the observer saw instead, in words, for a failure report.
    func observed(for condition: Condition) -> String {
        guard let swarm else { return "no swarm" }
        switch condition {
        case .leader, .leaderFor, .noLeader, .leaderIn, .leaderIs, .manager:
            let views = orderedHosts().compactMap { h in swarm.allSeeing.raftView(h).map { (h, $0) } }
            let states = views.map { "\(swarm.name(of: $0.0)) \($0.1.role) t\($0.1.term)" }.joined(separator: ", ")
            var leader = swarm.allSeeing.leader.map { "leader \(swarm.name(of: $0))" } ?? "no leader"
            if case .leaderFor = condition, let since = swarm.allSeeing.leaderSince { leader += " for \(swarm.now - since)" }
            return states.isEmpty ? leader : "\(leader) (\(states))"
        case .nodeStatus(let name, _), .nodeAvailability(let name, _):
            guard let h = hostIDs[name], let r = swarm.allSeeing.nodeRecord(of: h) else { return "node \(name) is not in the swarm" }
            return "node \(name) is \(r.state.rawValue), \(r.availability.rawValue)"
                + (r.stateMessage.isEmpty ? "" : " (\(r.stateMessage))")
        case .serviceRunning(let name, _):
            guard let count = runningTasks(of: name) else { return "no service \(name)" }
            return "service \(name) has \(count) running task\(count == 1 ? "" : "s")"
        case .servicesConverged:
            return "pending: " + pendingConvergence().joined(separator: "; ")
        case .curlNoFailures, .curlFailures:
            guard let c = lastCurl else { return describe(condition) }
            return "\(c.failures) of \(c.failures + c.answered.count) requests failed"
        default:
            return describe(condition)
        }
    }

    /// Running tasks of the service named `name`, as the leader's store records them.
    func runningTasks(of name: String) -> Int? {
        guard let store = swarm?.allSeeing.freshestStore, let service = store.service(named: name) else { return nil }
        return store.tasks(ofService: service.id).filter { $0.status.state == .running && $0.isDesiredRunning }.count
    }

    /// The condition as written.
    func describe(_ condition: Condition) -> String {
        switch condition {
        case .leader: "leader"
        case .leaderFor(let span): "leader for \(span)"
        case .noLeader: "no leader"
        case .leaderIs(let h): "leader is \(h)"
        case .leaderIn(let hs): "leader in \(hs.joined(separator: ","))"
        case .nodeStatus(let n, let s): "node \(n) \(s.rawValue)"
        case .nodeAvailability(let n, let a): "node \(n) \(a.rawValue)"
        case .manager(let h, let r, let t): (["manager", h] + [r?.rawValue, t.map { "term \($0)" }].compactMap { $0 }).joined(separator: " ")
        case .serviceRunning(let s, let n): "service \(s) running \(n)"
        case .servicesConverged: "services converged"
        case .curlAllTasksAnswered: "curl all-tasks-answered"
        case .curlNoFailures: "curl no-failures"
        case .curlFailures(let k): "curl failures <= \(k)"
        }
    }
}
