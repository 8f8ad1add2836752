import Testing
import SimCore
import Raft
import Orchestration
@testable import NodeRoles

/// The manager role driven on its own: three managers, their Raft messages handed from one to
/// another by the test, no swarm and no network.
@Suite struct ManagerTests {
    typealias Role = Manager

    /// Three managers of one Raft group (IDs 1, 2, 3), each with its own disk.
    final class Group {
        var managers: [Role]
        var disks: [RaftDisk]
        var now = SimTime.zero
        /// The tickets of the proposals each manager answered, as applied or as lost, in order.
        var answered: [[UInt64]] = [[], [], []], lost: [[UInt64]] = [[], [], []]

        init() {
            let config = Raft.Config()
            managers = (1...3).map { id in
                Role(raft: StoreRaft(id: UInt64(id), voters: [1, 2, 3], config: config, random: SeededRandom(seed: UInt64(id))),
                     store: ClusterStore())
            }
            disks = Array(repeating: RaftDisk(), count: 3)
        }

        /// Drains manager `i`'s Ready onto its disk, then settles its proposals, as the shell does.
        func drain(_ i: Int) -> ManagerReady {
            let ready = managers[i].drainReady(persist: { self.disks[i].persist($0) })
            let settled = managers[i].settle()
            answered[i] += settled.answered.map(\.ticket)
            lost[i] += settled.lost.map(\.ticket)
            return ready
        }

        /// Delivers every message until none is left, but those to `cut` (lost); returns each
        /// manager's role changes.
        func deliver(_ first: [RaftMessage], cut: UInt64? = nil) -> [[Raft.Role]] {
            var queue = first, roles: [[Raft.Role]] = [[], [], []]
            while !queue.isEmpty {
                let message = queue.removeFirst()
                if message.to == cut { continue }
                let i = Int(message.to) - 1
                managers[i].receive(message, at: now)
                let ready = drain(i)
                roles[i] += ready.roleChanges.map(\.role)
                queue += ready.messages
            }
            return roles
        }

        /// Ticks manager `i` once a second until its Ready carries messages; returns them.
        func tickUntilMessages(_ i: Int) -> ManagerReady {
            for _ in 0..<100 {
                now = now + .seconds(1)
                managers[i].tick()
                let ready = drain(i)
                if !ready.messages.isEmpty { return ready }
            }
            return ManagerReady()
        }
    }

    @Test func aManagerThatTimesOutCampaignsAndWinsWithTheOthersVotes() {
        let group = Group()
        let campaign = group.tickUntilMessages(0)
        #expect(campaign.roleChanges.map(\.role) == [.candidate])
        #expect(campaign.roleChanges.map(\.term) == [1])
        #expect(campaign.wrote)   // the term and the vote for itself are on disk before the requests leave
        #expect(campaign.messages.map(\.to).sorted() == [2, 3])
        #expect(group.managers[0].ticksWithoutLeader >= 10)

        let roles = group.deliver(campaign.messages)
        #expect(roles[0] == [.leader])
        #expect(group.managers.map(\.raft.leader) == [1, 1, 1])
        #expect(group.managers.map(\.raft.term) == [1, 1, 1])
        #expect(group.managers[1].lastHeard[1] == group.now)

        group.managers[1].tick()
        #expect(group.managers[1].ticksWithoutLeader == 0)
    }

    @Test func aProposalIsAnsweredOnceItsEntryIsAppliedAndNotBefore() throws {
        let group = Group()
        _ = group.deliver(group.tickUntilMessages(0).messages)
        let leader = group.managers[0]
        let cluster = ClusterRecord(id: "c", workerToken: "W", managerToken: "M", createdAt: .zero)
        let index = try leader.propose([.createCluster(cluster)], membership: nil)
        leader.waitForApply(index, ticket: 7)
        let ready = group.drain(0)
        #expect(ready.messages.count == 2)   // the entry, to each follower
        #expect(leader.store.cluster == nil)
        #expect(group.answered[0].isEmpty)
        #expect(leader.proposals.count == 1)

        // The followers' acknowledgements commit it; the leader applies it and answers.
        _ = group.deliver(ready.messages)
        #expect(leader.store.cluster?.id == "c")
        #expect(leader.appliedIndex == index)
        #expect(group.answered[0] == [7])
        #expect(group.lost[0].isEmpty)
        #expect(leader.proposals.isEmpty)
    }

    @Test func aProposalStrandedByALostLeadershipIsAnsweredAsLost() throws {
        let group = Group()
        _ = group.deliver(group.tickUntilMessages(0).messages)
        let leader = group.managers[0]
        let index = try leader.propose([.setUnlockKey(nil, at: .zero)], membership: nil)
        leader.waitForApply(index, ticket: 8)
        _ = group.drain(0)   // its messages are lost: the followers never hear of the entry

        // Everything the old leader sends from now on is lost too; another manager wins.
        var winner: Int?
        for _ in 0..<60 where winner == nil {
            group.now = group.now + .seconds(1)
            for m in group.managers { m.tick() }
            _ = group.drain(0)
            for i in 1...2 { _ = group.deliver(group.drain(i).messages) }
            winner = (1...2).first { group.managers[$0].raft.role == .leader }
        }
        #expect(winner != nil)
        #expect(leader.raft.role == .follower)
        #expect(group.lost[0] == [8])
        #expect(group.answered[0].isEmpty)
        #expect(leader.proposals.isEmpty)
    }

    /// An entry is named by its index and its term: a leader that proposed at index i, lost
    /// leadership and then applied another leader's entry at i did not write what it was asked
    /// to. Its writer hears the lost-leadership error, as swarmkit's waiter, keyed by the
    /// request ID inside the entry, is cancelled rather than triggered.
    @Test func aProposalWhoseIndexAnotherLeaderFilledIsAnsweredAsLost() throws {
        let group = Group()
        _ = group.deliver(group.tickUntilMessages(0).messages)
        let old = group.managers[0]
        let index = try old.propose([.setUnlockKey(nil, at: .zero)], membership: nil)
        old.waitForApply(index, ticket: 9)
        _ = group.drain(0)   // the entry never leaves: manager 1 is cut off from here on

        // Managers 2 and 3 elect one of them; nothing reaches manager 1 meanwhile.
        var winner: Int?
        for _ in 0..<60 where winner == nil {
            group.now = group.now + .seconds(1)
            for i in 1...2 {
                group.managers[i].tick()
                _ = group.deliver(group.drain(i).messages, cut: 1)
            }
            winner = (1...2).first { group.managers[$0].raft.role == .leader }
        }
        let leader = try #require(winner.map { group.managers[$0] })
        #expect(leader.raft.commitIndex >= index)
        let theirs = leader.raft.entries(from: index, through: index)
        #expect(theirs.map(\.term) == [leader.raft.term])

        // The new leader's append reaches manager 1 with its commit index: manager 1 follows,
        // replaces its entry at `index` with the new leader's and applies it, in one Ready.
        let append = RaftMessage(from: leader.raft.id, to: 1, term: leader.raft.term,
                                 kind: .append(prevIndex: index - 1, prevTerm: old.raft.term(at: index - 1) ?? 0,
                                               entries: theirs, commit: index))
        old.receive(append, at: group.now)
        _ = group.drain(0)
        #expect(old.raft.role == .follower)
        #expect(old.appliedIndex >= index)
        #expect(group.answered[0].isEmpty)
        #expect(group.lost[0] == [9])
        #expect(old.proposals.isEmpty)
    }
}
