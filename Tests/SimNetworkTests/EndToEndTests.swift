import Testing
import SimCore
import SimNetwork

// MARK: - A ping-pong run on SimCore's Simulator

/// A ball passed between hosts: each receiver sends it on to the next host, and every host
/// serves a fresh ball every 20 ms to a peer it picks at random, so play survives losses.
struct Ball: Equatable {
    var serve: Int
    var hop: Int
}

enum Fault {
    case partition([[HostID]]), isolate(HostID), cut(HostID, HostID), heal, crash(HostID), restart(HostID)
}

enum PingEvent {
    case deliver(Envelope<Ball>)
    case serve(HostID, incarnation: UInt32)
    case fault(Fault)
}

/// The shell of this test: asks the network each message's fate, schedules deliveries, and
/// traces everything as JSON Lines.
struct PingPong: EventHandler {
    var network: Network
    var choices: SeededRandom
    let trace: TraceWriter
    var order: [String] = []
    var serves = 0
    var outcomes: [String: Int] = [:]

    init(seed: UInt64, trace: TraceWriter) {
        let root = SeededRandom(seed: seed)
        var net = Network(hostCount: 4,
                          defaultLink: LinkProfile(latency: .exponential(minimum: .milliseconds(1), mean: .milliseconds(5)),
                                                   loss: 0.05, duplication: 0.02),
                          random: root.child("network"))
        net.setLink(from: HostID(0), to: HostID(3), .perfect(.milliseconds(20)))
        network = net
        choices = root.child("players")
        self.trace = trace
    }

    mutating func handle(_ event: PingEvent, simulator sim: Simulator<PingEvent>) {
        switch event {
        case .serve(let host, let incarnation):
            // A timer of an older incarnation is void, like the messages. A crashed host's timer
            // still fires here, so that the network's refusal (senderDown) shows in the trace.
            guard network.incarnation(host) == incarnation else {
                var line = TraceLine(time: sim.now, event: "timer-void")
                line.field("host", host.index)
                record(line, kind: "timer-void")
                return
            }
            serves += 1
            let peer = HostID((host.index + 1 + Int(choices.below(3))) % network.hostCount)
            send(Ball(serve: serves, hop: 0), from: host, to: peer, sim)
            sim.schedule(.serve(host, incarnation: incarnation), after: .milliseconds(20))
        case .deliver(let envelope):
            let kind = network.accepts(envelope) ? "recv" : "void"
            var line = TraceLine(time: sim.now, event: kind)
            line.field("from", envelope.from.index)
            line.field("to", envelope.to.index)
            line.field("serve", envelope.message.serve)
            line.field("hop", envelope.message.hop)
            record(line, kind: kind)
            guard network.accepts(envelope), envelope.message.hop < 12 else { return }
            let next = HostID((envelope.to.index + 1) % network.hostCount)
            send(Ball(serve: envelope.message.serve, hop: envelope.message.hop + 1), from: envelope.to, to: next, sim)
        case .fault(let fault):
            var line = TraceLine(time: sim.now, event: "fault")
            switch fault {
            case .partition(let groups):
                network.partition(groups)
                line.field("partition", groups.map { $0.map(\.description).joined(separator: " ") })
            case .isolate(let host): network.isolate(host); line.field("isolate", host.index)
            case .cut(let a, let b): network.cut(from: a, to: b); line.field("cut", [a.description, b.description])
            case .heal: network.heal(); line.field("heal", true)
            case .crash(let host): network.crash(host); line.field("crash", host.index)
            case .restart(let host):
                network.restart(host)
                line.field("restart", host.index)
                sim.schedule(.serve(host, incarnation: network.incarnation(host)), after: .milliseconds(10))
            }
            line.field("groups", network.groups.map { $0.map(\.description).joined(separator: " ") })
            record(line, kind: "fault")
        }
    }

