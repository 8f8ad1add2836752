/// The leader's view of one voter's log (etcd `tracker.Progress`), itself included.
///
/// - probe: the leader does not know where the follower's log ends; it sends one append at a
///   time and waits for the answer (or a heartbeat response) before the next.
/// - replicate: the follower has accepted an append; the leader streams entries optimistically,
///   advancing `next` as it sends, with at most `maxInflightAppends` unacknowledged.
/// - snapshot: the leader has sent a snapshot and waits for the follower to acknowledge it.
@usableFromInline
struct Progress {
    @usableFromInline enum State: Equatable { case probe, replicate, snapshot }

    @usableFromInline let id: Raft.NodeID
    /// The highest index known to match the leader's log.
    @usableFromInline var match: UInt64 = 0
    /// The next index to send.
    @usableFromInline var next: UInt64
    @usableFromInline var state: State = .probe
    /// In probe state: an append is out and unanswered, so no other is sent.
    @usableFromInline var probeSent = false
    /// In snapshot state: the index of the snapshot sent, and leader ticks since.
    @usableFromInline var pendingSnapshot: UInt64 = 0
    @usableFromInline var ticksSinceSnapshot = 0
    /// In replicate state: the last index of each unacknowledged append, ascending.
    @usableFromInline var inflight: [UInt64] = []
    /// Heard from since the last CheckQuorum round (etcd `RecentActive`).
    @usableFromInline var recentActive = false
    /// The leader's tick count when it last heard from this member, if ever in this term.
    @usableFromInline var lastHeard: UInt64?

    @inlinable
    init(id: Raft.NodeID, next: UInt64) {
        self.id = id
        self.next = next
    }

    /// Whether the leader must hold back appends to this follower.
    @inlinable
    func isPaused(maxInflight: Int) -> Bool {
        switch state {
        case .probe: probeSent
        case .replicate: inflight.count >= maxInflight
        case .snapshot: true
        }
    }

    // MARK: Transitions (etcd progress.go)

    @inlinable
    mutating func becomeProbe() {
        let fromSnapshot = state == .snapshot
        state = .probe
        probeSent = false
        inflight.removeAll(keepingCapacity: true)
        next = fromSnapshot ? max(match + 1, pendingSnapshot + 1) : match + 1
        pendingSnapshot = 0
    }

    @inlinable
    mutating func becomeReplicate() {
        state = .replicate
        probeSent = false
        inflight.removeAll(keepingCapacity: true)
        next = match + 1
    }

    @inlinable
    mutating func becomeSnapshot(_ index: UInt64) {
        state = .snapshot
        probeSent = false
        inflight.removeAll(keepingCapacity: true)
        pendingSnapshot = index
        ticksSinceSnapshot = 0
        next = index + 1
    }

    /// Records that the follower holds the leader's entries through `index`; false when that
    /// is old news.
    @inlinable
    mutating func update(matched index: UInt64) -> Bool {
        next = max(next, index + 1)
        guard index > match else { return false }
        match = index
        probeSent = false
        return true
    }

    /// Moves `next` back after the follower rejected an append at prevIndex `rejected`; the
    /// follower's hint says the logs may match at `matchHint`. False for a stale rejection.
    @inlinable
    mutating func decrease(rejected: UInt64, matchHint: UInt64) -> Bool {
        if state == .replicate {
            guard rejected > match else { return false }
            next = match + 1
            return true
        }
        guard next - 1 == rejected else { return false }
        next = max(min(rejected, matchHint + 1), match + 1)
        probeSent = false
        return true
    }

    /// Notes an append that carried entries through `last`.
    @inlinable
    mutating func sent(through last: UInt64) {
        switch state {
        case .replicate:
            next = last + 1
            inflight.append(last)
        case .probe:
            probeSent = true
        case .snapshot:
            preconditionFailure("Progress: append sent to \(id) while a snapshot is pending")
        }
    }

    /// Frees the inflight appends acknowledged by a response through `index`.
    @inlinable
    mutating func acknowledge(through index: UInt64) {
        var k = 0
        while k < inflight.count, inflight[k] <= index { k += 1 }
        if k == inflight.count {
            while !inflight.isEmpty { inflight.removeLast() }   // inlined, where removeAll is a call
        } else if k > 0 {
            inflight.removeFirst(k)
        }
    }
}
