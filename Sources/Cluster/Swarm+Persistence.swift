import SimCore
import NodeRoles
import SimNetwork

/// The disk under a manager's Raft: how long its writes hold back the messages that depend on
/// them.
///
/// swarmkit's Raft loop (`manager/state/raft/raft.go`, `Run`) saves each `Ready`'s hard state
/// and entries to the WAL, with an fsync, before it sends the `Ready`'s messages; whatever Raft
/// produces meanwhile waits for the next `Ready`, written as one batch when this write ends. So
/// a vote, or an acknowledgement of entries, leaves only once the state it promises is on disk,
/// and writes never queue up: at most one runs and one gathers behind it. `raftPersistLatency`
/// is one write's duration; zero (the default) sends at once, exactly as before the option.
///
/// Simplifications: a `Ready` with nothing to write (heartbeats and their answers) sends at
/// once rather than behind a write in progress (as etcd's leader may, and LogCabin's threads
/// do); and the write delays only the messages: the manager's Raft state, its store and its
/// answers to proposals change at once, as if the write had already ended.
extension Swarm {
    /// Sends `messages` from `host`'s Raft once the `Ready` that produced them is on disk: at
    /// once when it wrote nothing; else when its write ends: a new write when the disk is idle,
    /// the batch gathering behind the write in progress otherwise.
    /// `writes`: how many successive writes persisting this `Ready` takes (1 but for
    /// `SwarmOptions.raftTermWriteFirst`).
    func raftReadyPersisted(_ messages: [RaftMessage], from host: HostID, wrote: Bool, writes: Int = 1) {
        guard wrote, options.raftPersistLatency != .fixed(.zero), let m = hosts[host.index].manager else {
            sendRaftMessages(messages, from: host)
            return
        }
        var done = m.diskBusyUntil
        if m.nextWriteStart <= now {   // no batch gathering yet: start one
            let start = max(now, m.diskBusyUntil)
            done = start + options.raftPersistLatency.sample(&persistRandom)
            for _ in 1..<max(writes, 1) { done = done + options.raftPersistLatency.sample(&persistRandom) }
            hosts[host.index].manager?.nextWriteStart = start
            hosts[host.index].manager?.diskBusyUntil = done
        }
        guard !messages.isEmpty else { return }
        schedule(.raftPersisted(host, incarnation: network.incarnation(host), messages: messages), after: done - now)
    }

    /// Sends Raft messages from `host` to the hosts of their recipients.
    func sendRaftMessages(_ messages: [RaftMessage], from host: HostID) {
        for message in messages {
            if let to = raftDirectory[message.to] { send(.raft(message), from: host, to: to) }
        }
    }
}
