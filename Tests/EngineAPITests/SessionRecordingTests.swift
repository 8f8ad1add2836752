import Foundation
import Testing
import SimCore
import Orchestration
import Cluster
import DockerClient
import Runner
@testable import EngineAPI

/// `--record`: a session served over the API, written as a scenario, replays to the same state.
@Suite struct SessionRecordingTests {
    final class Box: @unchecked Sendable { var recording = SessionRecording(setup: "hosts m1 w1", start: .zero) }

    /// A store's services, nodes and networks as text, for comparing two swarms.
    func summary(_ store: ClusterStore?) -> String {
        guard let store else { return "no store" }
        var lines = store.services.map { s in
            "service \(s.spec.name) \(s.spec.task.image) \(s.spec.mode) env=\(s.spec.task.env) ports=\(s.spec.endpoint.ports) constraints=\(s.spec.task.constraints.map(\.description))"
        }
        lines += store.nodes.map { "node \($0.hostname) \($0.role) \($0.availability) labels=\($0.labels.map { "\($0.key)=\($0.value)" })" }
        lines += store.networks.map { "network \($0.name)" }
        lines += store.payloads.map { "\($0.kind) \($0.spec.name) \($0.spec.labels.map { "\($0.key)=\($0.value)" }) \($0.spec.data)" }
        return lines.sorted().joined(separator: "\n")
    }

    @Test func aRecordedSessionReplaysToTheSameState() throws {
        let s = ServedSwarm("hosts m1 w1\n")
        let swarm = s.server.swarm
        let box = Box()
        s.server.onEngineCall = { host, request, time in
            box.recording.engineCall(request, host: swarm.name(of: host), at: time, store: swarm.allSeeing.freshestStore)
        }
        #expect(s.status("POST", "/v1.50/swarm/init", #"{"ListenAddr":"0.0.0.0:2377","Spec":{"Orchestration":{"TaskHistoryRetentionLimit":3}}}"#) == "HTTP/1.1 200 OK")
        let token = s.body("GET", "/v1.50/swarm").components(separatedBy: #""Worker":""#)[1].prefix(while: { $0 != "\"" })
        #expect(s.status("POST", "/v1.50/swarm/join", #"{"RemoteAddrs":["m1:2377"],"JoinToken":"\#(token)"}"#, on: "w1") == "HTTP/1.1 200 OK")
        let spec = #"{"Name":"web","TaskTemplate":{"ContainerSpec":{"Image":"nginx:1.27","Env":["A=1","B=two words"]},"Placement":{"Constraints":["node.role==worker"]}},"mode":{"replicated":{"Replicas":2}},"EndpointSpec":{"Ports":[{"TargetPort":80,"PublishedPort":8080}]}}"#
        #expect(s.status("POST", "/v1.50/services/create", spec) == "HTTP/1.1 201 Created")
        #expect(s.status("POST", "/v1.50/networks/create", #"{"Name":"backend","Driver":"overlay","Attachable":true}"#) == "HTTP/1.1 201 Created")
        s.server.advance(to: swarm.now + .seconds(5))
        let version = s.body("GET", "/v1.50/services/web").components(separatedBy: #""Version":{"Index":"#)[1].prefix(while: \Character.isNumber)
        let updated = spec.replacingOccurrences(of: "nginx:1.27", with: "nginx:1.28").replacingOccurrences(of: "\"A=1\",", with: "")
            .replacingOccurrences(of: "\"Replicas\":2", with: "\"Replicas\":3")
        #expect(s.status("POST", "/v1.50/services/web/update?version=\(version)", updated) == "HTTP/1.1 200 OK")
        let node = s.body("GET", "/v1.50/nodes/w1").components(separatedBy: #""Version":{"Index":"#)[1].prefix(while: \Character.isNumber)
        #expect(s.status("POST", "/v1.50/nodes/w1/update?version=\(node)", #"{"Role":"worker","Availability":"pause","Labels":{"zone":"a"}}"#) == "HTTP/1.1 200 OK")
        let secret = #"{"Name":"db_pass","Labels":{"env":"prod"},"Data":"\#(Base64.encode(Array("it's 100%\\n\n\tok".utf8)))"}"#
        #expect(s.status("POST", "/v1.50/secrets/create", secret) == "HTTP/1.1 201 Created")
        #expect(s.status("POST", "/v1.50/configs/create", #"{"Name":"site","Data":"aGVsbG8K"}"#) == "HTTP/1.1 201 Created")
        #expect(s.status("POST", "/v1.50/configs/create", #"{"Name":"gone","Data":"aGVsbG8K"}"#) == "HTTP/1.1 201 Created")
        let gone = s.body("GET", "/v1.50/configs/gone").components(separatedBy: #""ID":""#)[1].prefix(while: { $0 != "\"" })
        #expect(s.status("DELETE", "/v1.50/configs/\(gone)") == "HTTP/1.1 204 No Content")
        s.server.advance(to: swarm.now + .seconds(30))

        let text = box.recording.takeText() + "wait 30s\n"
        let parsed = ScenarioParser.parse(text, file: "recorded.swarm")
        #expect(parsed.diagnostics == [], "\(text)")
        let replay = ScenarioRunner(script: parsed.script)
        let report = replay.run()
        #expect(report.error == nil, "\(text)")
        #expect(summary(replay.servedSwarm?.allSeeing.freshestStore) == summary(swarm.allSeeing.freshestStore), "\(text)")
        #expect(text.contains("m1$ docker service update --detach --image nginx:1.28 --replicas 3 --env-rm A web\n"))
        #expect(text.contains("m1$ docker node update --availability pause --label-add zone=a w1\n"))
        #expect(text.contains(#"m1$ printf "it's 100%%\\\\n\\n\\tok" | docker secret create --label env=prod db_pass -"# + "\n"))
        #expect(text.contains("m1$ docker config rm gone\n"))
    }

    @Test func waitsAreExactToTheNanosecond() {
        #expect(SessionRecording.seconds(9_861_451_770) == "9.86145177s")
        #expect(SessionRecording.seconds(2_000_000_000) == "2s")
        #expect(SessionRecording.seconds(1) == "0.000000001s")
        #expect((try? SimDuration(parsing: "9.86145177s"))?.nanoseconds == 9_861_451_770)
    }

    @Test func wordsAreQuotedSoTheyReadBack() {
        #expect(RecordedStatement.quoted("B=two words") == "'B=two words'")
        #expect(RecordedStatement.quoted("it's") == "\"it's\"")
        #expect(RecordedStatement.quoted("$WORKER_TOKEN") == "$WORKER_TOKEN")
        #expect(RecordedStatement.quoted("a$b") == "'a$b'")
    }
}
