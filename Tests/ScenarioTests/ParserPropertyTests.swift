import SimCore
import Testing
@testable import ScenarioLanguage
@testable import DockerClient

/// Bad input never traps the parser: random bytes, and random edits of a good scenario.
@Suite struct ParserPropertyTests {
    static let valid = """
        # Failover with five managers.
        seed 7
        network latency 1ms..5ms
        network loss 0.5%
        raft election-ticks 10
        hosts m1..m3 w1..w2 cpus=2 memory=4GiB labels=zone=a ip=10.0.0.11
        m1$ docker swarm init --advertise-addr 10.0.0.11
        w1$ docker swarm join --token $WORKER_TOKEN m1:2377
        m2$ docker swarm join --token "$MANAGER_TOKEN" m1:2377
        m1$ docker service create --name web --replicas 3 -p 8080:80 \\
            --constraint node.role==worker nginx
        ----
        x1y2z3

        wait until service web running 3 timeout 1m
        partition m1 | m2 m3 w1
        expect leader in m2,m3 within 30s
        curl w2:8080 x 6
        ----
        ----
        w1 answered

        w2 answered
        ----
        ----
        link m1 -> m2 latency=200ms loss=10%
        cut m2 -> m3
        heal
        say 'the end' "of ${ID_m1}"
        show cluster
        measure settle until curl no-failures timeout 10s

        """

    /// Checks what must hold for any parse result of `bytes`.
    func checkInvariants(_ bytes: [UInt8]) {
        let result = ScenarioParser.parse(bytes: bytes, file: "fuzz.swarm")
        #expect(result.diagnostics.count <= ScenarioParser.maxErrors + 1)
        let lines = bytes.count(where: { $0 == 0x0A }) + 1
        for d in result.diagnostics {
            #expect(d.location.line >= 1 && d.location.line <= lines)
            #expect(d.location.column >= 1)
            #expect(!d.rendered.isEmpty)
        }
        if result.diagnostics.isEmpty, let source = String(validating: bytes, as: UTF8.self) {
            var actual: [Int: String] = [:]
            for index in result.script.statements.indices where index % 2 == 0 { actual[index] = "out \(index)\n\nmore" }
            let out = rewrite(source: source, script: result.script, actual: actual)
            let again = ScenarioParser.parse(out, file: "fuzz.swarm")
            #expect(again.script.statements.count == result.script.statements.count)
        }
    }

    @Test func theValidScenarioIsValid() {
        let result = ScenarioParser.parse(Self.valid, file: "ok.swarm")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.script.statements.count == 19)
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededRandom(seed: 20_241_126)
        // Bytes biased towards the ones the lexer cares about.
        let interesting: [UInt8] = Array(" \t\n\r#\\'\"$|{}=-.:,0123456789mw$%".utf8) + [0, 0x80, 0xC3, 0xA9, 0xE2, 0xFF]
        for _ in 0..<10_000 {
            let length = rng.int(in: 0...120)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length)
            for _ in 0..<length {
                bytes.append(rng.chance(0.5) ? interesting[rng.int(in: 0..<interesting.count)] : UInt8(truncatingIfNeeded: rng.next()))
            }
            checkInvariants(bytes)
        }
    }

    @Test func randomMutationsOfAValidScenarioNeverCrash() {
        var rng = SeededRandom(seed: 42)
        let base = Array(Self.valid.utf8)
        let fragments = ["--", "----\n", "\\\n", "\"", "'", "$", "${", "|", "->", "..", "=", "%", " x ", "\n\n", "\r\n",
                         "docker ", "m9$ ", "--replicas ", "-p ", "within ", "timeout ", "leader in ", "é", "\u{0}"].map { Array($0.utf8) }
        for _ in 0..<10_000 {
            var bytes = base
            for _ in 0..<rng.int(in: 1...4) {
                let at = rng.int(in: 0...bytes.count)
                switch rng.int(in: 0...4) {
                case 0: bytes.insert(contentsOf: fragments[rng.int(in: 0..<fragments.count)], at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + rng.int(in: 1...12))) }
                case 2: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                case 3:
                    let from = rng.int(in: 0...bytes.count), to = rng.int(in: from...min(bytes.count, from + 40))
                    bytes.insert(contentsOf: Array(bytes[from..<to]), at: at)
                default: if at < bytes.count { bytes[at] = Array(" \n#\"".utf8)[rng.int(in: 0...3)] }
                }
            }
            checkInvariants(bytes)
        }
    }

    @Test func parsingIsDeterministic() {
        var rng = SeededRandom(seed: 9)
        for _ in 0..<200 {
            var bytes = Array(Self.valid.utf8)
            bytes[rng.int(in: 0..<bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            #expect(ScenarioParser.parse(bytes: bytes, file: "f") == ScenarioParser.parse(bytes: bytes, file: "f"))
        }
    }

    @Test func hugeInputsStayCheap() {
        let line = String(repeating: "m1$ docker ", count: 20_000)
        #expect(ScenarioParser.parse(line, file: "big").diagnostics.count == 1)
        let many = String(repeating: "wait 1s\n", count: 50_000)
        #expect(ScenarioParser.parse(many, file: "big").script.statements.count == 50_000)
    }
}
