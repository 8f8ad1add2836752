import SimCore

/// `cut A -> B raft-entries`: B stops receiving the Raft log entries A sends, and still hears
/// everything else from A (heartbeats, votes, empty appends). With it a scenario gives some
/// followers a shorter log than the others while they all keep hearing the leader, as in the
/// Raft paper's election benchmark (§9.3), where two of the four survivors could not win.
extension Swarm {
    /// Whether `message` from `from` to `to` is lost to an entries-only cut.
    func isEntryCut(_ message: WireMessage, from: HostID, to: HostID) -> Bool {
        guard case .raft(let raftMessage) = message else { return false }
        switch raftMessage.kind {
        case .append(_, _, let entries, _) where !entries.isEmpty: break
        case .installSnapshot: break
        default: return false
        }
        return entryCuts.contains(where: { $0.from == from && $0.to == to })
    }
}
