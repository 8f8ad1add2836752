import SimCore

/// Two administrator moves the liveness phase may make, each chosen per seed: recovering the
/// swarm with `docker swarm init --force-new-cluster` on m1 (the other managers leave and join
/// again, as docker's admin guide says), and demoting whichever manager leads (leadership is
/// handed over first), then promoting m1..m3 back.
extension ScenarioGenerator {
    /// At the start of the liveness phase, before the other crashed hosts restart: m1 (restarted
    /// if it is down) forces a new cluster of its own, keeping the store. Each other host that was
    /// ever a manager (a demotion may have failed) is restarted if down, leaves with `--force`
    /// and joins m1 again as a manager, at once: a removed manager left running could otherwise
    /// campaign with the others.
    mutating func recoverByForce() {
        lines.append("# Recovery: m1 forces a new cluster; the other managers leave and join again")
        if hosts[0].crashed {
            hosts[0].crashed = false
            lines.append("restart m1")
        }
        lines.append("m1$ docker swarm init --force-new-cluster")
        // A refused `swarm leave` (the node was still a manager) leaves it in the swarm: hosts the
        // generator believes gone leave too (harmless when they had).
        for i in hosts.indices.dropFirst() where hosts[i].everManager {
            if hosts[i].crashed {
                hosts[i].crashed = false
                lines.append("restart \(hosts[i].name)")
            }
            lines.append("\(hosts[i].name)$ docker swarm leave --force")
            lines.append("\(hosts[i].name)$ docker swarm join --token $MANAGER_TOKEN m1:2377")
            hosts[i].manager = true
            hosts[i].left = false
        }
    }

    /// Once a leader is there: m1 demotes it (itself, maybe), then m1..m3 are promoted back from
    /// each of them (the ones that are workers now refuse; repeating is harmless).
    mutating func demoteTheLeader() {
        lines.append("# The leader is demoted: it hands leadership over, then m1..m3 are promoted back")
        lines.append("expect leader within \(config.leaderWithin)")
        lines.append("m1$ docker node demote $LEADER")
        lines.append("wait 20s")
        lines.append("expect leader within \(config.leaderWithin)")
        let founders = ["m1", "m2", "m3"].filter { name in hosts.contains { $0.name == name } }
        for console in founders {
            lines.append("\(console)$ docker node promote \(founders.joined(separator: " "))")
        }
        lines.append("wait 20s")
    }
}
