#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Raft
import SimCore

// The Raft workloads: the consensus core alone, driven in memory with instant delivery (no
// simulator, no network model), so the figures are the cost of Raft itself: stepping
// messages, building Readies, persisting to `Raft.Storage`, applying.

/// `raft-replicate`: 5 voters with a leader; propose one 64-byte entry, deliver every message
/// and process every Ready until all 5 have applied it; 100,000 times. Entries per second.
let raftReplicate = Workload(
    name: "raft-replicate",
    summary: "5 Raft voters in memory, instant delivery: propose a 64-byte entry, run until all 5 apply it; 100,000 times; entries/s; vs etcd raft"
) {
    let entries = 100_000, repeats = RaftBench.repeats
    var outcome = RaftBench.ReplicateOutcome()
    let timing = bestOfWithCPU(repeats) { outcome = RaftBench.replicate(entries: entries, seed: 1) }
    var result = BenchResult(
        name: "raft-replicate", value: Double(entries) / timing.best, unit: "entries/s",
        details: [
            ("voters", "5"),
            ("messages per entry", formatSignificant(Double(outcome.messages) / Double(entries), digits: 3)),
            ("snapshots taken", fixed(Double(outcome.snapshots), decimals: 0)),
            ("runs (s)", timing.all.map(formatSeconds).joined(separator: " ")),
        ])
    result.attach(peer: "etcd-raft", EtcdRaftPeer.run(workload: "replicate", count: entries, repeats: repeats))
    result.addCPU(timing.cpu)
    return [result]
}

/// `raft-elect`: 5 voters with a leader; 20,000 times: cut the leader off, tick the other four
/// (each once per round) until one leads, reconnect the old leader, tick all five until all
/// follow one leader in one term. Elections per second.
let raftElect = Workload(
    name: "raft-elect",
    summary: "5 Raft voters in memory: cut the leader off, tick the rest until one leads, reconnect, settle; 20,000 times; elections/s; vs etcd raft"
) {
    let elections = 20_000, repeats = RaftBench.repeats
    var outcome = RaftBench.ElectOutcome()
    let timing = bestOfWithCPU(repeats) { outcome = RaftBench.elect(elections: elections, seed: 1) }
    var result = BenchResult(
        name: "raft-elect", value: Double(elections) / timing.best, unit: "elections/s",
        details: [
            ("voters", "5 (election ticks 10, CheckQuorum on, PreVote off)"),
            ("mean ticks per election", formatSignificant(Double(outcome.electionRounds) / Double(elections), digits: 3)),
            ("mean ticks to settle after reconnecting", formatSignificant(Double(outcome.settleRounds) / Double(elections), digits: 3)),
            ("runs (s)", timing.all.map(formatSeconds).joined(separator: " ")),
        ])
    result.attach(peer: "etcd-raft", EtcdRaftPeer.run(workload: "elect", count: elections, repeats: repeats))
    result.addCPU(timing.cpu)
    return [result]
}

enum RaftBench {
    /// Timed runs per workload: 3, or `SWARMSIM_RAFT_RUNS` (1 for callgrind; the work per run
    /// stays the same).
    static let repeats = Int(getenv("SWARMSIM_RAFT_RUNS").map { String(cString: $0) } ?? "").map { max(1, $0) } ?? 3

