import SimCore
import SimNetwork
import Raft
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient
import Report

/// Executes a parsed scenario on a simulated swarm, statement by statement, at the current
/// virtual time.
///
/// Settings that shape the swarm (seed, Raft, dispatcher) take effect when the swarm is built,
/// at the first statement that needs it; network settings apply at once, whenever they come.
public final class ScenarioRunner {
    public let script: Script
    public let options: RunOptions
    let trace: TraceWriter
    /// Receives text as the run produces it (statement echoes, outputs, failures).
    let emit: (String) -> Void

    var swarmOptions = SwarmOptions()
    var swarm: Swarm?
    var hostIDs: [String: HostID] = [:]
    var nextAddress = IPv4Address(192, 168, 0, 10)
    var report: RunReport
    var currentStatement = 0
    /// Names given to services created without `--name`.
    var namesGiven = 0
    /// What the last `curl` saw.
    var lastCurl: CurlRecord?
    /// `pendingConvergence()`'s last answer and the leader's store it was read from.
    var convergenceMemo: (stamp: ClusterObserver.StoreStamp, pending: [String])?
    /// Hosts in the order they were declared (the order of every picture and lane).
    var declaredHosts: [HostID] = []
    /// Records the run for `--report`, when `options.recordTimeline` is on.
    var recorder: TimelineRecorder?
    var started = false
    /// How many statements `run(_:)` has run (their outputs are keyed by this count).
    var statementsRun = 0
    /// Draws `wait 10ms..75ms` (see `ScenarioRunner+Timing.swift`).
    var waitRandom = SeededRandom(seed: 0)
    /// The files `file` statements declare, and the scenario's directory for the rest.
    var files = ScenarioFiles(directory: nil)
    /// `raft election-timeout` written in time, turned into ticks when the swarm is built.
    var electionTimeoutInTime: (lo: SimDuration, hi: SimDuration, at: ScriptStatement)?
    /// The language the last `lang` statement run set (English before any).
    var fileLanguage = Language.en
    /// The language of the pictures now: `options.language`, else the file's.
    public var language: Language { options.language ?? fileLanguage }

    public init(script: Script, options: RunOptions = RunOptions(), trace: TraceWriter = .disabled(),
                emit: @escaping (String) -> Void = { _ in }) {
        self.script = script
        self.options = options
        self.trace = trace
        self.emit = emit
        // The seed is the file's unless the command line overrides it (settings are read first).
        var seed: UInt64 = 1
        for s in script.statements { if case .setting(let st) = s.statement, st.key == .seed, case .seed(let v) = st.value { seed = v } }
        if let override = options.seed { seed = override }
        swarmOptions.seed = seed
        waitRandom = Self.waitStream(seed: seed)
        files = ScenarioFiles(directory: options.fileDirectory ?? ScenarioFiles.directory(of: script.file))
        report = RunReport(seed: seed)
        if options.recordTimeline { recorder = TimelineRecorder(title: script.file, seed: seed, heading: options.lessonTitle) }
    }

    /// Runs every statement, stopping at the first failed expectation or error.
    public func run() -> RunReport {
        start()
        for (index, statement) in script.statements.enumerated() {
            currentStatement = index
            do {
                try execute(statement)
            } catch {
                report.error = error
                recordEnd(.error(error.message))
                break
            }
            recordEnd(report.failure.map { .failed($0.seen) } ?? .ok)
            if report.failure != nil { break }
        }
        return finish()
    }

    // MARK: Statement by statement

    /// Starts a run that goes statement by statement (the shell's way in): writes the trace
    /// header. `run()` and `run(_:)` call it themselves; calling it again does nothing.
    public func start() {
        guard !started else { return }
        started = true
        writeHeader()
    }

