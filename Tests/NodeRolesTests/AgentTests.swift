import Testing
import SimCore
import Orchestration
@testable import NodeRoles

/// The agent driven on its own: each event in, the effects it asks for out.
@Suite struct AgentTests {
    let me = HostID(0), managerA = HostID(1), managerB = HostID(2)
    var host: AgentHost { AgentHost(id: me, inSwarm: true, knownManagers: [managerA, managerB], runsManager: false) }
    var ids = IDGenerator(random: SeededRandom(seed: 7))

    func agent() -> Agent { Agent(timing: ExecutorTiming(imagePull: .seconds(2), containerStart: .seconds(1))) }

    func task(_ id: String, state: TaskState = .assigned, desired: TaskState = .running) -> TaskRecord {
        var t = TaskRecord(id: id, serviceID: "svc", serviceName: "web", slot: 1, nodeID: "node1", specVersion: 1,
                           spec: TaskTemplate(image: "nginx"),
                           desiredState: desired, status: TaskStatus(state: state, timestamp: .zero, message: ""),
                           createdAt: .zero)
        t.status.state = state
        return t
    }

    /// Which manager each failure in a row leads to: a worker goes round the managers it knows
    /// (itself left out); a manager's agent alternates between its own and the others.
    @Test func theManagerTriedFollowsTheFailures() {
        let managerC = HostID(3)
        let worker = AgentHost(id: me, inSwarm: true, knownManagers: [managerA, me, managerB, managerC], runsManager: false)
        #expect((0..<4).map { Agent.manager(on: worker, failures: $0) } == [managerA, managerB, managerC, managerA])
        let manager = AgentHost(id: me, inSwarm: true, knownManagers: [managerA, me, managerB], runsManager: true)
        #expect((0..<4).map { Agent.manager(on: manager, failures: $0) } == [me, managerB, me, managerB])
        let alone = AgentHost(id: me, inSwarm: true, knownManagers: [me], runsManager: true)
        #expect(Agent.manager(on: alone, failures: 1) == me)
        #expect(Agent.manager(on: AgentHost(id: me, inSwarm: true, knownManagers: [], runsManager: false), failures: 0) == nil)
    }

