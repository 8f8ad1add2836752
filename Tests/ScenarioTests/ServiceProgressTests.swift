import Testing
import SimCore
import Orchestration
@testable import DockerClient

/// docker/cli's progress display (cli/command/service/progress/progress.go) and jsonmessage's
/// rendering of it, frame by frame.
@Suite struct ServiceProgressTests {
    func service(replicas: Int?) -> ServiceRecord {
        var spec = ServiceSpec(name: "web", mode: replicas.map { .replicated($0) } ?? .global, task: TaskTemplate(image: "nginx"))
        spec.update.monitor = .seconds(2)
        return ServiceRecord(id: "svc", spec: spec, createdAt: .zero)
    }

    func task(slot: Int, _ state: TaskState, node: String = "nodeaaaabbbbccccdddd", error: String? = nil) -> TaskRecord {
        var t = TaskRecord(id: "t\(slot)", serviceID: "svc", serviceName: "web", slot: slot, nodeID: node, specVersion: 0,
                           spec: TaskTemplate(image: "nginx"), desiredState: .running,
                           status: TaskStatus(state: state, timestamp: .zero, message: ""), createdAt: .zero)
        t.status.error = error
        return t
    }

    @Test("rows show each state with its share of the bar; verify waits the service's monitor")
    func replicatedFrames() {
        var p = ServiceProgress(reference: "web")
        let s = service(replicas: 2)
        #expect(p.poll(service: s, tasks: [task(slot: 1, .preparing), task(slot: 2, .running)], nodeIsActive: { _ in true }, now: .zero) == nil)
        #expect(p.frame == """
            overall progress: 1 out of 2 tasks
            1/2: preparing [=================================>                 ]
            2/2: running   [==================================================>]

            """)
        let both = [task(slot: 1, .running), task(slot: 2, .running)]
        #expect(p.poll(service: s, tasks: both, nodeIsActive: { _ in true }, now: .zero + .seconds(1)) == nil)
        #expect(p.frame.hasSuffix("verify: Waiting 3 seconds to verify that tasks are stable...\n"))
        #expect(p.poll(service: s, tasks: both, nodeIsActive: { _ in true }, now: .zero + .milliseconds(2800)) == nil)
        #expect(p.poll(service: s, tasks: both, nodeIsActive: { _ in true }, now: .zero + .seconds(3)) == .finished)
        #expect(p.frame.hasSuffix("verify: Service web converged\n"))
    }

    @Test("an error row is cut at 75 characters, and Ctrl-C says the operation goes on")
    func errorRowAndInterrupt() {
        var p = ServiceProgress(reference: "web")
        let long = "no suitable node (" + String(repeating: "x", count: 80) + ")"
        _ = p.poll(service: service(replicas: 1), tasks: [task(slot: 1, .pending, error: long)], nodeIsActive: { _ in true }, now: .zero)
        p.interrupt()
        let lines = p.frame.split(separator: "\n").map(String.init)
        #expect(lines[1] == "1/1: " + String(long.prefix(74)) + "…")
        #expect(lines.suffix(2) == ["Operation continuing in background.", "Use `docker service ps web` to check progress."])
    }

    @Test("more than 20 replicas: no rows; a global service names rows by node ID prefix")
    func manyReplicasAndGlobal() {
        var p = ServiceProgress(reference: "web")
        _ = p.poll(service: service(replicas: 21), tasks: [task(slot: 1, .running)], nodeIsActive: { _ in true }, now: .zero)
        #expect(p.frame == "overall progress: 1 out of 21 tasks\n")
        var g = ServiceProgress(reference: "agent")
        _ = g.poll(service: service(replicas: nil), tasks: [task(slot: 0, .starting)], nodeIsActive: { _ in true }, now: .zero)
        #expect(g.frame.contains("nodeaaaabbbb: starting  [============================================>      ]"))
    }
}
