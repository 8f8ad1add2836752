import SimCore
import Raft
import Orchestration
import NodeRoles

/// Checks the swarm's own safety properties, beyond Raft's (which `SafetyMonitor` checks), while
/// a swarm runs (STYLE.md 8 and 9: safety all the time, expensive checks on demand). Off unless
/// enabled; the runner turns it on with `RunOptions.checkSafety`, and `swarmsim fuzz` relies on it.
///
/// What it checks, and when:
/// - **Stores agree.** Managers that have applied the same Raft index hold the same store.
///   Comparing whole stores at every event would cost O(store) per event, so the check is
///   incremental: when a manager applies entry *i*, the records the entry touched (as they are
///   after applying it) and the store's sizes are folded into a digest. The first manager to
///   apply *i* (the leader, in practice) records the digest; every later manager that applies
///   *i* must compute the same one. A divergence shows at the first entry that touches a record
///   two managers disagree on. Because each index has its own digest (not a rolling hash over
///   the whole history), a follower that installs a snapshot simply skips the indices it covers.
///   On top of that, `compareStores` compares whole stores (`ClusterStore ==`) of managers at
///   the same index; the swarm runs it every `fullComparePeriod` applied entries.
/// - **Tasks refer to things that exist or existed.** Every task the store holds names a
///   service that was created and, once placed, a node that was added (in this swarm's
///   history; removal later is allowed).
/// - **One running task per slot.** No slot holds two tasks that are both desired running and
///   observed running for longer than `slotGrace`, unless the service's update is in progress
///   (a `start-first` update runs the new task beside the old one on purpose; also with no
///   status, after an update that left the spec as it was) or paused mid-way. The grace covers
///   an update superseded mid-slot, which the orchestrator settles.
/// - **Nothing is scheduled without a leader.** An entry that assigns a task to a node is first
///   applied by a manager that is the leader and runs the dispatcher (swarmkit's scheduler runs
///   only on the leader).
///
/// - **Secrets and configs a service uses exist** (InvariantChecker+Payloads.swift).
///
/// The entry-time checks run once per index, on the first manager to apply it; the digest
/// comparison runs on every manager. Each costs O(records the entry touches · log n).
public struct InvariantChecker: Sendable {
    public var isEnabled = false
    /// Every breach seen, as text, oldest first (at most `maxViolations`).
    public private(set) var violations: [String] = []
    /// How many applied entries pass between whole-store comparisons.
    public var fullComparePeriod = 512

    /// The digest of each index, from the first manager that applied it, in index order.
    private var digests: [(index: UInt64, digest: Int, host: HostID)] = []
    /// Services and nodes the store ever held, by ID (looked up, never iterated).
    private var knownServices: Set<String> = []
    private var knownNodes: Set<String> = []
    private var appliedSinceCompare = 0
    /// Crowded slots, and since when (see `recheckSuspects`).
    private var suspects: [(slot: SlotKey, since: SimTime)] = []
    /// How long a slot may hold two running tasks outside an update.
    static let slotGrace = SimDuration.seconds(5)
    static let maxViolations = 20

    public init() {}

    // MARK: Hooks

    /// Called after `host`'s manager applied the entry at `index` to `store`, which changed
    /// `changes`. `isLeader` says whether that manager leads and runs the dispatcher now.
    mutating func applied(_ changes: StoreChanges, index: UInt64, store: ClusterStore, on host: HostID,
                          hostName: String, isLeader: Bool, at time: SimTime) {
        guard isEnabled else { return }
        let digest = Self.digest(of: changes, in: store)
        if let i = position(of: index) {
            if digests[i].digest != digest {
                record("stores differ after applying index \(index): \(hostName)'s digest differs from the first manager's (at \(time))")
            }
            return
        }
        if let last = digests.last, last.index > index { return }   // below what is kept: nothing to compare
        digests.append((index, digest, host))
        firstApplied(changes, index: index, store: store, hostName: hostName, isLeader: isLeader, at: time)
    }

