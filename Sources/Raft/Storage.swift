extension Raft {
    /// What survives a member's crash: its hard state, its latest snapshot and the log entries
    /// it keeps. The shell keeps one per manager, updates it from every `Ready` with
    /// `persist(_:)` before sending that Ready's messages, and restarts the member from it with
    /// `RaftNode(id:restoring:config:random:)`.
    ///
    /// A plain value: "stable storage" in a simulator is whatever outlives the crashed node.
    public struct Storage<Command, State> {
        @usableFromInline var storedHardState = HardState()
        @usableFromInline var storedSnapshot: Snapshot<State>?
        @usableFromInline var storedEntries: [Entry<Command>] = []
        @usableFromInline var storedBaseIndex: UInt64 = 0
        @usableFromInline var storedBaseTerm: UInt64 = 0

        /// Storage of a member that has persisted nothing yet.
        @inlinable public init() {}

        public var hardState: HardState { storedHardState }
        public var snapshot: Snapshot<State>? { storedSnapshot }
        /// The stored entries, consecutive, after (`baseIndex`, `baseTerm`). Entries before a
        /// snapshot's index may remain (kept for slow followers).
        public var entries: [Entry<Command>] { storedEntries }
        /// The index and term of the entry just before `entries` (0 and 0 if never compacted).
        public var baseIndex: UInt64 { storedBaseIndex }
        public var baseTerm: UInt64 { storedBaseTerm }
        /// The index of the last stored entry (or of the base when none is stored).
        @inlinable public var lastIndex: UInt64 { storedBaseIndex + UInt64(storedEntries.count) }

        /// Stores what `ready` asks to persist: first a local compaction, then a received
        /// snapshot, then entries (overwriting any stored suffix they conflict with), then the
        /// hard state. Persisting the same Ready twice changes nothing.
        @inlinable @inline(__always)
        public mutating func persist(_ ready: Ready<Command, State>) {
            if let c = ready.compaction { compact(c) }
            if let s = ready.snapshot { install(s) }
            if !ready.entries.isEmpty { append(ready.entries[...]) }
            if let hs = ready.hardState { storedHardState = hs }
        }

        /// Stores consecutive entries, first dropping every stored entry from `new`'s first on.
        @inlinable @inline(__always)
        mutating func append(_ new: ArraySlice<Entry<Command>>) {
            dropEntries(from: new[new.startIndex].index)   // not `new.first`: a copy of the entry
            // One append per entry: append(contentsOf:) copies through the runtime's
            // unspecialized array copy, costly for the usual one or two entries.
            for e in new { storedEntries.append(e) }
        }

        /// Stores `log`'s entries at positions `range` (`append(_:)` without a slice of the log).
        @inlinable @inline(__always)
        mutating func append(_ range: ClosedRange<Int>, of log: RaftLog<Command>) {
            dropEntries(from: log.entries[range.lowerBound].index)
            for k in range { storedEntries.append(log.entries[k]) }
        }

        /// Drops every stored entry from `first` on, which must be at most one past the last.
        @inlinable @inline(__always)
        mutating func dropEntries(from first: UInt64) {
            precondition(first > storedBaseIndex && first <= lastIndex + 1,
                         "Raft.Storage: entries from \(first) do not continue the stored log (\(storedBaseIndex)...\(lastIndex))")
            let keep = Int(first - storedBaseIndex - 1)
            if keep < storedEntries.count { storedEntries.removeSubrange(keep...) }
        }

        @inlinable
        mutating func compact(_ c: Compaction<State>) {
            if c.snapshot.index > storedSnapshot?.index ?? 0 { storedSnapshot = c.snapshot }
            let newBase = c.firstIndex - 1
            guard newBase > storedBaseIndex, newBase <= lastIndex else { return }
            let k = Int(newBase - storedBaseIndex - 1)
            storedBaseTerm = storedEntries[k].term
            storedEntries.removeSubrange(...k)
            storedBaseIndex = newBase
        }

        /// A snapshot from the leader replaces the whole log; the stored snapshot handed back
        /// after a restart (same index) changes nothing.
        @inlinable
        mutating func install(_ s: Snapshot<State>) {
            guard s.index > storedSnapshot?.index ?? 0 else { return }
            storedSnapshot = s
            storedEntries.removeAll()
            storedBaseIndex = s.index
            storedBaseTerm = s.term
        }
    }
}