    /// 64 bytes of command, stored inline in the entry.
    struct Command: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        init(_ k: UInt64) { words = (k, k &+ 1, k &+ 2, k &+ 3, k &+ 4, k &+ 5, k &+ 6, k &+ 7) }
    }

    /// The application state: how many commands were applied, and the sum of their first words.
    struct State: Sendable {
        var applied: UInt64 = 0
        var checksum: UInt64 = 0
    }

    typealias Node = RaftNode<Command, State>
    typealias Message = Raft.Message<Command, State>

    // MARK: The cluster

    /// Members in memory, with one FIFO of messages delivered instantly and a member that can be
    /// cut off. Members persist every Ready to a `Raft.Storage` and snapshot when Raft asks.
    ///
    /// The FIFO holds each Ready's messages as one batch, so queueing moves an array instead of
    /// copying every message. A member's node, storage and state are kept together, and each
    /// delivery works on them through one access (one uniqueness check of `members`, not one per
    /// field touched).
    struct Cluster {
        struct Member {
            var node: Node
            var storage = Raft.Storage<Command, State>()
            var state = State()
        }

        var members: [Member]
        var queue: [[Message]] = []
        var cutOff: Int?
        var messages = 0
        var snapshots = 0

        init(voters: Int, seed: UInt64) {
            let ids = (1...voters).map { Raft.NodeID($0) }
            let root = SeededRandom(seed: seed)
            members = ids.map { Member(node: Node(id: $0, voters: ids, config: Raft.Config(), random: root.child($0))) }
            queue.reserveCapacity(64)
            for i in members.indices { process(i) }
        }

        static func member(_ id: Raft.NodeID) -> Int { Int(id) - 1 }

        var leader: Int? { members.firstIndex { $0.node.role == .leader && Self.member($0.node.id) != cutOff } }

        /// Persists, sends, applies and acknowledges everything member `i` has ready.
        mutating func process(_ i: Int) {
            Self.process(&members[i], queue: &queue, snapshots: &snapshots)
        }

        static func process(_ m: inout Member, queue: inout [[Message]], snapshots: inout Int) {
            if m.node.hasReady { turns(&m, queue: &queue, snapshots: &snapshots) }
        }

        /// The Ready loop of a member with something ready. Not inlined into `process`: there
        /// the compiler loaded most of the node's fields before asking whether anything is ready.
        @inline(never)
        static func turns(_ m: inout Member, queue: inout [[Message]], snapshots: inout Int) {
            // A turn hands out everything: only a compaction makes the node ready again.
            repeat {
                handOut(&m.node, storage: &m.storage, state: &m.state, queue: &queue)
                guard m.node.needsSnapshot else { return }
                m.node.compact(through: m.node.appliedIndex, state: m.state)
                snapshots += 1
            } while m.node.hasReady
        }

        /// One turn of the Ready loop: persist, send, load and apply, advance.
        @inline(__always)
        static func handOut(_ node: inout Node, storage: inout Raft.Storage<Command, State>, state: inout State,
                            queue: inout [[Message]]) {
            node.handOut(
                persistingTo: &storage,
                send: { queue.append($0) },
                load: { state = $0.state },
                apply: { entry in
                    if case .command(let c) = entry.payload {
                        state.applied &+= 1
                        state.checksum &+= c.words.0
                    }
                })
        }

        /// Delivers every message, and those they cause, in order.
        mutating func deliverAll() {
            var head = 0
            var batch: [Message] = []
            while head < queue.count {
                swap(&batch, &queue[head])   // moved out: the batch's buffer is ours alone
                head += 1
                guard let sender = batch.first.map({ Self.member($0.from) }) else { continue }
                // Each message is handed to its recipient where it lies (inout: neither copied
                // nor moved), and dropped with the batch.
                for j in batch.indices {
                    let i = Self.member(batch[j].to)
                    // Everything to and from the member cut off is lost (it sends nothing while
                    // cut off: it is neither ticked nor sent anything).
                    if let cut = cutOff, i == cut || sender == cut { continue }
                    messages += 1
                    Self.deliver(&batch[j], to: &members[i], queue: &queue, snapshots: &snapshots)
                }
                // Handed back to its sender, whose next outbox reuses the buffer.
                members[sender].node.recycle(&batch)
            }
            while queue.popLast() != nil {}   // each dropped where it is specialized (removeAll: a generic destroy per batch)
        }

        static func deliver(_ message: inout Message, to m: inout Member, queue: inout [[Message]], snapshots: inout Int) {
            m.node.step(message)
            process(&m, queue: &queue, snapshots: &snapshots)
        }

        mutating func tick(_ i: Int) {
            members[i].node.tick()
            process(i)
            deliverAll()
        }

        /// Ticks everyone until a leader is known to all.
        mutating func settle() -> Int {
            var rounds = 0
            while !converged {
                rounds += 1
                for i in members.indices { tick(i) }
                precondition(rounds < 10_000, "RaftBench: the cluster never settled")
            }
            return rounds
        }

        /// One leader, followed by every member in its term.
        var converged: Bool {
            guard let l = leader else { return false }
            let (id, term) = (members[l].node.id, members[l].node.term)
            return members.allSatisfy { $0.node.leader == id && $0.node.term == term }
        }
    }

    // MARK: Workloads

    struct ReplicateOutcome {
        var messages = 0
        var snapshots = 0
    }

    static func replicate(entries: Int, seed: UInt64) -> ReplicateOutcome {
        var c = Cluster(voters: 5, seed: seed)
        _ = c.settle()
        guard let leader = c.leader else { preconditionFailure("RaftBench: no leader") }
        c.messages = 0
        let before = c.members.map(\.state.applied)
        for k in 0..<entries {
            do {
                _ = try c.members[leader].node.propose(Command(UInt64(k)))
            } catch {
                preconditionFailure("RaftBench: proposal refused: \(error)")
            }
            c.process(leader)
            c.deliverAll()
        }
        for i in c.members.indices {
            precondition(c.members[i].state.applied - before[i] == UInt64(entries), "RaftBench: member \(i + 1) applied \(c.members[i].state.applied - before[i]) of \(entries)")
        }
        return ReplicateOutcome(messages: c.messages, snapshots: c.snapshots)
    }

    struct ElectOutcome {
        var electionRounds = 0
        var settleRounds = 0
    }

    static func elect(elections: Int, seed: UInt64) -> ElectOutcome {
        var c = Cluster(voters: 5, seed: seed)
        _ = c.settle()
        var outcome = ElectOutcome()
        for _ in 0..<elections {
            guard let old = c.leader else { preconditionFailure("RaftBench: no leader") }
            c.cutOff = old
            repeat {
                outcome.electionRounds += 1
                for i in c.members.indices where i != old { c.tick(i) }
                precondition(outcome.electionRounds < 1_000 * elections, "RaftBench: no new leader")
            } while c.leader == nil
            c.cutOff = nil
            outcome.settleRounds += c.settle()
        }
        return outcome
    }
}
