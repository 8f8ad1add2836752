import Testing
import SimCore
@testable import Orchestration

@Suite struct OrchestratorGlobalTests {
    func global(_ name: String = "agent", constraints: [String] = []) -> ServiceSpec {
        var s = ServiceSpec(name: name, mode: .global, task: TaskTemplate(image: "prom/node-exporter"))
        s.task.constraints = constraints.compactMap { try? Scheduler.Constraint.parse($0) }
        return s
    }

    func hosts(_ h: Harness, _ id: String) -> [String] {
        h.live(id).compactMap { h.hostname($0) }.sorted()
    }

    @Test func oneTaskPerEligibleNodeCreatedOnItsNode() {
        var h = Harness(nodes: ["w1", "w2"])
        h.addNode("w3", state: .unknown)
        h.addNode("w4", state: .down)
        h.addNode("w5")
        h.setNode("w5", availability: .drain)
        h.agentsRun = false
        let agent = h.create(global())
        let plan = h.orchestrator.reconcile(h.store, now: .zero, ids: &h.ids)
        let created = plan.commands.compactMap { c -> TaskRecord? in if case .putTask(let t) = c { return t } else { return nil } }
        #expect(created.map { $0.nodeID ?? "-" } == ["nw1", "nw2", "nw3"])   // Unknown counts; Down and drained do not
        #expect(created.allSatisfy { $0.slot == 0 && $0.serviceID == agent && $0.desiredState == .running })
        #expect(created.first?.name == "agent.nw1")
    }

    @Test func aTaskOnAnUnknownNodeWaitsForItToBeReady() {
        var h = Harness(nodes: [])
        h.addNode("w1", state: .unknown)
        let agent = h.create(global())
        h.settle()
        #expect(h.tasks(agent).map(\.status.state) == [.pending])
        #expect(h.tasks(agent).first?.status.error == "1 node not available for new tasks")
        h.setNode("w1", .ready)
        h.settle()
        #expect(h.running(agent).count == 1)
        #expect(h.tasks(agent).first?.status.message == "started")
    }

    @Test func constraintsLimitTheNodes() {
        var h = Harness(nodes: [])
        h.addNode("w1", labels: [("gpu", "yes")])
        h.addNode("w2")
        let agent = h.create(global(constraints: ["node.labels.gpu==yes"]))
        h.settle()
        #expect(hosts(h, agent) == ["w1"])
    }

    @Test func aNodeThatJoinsLaterGetsATask() {
        var h = Harness(nodes: ["w1"])
        let agent = h.create(global())
        h.settle()
        h.addNode("w2")
        h.settle()
        #expect(hosts(h, agent) == ["w1", "w2"])
        #expect(h.running(agent).count == 2)
    }

    @Test func drainShutsTheTaskDownAndMovesNothing() {
        var h = Harness(nodes: ["w1", "w2"])
        let agent = h.create(global())
        h.settle()
        h.setNode("w2", availability: .drain)
        h.run(for: .seconds(30))
        #expect(hosts(h, agent) == ["w1"])
        #expect(h.tasks(agent).count == 2)
        #expect(h.tasks(agent).filter { $0.nodeID == "nw2" }.map(\.status.state) == [.shutdown])
    }

    @Test func aDownNodesTaskIsShutDownAndComesBackWhenTheNodeDoes() {
        var h = Harness(nodes: ["w1", "w2"])
        let agent = h.create(global())
        h.settle()
        h.setNode("w2", .down)
        h.run(for: .seconds(30))
        #expect(hosts(h, agent) == ["w1"])
        h.setNode("w2", .ready)
        h.settle()
        #expect(hosts(h, agent) == ["w1", "w2"])
        #expect(h.running(agent).count == 2)
    }

    @Test func pauseAddsNoTaskButKeepsTheOneThere() {
        var h = Harness(nodes: ["w1"])
        h.addNode("w2")
        h.setNode("w2", availability: .pause)
        let agent = h.create(global())
        h.settle()
        #expect(hosts(h, agent) == ["w1"])
        h.setNode("w1", availability: .pause)
        h.settle()
        #expect(hosts(h, agent) == ["w1"])
        #expect(h.running(agent).count == 1)
    }

    @Test func aFailedTaskRestartsOnTheSameNode() {
        var h = Harness(nodes: ["w1", "w2"])
        let agent = h.create(global())
        h.settle()
        let t = h.running(agent).first { $0.nodeID == "nw2" }!
        h.fail(t.id)
        h.leader()
        let replacement = h.live(agent).first { $0.nodeID == "nw2" }!
        #expect(replacement.id != t.id && replacement.desiredState == .ready)
        h.run(for: .seconds(5))
        #expect(h.running(agent).map { $0.nodeID ?? "" }.sorted() == ["nw1", "nw2"])
    }

    @Test func aFailedTaskOnANodeThatNoLongerMeetsTheConstraintsIsNotRestarted() {
        var h = Harness(nodes: [])
        h.addNode("w1", labels: [("gpu", "yes")])
        let agent = h.create(global(constraints: ["node.labels.gpu==yes"]))
        h.settle()
        h.setNode("w1", availability: .pause)          // the enforcer leaves paused nodes alone
        h.apply([.updateNode(id: "nw1", NodeUpdate(labelsToRemove: ["gpu"]), at: .zero)])
        h.settle()
        h.fail(h.running(agent)[0].id)
        h.run(for: .seconds(30))
        #expect(h.live(agent).isEmpty)
    }

    @Test func aRemovedNodesTasksAreDeleted() {
        var h = Harness(nodes: ["w1", "w2"])
        let agent = h.create(global())
        h.settle()
        h.setNode("w2", .down)
        h.settle()
        h.apply([.removeNode(id: "nw2")])
        h.settle()
        #expect(h.tasks(agent).map { $0.nodeID ?? "" } == ["nw1"])
    }

    @Test func aPreassignedTaskThatDoesNotFitSaysWhy() {
        var h = Harness(nodes: [])
        h.addNode("w1", cpus: 1)
        var spec = global()
        spec.task.reservations = .init(nanoCPUs: 2 * Harness.cpu)
        let agent = h.create(spec)
        h.settle()
        #expect(h.tasks(agent).map(\.status.state) == [.pending])
        #expect(h.tasks(agent).first?.status.error == "insufficient resources on 1 node")
    }
}