    mutating func send(_ ball: Ball, from: HostID, to: HostID, _ sim: Simulator<PingEvent>) {
        let envelope = Envelope(from: from, to: to, incarnation: network.incarnation(to), message: ball)
        var line = TraceLine(time: sim.now, event: "send")
        line.field("from", from.index)
        line.field("to", to.index)
        line.field("serve", ball.serve)
        line.field("hop", ball.hop)
        let kind: String
        switch network.transmit(from: from, to: to) {
        case .dropped(let why):
            line.field("drop", why.rawValue)
            kind = "drop:" + why.rawValue
        case .delivered(let d):
            line.field("delay", d)
            sim.schedule(.deliver(envelope), after: d)
            kind = "send"
        case .duplicated(let d1, let d2):
            line.field("delays", [d1.exactSeconds, d2.exactSeconds])
            sim.schedule(.deliver(envelope), after: d1)
            sim.schedule(.deliver(envelope), after: d2)
            kind = "duplicated"
        }
        record(line, kind: kind)
    }

    /// Writes `line` to the trace and the event order, and tallies it under `kind`.
    mutating func record(_ line: TraceLine, kind: String) {
        order.append(line.text)
        outcomes[kind, default: 0] += 1
        trace.write(line)
    }
}

/// One run of five virtual seconds with a fault every half second; returns the trace bytes.
func pingPongRun(seed: UInt64) -> (trace: [UInt8], handler: PingPong) {
    final class Sink { var bytes: [UInt8] = [] }
    let sink = Sink()
    let writer = TraceWriter(chunkSize: 4096) { sink.bytes += $0 }
    writer.write(TraceLine(header: "ping-pong"))
    var game = PingPong(seed: seed, trace: writer)
    let sim = Simulator<PingEvent>()
    for host in 0..<4 { sim.schedule(.serve(HostID(host), incarnation: 0), after: .milliseconds(Int64(host))) }
    let faults: [(Int64, Fault)] = [
        (500, .partition([[HostID(0), HostID(1)], [HostID(2), HostID(3)]])),
        (1_000, .isolate(HostID(1))),
        (1_500, .heal),
        (2_000, .crash(HostID(2))),
        (2_500, .restart(HostID(2))),
        (3_000, .cut(HostID(0), HostID(1))),
        (3_500, .heal),
    ]
    for (ms, fault) in faults { sim.schedule(.fault(fault), after: .milliseconds(ms)) }
    sim.run(until: SimTime.zero + .seconds(5), &game)
    writer.flush()
    return (sink.bytes, game)
}

@Suite struct EndToEndTests {
    /// The FNV-1a digest of seed 2024's trace. It changes whenever anything in the stream
    /// changes — a draw, an order, a format — which is the point: look at why, then update it.
    static let goldenDigest: UInt64 = 0x7AD2_96FD_47FC_11DB
    static let goldenLength = 1_058_585

    @Test func aRunIsAPureFunctionOfItsSeed() {
        let first = pingPongRun(seed: 2024), second = pingPongRun(seed: 2024)
        #expect(first.handler.order == second.handler.order)
        #expect(first.trace == second.trace)
        #expect(!first.trace.isEmpty)
        #expect(pingPongRun(seed: 2025).trace != first.trace)
    }

    @Test func theRunExercisesEveryFate() {
        let outcomes = pingPongRun(seed: 2024).handler.outcomes
        for kind in ["recv", "void", "duplicated", "fault", "timer-void", "drop:senderDown", "drop:receiverDown",
                     "drop:partitioned", "drop:cut", "drop:loss"] {
            #expect(outcomes[kind, default: 0] > 0, "no \(kind) in \(outcomes.sorted { $0.key < $1.key })")
        }
    }

    @Test func theTraceMatchesTheRecordedDigest() {
        let run = pingPongRun(seed: 2024)
        let digest = fnv1a(run.trace)
        #expect(run.trace.count == Self.goldenLength)
        #expect(digest == Self.goldenDigest, "digest 0x\(String(digest, radix: 16)), \(run.trace.count) bytes")
    }
}
