/// A member's log in memory: the entries after a base point, which is the start of the log or
/// the point it was compacted to (the last entry a snapshot or compaction dropped).
///
/// Indices start at 1; index 0 with term 0 stands before the first entry. Terms never decrease
/// along the log. The log knows nothing of commitment; `RaftNode` keeps that.
///
/// `@usableFromInline` with `@inlinable` members, like everything on Raft's hot path, so that
/// client modules specialize it for their command and state types.
@usableFromInline
struct RaftLog<Command> {
    /// The index and term of the entry just before `entries`.
    @usableFromInline var baseIndex: UInt64
    @usableFromInline var baseTerm: UInt64
    /// `entries[k].index == baseIndex + 1 + k`.
    @usableFromInline var entries: [Raft.Entry<Command>]
    /// The entries of the last array built by `array(from:through:)` or appended whole by
    /// `append(whole:)`: still the log's entries at their indices (a truncating append clears
    /// it). The same range is asked for again and again (the append to each follower, the
    /// Ready's entries, then its committed entries), and handing out this array shares one
    /// buffer instead of allocating and copying one per message and per Ready.
    @usableFromInline var recent: [Raft.Entry<Command>] = [] {
        didSet { recentFirst = recent.isEmpty ? 0 : recent[0].index }
    }
    /// The index of `recent`'s first entry (0 when it is empty), kept apart so that the check
    /// in `array(from:through:)` copies no entry (a copy retains the entry's payload).
    @usableFromInline var recentFirst: UInt64 = 0
    /// Whether `append(whole:)` keeps the array it appends as `recent`: set once the node hands
    /// out a `Ready` (whose entries and committed entries then share that buffer). A shell that
    /// takes its turns through `RaftNode.handOut` builds no arrays from the log, and the log
    /// spares the retain and the release of keeping one per append.
    @usableFromInline var keepsAppendedArrays = false

    @inlinable
    init(baseIndex: UInt64 = 0, baseTerm: UInt64 = 0, entries: [Raft.Entry<Command>] = []) {
        precondition(entries.first.map { $0.index == baseIndex + 1 } ?? true, "RaftLog: entries do not start after the base")
        self.baseIndex = baseIndex
        self.baseTerm = baseTerm
        self.entries = entries
    }

    // MARK: Positions

    @inlinable var firstIndex: UInt64 { baseIndex + 1 }
    @inlinable var lastIndex: UInt64 { baseIndex + UInt64(entries.count) }
    @inlinable var lastTerm: UInt64 { entries.last?.term ?? baseTerm }

    /// The term of the entry at `index`, or nil when the log does not hold it (compacted away,
    /// or beyond the end). The base point's term is known.
    /// - Complexity: O(1)
    @inlinable
    func term(at index: UInt64) -> UInt64? {
        if index == baseIndex { return baseTerm }
        guard index > baseIndex, index <= lastIndex else { return nil }
        return entries[Int(truncatingIfNeeded: index &- baseIndex &- 1)].term
    }

    @inlinable
    func matches(index: UInt64, term: UInt64) -> Bool { self.term(at: index) == term }

    /// The entry at `index`, which must be held.
    @inlinable
    func entry(at index: UInt64) -> Raft.Entry<Command> { entries[offset(index)] }

    /// Entries from `first` through `last` inclusive, both held (`first > baseIndex`).
    @inlinable
    func entries(from first: UInt64, through last: UInt64) -> ArraySlice<Raft.Entry<Command>> {
        guard first <= last else { return [] }
        return entries[offset(first)...offset(last)]
    }

    /// Up to `limit` entries from `first` on (none when `first` is past the end).
    @inlinable
    func entries(from first: UInt64, limit: Int) -> ArraySlice<Raft.Entry<Command>> {
        guard first <= lastIndex else { return [] }
        let start = offset(first)
        return entries[start..<min(entries.count, start + limit)]
    }

    /// Entries from `first` through `last` inclusive (both held, `first > baseIndex`) as an
    /// array: `recent` when it is that range, else a new array, which becomes `recent`.
    @inlinable
    mutating func array(from first: UInt64, through last: UInt64) -> [Raft.Entry<Command>] {
        guard first <= last else { return [] }
        if recentFirst == first, UInt64(recent.count) == last - first + 1 { return recent }
        // Entry by entry: `Array(entries[range])` goes through a slice of the log (a retain and
        // release of its buffer) and the runtime's checks of what the slice's buffer is.
        var fresh: [Raft.Entry<Command>] = []
        fresh.reserveCapacity(Int(last - first + 1))
        for k in offset(first)...offset(last) { fresh.append(entries[k]) }
        recent = fresh
        return fresh
    }

