import SimCore
import Raft
import Orchestration

extension ManagerRuntime {
    /// Loads a received snapshot and applies committed entries to the store.
    mutating func apply(_ ready: Raft.Ready<StoreCommand, ClusterStore>, effects: inout ApplyEffects,
                        afterEach check: ((StoreCommand, UInt64, ManagerRuntime) -> Void)? = nil) {
        if let snapshot = ready.snapshot, snapshot.index >= appliedIndex {
            store = snapshot.state
            appliedIndex = snapshot.index
            effects.storeChanged = true
        }
        let leading = raft.role == .leader
        for entry in ready.committed where entry.index > appliedIndex {
            switch entry.payload {
            case .command(let command):
                if leading {
                    Swarm.touchedNodes(by: command, in: store, into: &effects.touchedNodes)
                    Swarm.meshServices(touchedBy: command, in: store, into: &effects.meshServices)
                }
                effects.storeChanged = true
                store.apply(command, at: entry.index)
                check?(command, entry.index, self)
                if leading, case .setNodeState(let id, let state, _, _) = command, let node = store.node(id: id) {
                    effects.nodeStates.append((node.hostname, state))
                    if state == .ready { effects.readyNodes.append(id) }
                }
                if leading, case .addNode(let record) = command { effects.addedNodes.append(record.id) }
            case .membership(let change):
                if change.kind == .removeVoter && change.node == raft.id { removedFromRaft = true }
            case .empty:
                break
            }
            appliedIndex = entry.index
        }
    }

    /// Takes out the proposals whose entries are applied, and those a lost leadership strands.
    mutating func settleProposals() -> (answered: [PendingProposal], lost: [PendingProposal]) {
        var waiting: [PendingProposal] = [], answered: [PendingProposal] = [], lost: [PendingProposal] = []
        for p in proposals {
            if appliedIndex >= p.index { answered.append(p) }
            else if raft.role != .leader || raft.term != p.term { lost.append(p) }
            else { waiting.append(p) }
        }
        proposals = waiting
        return (answered, lost)
    }

    /// Snapshots the applied store so Raft can drop old entries.
    mutating func compact() {
        raft.compact(through: appliedIndex, state: store)
    }

    /// Proposes commands, then a membership change if any; returns the last entry's index.
    mutating func propose(_ commands: [StoreCommand], membership: Raft.MembershipChange?) throws(Raft.ProposalError) -> UInt64 {
        var last: UInt64 = 0
        for command in commands { last = try raft.propose(command) }
        if let membership { last = try raft.proposeMembership(membership) }
        return last
    }
}
