import SimCore
import Prefetch

extension Swarm {
    /// Bytes of a host, from its start, that an agent's heartbeat and its answer read (`Host`
    /// puts them first).
    static let hostBytesPrefetched = 384

    /// Starts loading what `event` will read of its host, while the loop takes it from the
    /// queue: in a swarm of thousands of nodes a host's lines are in no cache by the time its
    /// agent heartbeats again, and a heartbeat waited for each line in turn. A hint only: it
    /// changes nothing.
    @inline(__always)
    func prefetch(for event: borrowing SwarmEvent) {
        let host: HostID
        switch event {
        case .heartbeatDue(let h, _): host = h
        default: return
        }
        // The host's address, read as a word of the table: taking the reference would retain
        // the host, a write to its first line, and wait for it.
        guard host.index < hosts.count, let start = hosts.withUnsafeBytes({
            $0.load(fromByteOffset: host.index &* MemoryLayout<Host>.stride, as: UnsafeRawPointer?.self)
        }) else { return }
        for offset in stride(from: 0, to: Self.hostBytesPrefetched, by: 64) { swarmsim_prefetch(start + offset) }
        // The node ID the heartbeat names, a heap object of its own, which sending the heartbeat
        // retains: its header (32 bytes before the text of a native string) and its text.
        if let text = nodeIDTexts[host.index] {
            swarmsim_prefetch(text - 32)
            swarmsim_prefetch(text + 24)
        }
    }

    /// Sets `host`'s membership, noting where its node ID's text lies (`nodeIDTexts`). The
    /// address is kept for prefetching only, never read through: a hint may be stale, never
    /// wrong. A short ID, held in the string value itself, has none.
    func setMembership(_ membership: Membership?, of host: HostID) {
        hosts[host.index].membership = membership
        nodeIDTexts[host.index] = membership.flatMap { m in
            guard m.nodeID.utf8.count > 15 else { return nil }
            return m.nodeID.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
    }
}
