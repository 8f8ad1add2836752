extension Raft {
    /// What survives a member's crash: its hard state, its latest snapshot and the log entries
    /// it keeps. The shell keeps one per manager, updates it from every `Ready` with
    /// `persist(_:)` before sending that Ready's messages, and restarts the member from it with
    /// `RaftNode(id:restoring:config:random:)`.
    ///
    /// A plain value: "stable storage" in a simulator is whatever outlives the crashed node.
    public struct Storage<Command, State> {
        public private(set) var hardState = HardState()
        public private(set) var snapshot: Snapshot<State>?
        /// The stored entries, consecutive, after (`baseIndex`, `baseTerm`). Entries before a
        /// snapshot's index may remain (kept for slow followers).
        public private(set) var entries: [Entry<Command>] = []
        /// The index and term of the entry just before `entries` (0 and 0 if never compacted).
        public private(set) var baseIndex: UInt64 = 0
        public private(set) var baseTerm: UInt64 = 0

        /// Storage of a member that has persisted nothing yet.
        public init() {}

        /// The index of the last stored entry (or of the base when none is stored).
        public var lastIndex: UInt64 { baseIndex + UInt64(entries.count) }

        /// Stores what `ready` asks to persist: first a local compaction, then a received
        /// snapshot, then entries (overwriting any stored suffix they conflict with), then the
        /// hard state. Persisting the same Ready twice changes nothing.
        public mutating func persist(_ ready: Ready<Command, State>) {
            if let c = ready.compaction { compact(c) }
            if let s = ready.snapshot { install(s) }
            if let first = ready.entries.first {
                precondition(first.index > baseIndex && first.index <= lastIndex + 1,
                             "Raft.Storage: entries from \(first.index) do not continue the stored log (\(baseIndex)...\(lastIndex))")
                entries.removeSubrange(Int(first.index - baseIndex - 1)...)
                entries.append(contentsOf: ready.entries)
            }
            if let hs = ready.hardState { hardState = hs }
        }

        private mutating func compact(_ c: Compaction<State>) {
            if c.snapshot.index > snapshot?.index ?? 0 { snapshot = c.snapshot }
            let newBase = c.firstIndex - 1
            guard newBase > baseIndex, newBase <= lastIndex else { return }
            let k = Int(newBase - baseIndex - 1)
            baseTerm = entries[k].term
            entries.removeSubrange(...k)
            baseIndex = newBase
        }

        /// A snapshot from the leader replaces the whole log; the stored snapshot handed back
        /// after a restart (same index) changes nothing.
        private mutating func install(_ s: Snapshot<State>) {
            guard s.index > snapshot?.index ?? 0 else { return }
            snapshot = s
            entries.removeAll()
            baseIndex = s.index
            baseTerm = s.term
        }
    }
}