    /// Runs one more statement at the current virtual time, after everything run so far, and
    /// says what it printed and how it ended. Nothing stops here: after a failed expectation or
    /// an error the caller may run more statements. `report.failure` keeps the first failure.
    ///
    /// The statement need not be in `script`: the shell parses each line it reads and runs
    /// what is new. `run()` is `start()`, this for each statement in order (stopping at the
    /// first failure or error), then `finish()`.
    public func run(_ statement: ScriptStatement) -> StatementResult {
        start()
        let firstFailure = report.failure
        report.failure = nil
        currentStatement = statementsRun
        statementsRun += 1
        var result = StatementResult()
        do {
            try execute(statement)
        } catch {
            result.error = error
        }
        result.output = report.outputs[currentStatement] ?? ""
        result.failure = report.failure
        recordEnd(result.error.map { .error($0.message) } ?? result.failure.map { .failed($0.seen) } ?? .ok)
        report.failure = firstFailure ?? report.failure
        return result
    }

    /// The report of the run so far: end time, safety violations and the timeline as of now.
    /// Flushes the trace. Running more statements afterwards is allowed.
    public func finish() -> RunReport {
        if let swarm {
            report.endTime = swarm.now
            report.violations = swarm.allSeeing.violations
        }
        report.timeline = recorder?.timeline(end: swarm?.now ?? .zero)
        trace.flush()
        return report
    }

    /// Whether the swarm has been built (by a `hosts` statement or anything that needs it):
    /// settings that shape it, such as `seed`, no longer take effect.
    public var hasSwarm: Bool { swarm != nil }

    /// The virtual time now.
    public var now: SimTime { swarm?.now ?? .zero }

    /// The seed of this run.
    public var seed: UInt64 { report.seed }

    // MARK: Statements

    func execute(_ s: ScriptStatement) throws(Diagnostic) {
        let now = swarm?.now ?? .zero
        if isEchoed(s.statement) { emit("[\(now)] \(s.text)\n") }
        traceStatement(s)
        recorder?.statement(s, at: now)
        let out = try perform(s)
        if !out.isEmpty {
            report.outputs[currentStatement] = out
            recorder?.output(out)
            emit(out)
        }
    }

    /// Whether a statement is echoed (`[time] text`) before it runs, under the run's options.
    func isEchoed(_ statement: Statement) -> Bool {
        switch statement {
        case .setting, .hosts, .say: return false  // a narration's text is its own echo
        case .partition, .isolate, .heal, .crash, .restart, .cut, .link: return options.echoStatements || options.echoFaults
        case .expect: return options.echoStatements && options.echoExpectations
        default: return options.echoStatements
        }
    }

    /// Runs one statement and returns its output ("" when it prints nothing).
    func perform(_ s: ScriptStatement) throws(Diagnostic) -> String {
        switch s.statement {
        case .setting(let setting):
            try apply(setting, at: s)
        case .hosts(let declarations):
            try declare(declarations)
        case .docker(let host, let command):
            return try docker(try DockerCLI.parseOrThrow(command), on: try hostID(host, at: s.location))
        case .pipedDocker(let host, let input, let command): return try pipedDocker(host, input, command, at: s)
        case .file(let name, let contents): files.declare(name, Array(contents.utf8))
        case .wait(let d):
            let swarm = try ensureSwarm()
            swarm.run(until: swarm.now + d)
        case .waitRandom(let lo, let hi):
            let swarm = try ensureSwarm()
            swarm.run(until: swarm.now + drawWait(lo, hi))
        case .waitUntil(let condition, let timeout):
            _ = try ensureSwarm()
            let limit = timeout ?? .seconds(60)
            if !(try waitFor(condition, within: limit, at: s)) {
                return "timed out after \(limit) waiting for \(describe(condition))\n"
            }
        case .partition, .isolate, .heal, .crash, .restart, .cut:
            try injectFault(s)
        case .link(let change):
            try link(change, at: s)
        case .say(let words):
            return try words.map { w throws(Diagnostic) in try w.expanded(variable) }.joined(separator: " ") + "\n"
        case .show(let target):
            return try show(target)
        case .curl(let request):
            return try curl(request, at: s)
        case .expect(let condition, let within):
            try expect(condition, within: within, at: s)
        case .measure(let name, let condition, let timeout):
            return try measure(name, until: condition, timeout: timeout, at: s)
        case .image, .fail:
            return try workload(s)
        }
        return ""
    }

