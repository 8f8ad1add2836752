extension Raft {
    /// A breach of one of Raft's safety properties (Figure 3 of the paper), as a value.
    public struct Violation: Equatable, Sendable, CustomStringConvertible {
        public enum Property: String, Sendable {
            /// At most one leader per term (§5.2).
            case electionSafety = "election safety"
            /// Two logs with an entry of the same index and term agree on every entry up to it (§5.3).
            case logMatching = "log matching"
            /// A committed entry is in the log of every leader of a later term (§5.4).
            case leaderCompleteness = "leader completeness"
            /// No two members apply different entries at one index, and each applies in order (§5.4.3).
            case stateMachineSafety = "state machine safety"
            /// A committed entry never leaves a log that held it, and one index never commits twice.
            case committedEntryLost = "committed entry lost"
        }

        public var property: Property
        public var detail: String

        public var description: String { "\(property.rawValue): \(detail)" }
    }

    /// Watches a group of members and reports any breach of Raft's safety properties, as it
    /// happens (STYLE.md 8: safety all the time, liveness at the end).
    ///
    /// Feed it every `Ready` a member hands out, right after `ready()`: `observe(node, ready:)`.
    /// It keeps its own copy of each member's log terms (built from the Readies, as stable
    /// storage is), so each check costs time in proportion to what changed. When a member starts
    /// from a storage (a restart), call `restarted(_:)` before feeding its first Ready.
    ///
    /// Dictionaries here are only looked up, never iterated (pruning filters them, which
    /// decides nothing): reports come out in a fixed order.
    ///
    /// Entries are identified by (index, term); checking log matching all the time is what
    /// makes that identity sound.
    ///
    /// Memory is bounded like the logs it watches: the records kept per index (predecessors,
    /// commits, applies) are dropped below the lowest log base of the members that hold
    /// entries (`prunedBelow`). No check can consult them again: a member only stores, commits
    /// or applies entries above its own log base, which never moves back (compaction and
    /// snapshots only raise it; a restart restores the persisted log, whose base is the same);
    /// a member holding nothing only receives entries or a snapshot from a leader's log, whose
    /// base is at least that lowest one. A member gone for good (`retired(_:)`) no longer
    /// holds the bound down.
    ///
    /// One case is beyond the bound: a member that has never held an entry could store one
    /// below it from an append sent before every member compacted past that entry and delivered
    /// after (a delay longer than a whole snapshot interval of traffic). Such an entry is
    /// checked against that member's own log only.
    public struct SafetyChecker: Sendable {
        /// Every breach seen so far, oldest first (at most `maxViolations`).
        public private(set) var violations: [Violation] = []
        public var maxViolations = 100

        /// The leader seen in each term, and the terms already reported with two.
        private var leaders: [UInt64: NodeID] = [:]
        private var doubleLeaderTerms: [UInt64] = []
        /// For each entry (index, term) ever seen in a log, the term of the entry before it.
        private var predecessors: [EntryKey: UInt64] = [:]
        /// Committed entries: index → (term, the term of the member that first saw it committed).
        private var committed: [UInt64: (term: UInt64, commitTerm: UInt64)] = [:]
        private var highestCommitted: UInt64 = 0
        /// Applied entries: index → term, from the first member to apply the index.
        private var applied: [UInt64: UInt64] = [:]
        /// Per member, in order of first appearance.
        private var members: [Member] = []
        /// Records of indices below this are dropped: no member holds such an index any more.
        public private(set) var prunedBelow: UInt64 = 0
        /// How many per-index records the checker keeps (predecessors, commits, applies).
        public var recordCount: Int { predecessors.count + committed.count + applied.count }

        public init() {}

        /// Whether nothing has been violated.
        public var isSafe: Bool { violations.isEmpty }

        // MARK: Feeding

        /// Checks what `ready` (just taken from `node`) changes: log entries, commit index,
        /// applied entries, and the member's role in its term.
        ///
        /// Inlinable so that the caller specializes the little that touches its generic types;
        /// the checking itself is plain code on (index, term) pairs.
        @inlinable
        public mutating func observe<Command, State>(_ node: RaftNode<Command, State>, ready: Ready<Command, State>) {
            record(member: node.id, role: node.role, term: node.term, commit: node.commitIndex,
                   compactedBefore: ready.compaction?.firstIndex,
                   snapshot: ready.snapshot.map { EntryMark(index: $0.index, term: $0.term) },
                   entries: ready.entries.map { EntryMark(index: $0.index, term: $0.term) },
                   applied: ready.committed.map { EntryMark(index: $0.index, term: $0.term) })
        }

        /// The identity of an entry: its index and term.
        @usableFromInline
        struct EntryMark: Sendable {
            @usableFromInline var index: UInt64
            @usableFromInline var term: UInt64
            @inlinable init(index: UInt64, term: UInt64) {
                self.index = index
                self.term = term
            }
        }

        @usableFromInline
        mutating func record(member id: NodeID, role: Role, term: UInt64, commit: UInt64, compactedBefore: UInt64?,
                             snapshot: EntryMark?, entries: [EntryMark], applied entriesApplied: [EntryMark]) {
            let m = memberIndex(id)
            if let first = compactedBefore { members[m].log.compact(before: first) }
            if let s = snapshot { installSnapshot(s, member: m) }
            if !entries.isEmpty { appendEntries(entries, member: m) }
            members[m].role = role
            members[m].term = term
            advanceCommit(to: commit, member: m)
            for e in entriesApplied { apply(index: e.index, term: e.term, member: m) }
            if role == .leader { checkLeader(member: m) }
            if compactedBefore != nil || snapshot != nil { pruneRecords() }
        }

        /// `node` (re)started from its storage: its log is what it holds now, it will apply its
        /// snapshot and committed entries again from the start, and it is a follower. Call this
        /// before feeding the restarted member's first Ready (also for a member the checker has
        /// not seen, built from a storage).
        public mutating func restarted<Command, State>(_ node: RaftNode<Command, State>) {
            let m = memberIndex(node.id)
            members[m].log = TermLog(baseIndex: node.log.baseIndex, baseTerm: node.log.baseTerm)
            members[m].snapshotIndex = node.snapshotIndex
            members[m].commit = min(members[m].commit, node.log.baseIndex)
            appendEntries(node.log.entries.map { EntryMark(index: $0.index, term: $0.term) }, member: m)
            members[m].role = node.role
            members[m].term = node.term
            advanceCommit(to: node.commitIndex, member: m)
            members[m].lastApplied = 0
            pruneRecords()
        }

        /// The member `id` is gone for good: its node and storage are discarded, and its ID is
        /// never used again (a demoted or removed manager). Its log no longer holds back
        /// `prunedBelow`; should it hand out a Ready after all, it counts as a new member.
        public mutating func retired(_ id: NodeID) {
            members.removeAll { $0.id == id }
            pruneRecords()
        }

        // MARK: Log changes

        private mutating func appendEntries(_ entries: [EntryMark], member m: Int) {
            for mark in entries {
                let (index, term) = (mark.index, mark.term)
                let id = members[m].id
                guard index > members[m].log.baseIndex else { continue }
                if index <= members[m].log.lastIndex, let old = members[m].log.term(at: index), old != term {
                    if index <= members[m].commit {
                        report(.committedEntryLost, "member \(id) replaced \(index)@\(old) at or below its commit index \(members[m].commit) with \(index)@\(term)")
                    } else if let c = committed[index], c.term == old {
                        report(.committedEntryLost, "member \(id) replaced committed entry \(index)@\(old) with \(index)@\(term)")
                    }
                }
                guard let prevTerm = members[m].log.term(at: index - 1) else {
                    report(.logMatching, "member \(id) stored \(index)@\(term) after a gap (log ends at \(members[m].log.lastIndex))")
                    continue
                }
                let key = EntryKey(index: index, term: term)
                if let known = predecessors[key] {
                    if known != prevTerm {
                        report(.logMatching, "entry \(index)@\(term) follows term \(prevTerm) on member \(id) but term \(known) elsewhere")
                    }
                } else {
                    predecessors[key] = prevTerm
                }
                members[m].log.store(index: index, term: term)
            }
        }

        private mutating func installSnapshot(_ s: EntryMark, member m: Int) {
            if s.index > members[m].snapshotIndex {
                members[m].log = TermLog(baseIndex: s.index, baseTerm: s.term)
                members[m].snapshotIndex = s.index
            }
            if let c = committed[s.index], c.term != s.term {
                report(.stateMachineSafety, "member \(members[m].id) loaded a snapshot through \(s.index)@\(s.term), but \(s.index)@\(c.term) was committed")
            }
            members[m].lastApplied = s.index
        }

        // MARK: Commitment

        private mutating func advanceCommit(to newCommit: UInt64, member m: Int) {
            let old = members[m].commit
            members[m].commit = newCommit
            guard newCommit > old else { return }
            let from = max(old + 1, members[m].log.baseIndex + 1)
            guard from <= newCommit else { return }
            for index in from...newCommit {
                guard let term = members[m].log.term(at: index) else {
                    report(.committedEntryLost, "member \(members[m].id) commits \(index) but its log ends at \(members[m].log.lastIndex)")
                    return
                }
                if let c = committed[index] {
                    if c.term != term {
                        report(.committedEntryLost, "member \(members[m].id) commits \(index)@\(term), but \(index)@\(c.term) was committed")
                    }
                    continue
                }
                let commitTerm = members[m].term
                committed[index] = (term, commitTerm)
                highestCommitted = max(highestCommitted, index)
                for other in members.indices where members[other].role == .leader && members[other].term > commitTerm {
                    checkHolds(member: other, index: index, term: term)
                }
            }
        }

        private mutating func checkLeader(member m: Int) {
            let (id, term) = (members[m].id, members[m].term)
            if let known = leaders[term] {
                if known != id && !doubleLeaderTerms.contains(term) {
                    doubleLeaderTerms.append(term)
                    report(.electionSafety, "members \(known) and \(id) both lead term \(term)")
                }
                return
            }
            leaders[term] = id
            let from = members[m].log.baseIndex + 1
            guard from <= highestCommitted else { return }
            for index in from...highestCommitted {
                if let c = committed[index], c.commitTerm < term { checkHolds(member: m, index: index, term: c.term) }
            }
        }

        private mutating func checkHolds(member m: Int, index: UInt64, term: UInt64) {
            guard index > members[m].log.baseIndex else { return }   // covered by its snapshot
            let held = members[m].log.term(at: index)
            if held != term {
                report(.leaderCompleteness, "leader \(members[m].id) of term \(members[m].term) lacks committed entry \(index)@\(term)"
                       + (held.map { " (it holds \(index)@\($0))" } ?? " (its log ends at \(members[m].log.lastIndex))"))
            }
        }

        // MARK: Application

        private mutating func apply(index: UInt64, term: UInt64, member m: Int) {
            let id = members[m].id
            if index != members[m].lastApplied + 1 {
                report(.stateMachineSafety, "member \(id) applied \(index)@\(term) after \(members[m].lastApplied)")
            }
            members[m].lastApplied = index
            if let first = applied[index] {
                if first != term { report(.stateMachineSafety, "member \(id) applied \(index)@\(term), another member applied \(index)@\(first)") }
            } else {
                applied[index] = term
            }
        }

        // MARK: Bounding memory

        /// Drops the records of indices below the lowest log base of the members holding
        /// entries (see the type's contract for why no check needs them).
        /// - Complexity: O(records) when the bound moves, which is at most once per compaction
        ///   or snapshot of a member; O(members) otherwise.
        private mutating func pruneRecords() {
            var lowest: UInt64?
            for member in members where member.log.lastIndex > 0 {
                lowest = min(lowest ?? member.log.baseIndex, member.log.baseIndex)
            }
            guard let bound = lowest, bound > prunedBelow else { return }
            prunedBelow = bound
            predecessors = predecessors.filter { $0.key.index >= bound }
            committed = committed.filter { $0.key >= bound }
            applied = applied.filter { $0.key >= bound }
        }

        // MARK: Bookkeeping

        private mutating func memberIndex(_ id: NodeID) -> Int {
            if let m = members.firstIndex(where: { $0.id == id }) { return m }
            members.append(Member(id: id))
            return members.count - 1
        }

        private mutating func report(_ property: Violation.Property, _ detail: String) {
            if violations.count < maxViolations { violations.append(Violation(property: property, detail: detail)) }
        }

        private struct EntryKey: Hashable, Sendable {
            var index: UInt64
            var term: UInt64
        }

        private struct Member: Sendable {
            let id: NodeID
            var log = TermLog()
            var snapshotIndex: UInt64 = 0
            var commit: UInt64 = 0
            var lastApplied: UInt64 = 0
            var role = Role.follower
            var term: UInt64 = 0
        }
    }
}

