import Testing
import SimCore
import Raft
import Orchestration
@testable import NodeRoles

/// A manager announces every term it takes, also one taken without a change of role.
@Suite struct ManagerTermTests {
    @Test func aFollowerThatHearsOfALaterTermAnnouncesItWithoutARoleChange() throws {
        let group = ManagerTests.Group()
        _ = group.deliver(group.tickUntilMessages(0).messages)
        // The leader's messages are lost from now on; one of the others campaigns in term 2.
        var announced: [[String]] = [[], [], []], roleChanges: [[String]] = [[], [], []]
        func note(_ i: Int, _ ready: ManagerReady) {
            announced[i] += ready.announced.map { "\($0.role)@\($0.term)" }
            roleChanges[i] += ready.roleChanges.map { "\($0.role)@\($0.term)" }
        }
        var campaigner: Int?
        for _ in 0..<60 where campaigner == nil {
            group.now = group.now + .seconds(1)
            for m in group.managers { m.tick() }
            _ = group.drain(0)
            for i in 1...2 {
                let ready = group.drain(i)
                note(i, ready)
                if !ready.messages.isEmpty, ready.roleChanges.contains(where: { $0.role == .candidate }) {
                    campaigner = i
                    // Only the other follower hears the requests, one at a time.
                    for message in ready.messages where message.to != 1 {
                        let to = Int(message.to) - 1
                        group.managers[to].receive(message, at: group.now)
                        note(to, group.drain(to))
                    }
                }
            }
        }
        let c = try #require(campaigner)
        let other = 3 - c
        #expect(roleChanges[c] == ["candidate@2"])
        #expect(announced[c] == ["candidate@2"])
        #expect(roleChanges[other] == [])
        #expect(announced[other] == ["follower@2"])
        #expect(group.managers[other].announcedTerm == 2)
    }
}
