import Testing
import Foundation
import SimCore
import Cluster
import DockerClient
import Runner
@testable import EngineAPI

/// A served swarm without sockets: requests in, virtual time on, exact answers out.
struct ServedSwarm {
    let runner: ScenarioRunner
    let server: EngineServer

    init(_ text: String) {
        let parsed = ScenarioParser.parse(text, file: "t.swarm")
        precondition(!parsed.hasErrors, parsed.renderedDiagnostics)
        runner = ScenarioRunner(script: parsed.script)
        _ = runner.run()
        server = EngineServer(swarm: runner.servedSwarm!, originUnixNanoseconds: 1_796_169_600_000_000_000)
    }

    func host(_ name: String) -> HostID { runner.servedSwarm!.host(named: name)! }

    /// Sends `raw` on a new connection to `host` and runs the swarm (10 ms at a time, at most
    /// a virtual minute) until the server closes it; returns what was written.
    func exchange(_ raw: String, on host: String = "m1") -> String {
        let c = server.open(host: self.host(host))
        server.receive(Array(raw.utf8), on: c)
        var out = server.takeOutput(c)
        let deadline = server.swarm.now + .seconds(60)
        while !server.isFinished(c), server.swarm.now < deadline {
            server.advance(to: server.swarm.now + .milliseconds(10))
            out += server.takeOutput(c)
        }
        server.close(c)
        return String(decoding: out, as: UTF8.self)
    }

    /// The body of the answer to one `method path` request (closing the connection).
    func body(_ method: String, _ path: String, _ json: String? = nil, on host: String = "m1") -> String {
        let body = json ?? ""
        let text = exchange("\(method) \(path) HTTP/1.1\r\nHost: docker\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", on: host)
        return text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }

    func status(_ method: String, _ path: String, _ json: String? = nil, on host: String = "m1") -> String {
        let body = json ?? ""
        let text = exchange("\(method) \(path) HTTP/1.1\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", on: host)
        return text.components(separatedBy: "\r\n")[0]
    }
}

let twoNodeSwarm = """
    hosts m1 w1
    m1$ docker swarm init
    w1$ docker swarm join --token $WORKER_TOKEN m1:2377
    wait 10s

    """

