import Testing
import SimCore
import Orchestration
@testable import NodeRoles

/// A cluster forced anew starts from its recovered manager's term, which may be lower than what
/// an agent and its node's mesh took from the earlier leaders.
@Suite struct SessionTermTests {
    let host = AgentHost(id: HostID(0), inSwarm: true, knownManagers: [HostID(1)], runsManager: false)

    func task(_ id: String) -> TaskRecord {
        TaskRecord(id: id, serviceID: "svc", serviceName: "web", slot: 1, nodeID: "node1", specVersion: 1,
                   spec: TaskTemplate(image: "nginx"), desiredState: .running,
                   status: TaskStatus(state: .assigned, timestamp: .zero, message: ""), createdAt: .zero)
    }

    @Test("sets of a lower term are stale, until a leader of that term answers a heartbeat")
    func lowerTermSessionIsFollowed() {
        var ids = IDGenerator(random: SeededRandom(seed: 3))
        var a = Agent(timing: ExecutorTiming(imagePull: .seconds(1), containerStart: .seconds(1)))
        var effects: [AgentEffect] = []
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 7, index: 40), now: .zero, host: host, ids: &ids, effects: &effects)
        a.takeAssignments([task("t2")], stamp: LeaderStamp(term: 4, index: 90), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t1"])
        a.heartbeatAccepted(term: 4, host: host, effects: &effects)
        a.takeAssignments([task("t2")], stamp: LeaderStamp(term: 4, index: 90), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t2"])
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 3, index: 99), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t2"])
    }

    @Test("within a term, only the sets of the leader the session follows count")
    func sameTermOtherLeaderIsAnotherCluster() {
        var ids = IDGenerator(random: SeededRandom(seed: 3))
        var a = Agent(timing: ExecutorTiming(imagePull: .seconds(1), containerStart: .seconds(1)))
        var effects: [AgentEffect] = []
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 2, index: 450, leader: 5), now: .zero, host: host, ids: &ids, effects: &effects)
        // The forced cluster's leader of the same term, further behind: held back until a
        // heartbeat shows the session follows it.
        a.takeAssignments([task("t2")], stamp: LeaderStamp(term: 2, index: 318, leader: 9), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t1"])
        a.heartbeatAccepted(term: 2, leader: 9, host: host, effects: &effects)
        a.takeAssignments([task("t2")], stamp: LeaderStamp(term: 2, index: 318, leader: 9), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t2"])
        // A late set of the earlier cluster's leader of that term, though further along: stale.
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 2, index: 460, leader: 5), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t2"])
        a.takeAssignments([task("t3")], stamp: LeaderStamp(term: 3, index: 10, leader: 5), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t3"])
    }
    @Test("a set refused before the session followed its leader is taken once it does")
    func refusedSetIsTakenWhenTheSessionFollowsItsLeader() {
        var ids = IDGenerator(random: SeededRandom(seed: 3))
        var a = Agent(timing: ExecutorTiming(imagePull: .seconds(1), containerStart: .seconds(1)))
        var effects: [AgentEffect] = []
        a.takeAssignments([task("t1")], stamp: LeaderStamp(term: 7, index: 40, leader: 5), now: .zero, host: host, ids: &ids, effects: &effects)
        // The forced cluster's leader sends its set before its answer to the heartbeat: refused,
        // and kept (a later, older set of that leader does not replace it).
        a.takeAssignments([task("t2")], stamp: LeaderStamp(term: 2, index: 198, leader: 9), now: .zero, host: host, ids: &ids, effects: &effects)
        a.takeAssignments([task("t3")], stamp: LeaderStamp(term: 2, index: 158, leader: 9), now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t1"])
        // A session with another leader does not take it.
        a.heartbeatAccepted(term: 2, leader: 8, host: host, effects: &effects)
        a.takeRefusedAssignments(now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t1"])
        a.heartbeatAccepted(term: 2, leader: 9, host: host, effects: &effects)
        a.takeRefusedAssignments(now: .zero, host: host, ids: &ids, effects: &effects)
        #expect(a.tasks.map(\.record.id) == ["t2"])
        #expect(a.assignments == LeaderStamp(term: 2, index: 198, leader: 9))
        #expect(a.refused == nil)
    }
}