    /// `partition`, `isolate`, `heal`, `crash`, `restart` and `cut`: faults on the swarm's hosts and links.
    func injectFault(_ s: ScriptStatement) throws(Diagnostic) {
        let swarm = try ensureSwarm()
        switch s.statement {
        case .partition(let groups):
            swarm.partition(try groups.map { g throws(Diagnostic) in try g.map { n throws(Diagnostic) in try hostID(n, at: s.location) } })
        case .isolate(let names):
            for n in names { swarm.isolate(try hostID(n, at: s.location)) }
        case .heal:
            swarm.heal()
        case .crash(let names):
            for n in names { swarm.crash(try hostID(n, at: s.location)) }
        case .restart(let names):
            for n in names { swarm.restart(try hostID(n, at: s.location)) }
        case .cut(let from, let to, let entriesOnly):
            swarm.cut(from: try hostID(from, at: s.location), to: try hostID(to, at: s.location), entriesOnly: entriesOnly)
        default:
            break
        }
    }

    /// `measure NAME until CONDITION`: records how long the condition took to hold.
    func measure(_ name: String, until condition: Condition, timeout: SimDuration?, at s: ScriptStatement) throws(Diagnostic) -> String {
        let swarm = try ensureSwarm()
        let start = swarm.now
        let held = try waitFor(condition, within: timeout ?? .seconds(600), at: s)
        let took: SimDuration? = held ? swarm.now - start : nil
        report.measures.append((name, took))
        return "\(name): \(took.map { $0.decimalSeconds(digits: 3) + "s" } ?? "timed out")\n"
    }

    // MARK: Settings and hosts

    func apply(_ setting: Setting, at s: ScriptStatement) throws(Diagnostic) {
        switch (setting.key, setting.value) {
        case (.seed, _):
            return   // read before the run starts
        case (.language, .choice(let c)):
            fileLanguage = Language(rawValue: c) ?? .en
            return
        case (.networkLatency, .latency(let spec)):
            swarmOptions.link.latency = spec.latency
            swarm?.setDefaultLink(swarmOptions.link)
            return
        case (.networkLoss, .probability(let p)):
            swarmOptions.link.loss = p
            swarm?.setDefaultLink(swarmOptions.link)
            return
        case (.networkDuplication, .probability(let p)):
            swarmOptions.link.duplication = p
            swarm?.setDefaultLink(swarmOptions.link)
            return
        default:
            break
        }
        guard swarm == nil else {
            throw Diagnostic(at: s.location, length: s.text.count,
                             "'\(setting.key.rawValue)' must come before the first hosts statement",
                             hint: "move it to the top of the file: it shapes the swarm when it is built")
        }
        switch (setting.key, setting.value) {
        case (.raftTick, .duration(let d)): swarmOptions.raftTick = d
        case (.raftElectionTicks, .count(let n)):
            swarmOptions.raft.electionTicks = n
            swarmOptions.raft.electionTimeoutRange = nil   // the later of the two settings holds
            electionTimeoutInTime = nil
        case (.raftHeartbeatTicks, .count(let n)): swarmOptions.raft.heartbeatTicks = n
        case (.raftPreVote, .toggle(let on)): swarmOptions.raft.preVote = on
        case (.raftCheckQuorum, .toggle(let on)): swarmOptions.raft.checkQuorum = on
        case (.raftElectionTimer, .choice(let c)): swarmOptions.raft.paperTimers = c == "paper"
        case (.raftSnapshotInterval, .count(let n)): swarmOptions.raft.snapshotInterval = UInt64(n)
        case (.dispatcherHeartbeat, .duration(let d)): swarmOptions.dispatcherHeartbeat = d
        case (.swarmReads, .choice(let c)): swarmOptions.reads = c == "local" ? .local : .leader
        case (.taskPullTime, .duration(let d)): swarmOptions.imagePullTime = d
        case (.taskStartTime, .duration(let d)): swarmOptions.containerStartTime = d
        case (.meshBalance, .choice(let c)): swarmOptions.meshBalance = c == "local-first" ? .localFirst : .roundRobin
        case (.meshPropagation, .duration(let d)): swarmOptions.meshPropagation = d
        case (.raftElectionTimeout, _), (.raftPersistLatency, _), (.raftTickJitter, _), (.raftTermWrite, _): try applyRaftTiming(setting, at: s)
        default:
            throw Diagnostic(at: s.location, length: s.text.count, "'\(setting.key.rawValue)' cannot take this value")
        }
        if electionTimeoutInTime == nil, let problem = swarmOptions.raft.problem {
            throw Diagnostic(at: s.location, length: s.text.count, problem)
        }
    }