@Suite struct EngineServerTests {
    @Test func pingAnswersWithTheDaemonsHeaders() {
        let s = ServedSwarm(twoNodeSwarm)
        #expect(s.exchange("GET /_ping HTTP/1.1\r\nConnection: close\r\n\r\n") == """
            HTTP/1.1 200 OK\r
            Api-Version: 1.50\r
            Docker-Experimental: false\r
            Ostype: linux\r
            Server: Docker/28.2.2 (linux)\r
            Content-Type: text/plain; charset=utf-8\r
            Builder-Version: 2\r
            Cache-Control: no-cache, no-store, must-revalidate\r
            Pragma: no-cache\r
            Swarm: active/manager\r
            Content-Length: 2\r
            Connection: close\r
            \r
            OK
            """)
        #expect(s.exchange("HEAD /_ping HTTP/1.1\r\nConnection: close\r\n\r\n", on: "w1").hasSuffix("Swarm: active/worker\r\nContent-Length: 2\r\nConnection: close\r\n\r\n"))
    }

    @Test func versionsOutsideTheRangeAreRefusedAsMobyDoes() {
        let s = ServedSwarm(twoNodeSwarm)
        #expect(s.body("GET", "/v1.51/info") == "{\"message\":\"client version 1.51 is too new. Maximum supported API version is 1.50\"}\n")
        #expect(s.body("GET", "/v1.12/info") == "{\"message\":\"client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version\"}\n")
        #expect(s.status("GET", "/v1.24/version") == "HTTP/1.1 200 OK")
    }

    @Test func malformedRequestsGet400AndTheConnectionCloses() {
        let s = ServedSwarm(twoNodeSwarm)
        let text = s.exchange("GARBAGE\r\n\r\nGET /_ping HTTP/1.1\r\n\r\n")
        #expect(text.hasPrefix("HTTP/1.1 400 Bad Request\r\nApi-Version: 1.50\r\n"))
        #expect(text.hasSuffix("Connection: close\r\n\r\n{\"message\":\"malformed request line\"}\n"))
        // The server goes on serving others.
        #expect(s.status("GET", "/_ping") == "HTTP/1.1 200 OK")
    }

    @Test func unmodelledEndpointsAnswerAtOnce() {
        let s = ServedSwarm(twoNodeSwarm)
        #expect(s.status("GET", "/v1.50/events") == "HTTP/1.1 501 Not Implemented")
        #expect(s.body("GET", "/v1.50/events") == "{\"message\":\"events are not simulated by SwarmSim yet\"}\n")
        #expect(s.body("GET", "/v1.50/no/such/thing") == "{\"message\":\"page not found\"}\n")
        #expect(s.body("PUT", "/v1.50/nodes") == "{\"message\":\"page not found: PUT /nodes\"}\n")
    }

    @Test func swarmStateErrorsUseTheDaemonsCodes() {
        let s = ServedSwarm(twoNodeSwarm)
        #expect(s.status("GET", "/v1.50/nodes", on: "w1") == "HTTP/1.1 503 Service Unavailable")
        #expect(s.body("GET", "/v1.50/nodes", on: "w1").contains("Worker nodes can't be used to view or modify cluster state."))
        #expect(s.status("GET", "/v1.50/nodes/nosuch") == "HTTP/1.1 404 Not Found")
        #expect(s.body("GET", "/v1.50/services/nosuch") == "{\"message\":\"service nosuch not found\"}\n")
        #expect(s.body("GET", "/v1.50/nodes?filters=%7Bbad") == "{\"message\":\"invalid filter: {bad\"}\n")
        #expect(s.body("GET", "/v1.50/nodes?filters=%7B%22color%22%3A%7B%22x%22%3Atrue%7D%7D") == "{\"message\":\"invalid filter 'color'\"}\n")
    }

    @Test func aServiceCreatedThroughTheAPIRunsAndCounts() {
        let s = ServedSwarm(twoNodeSwarm)
        let spec = #"{"Name":"web","TaskTemplate":{"ContainerSpec":{"Image":"nginx:latest"}},"Mode":{"Replicated":{"Replicas":2}},"EndpointSpec":{"Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080}]}}"#
        #expect(s.status("POST", "/v1.50/services/create", spec) == "HTTP/1.1 201 Created")
        s.server.advance(to: s.server.swarm.now + .seconds(20))
        let list = s.body("GET", "/v1.50/services?status=true")
        #expect(list.contains(#""ServiceStatus":{"RunningTasks":2,"DesiredTasks":2,"CompletedTasks":0}"#))
        #expect(list.contains(#""Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]"#))
        let tasks = s.body("GET", "/v1.50/tasks?filters=%7B%22service%22%3A%7B%22web%22%3Atrue%7D%2C%22desired-state%22%3A%5B%22running%22%5D%7D")
        #expect(tasks.components(separatedBy: #""DesiredState":"running""#).count == 3)
        #expect(s.body("POST", "/v1.50/services/web/update?version=1", spec) == "{\"message\":\"rpc error: code = Unknown desc = update out of sequence\"}\n")
        #expect(s.body("POST", "/v1.50/services/create", #"{"Name":"x","TaskTemplate":{"ContainerSpec":{}}}"#)
            == "{\"message\":\"ContainerSpec: image reference must be provided\"}\n")
    }

    @Test func aNodeUpdateNeedsTheNodesVersion() {
        let s = ServedSwarm(twoNodeSwarm)
        let node = s.body("GET", "/v1.50/nodes/w1")
        let index = node.components(separatedBy: #""Version":{"Index":"#)[1].prefix(while: \.isNumber)
        #expect(s.body("POST", "/v1.50/nodes/w1/update?version=1", #"{"Role":"worker","Availability":"drain"}"#)
            == "{\"message\":\"rpc error: code = Unknown desc = update out of sequence\"}\n")
        #expect(s.status("POST", "/v1.50/nodes/w1/update?version=\(index)", #"{"Role":"worker","Availability":"drain"}"#) == "HTTP/1.1 200 OK")
        #expect(s.body("GET", "/v1.50/nodes/w1").contains(#""Spec":{"Labels":{},"Role":"worker","Availability":"drain"}"#))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() {
        let s = ServedSwarm(twoNodeSwarm)
        let text = s.exchange("GET /v1.50/nodes HTTP/1.1\r\n\r\nGET /_ping HTTP/1.1\r\n\r\nGET /v1.50/version HTTP/1.1\r\nConnection: close\r\n\r\n")
        let statuses = text.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(6) }
        #expect(statuses == ["200 OK", "200 OK", "200 OK"])
        #expect(text.range(of: "\"Hostname\":\"m1\"")!.lowerBound < text.range(of: "\r\n\r\nOK")!.lowerBound)
    }

    @Test func theSameRequestsGiveTheSameBytes() {
        let a = ServedSwarm(twoNodeSwarm), b = ServedSwarm(twoNodeSwarm)
        for path in ["/v1.50/nodes", "/v1.50/swarm", "/v1.50/info", "/v1.50/networks", "/v1.50/tasks"] {
            #expect(a.body("GET", path) == b.body("GET", path))
        }
    }
}
