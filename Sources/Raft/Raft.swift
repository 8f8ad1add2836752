import SimCore

/// Raft: consensus for the managers of a swarm, as a pure state machine.
///
/// Each manager runs one `RaftNode`. The node never reads a clock, touches a network or a disk:
/// the shell (module Cluster) feeds it logical clock ticks (`tick()`) and messages from peers
/// (`step(_:)`), proposes commands (`propose(_:)`), and then collects a `Raft.Ready` — hard
/// state and entries to persist, messages to send, committed entries to apply — and
/// acknowledges it with `advance()`. This is the shape of etcd's raft (`raft.go`,
/// `rawnode.go`), which swarmkit (`manager/state/raft/raft.go`) drives in the same way.
///
/// The rules are the Raft paper's (Ongaro and Ousterhout, "In Search of an Understandable
/// Consensus Algorithm", 2014): §5.2 leader election with randomized timeouts, §5.3 log
/// replication with the consistency check, §5.4 safety (the up-to-date vote check and
/// committing only entries of the leader's own term), §7 log compaction by snapshots; from
/// Ongaro's thesis (2014): §4 single-server membership changes, §9.6 PreVote, and the
/// CheckQuorum leader lease (§6.2) as etcd implements it.
///
/// What swarmkit sets, this module defaults to (`Raft.Config`): election after 10 ticks
/// (randomized in [10, 20)), heartbeat every tick, CheckQuorum on, PreVote off, a snapshot every
/// 10,000 entries keeping 500 for slow followers.
///
/// `Raft.SafetyChecker` watches a group of nodes and reports any breach of the paper's safety
/// properties (Figure 3); `Raft.Convergence` says what is still pending once faults stop.
public enum Raft {}

extension Raft {
    /// A member's Raft ID. swarmkit draws these as random `uint64`s; 0 is never a valid ID.
    public typealias NodeID = UInt64
}
