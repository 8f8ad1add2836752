import Testing
import SimCore
@testable import NodeRoles

/// The engine role on its own: where a swarm call goes, from what the host knows of itself.
@Suite struct EngineTests {
    let me = HostID(0), leader = HostID(2)
    let engine = Engine(readsLocally: false, lostQuorumTicks: 10)

    func follower(knows known: HostID?, ticksWithoutLeader: Int = 0) -> EngineHost {
        EngineHost(inSwarm: true, manager: .init(isLeader: false, knownLeader: known, ticksWithoutLeader: ticksWithoutLeader))
    }

    @Test func outsideASwarmOrOnAWorkerACallIsRefused() {
        #expect(engine.call(isWrite: false, on: EngineHost(inSwarm: false, manager: nil)) == .refuse(.notInSwarm))
        #expect(engine.call(isWrite: false, on: EngineHost(inSwarm: true, manager: nil)) == .refuse(.worker))
        #expect(engine.forwarded(on: EngineHost(inSwarm: true, manager: nil), self: me) == .refuse(.worker))
        #expect(engine.forwarded(on: EngineHost(inSwarm: false, manager: nil), self: me) == .refuse(.notInSwarm))
    }

    @Test func theLeaderAnswersAndAFollowerForwardsToTheLeaderItKnows() {
        let leads = EngineHost(inSwarm: true, manager: .init(isLeader: true, knownLeader: me, ticksWithoutLeader: 0))
        #expect(engine.call(isWrite: true, on: leads) == .answerHere)
        #expect(engine.call(isWrite: true, on: follower(knows: leader)) == .forward(to: leader))
        #expect(engine.call(isWrite: false, on: follower(knows: leader)) == .forward(to: leader))
        #expect(engine.forwarded(on: follower(knows: leader), self: me) == .forward(to: leader))
        #expect(engine.forwarded(on: leads, self: me) == .answerHere)
    }

    @Test func localReadsAreAnsweredByAnyManagerButWritesStillGoToTheLeader() {
        let local = Engine(readsLocally: true, lostQuorumTicks: 10)
        #expect(local.call(isWrite: false, on: follower(knows: nil)) == .answerHere)
        #expect(local.call(isWrite: true, on: follower(knows: leader)) == .forward(to: leader))
    }

    @Test func withNoLeaderKnownItPollsUntilQuorumIsLostThenRefuses() {
        #expect(engine.call(isWrite: false, on: follower(knows: nil, ticksWithoutLeader: 3)) == .retry(after: .seconds(1)))
        #expect(engine.call(isWrite: false, on: follower(knows: nil, ticksWithoutLeader: 10)) == .retry(after: .seconds(1)))
        #expect(engine.call(isWrite: false, on: follower(knows: nil, ticksWithoutLeader: 11)) == .refuse(.noLeader))
        // A forwarded call is never held: no leader known, or one that would send it back here.
        #expect(engine.forwarded(on: follower(knows: nil), self: me) == .refuse(.noLeader))
        #expect(engine.forwarded(on: follower(knows: me), self: me) == .refuse(.noLeader))
    }
}
