import SimCore
import Raft

/// The disk under a manager's Raft: how long its writes hold back the messages that depend on
/// them.
///
/// swarmkit's Raft loop (`manager/state/raft/raft.go`, `Run`) saves each `Ready`'s hard state
/// and entries to the WAL, with an fsync, before it sends the `Ready`'s messages; whatever Raft
/// produces meanwhile waits for the next `Ready`, written as one batch when this write ends. So
/// a vote, or an acknowledgement of entries, leaves only once the state it promises is on disk,
/// and writes never queue up: at most one runs and one gathers behind it. A disk whose writes
/// take no time (the default) sends at once.
///
/// Simplifications: a `Ready` with nothing to write (heartbeats and their answers) sends at
/// once rather than behind a write in progress (as etcd's leader may, and LogCabin's threads
/// do); and the write delays only the messages: the manager's Raft state, its store and its
/// answers to proposals change at once, as if the write had already ended.
extension Manager {
    /// When the `messages` of a Ready may leave: at once when it wrote nothing or the disk is
    /// `instant`; else when its write ends: a new write (of `writeDuration()`, asked only then)
    /// when the disk is idle, the batch gathering behind the write in progress otherwise.
    package func raftOutput(_ messages: [RaftMessage], wrote: Bool, now: SimTime, instant: Bool,
                            writeDuration: () -> SimDuration) -> ManagerEffect {
        guard wrote, !instant else { return .sendRaft(messages) }
        if nextWriteStart <= now {   // no batch gathering yet: start one
            let start = max(now, diskBusyUntil)
            nextWriteStart = start
            diskBusyUntil = start + writeDuration()
        }
        return .sendRaftOnceWritten(messages, at: diskBusyUntil)
    }
}
