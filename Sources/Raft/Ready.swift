extension Raft {
    /// What the shell must do after `tick`, `step`, `propose` or `compact`, in this order:
    /// 1. persist `compaction`, `snapshot`, `entries` and `hardState` (`Storage.persist(_:)`);
    /// 2. send `messages`;
    /// 3. load `snapshot.state` into the application if present, then apply `committed` in order;
    /// 4. call `RaftNode.advance()`.
    ///
    /// Built by `RaftNode.ready()`; shaped after etcd's `Ready` (`node.go`). A shell that
    /// persists to a `Raft.Storage` and needs no Ready to keep or inspect can take the same
    /// turn through `RaftNode.handOut`, where nothing is built to be taken apart.
    public struct Ready<Command, State> {
        /// The hard state to persist, if it changed.
        public var hardState: HardState?
        /// Entries to append to stable storage. The first may overwrite a stored suffix: storage
        /// drops every stored entry from `entries[0].index` on before appending.
        public var entries: [Entry<Command>] = []
        /// A snapshot to persist and load, replacing the application's state and the stored log.
        /// Set when a leader installed one on this follower, and once after a restart (the stored
        /// snapshot, so the application rebuilds its state exactly as for a received one).
        public var snapshot: Snapshot<State>?
        /// A snapshot this member made with `compact`: persist it and drop stored entries before
        /// `firstIndex`. Do not load it; the application already has this state.
        public var compaction: Compaction<State>?
        /// Messages to send, after persisting.
        public var messages: [Message<Command, State>] = []
        /// Committed entries to apply to the application's state machine, in log order.
        public var committed: [Entry<Command>] = []
        /// The new role, when it changed.
        public var role: Role?
        /// The new leader (nil: none known), when it changed.
        public var leader: NodeID??

        @inlinable public init() {}

        /// Whether there is nothing to do.
        @inlinable public var isEmpty: Bool {
            hardState == nil && entries.isEmpty && snapshot == nil && compaction == nil && messages.isEmpty
                && committed.isEmpty && role == nil && leader == nil
        }
    }
}