    /// Drops digests of indices every running manager has passed (they can only be compared by
    /// a manager replaying its log after a restart, which then goes unchecked: no false alarm).
    mutating func prune(below index: UInt64) {
        guard digests.count > 1024 else { return }
        let keep = digests.firstIndex { $0.index >= index } ?? digests.count
        if keep > 0 { digests.removeFirst(keep) }
    }

    /// A forced new cluster keeps the entries through `index` and writes its own after it: the
    /// digests above it are of entries it discarded.
    mutating func forcedNewCluster(keepingThrough index: UInt64) {
        digests.removeAll { $0.index > index }
    }

    /// Counts an applied entry; true when a whole-store comparison is due.
    mutating func fullCompareDue() -> Bool {
        guard isEnabled else { return false }
        appliedSinceCompare += 1
        guard appliedSinceCompare >= fullComparePeriod else { return false }
        appliedSinceCompare = 0
        return true
    }

    /// Compares whole stores of managers that have applied the same index; `stores` is in host
    /// order.
    mutating func compareStores(_ stores: [(name: String, applied: UInt64, store: ClusterStore)], at time: SimTime) {
        guard isEnabled else { return }
        for (i, a) in stores.enumerated() {
            for b in stores[(i + 1)...] where b.applied == a.applied && b.store != a.store {
                record("stores differ at index \(a.applied): \(a.name) and \(b.name) applied the same entries (at \(time))")
            }
        }
    }

    // MARK: Checks at an index's first apply

    private mutating func firstApplied(_ changes: StoreChanges, index: UInt64, store: ClusterStore,
                                       hostName: String, isLeader: Bool, at time: SimTime) {
        var tasks: [String] = []
        var schedules = false
        note(changes, store: store, tasks: &tasks, schedules: &schedules)
        if schedules && !isLeader {
            record("index \(index) schedules tasks but was first applied by \(hostName), which does not lead (at \(time))")
        }
        var slots: [SlotKey] = []
        for id in tasks {
            guard let t = store.task(id: id) else { continue }
            if !knownServices.contains(t.serviceID) {
                record("task \(t.name) (\(t.id)) refers to service \(t.serviceID), which never existed (index \(index), at \(time))")
            }
            if let node = t.nodeID, !knownNodes.contains(node) {
                record("task \(t.name) (\(t.id)) refers to node \(node), which never existed (index \(index), at \(time))")
            }
            if !slots.contains(t.slotKey) { slots.append(t.slotKey) }
        }
        for slot in slots where Self.crowded(slot, in: store) != nil && !suspects.contains(where: { $0.slot == slot }) {
            suspects.append((slot, time))
        }
        recheckSuspects(store, index: index, at: time)
    }

    /// The slot's tasks desired and observed running, when there are two or more and no update
    /// is in progress; nil otherwise.
    ///
    /// An update that leaves the spec as it was (`--secret-rm` of a secret the service does not
    /// use, say) clears the update status, but not the update in progress: swarmkit's update
    /// supervisor keeps the updater already working towards that spec, which carries on with no
    /// status to show. So a slot mid-way through a rollout (a task of an earlier spec beside
    /// one of the current spec) counts as updating while the status is nil after such an update.
    /// The price: a slot crowded that way after such an update with no rollout going is missed
    /// until the next status or spec change.
    static func crowded(_ slot: SlotKey, in store: ClusterStore) -> [TaskRecord]? {
        let running = store.tasks(in: slot).filter { ($0.desiredState == .running || $0.desiredState == .complete) && $0.status.state == .running }
        guard running.count > 1 else { return nil }
        guard let service = store.service(id: slot.serviceID) else { return running }
        if let status = service.updateStatus,
           status.state != .completed && status.state != .rollbackCompleted { return nil }
        if service.updateStatus == nil, service.previousSpec == service.spec,
           running.contains(where: { $0.spec != service.spec.task }),
           running.contains(where: { $0.spec == service.spec.task }) { return nil }
        return running
    }

