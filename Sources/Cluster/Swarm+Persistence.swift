import SimCore
import SimNetwork

/// The disk under a manager's Raft: how long its writes hold back the messages that depend on
/// them.
///
/// swarmkit's Raft loop (`manager/state/raft/raft.go`, `Run`) saves each `Ready`'s hard state
/// and entries to the WAL, with an fsync, before it sends the `Ready`'s messages; the loop does
/// nothing else meanwhile. So a vote, or an acknowledgement of entries, leaves only once the
/// state it promises is on disk, and a `Ready` with nothing to write (a heartbeat's answer)
/// still waits behind a write in progress. `raftPersistLatency` is that write's duration; zero
/// (the default) sends at once, exactly as before the option existed.
///
/// Simplification: the write delays only the messages. The manager's Raft state, its applied
/// store and its answers to proposals change at once, as if the write had already ended.
extension Swarm {
    /// Sends `messages` from `host`'s Raft once the `Ready` that produced them is on disk:
    /// at once when nothing is to be written and the disk is idle, else when the write (drawn
    /// from `raftPersistLatency`, started when the previous one ends) finishes.
    func raftReadyPersisted(_ messages: [RaftMessage], from host: HostID, wrote: Bool) {
        if options.raftPersistLatency == .fixed(.zero) {
            sendRaftMessages(messages, from: host)
            return
        }
        guard let busyUntil = hosts[host.index].manager?.diskBusyUntil else { return }
        var done = max(now, busyUntil)
        if wrote { done = done + options.raftPersistLatency.sample(&persistRandom) }
        hosts[host.index].manager?.diskBusyUntil = done
        guard !messages.isEmpty else { return }
        if done == now {
            sendRaftMessages(messages, from: host)
        } else {
            schedule(.raftPersisted(host, incarnation: network.incarnation(host), messages: messages), after: done - now)
        }
    }

    /// Sends Raft messages from `host` to the hosts of their recipients.
    func sendRaftMessages(_ messages: [RaftMessage], from host: HostID) {
        for message in messages {
            if let to = raftDirectory[message.to] { send(.raft(message), from: host, to: to) }
        }
    }
}
