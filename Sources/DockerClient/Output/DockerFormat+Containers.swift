import SimCore
import Orchestration
import Cluster

extension DockerFormat {
    /// `docker ps [-a]` on one host from its engine's containers, up and exited, newest first
    /// (docker/cli formatter/container.go). STATUS is `Up 8 seconds`, with the health check's
    /// state after it (`Up 8 seconds (health: starting)`), or `Exited (1) 3 seconds ago`.
    /// Without `all`, only containers that are up.
    package static func containerList(rows: [ContainerRow], now: SimTime, all: Bool, noTrunc: Bool, quiet: Bool) -> String {
        let shown = rows.filter { all || $0.isUp }
        var health: [String: String] = [:]  // looked up by task ID, never iterated
        for row in shown where row.isUp {
            health[row.record.id] = "Up " + VirtualCalendar.humanDuration(now - row.upSince)
                + (row.health.map { " " + $0 } ?? "")
        }
        return containerList(shown.map(\.record), now: now, all: true, noTrunc: noTrunc, quiet: quiet,
                             statusText: { health[$0.id] })
    }
}