    @Test mutating func aNewAssignmentIsAcceptedAndWaitsForItsImage() {
        var a = agent(), effects: [AgentEffect] = []
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 1, index: 5), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(effects.map(describe) == [
            "state web.1 accepted", "state web.1 preparing", "wake t1 after 2s",
            "report [t1:preparing] via host1",
        ])
        #expect(a.tasks.map(\.observed) == [.preparing])
        #expect(a.reportInFlight)
    }

    @Test mutating func thePulledImageStartsTheContainerOnTime() {
        var a = agent(), effects: [AgentEffect] = []
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 1, index: 5), now: .zero, host: host, ids: &ids, effects: &effects)
        a.reportsAnswered(accepted: true, host: host, effects: &effects)
        effects = []
        a.step(taskID: "t1", now: SimTime(nanoseconds: 2_000_000_000), host: host, ids: &ids, effects: &effects)
        #expect(effects.map(describe) == ["state web.1 ready", "state web.1 starting", "wake t1 after 1s",
                                          "report [t1:starting] via host1"])
        effects = []
        a.reportsAnswered(accepted: true, host: host, effects: &effects)
        a.step(taskID: "t1", now: SimTime(nanoseconds: 3_000_000_000), host: host, ids: &ids, effects: &effects)
        #expect(effects.map(describe) == ["state web.1 running", "report [t1:running] via host1"])
        #expect(a.runningTasks.map(\.id) == ["t1"])
        #expect(a.runningTask("t1")?.status.containerID != nil)
    }

    @Test mutating func anOlderSetThanTheOneTakenIsIgnored() {
        var a = agent(), effects: [AgentEffect] = []
        a.takeAssignments([], stamp: LeaderStamp(term: 2, index: 1), now: .zero, host: host, ids: &ids, effects: &effects)
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 1, index: 9), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(effects.map(describe) == ["stale 1/9"])
        #expect(a.tasks.isEmpty)
    }

    @Test mutating func aTaskTheStoreSaysRunsButThisEngineLacksHasFailed() {
        var a = agent(), effects: [AgentEffect] = []
        a.takeAssignments([task("t1", state: .running)], stamp: LeaderStamp(term: 1, index: 1), now: .zero, host: host,
                          ids: &ids, effects: &effects)
        #expect(effects.map(describe) == ["report [t1:failed] via host1"])
        #expect(a.tasks.isEmpty)
    }

    @Test mutating func failedReportsGoBackUnderNewerOnes() {
        var a = agent(), effects: [AgentEffect] = []
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 1, index: 1), now: .zero, host: host, ids: &ids, effects: &effects)
        a.reportsAnswered(accepted: false, host: host, effects: &effects)
        #expect(a.reports.map(\.taskID) == ["t1"])
        #expect(!a.reportInFlight)
    }

    @Test func heartbeatsGoToAKnownManagerAndMoveOnAfterAFailure() {
        var a = agent(), effects: [AgentEffect] = []
        var random = SeededRandom(seed: 1)
        a.heartbeatDue(host: host, period: .seconds(5), effects: &effects)
        a.heartbeatDue(host: host, period: .seconds(5), effects: &effects)   // one in flight: nothing
        a.heartbeatFailed(random: &random, effects: &effects)
        a.heartbeatDue(host: host, period: .seconds(5), effects: &effects)
        let calls = effects.compactMap { e -> HostID? in if case .heartbeat(let m, _) = e { m } else { nil } }
        #expect(calls == [managerA, managerB])
        let waits = effects.compactMap { e -> SimDuration? in if case .heartbeatDue(let d) = e { d } else { nil } }
        #expect(waits.count == 1 && waits[0] >= .milliseconds(100) && waits[0] <= .milliseconds(200))
    }

    /// An engine out of any swarm neither heartbeats nor reports; nothing waits on a call.
    @Test mutating func anAgentOutOfTheSwarmCallsNobody() {
        var a = agent(), effects: [AgentEffect] = []
        var outside = host
        outside.inSwarm = false
        a.heartbeatDue(host: outside, period: .seconds(5), effects: &effects)
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 1, index: 1), now: .zero, host: outside, ids: &ids,
                          effects: &effects)
        #expect(!effects.map(describe).contains { $0.hasPrefix("heartbeat") || $0.hasPrefix("report") })
        #expect(!a.heartbeatInFlight && !a.reportInFlight && !a.reports.isEmpty)
        a.heartbeatDue(host: host, period: .seconds(5), effects: &effects)
        a.flushReports(host: host, effects: &effects)
        #expect(effects.map(describe).suffix(2) == ["heartbeat to host1", "report [t1:preparing] via host1"])
    }

    @Test mutating func aNewLeaderTermReportsEveryTaskAgain() {
        var a = agent(), effects: [AgentEffect] = []
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 1, index: 1), now: .zero, host: host, ids: &ids, effects: &effects)
        a.reportsAnswered(accepted: true, host: host, effects: &effects)
        effects = []
        a.heartbeatAccepted(term: 3, host: host, effects: &effects)
        a.heartbeatSettled(period: .seconds(5), host: host, effects: &effects)
        #expect(effects.map(describe) == ["report [t1:preparing] via host1", "heartbeat after 5s"])
        effects = []
        a.heartbeatAccepted(term: 3, host: host, effects: &effects)
        #expect(effects.isEmpty)
    }

    func describe(_ e: AgentEffect) -> String {
        switch e {
        case .heartbeat(let m, _): "heartbeat to host\(m.index)"
        case .reportStatus(let reports, let m):
            "report [\(reports.map { "\($0.taskID):\($0.status.state.name)" }.joined(separator: ", "))] via host\(m.index)"
        case .heartbeatDue(let d): "heartbeat after \(d)"
        case .taskStepDue(let id, let d): "wake \(id) after \(d)"
        case .taskState(let name, _, let state): "state \(name) \(state.name)"
        case .staleAssignments(let s): "stale \(s.term)/\(s.index)"
        }
    }
}
