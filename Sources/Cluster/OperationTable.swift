import SimCore

/// The docker calls a swarm is carrying out, and the answers not yet taken.
///
/// A call stays in the table until it is answered *and* its caller took the answer
/// (`take(_:)`); then it goes, so a long run holds only the calls in flight. An answer can be
/// big (a read returns a whole `ClusterStore`, which keeps its own copy of every record once
/// the live store changes), so keeping every answer of a run would grow without bound.
///
/// A caller that gives up before the answer (a command timeout) takes nothing: the call carries
/// on exactly as before — it may still change the swarm — and its answer is dropped on arrival.
///
/// Kept in ID order (IDs only grow), so lookups are a binary search and walks go in call order.
struct OperationTable {
    private(set) var entries: [Operation] = []
    private var nextID = 0

    /// The number of calls held: in flight, or answered and not yet taken.
    var count: Int { entries.count }

    /// Adds a call and returns its ID.
    mutating func add(host: HostID, hostIncarnation: UInt32, request: EngineRequest) -> OperationID {
        let id = OperationID(value: nextID)
        nextID += 1
        entries.append(Operation(id: id, host: host, hostIncarnation: hostIncarnation, request: request))
        return id
    }

    /// The call `id`, unless it is answered and taken (or was never added).
    /// - Complexity: O(log n) for the n calls held.
    subscript(id: OperationID) -> Operation? {
        position(of: id).map { entries[$0] }
    }

    /// Records the answer of `id`, unless it has one already. The answer of a call its caller
    /// gave up on is dropped, and the call with it.
    mutating func finish(_ id: OperationID, _ result: EngineResult) {
        guard let i = position(of: id), entries[i].result == nil else { return }
        if entries[i].abandoned {
            entries.remove(at: i)
        } else {
            entries[i].result = result
        }
    }

    /// The answer of `id`, which the table then forgets; nil if there is none yet, in which case
    /// the call carries on and its answer will be dropped.
    mutating func take(_ id: OperationID) -> EngineResult? {
        guard let i = position(of: id) else { return nil }
        guard let result = entries[i].result else {
            entries[i].abandoned = true
            return nil
        }
        entries.remove(at: i)
        return result
    }

    /// The IDs of the unanswered calls made on `host`, in call order.
    func unanswered(on host: HostID) -> [OperationID] {
        entries.filter { $0.host == host && $0.result == nil }.map(\.id)
    }

    private func position(of id: OperationID) -> Int? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].id.value < id.value { lo = mid + 1 } else { hi = mid }
        }
        return lo < entries.count && entries[lo].id == id ? lo : nil
    }
}
