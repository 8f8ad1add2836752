import Testing
import Foundation
@testable import EngineAPI

/// A task's container is named `SERVICE.SLOT.TASKID` (`SERVICE.NODEID.TASKID` for a global
/// task), and its `com.docker.swarm.task.name` label carries that same name (moby executor
/// `containerConfig.labels`: "task.name" is `c.name()`, swarmkit `naming.Task`).
@Suite struct ContainerNameTests {
    @Test func theTaskNameLabelIsTheContainersName() throws {
        let s = ServedSwarm(twoNodeSwarm + """
            m1$ docker service create -d --name web --replicas 1 --constraint node.role==worker nginx
            m1$ docker service create -d --name agent --mode global nginx
            wait 10s

            """)
        let body = s.body("GET", "/v1.50/containers/json", on: "w1")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]])
        #expect(list.count == 2)
        var named: [String: String] = [:]
        for c in list {
            let names = try #require(c["Names"] as? [String])
            let labels = try #require(c["Labels"] as? [String: String])
            let taskID = try #require(labels["com.docker.swarm.task.id"])
            let service = try #require(labels["com.docker.swarm.service.name"])
            let node = try #require(labels["com.docker.swarm.node.id"])
            #expect(names == ["/" + (labels["com.docker.swarm.task.name"] ?? "")])
            named[service] = labels["com.docker.swarm.task.name"]
            #expect(named[service] == (service == "web" ? "web.1." : "agent.\(node).") + taskID)
        }
        #expect(named.keys.sorted() == ["agent", "web"])
    }
}
