import SimCore
import NodeRoles
import SimNetwork

/// The disk under a manager's Raft (NodeRoles/Manager+Disk.swift decides when a Ready's
/// messages may leave); the shell draws each write's duration and sends.
extension Swarm {
    /// Sends `messages` from `host`'s Raft once the `Ready` that produced them is on disk
    /// (`Manager.raftOutput`). `raftPersistLatency` is one write's duration; zero (the default)
    /// sends at once, exactly as before the option. `writes`: how many successive writes
    /// persisting this `Ready` takes (1 but for `SwarmOptions.raftTermWriteFirst`).
    func raftReadyPersisted(_ messages: [RaftMessage], from host: HostID, wrote: Bool, writes: Int = 1) {
        guard let m = hosts[host.index].manager else { return sendRaftMessages(messages, from: host) }
        let latency = options.raftPersistLatency
        let output = m.raftOutput(messages, wrote: wrote, now: now, instant: latency == .fixed(.zero),
                                  writeDuration: {
            var total = latency.sample(&persistRandom)
            for _ in 1..<max(writes, 1) { total = total + latency.sample(&persistRandom) }
            return total
        })
        perform(output, ofManagerOn: host)
    }

    /// Sends Raft messages from `host` to the hosts of their recipients.
    func sendRaftMessages(_ messages: [RaftMessage], from host: HostID) {
        for message in messages {
            if let to = raftDirectory[message.to] { send(.raft(message), from: host, to: to) }
        }
    }
}