    func declare(_ declarations: [HostDeclaration]) throws(Diagnostic) {
        let swarm = try ensureSwarm()
        for d in declarations {
            let address = d.ip ?? nextAddress
            let text = address.description
            if swarm.host(named: text) != nil {
                throw Diagnostic(at: d.location, length: d.name.count, "address \(text) is already taken",
                                 hint: "give this host another ip=")
            }
            nextAddress = IPv4Address(max(nextAddress.value, address.value) + 1)
            var labels = Labels()
            for l in d.labels { labels[l.key] = l.value }
            let id = swarm.addHost(name: d.name, address: text, nanoCPUs: d.nanoCPUs ?? 1_000_000_000,
                                   memoryBytes: d.memoryBytes ?? 1 << 31, labels: labels)
            hostIDs[d.name] = id
            declaredHosts.append(id)
            recorder?.addLane(d.name)
        }
    }

    func ensureSwarm() throws(Diagnostic) -> Swarm {
        if let swarm { return swarm }
        try resolveElectionTimeout()
        let s = Swarm(options: swarmOptions, trace: swarmTrace())
        s.traceMessages = options.traceMessages || recorder != nil
        s.safety.isEnabled = options.checkSafety
        if recorder != nil {
            s.observer = { [weak self] time, notification in
                guard let self, let swarm = self.swarm else { return }
                self.recorder?.record(notification, at: time, in: swarm)
            }
        }
        s.invariants.isEnabled = options.checkSafety
        swarm = s
        return s
    }

    func hostID(_ name: String, at location: SourceLocation) throws(Diagnostic) -> HostID {
        guard let id = hostIDs[name] else {
            throw Diagnostic(at: location, length: name.count, "unknown host '\(name)'")
        }
        return id
    }

    func orderedHosts() -> [HostID] { declaredHosts }

    func link(_ change: LinkChange, at s: ScriptStatement) throws(Diagnostic) {
        let swarm = try ensureSwarm()
        let a = try hostID(change.from, at: s.location), b = try hostID(change.to, at: s.location)
        let pairs = change.bothDirections ? [(a, b), (b, a)] : [(a, b)]
        for (from, to) in pairs {
            switch change.action {
            case .reset:
                swarm.setLink(from: from, to: to, nil)
            case .set(let p):
                var profile = swarm.network.link(from: from, to: to)
                if let l = p.latency { profile.latency = l.latency }
                if let loss = p.loss { profile.loss = loss }
                if let d = p.duplication { profile.duplication = d }
                swarm.setLink(from: from, to: to, profile)
            }
        }
    }

    /// `$WORKER_TOKEN`, `$MANAGER_TOKEN`, `$ID_<host>` (a node ID), `$LEADER` (a hostname).
    func variable(_ name: String) -> String? {
        guard let swarm else { return nil }
        switch name {
        case "WORKER_TOKEN": return swarm.allSeeing.joinToken(.worker)
        case "MANAGER_TOKEN": return swarm.allSeeing.joinToken(.manager)
        case "LEADER": return swarm.allSeeing.leader.map(swarm.name(of:))
        case "UNLOCK_KEY": return swarm.unlockKey ?? ""
        default:
            if name.hasPrefix("ID_"), let h = hostIDs[String(name.dropFirst(3))] { return swarm.nodeID(of: h) }
            return nil
        }
    }

    // MARK: Trace

    func writeHeader() {
        guard trace.isEnabled else { return }
        var line = TraceLine(header: "header")
        line.field("tool", "swarmsim")
        line.field("version", SimCore.version)
        line.field("scenario", script.file)
        line.field("seed", report.seed)
        line.field("trace_messages", options.traceMessages)
        trace.write(line)
    }

    func traceStatement(_ s: ScriptStatement) {
        guard trace.isEnabled else { return }
        var line = TraceLine(time: swarm?.now ?? .zero, event: "statement")
        line.field("line", s.location.line)
        line.field("text", s.text)
        trace.write(line)
    }
}
