import SimCore
import Testing
@testable import ScenarioLanguage
@testable import DockerClient

// MARK: - Helpers shared by the parser test files

/// Parses `text` as file `t.swarm`.
func parse(_ text: String) -> ParseResult {
    ScenarioParser.parse(text, file: "t.swarm")
}

/// The statements of `text`, recording an issue for any diagnostic.
func statements(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Statement] {
    let result = parse(text)
    #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)", sourceLocation: sourceLocation)
    return result.script.statements.map(\.statement)
}

/// The last statement of `text` (earlier lines usually declare hosts).
func lastStatement(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Statement? {
    statements(text, sourceLocation: sourceLocation).last
}

/// Every diagnostic of `text`, rendered and joined by blank lines.
func rendered(_ text: String) -> String {
    parse(text).renderedDiagnostics
}

/// A location in `t.swarm`.
func at(_ line: Int, _ column: Int) -> ScenarioLanguage.SourceLocation {
    ScenarioLanguage.SourceLocation(file: "t.swarm", line: line, column: column)
}

let twoManagers = "hosts m1..m3 w1..w3\n"

// MARK: - Statement forms

@Suite struct ParserTests {
    static let settings: [(String, Setting)] = [
        ("seed 42", Setting(key: .seed, value: .seed(42))),
        ("seed 18446744073709551615", Setting(key: .seed, value: .seed(.max))),
        ("network latency 2ms", Setting(key: .networkLatency, value: .latency(.fixed(.milliseconds(2))))),
        ("network latency 1ms..5ms", Setting(key: .networkLatency, value: .latency(.uniform(.milliseconds(1), .milliseconds(5))))),
        ("network latency exponential min=1ms mean=5ms",
         Setting(key: .networkLatency, value: .latency(.exponential(minimum: .milliseconds(1), mean: .milliseconds(5))))),
        ("network latency exponential mean=5ms min=1ms",
         Setting(key: .networkLatency, value: .latency(.exponential(minimum: .milliseconds(1), mean: .milliseconds(5))))),
        ("network loss 1%", Setting(key: .networkLoss, value: .probability(0.01))),
        ("network loss 0.01", Setting(key: .networkLoss, value: .probability(0.01))),
        ("network loss 100%", Setting(key: .networkLoss, value: .probability(1))),
        ("network duplication 0.5%", Setting(key: .networkDuplication, value: .probability(0.005))),
        ("raft tick 1s", Setting(key: .raftTick, value: .duration(.seconds(1)))),
        ("raft election-ticks 10", Setting(key: .raftElectionTicks, value: .count(10))),
        ("raft heartbeat-ticks 1", Setting(key: .raftHeartbeatTicks, value: .count(1))),
        ("raft prevote on", Setting(key: .raftPreVote, value: .toggle(true))),
        ("raft check-quorum off", Setting(key: .raftCheckQuorum, value: .toggle(false))),
        ("raft election-timer paper", Setting(key: .raftElectionTimer, value: .choice("paper"))),
        ("raft snapshot-interval 10000", Setting(key: .raftSnapshotInterval, value: .count(10_000))),
        ("dispatcher heartbeat 5s", Setting(key: .dispatcherHeartbeat, value: .duration(.seconds(5)))),
        ("mesh balance round-robin", Setting(key: .meshBalance, value: .choice("round-robin"))),
        ("mesh balance local-first", Setting(key: .meshBalance, value: .choice("local-first"))),
        ("mesh propagation 500ms", Setting(key: .meshPropagation, value: .duration(.milliseconds(500)))),
        ("task pull-time 2s", Setting(key: .taskPullTime, value: .duration(.seconds(2)))),
        ("task start-time 0s", Setting(key: .taskStartTime, value: .duration(.zero))),
    ]

    @Test(arguments: settings)
    func setting(_ text: String, _ expected: Setting) {
        #expect(lastStatement(text) == .setting(expected))
    }

    @Test func everySettingKeyHasAnExampleThatParses() {
        for key in SettingKey.allCases {
            let example = String(StatementParser.example(key).split(separator: ",")[0])
            guard case .setting(let setting)? = lastStatement(example) else { Issue.record("\(example)"); continue }
            #expect(setting.key == key, "\(example)")
        }
    }

    // MARK: Hosts

    @Test func hostsExpandRanges() {
        let s = lastStatement("hosts m1..m3 w1..2 db")
        #expect(s == .hosts([
            HostDeclaration(name: "m1", location: at(1, 7)), HostDeclaration(name: "m2", location: at(1, 7)),
            HostDeclaration(name: "m3", location: at(1, 7)), HostDeclaration(name: "w1", location: at(1, 14)),
            HostDeclaration(name: "w2", location: at(1, 14)), HostDeclaration(name: "db", location: at(1, 20)),
        ]))
    }

    @Test func hostRangesKeepZeroPadding() {
        guard case .hosts(let h)? = lastStatement("hosts w08..w10") else { Issue.record("not hosts"); return }
        #expect(h.map(\.name) == ["w08", "w09", "w10"])
    }

    @Test func hostOptionsApplyToEveryHostAndAddressesCountUp() {
        guard case .hosts(let h)? = lastStatement("hosts w1..w3 cpus=2.5 memory=8GiB labels=zone=a,ssd ip=10.0.0.254") else {
            Issue.record("not hosts"); return
        }
        #expect(h.map(\.nanoCPUs) == [2_500_000_000, 2_500_000_000, 2_500_000_000])
        #expect(h.map(\.memoryBytes) == [8 << 30, 8 << 30, 8 << 30])
        #expect(h[2].labels == [Label(key: "zone", value: "a"), Label(key: "ssd", value: "")])
        #expect(h.map { $0.ip?.description } == ["10.0.0.254", "10.0.0.255", "10.0.1.0"])
    }

    @Test func memoryUnits() {
        let cases: [(String, Int64)] = [("512", 512), ("1KB", 1024), ("1KiB", 1024), ("2MB", 2 << 20), ("1.5GiB", 3 << 29),
                                        ("1TiB", 1 << 40), ("100B", 100), ("2g", 2 << 30)]
        for (text, bytes) in cases {
            guard case .hosts(let h)? = lastStatement("hosts a memory=\(text)") else { Issue.record("not hosts"); continue }
            #expect(h[0].memoryBytes == bytes, "\(text)")
        }
    }

    @Test func hostsAccumulateOverStatements() {
        let result = parse("hosts m1 ip=10.0.0.1\n# later\nhosts w1..w2\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.script.hosts.map(\.name) == ["m1", "w1", "w2"])
        #expect(result.script.hosts.map(\.ip) == [IPv4Address(10, 0, 0, 1), nil, nil])
    }

    // MARK: Docker

    @Test func dockerStatement() {
        guard case .docker(let host, let words)? = lastStatement("hosts m1\nm1$ docker swarm init --advertise-addr 10.0.0.1") else {
            Issue.record("not docker"); return
        }
        #expect(host == "m1")
        #expect(DockerCLI.parse(words) == .success(DockerInvocation(
            path: ["swarm", "init"],
            flags: [.init(name: "advertise-addr", value: .text(Word("10.0.0.1", location: at(2, 40))), location: at(2, 23))],
            location: at(2, 5))))
    }

    @Test func dockerArgumentsKeepVariables() {
        guard case .docker(let host, let words)? = lastStatement("hosts m1 w1\nw1$ docker swarm join --token $WORKER_TOKEN m1:2377"),
              case .success(let inv) = DockerCLI.parse(words) else {
            Issue.record("not docker"); return
        }
        #expect(host == "w1")
        #expect(inv.text("token")?.parts == [.variable("WORKER_TOKEN")])
        #expect(inv.arguments.map(\.text) == ["m1:2377"])
    }

    // MARK: Time and conditions

    @Test func waits() {
        #expect(statements("wait 10s\nwait 1m30s\nwait 0s") == [.wait(.seconds(10)), .wait(.seconds(90)), .wait(.zero)])
        #expect(lastStatement("wait until leader") == .waitUntil(.leader, timeout: nil))
        #expect(lastStatement("wait until no leader timeout 1m") == .waitUntil(.noLeader, timeout: .minutes(1)))
    }

    static let conditions: [(String, Condition)] = [
        ("leader", .leader),
        ("leader for 3s", .leaderFor(.seconds(3))),
        ("leader for 1m30s", .leaderFor(.seconds(90))),
        ("leader in m2,m3", .leaderIn(["m2", "m3"])),
        ("leader in m2 m3", .leaderIn(["m2", "m3"])),
        ("leader in m2, m3", .leaderIn(["m2", "m3"])),
        ("leader is m1", .leaderIs("m1")),
        ("no leader", .noLeader),
        ("node w1 ready", .nodeStatus(node: "w1", .ready)),
        ("node w1 down", .nodeStatus(node: "w1", .down)),
        ("node w1 unknown", .nodeStatus(node: "w1", .unknown)),
        ("node w2 active", .nodeAvailability(node: "w2", .active)),
        ("node w2 pause", .nodeAvailability(node: "w2", .pause)),
        ("node w2 drain", .nodeAvailability(node: "w2", .drain)),
        ("service web running 6", .serviceRunning(service: "web", tasks: 6)),
        ("service web running 0", .serviceRunning(service: "web", tasks: 0)),
        ("curl all-tasks-answered", .curlAllTasksAnswered),
        ("curl no-failures", .curlNoFailures),
        ("curl failures <= 2", .curlFailures(atMost: 2)),
        ("manager m1 leader", .manager(host: "m1", role: .leader, term: nil)),
        ("manager m2 pre-candidate", .manager(host: "m2", role: .preCandidate, term: nil)),
        ("manager m1 term 3", .manager(host: "m1", role: nil, term: 3)),
        ("manager m2 candidate term 12", .manager(host: "m2", role: .candidate, term: 12)),
        ("manager w1 follower term 0", .manager(host: "w1", role: .follower, term: 0)),
    ]

    @Test(arguments: conditions)
    func condition(_ text: String, _ expected: Condition) {
        #expect(lastStatement(twoManagers + "expect \(text)") == .expect(expected, within: nil))
        #expect(lastStatement(twoManagers + "expect \(text) within 30s") == .expect(expected, within: .seconds(30)))
        #expect(lastStatement(twoManagers + "wait until \(text) timeout 2m") == .waitUntil(expected, timeout: .minutes(2)))
    }

    @Test func measure() {
        #expect(lastStatement(twoManagers + "measure failover until leader in m2,m3 timeout 60s")
            == .measure(name: "failover", until: .leaderIn(["m2", "m3"]), timeout: .seconds(60)))
        #expect(lastStatement("measure settle until curl no-failures") == .measure(name: "settle", until: .curlNoFailures, timeout: nil))
    }

    // MARK: Faults

    @Test func partitionCompletesTheFirstGroup() {
        #expect(lastStatement(twoManagers + "partition m1 w1 | m3") == .partition([["m1", "w1", "m2", "w2", "w3"], ["m3"]]))
        #expect(lastStatement(twoManagers + "partition m1|m2|m3") == .partition([["m1", "w1", "w2", "w3"], ["m2"], ["m3"]]))
    }

    @Test func hostListFaults() {
        #expect(statements(twoManagers + "isolate m1 w2\ncrash m2\nrestart m2 m3\nheal").dropFirst()
            == [.isolate(["m1", "w2"]), .crash(["m2"]), .restart(["m2", "m3"]), .heal])
    }

    @Test func cutsAndLinks() {
        #expect(lastStatement(twoManagers + "cut m1 -> m2") == .cut(from: "m1", to: "m2"))
        #expect(lastStatement(twoManagers + "link m1 m2 latency=200ms loss=10%")
            == .link(LinkChange(from: "m1", to: "m2", bothDirections: true,
                                action: .set(LinkProperties(latency: .fixed(.milliseconds(200)), loss: 0.1)))))
        #expect(lastStatement(twoManagers + "link m1 -> w1 latency=1ms..3ms duplication=0.5%")
            == .link(LinkChange(from: "m1", to: "w1", bothDirections: false,
                                action: .set(LinkProperties(latency: .uniform(.milliseconds(1), .milliseconds(3)), duplication: 0.005)))))
        #expect(lastStatement(twoManagers + "link m1 m2 reset") == .link(LinkChange(from: "m1", to: "m2", bothDirections: true, action: .reset)))
        #expect(lastStatement(twoManagers + "link m1 -> m2 reset") == .link(LinkChange(from: "m1", to: "m2", bothDirections: false, action: .reset)))
    }

    // MARK: Narration and traffic

    @Test func sayKeepsItsWords() {
        guard case .say(let words)? = lastStatement(#"say "Leader $X is gone" now"#) else { Issue.record("not say"); return }
        #expect(words.map(\.text) == ["Leader $X is gone", "now"])
        #expect(words[0].parts == [.literal("Leader "), .variable("X"), .literal(" is gone")])
    }

    @Test func showAndCurl() {
        #expect(lastStatement("show cluster") == .show(.cluster))
        #expect(lastStatement("show services") == .show(.services))
        #expect(lastStatement("show mesh") == .show(.mesh))
        #expect(lastStatement(twoManagers + "curl w3:8080") == .curl(CurlRequest(target: .host("w3"), port: 8080, count: 1)))
        #expect(lastStatement(twoManagers + "curl w3:8080 x 6") == .curl(CurlRequest(target: .host("w3"), port: 8080, count: 6)))
        #expect(lastStatement(twoManagers + "curl m1:80 x12") == .curl(CurlRequest(target: .host("m1"), port: 80, count: 12)))
        #expect(lastStatement("curl 10.0.0.7:8080 x 2") == .curl(CurlRequest(target: .address(IPv4Address(10, 0, 0, 7)), port: 8080, count: 2)))
    }

    // MARK: Statement metadata

    @Test func statementsKnowTheirPlaceAndOutput() throws {
        let text = "# demo\nhosts m1\n\nm1$ docker node \\\n  ls\n----\nID\n\nsay hi\n"
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        let node = result.script.statements[1]
        #expect(node.location == at(4, 1))
        #expect(node.lines == 4...5)
        #expect(node.text == "m1$ docker node \\\n  ls")
        let block = try #require(node.expected)
        #expect(block.text == "ID")
        #expect(block.location == at(6, 1))
        #expect(result.script.statements[2].expected == nil)
    }

    @Test func emptyFileIsAnEmptyScript() {
        #expect(parse("") == ParseResult(script: Script(file: "t.swarm"), diagnostics: []))
        #expect(parse("# nothing yet\n\n").script.statements.isEmpty)
    }
}
