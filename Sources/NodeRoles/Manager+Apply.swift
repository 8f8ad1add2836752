import SimCore
import Raft
import Orchestration

extension Manager {
    /// Loads a received snapshot and applies committed entries to the store.
    package func apply(_ ready: StoreReady, effects: inout ApplyEffects,
                       afterEach check: ((StoreChanges, UInt64, Manager) -> Void)? = nil) {
        if let snapshot = ready.snapshot, snapshot.index >= appliedIndex {
            store = snapshot.state
            appliedIndex = snapshot.index
            effects.storeChanged = true
        }
        let leading = raft.role == .leader
        for entry in ready.committed where entry.index > appliedIndex {
            switch entry.payload {
            case .command(let command):
                effects.storeChanged = true
                let changes = store.apply(command, at: entry.index)
                check?(changes, entry.index, self)
                if leading { effects.note(changes, in: store) }
            case .membership(let change):
                if change.kind == .removeVoter && change.node == raft.id { removedFromRaft = true }
            case .empty:
                break
            }
            appliedIndex = entry.index
        }
    }

    /// Takes out the proposals whose entries are applied, and those a lost leadership strands.
    /// An entry is its index and its term: a proposal is answered only if the entry applied at
    /// its index has its term. Another leader's entry there means this write never happened
    /// (swarmkit waits on the request ID inside the entry, and cancels on leadership loss);
    /// so does an index a snapshot covered, whose entries this manager never applied.
    package func settleProposals() -> (answered: [PendingProposal], lost: [PendingProposal]) {
        var waiting: [PendingProposal] = [], answered: [PendingProposal] = []
        var lost: [PendingProposal] = []
        for p in proposals {
            if appliedIndex >= p.index {
                if raft.term(at: p.index) == p.term { answered.append(p) } else { lost.append(p) }
            } else if raft.role != .leader || raft.term != p.term { lost.append(p) }
            else { waiting.append(p) }
        }
        proposals = waiting
        return (answered, lost)
    }

    /// Snapshots the applied store so Raft can drop old entries.
    package func compact() {
        raft.compact(through: appliedIndex, state: store)
    }

    /// Proposes commands, then a membership change if any; returns the last entry's index.
    package func propose(_ commands: [StoreCommand], membership: Raft.MembershipChange?) throws(Raft.ProposalError) -> UInt64 {
        var last: UInt64 = 0
        for command in commands { last = try raft.propose(command) }
        if let membership { last = try raft.proposeMembership(membership) }
        return last
    }
}
