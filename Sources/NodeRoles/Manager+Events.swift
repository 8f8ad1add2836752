import SimCore
import Raft
import Orchestration

/// The events a manager answers: a Raft tick, a Raft message, a proposal; and the Ready loop
/// that turns what they caused into effects (etcd's Ready loop: persist, send, apply, advance).
extension Manager {
    /// One Raft tick (swarmkit: every `TickInterval`), and the count of ticks without a leader.
    package func tick() {
        raft.tick()
        if raft.leader == nil { ticksWithoutLeader += 1 } else { ticksWithoutLeader = 0 }
    }

    /// Whether the Ready loop and the role manager have nothing to do after a tick: Raft has no
    /// Ready, this manager does not lead (only a leader reconciles roles or runs leader work),
    /// holds no proposal, needs no snapshot and has no stop to schedule. True after most ticks
    /// of a follower or candidate, whose tick only counts towards its election timeout.
    package var isIdle: Bool {
        !raft.hasReady && raft.role != .leader && proposals.isEmpty && !raft.needsSnapshot
            && !(removedFromRaft && !stopScheduled)
    }

    /// A Raft message from a peer, heard at `now`.
    package func receive(_ message: RaftMessage, at now: SimTime) {
        lastHeard[message.from] = now
        raft.step(message)
    }

    /// Takes every Ready Raft has: hands it to `persist` (the host's disk), applies its
    /// committed entries and advances. `observe` sees each Ready first (the safety monitor);
    /// `check` runs after each applied command (the invariant checker).
    package func drainReady(persist: (StoreReady) -> Void,
                            observe: ((StoreRaft, StoreReady) -> Void)? = nil,
                            check: ((StoreChanges, UInt64, Manager) -> Void)? = nil) -> ManagerReady {
        var out = ManagerReady()
        while raft.hasReady {
            let ready = raft.ready()
            observe?(raft, ready)
            persist(ready)
            out.wrote = out.wrote || ready.hardState != nil || !ready.entries.isEmpty || ready.snapshot != nil
                || ready.compaction != nil
            apply(ready, effects: &out.applied, afterEach: check)
            raft.advance()
            out.messages += ready.messages
            if let role = ready.role {
                out.roleChanges.append((role, raft.term))
                out.announced.append((role, raft.term))
            } else if raft.term != announcedTerm {
                out.announced.append((raft.role, raft.term))   // a new term in the same role
            }
            announcedTerm = raft.term
        }
        return out
    }

    /// After a Ready: the proposals to answer, and a snapshot if the log has grown long.
    package func settle() -> ManagerSettled {
        let (answered, lost) = settleProposals()
        if raft.needsSnapshot { compact() }
        return ManagerSettled(answered: answered, lost: lost)
    }

    /// Whether this manager, removed from Raft, now needs its stop scheduled (once). It keeps
    /// voting for a while: a survivor that has not yet applied the removal may still count this
    /// member and need its vote (configurations apply on commit).
    package func takeStopDue() -> Bool {
        guard removedFromRaft && !stopScheduled else { return false }
        stopScheduled = true
        return true
    }

    /// Records a write proposed on this leader, to be answered once its entry `index` is applied;
    /// `ticket` comes back in `settle`.
    package func waitForApply(_ index: UInt64, ticket: UInt64) {
        proposals.append(PendingProposal(index: index, term: raft.term, ticket: ticket))
    }
}
