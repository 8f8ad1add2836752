@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner
@testable import Cluster
import SimCore
import Testing

/// `docker info`'s Swarm block (docker/cli cli/command/system/info.go `printSwarmInfo`) and the
/// two-manager warning of moby's `Info()`.
@Suite struct InfoFormatTests {
    static func info(managers: Int, error: String? = nil) -> SwarmInfo {
        SwarmInfo(localState: .active, nodeID: "n1", nodeAddress: "10.0.0.1", isManager: true, clusterID: "c1",
                  managers: managers, nodes: 3, managerAddresses: ["10.0.0.1:2377"], dispatcherHeartbeat: .seconds(5),
                  taskHistoryLimit: 5, snapshotInterval: 10_000, electionTicks: 10, heartbeatTicks: 1,
                  logEntriesForSlowFollowers: 500, error: error)
    }

    @Test("a manager's block: Data Path Port, CA Configuration, Autolock, Root Rotation, in docker's order")
    func wholeBlock() {
        #expect(DockerFormat.info(Self.info(managers: 3)) == """
             Swarm: active
              NodeID: n1
              Is Manager: true
              ClusterID: c1
              Managers: 3
              Nodes: 3
              Data Path Port: 4789
              Orchestration:
               Task History Retention Limit: 5
              Raft:
               Snapshot Interval: 10000
               Number of Old Snapshots to Retain: 0
               Heartbeat Tick: 1
               Election Tick: 10
              Dispatcher:
               Heartbeat Period: 5 seconds
              CA Configuration:
               Expiry Duration: 3 months
               Force Rotate: 0
              Autolock Managers: false
              Root Rotation In Progress: false
              Node Address: 10.0.0.1
              Manager Addresses:
               10.0.0.1:2377

            """)
    }

    @Test("exactly two managers: moby's warning, word for word; one or three: none")
    func twoManagerWarning() {
        let warning = """
            WARNING: Running Swarm in a two-manager configuration. This configuration provides
                     no fault tolerance, and poses a high risk to lose control over the cluster.
                     Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the
                     Swarm for fault-tolerance.

            """
        #expect(DockerFormat.info(Self.info(managers: 2)).hasSuffix("   10.0.0.1:2377\n" + warning))
        #expect(!DockerFormat.info(Self.info(managers: 1)).contains("WARNING"))
        #expect(!DockerFormat.info(Self.info(managers: 3)).contains("WARNING"))
    }

    @Test("with an error, the Error line after NodeID and no cluster part, nor the warning")
    func noLeader() {
        #expect(DockerFormat.info(Self.info(managers: 2, error: "no leader")) == """
             Swarm: active
              NodeID: n1
              Error: no leader
              Is Manager: true
              Node Address: 10.0.0.1
              Manager Addresses:
               10.0.0.1:2377

            """)
    }
}