    /// A crowded slot is a violation only if it stays crowded for `slotGrace`: a start-first
    /// update superseded by another spec change (a scale, say) leaves the new task starting
    /// beside the old one, and the orchestrator settles it in its next pass.
    private mutating func recheckSuspects(_ store: ClusterStore, index: UInt64, at time: SimTime) {
        var kept: [(slot: SlotKey, since: SimTime)] = []
        for s in suspects {
            guard let running = Self.crowded(s.slot, in: store) else { continue }
            if time - s.since < Self.slotGrace { kept.append(s); continue }
            record("slot \(running[0].name) has had \(running.count) running tasks (\(running.map(\.id).joined(separator: ", "))) with no update in progress since \(s.since) (index \(index), at \(time))")
        }
        suspects = kept
    }

    /// Learns the services and nodes `changes` adds, lists the tasks it changed (and did not
    /// remove), and says whether it placed a task on a node.
    private mutating func note(_ changes: StoreChanges, store: ClusterStore, tasks: inout [String], schedules: inout Bool) {
        changes.forEach(in: store) { change in
            switch change {
            case .service(let s) where s.kind == .created: knownServices.insert(s.id)
            case .node(let n) where n.kind == .added: knownNodes.insert(n.id)
            case .task(let t) where t.kind != .removed:
                tasks.append(t.id)
                if t.kind == .assigned { schedules = true }
                if t.kind == .put, t.nodeID != nil, let state = store.task(id: t.id)?.status.state, state >= .assigned {
                    schedules = true
                }
            default: break
            }
        }
    }

    // MARK: Digests

    /// The records `changes` lists, as `store` holds them after applying it, and the store's
    /// sizes. Swift's `Hasher` is seeded per process, which is fine: digests are only compared
    /// within one run.
    static func digest(of changes: StoreChanges, in store: ClusterStore) -> Int {
        var h = Hasher()
        h.combine(store.nodes.count)
        h.combine(store.services.count)
        h.combine(store.taskTable.count)
        h.combine(store.appliedIndex)
        changes.forEach(in: store) { combine($0, store, into: &h) }
        return h.finalize()
    }

    private static func combine(_ change: StoreChanges.Change, _ store: ClusterStore, into h: inout Hasher) {
        switch change {
        case .cluster:
            h.combine(store.cluster?.workerToken)
            h.combine(store.cluster?.managerToken)
            h.combine(store.cluster?.updatedAt)
        case .node(let n):
            h.combine(n.kind.rawValue)
            combine(node: n.id, store, into: &h)
        case .service(let s):
            h.combine(s.kind.rawValue)
            combine(service: s.id, store, into: &h)
        case .task(let t):
            h.combine(t.kind.rawValue)
            combine(task: t.id, store, into: &h)
        case .network(let n):
            h.combine(n.id)
            h.combine(n.isRemoved)
            h.combine(store.network(id: n.id)?.subnet.description)
        }
    }

    private static func combine(node id: String, _ store: ClusterStore, into h: inout Hasher) {
        h.combine(id)
        guard let n = store.node(id: id) else { h.combine(false); return }
        h.combine(n.role.rawValue)
        h.combine(n.availability.rawValue)
        h.combine(n.state.rawValue)
        h.combine(n.raftID)
        h.combine(n.updatedAt)
    }

    private static func combine(service id: String, _ store: ClusterStore, into h: inout Hasher) {
        h.combine(id)
        guard let s = store.service(id: id) else { h.combine(false); return }
        h.combine(s.specVersion)
        h.combine(s.version)
        h.combine(s.spec.replicas)
        h.combine(s.updateStatus?.state.rawValue)
        h.combine(s.updatedAt)
    }

    private static func combine(task id: String, _ store: ClusterStore, into h: inout Hasher) {
        h.combine(id)
        guard let t = store.task(id: id) else { h.combine(false); return }
        h.combine(t.nodeID)
        h.combine(t.slot)
        h.combine(t.specVersion)
        h.combine(t.desiredState.rawValue)
        h.combine(t.status.state.rawValue)
        h.combine(t.status.timestamp)
        h.combine(t.updatedAt)
    }

    // MARK: Helpers

    private func position(of index: UInt64) -> Int? {
        var lo = 0, hi = digests.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if digests[mid].index < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < digests.count && digests[lo].index == index ? lo : nil
    }

    mutating func record(_ text: String) {
        guard violations.count < Self.maxViolations else { return }
        violations.append(text)
    }
}
