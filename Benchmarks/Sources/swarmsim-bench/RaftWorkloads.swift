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
    /// copying every message.
    struct Cluster {
        var nodes: [Node]
        var storages: [Raft.Storage<Command, State>]
        var states: [State]
        var queue: [[Message]] = []
        var cutOff: Int?
        var messages = 0
        var snapshots = 0

        init(voters: Int, seed: UInt64) {
            let ids = (1...voters).map { Raft.NodeID($0) }
            let root = SeededRandom(seed: seed)
            nodes = ids.map { Node(id: $0, voters: ids, config: Raft.Config(), random: root.child($0)) }
            storages = Array(repeating: Raft.Storage(), count: voters)
            states = Array(repeating: State(), count: voters)
            queue.reserveCapacity(64)
            for i in nodes.indices { process(i) }
        }

        func member(_ id: Raft.NodeID) -> Int { Int(id) - 1 }

        var leader: Int? { nodes.firstIndex { $0.role == .leader && member($0.id) != cutOff } }

        /// Persists, sends, applies and acknowledges everything member `i` has ready.
        mutating func process(_ i: Int) {
            while nodes[i].hasReady {
                let ready = nodes[i].ready()
                storages[i].persist(ready)
                if let cut = cutOff {
                    if i != cut { queue.append(ready.messages.filter { member($0.to) != cut }) }
                } else if !ready.messages.isEmpty {
                    queue.append(ready.messages)
                }
                if let s = ready.snapshot { states[i] = s.state }
                for e in ready.committed {
                    if case .command(let c) = e.payload {
                        states[i].applied &+= 1
                        states[i].checksum &+= c.words.0
                    }
                }
                nodes[i].advance()
                if nodes[i].needsSnapshot {
                    nodes[i].compact(through: nodes[i].appliedIndex, state: states[i])
                    snapshots += 1
                }
            }
        }

        /// Delivers every message, and those they cause, in order.
        mutating func deliverAll() {
            var head = 0
            var batch: [Message] = []
            while head < queue.count {
                swap(&batch, &queue[head])   // moved out: the batch's buffer is ours alone
                head += 1
                for m in batch {
                    messages += 1
                    let i = member(m.to)
                    nodes[i].step(m)
                    process(i)
                }
                // Handed back to its sender, whose next outbox reuses the buffer.
                if let sender = batch.first.map({ member($0.from) }) { nodes[sender].recycle(&batch) }
            }
            queue.removeAll(keepingCapacity: true)
        }

        mutating func tick(_ i: Int) {
            nodes[i].tick()
            process(i)
            deliverAll()
        }

        /// Ticks everyone until a leader is known to all.
        mutating func settle() -> Int {
            var rounds = 0
            while !converged {
                rounds += 1
                for i in nodes.indices { tick(i) }
                precondition(rounds < 10_000, "RaftBench: the cluster never settled")
            }
            return rounds
        }

        /// One leader, followed by every member in its term.
        var converged: Bool {
            guard let l = leader else { return false }
            let (id, term) = (nodes[l].id, nodes[l].term)
            return nodes.allSatisfy { $0.leader == id && $0.term == term }
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
        let before = c.states.map(\.applied)
        for k in 0..<entries {
            do {
                _ = try c.nodes[leader].propose(Command(UInt64(k)))
            } catch {
                preconditionFailure("RaftBench: proposal refused: \(error)")
            }
            c.process(leader)
            c.deliverAll()
        }
        for i in c.nodes.indices {
            precondition(c.states[i].applied - before[i] == UInt64(entries), "RaftBench: member \(i + 1) applied \(c.states[i].applied - before[i]) of \(entries)")
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
                for i in c.nodes.indices where i != old { c.tick(i) }
                precondition(outcome.electionRounds < 1_000 * elections, "RaftBench: no new leader")
            } while c.leader == nil
            c.cutOff = nil
            outcome.settleRounds += c.settle()
        }
        return outcome
    }
}