    @inlinable
    func offset(_ index: UInt64) -> Int {
        precondition(index > baseIndex && index <= lastIndex, "RaftLog: index \(index) not held (\(baseIndex) < i ≤ \(lastIndex))")
        return Int(truncatingIfNeeded: index &- baseIndex &- 1)
    }

    // MARK: Election restriction

    /// Whether a log ending at (lastIndex, lastTerm) is at least as up-to-date as this one:
    /// a later last term wins, and with equal last terms the longer log (§5.4.1).
    @inlinable
    func isUpToDate(lastIndex: UInt64, lastTerm: UInt64) -> Bool {
        lastTerm > self.lastTerm || (lastTerm == self.lastTerm && lastIndex >= self.lastIndex)
    }

    // MARK: Conflicts

    /// The index of the first of `new` (consecutive entries) that this log lacks or holds with
    /// another term, or nil when this log already holds them all (etcd `findConflict`).
    @inlinable
    func firstConflict(in new: ArraySlice<Raft.Entry<Command>>) -> UInt64? {
        for j in new.indices where !matches(index: new[j].index, term: new[j].term) { return new[j].index }   // not `for e in new`: a copy of each entry
        return nil
    }

    /// The largest index ≤ `index` whose term is ≤ `term`, and that term; the term is 0 where
    /// the log cannot tell (compacted) — etcd `findConflictByTerm`. A follower answers a
    /// rejected append with it so the leader can skip a whole term of mismatches per round trip.
    @inlinable
    func lastIndex(atOrBefore index: UInt64, withTermAtMost term: UInt64) -> (index: UInt64, term: UInt64) {
        var i = min(index, lastIndex)
        while i > 0 {
            guard let t = self.term(at: i) else { return (i, 0) }
            if t <= term { return (i, t) }
            i -= 1
        }
        return (0, 0)
    }

    // MARK: Changes

    /// Appends consecutive entries starting at most one past the end, first dropping every held
    /// entry from `new[0].index` on. Never drops the base.
    @inlinable
    mutating func append(_ new: ArraySlice<Raft.Entry<Command>>) {
        guard !new.isEmpty else { return }
        dropEntries(from: new[new.startIndex].index)   // not `new.first`: a copy of the entry
        for e in new { entries.append(e) }   // not append(contentsOf:): see Storage.persist
    }

    /// `append(new[...])`, keeping `new` as `recent` (when `keepsAppendedArrays`) so that the
    /// Ready handing these entries on shares its buffer. Reads `new` in place (a slice of it
    /// costs a retain and a release).
    @inlinable
    mutating func append(whole new: [Raft.Entry<Command>]) {
        guard !new.isEmpty else { return }
        dropEntries(from: new[0].index)
        for k in new.indices { entries.append(new[k]) }
        if keepsAppendedArrays { recent = new }
    }

    /// Drops every held entry from `first` on (which must be at most one past the end, and not
    /// the base), and `recent` with them.
    @inlinable @inline(__always)
    mutating func dropEntries(from first: UInt64) {
        precondition(first > baseIndex && first <= lastIndex + 1,
                     "RaftLog.append: entry \(first) leaves a gap or overwrites the base (log \(baseIndex)...\(lastIndex))")
        guard first <= lastIndex else { return }
        entries.removeSubrange(offset(first)...)
        recent = []
    }

    /// Appends one entry at the end.
    @inlinable
    mutating func append(_ entry: Raft.Entry<Command>) {
        precondition(entry.index == lastIndex + 1, "RaftLog.append: entry \(entry.index) is not next after \(lastIndex)")
        entries.append(entry)
    }

    /// Drops every entry through `index` (held, or the base), which becomes the new base.
    @inlinable
    mutating func compact(through index: UInt64) {
        guard index > baseIndex else { return }
        guard let t = term(at: index) else { preconditionFailure("RaftLog.compact: index \(index) beyond the end \(lastIndex)") }
        entries.removeSubrange(...offset(index))
        baseIndex = index
        baseTerm = t
    }
}