/// The terms of a member's stored log, mirrored from its Readies.
struct TermLog: Sendable {
    private(set) var baseIndex: UInt64 = 0
    private(set) var baseTerm: UInt64 = 0
    private var terms: [UInt64] = []

    init(baseIndex: UInt64 = 0, baseTerm: UInt64 = 0) {
        self.baseIndex = baseIndex
        self.baseTerm = baseTerm
    }

    var lastIndex: UInt64 { baseIndex + UInt64(terms.count) }

    func term(at index: UInt64) -> UInt64? {
        if index == baseIndex { return baseTerm }
        guard index > baseIndex, index <= lastIndex else { return nil }
        return terms[Int(index - baseIndex - 1)]
    }

    /// Stores `term` at `index` (at most one past the end), dropping anything after it.
    mutating func store(index: UInt64, term: UInt64) {
        let k = Int(index - baseIndex - 1)
        if k < terms.count { terms.removeSubrange(k...) }
        terms.append(term)
    }

    /// Drops entries before `firstIndex`.
    mutating func compact(before firstIndex: UInt64) {
        let newBase = firstIndex - 1
        guard newBase > baseIndex, newBase <= lastIndex, let t = term(at: newBase) else { return }
        terms.removeSubrange(..<Int(newBase - baseIndex))
        baseIndex = newBase
        baseTerm = t
    }
}
