import SimCore
import SimNetwork
import NodeRoles

/// Faults a scenario injects: crashes and restarts, partitions and isolation, one-way cuts, and
/// the links' latency and loss.
extension Swarm {
    /// Stops a host: it neither sends nor receives, its timers stop, and everything it held in
    /// memory is gone. What its engine wrote to disk (membership, Raft log) survives.
    public func crash(_ host: HostID) {
        guard network.isUp(host) else { return }
        network.crash(host)
        hosts[host.index].heartbeatWakeups = 0
        sealOnCrash(host)
        for p in hosts[host.index].manager?.proposals ?? [] { proposalWaiters[p.ticket] = nil }
        hosts[host.index].manager = nil
        stopAgent(host)
        hosts[host.index].backgroundJoin = nil
        hosts[host.index].mesh.reset()
        for op in operations.unanswered(on: host) {
            operations.finish(op, .failure(EngineError("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?")))
        }
        traceHost("crash", host)
        notify(.crashed(host))
    }

    /// Starts a crashed host again: its engine rejoins the swarm it belonged to, a manager
    /// restoring Raft from its log.
    public func restart(_ host: HostID) {
        guard !network.isUp(host) else { return }
        network.restart(host)
        traceHost("restart", host)
        notify(.restarted(host))
        guard hosts[host.index].membership != nil, hosts[host.index].membership?.removedByForce == false, !restartsLocked(host) else { return }
        startRestarted(host)
    }

    /// Starts a restarted (or just unlocked) host's Swarm software: the manager from its Raft
    /// log, then the agent.
    func startRestarted(_ host: HostID) {
        if let storage = hosts[host.index].raftStorage {
            let raft = StoreRaft(id: hosts[host.index].membership?.raftID ?? 0, restoring: storage,
                                 config: options.raft, random: raftRandom(host))
            safety.restarted(raft)
            startManager(host, raft: raft)
        }
        startAgent(host)
    }

    public func partition(_ groups: [[HostID]]) {
        network.partition(groups)
        traceFault("partition", groups.map { $0.map(name(of:)).joined(separator: " ") })
        notify(.network)
    }
    public func isolate(_ host: HostID) { network.isolate(host); traceHost("isolate", host); notify(.network) }
    public func heal() { network.heal(); entryCuts.removeAll(); traceFault("heal", []); notify(.network) }
    /// `entriesOnly`: only the Raft log entries `from` sends are lost (see `isEntryCut`).
    public func cut(from: HostID, to: HostID, entriesOnly: Bool = false) {
        if entriesOnly {
            if !entryCuts.contains(where: { $0.from == from && $0.to == to }) { entryCuts.append((from, to)) }
            traceFault("cut", [name(of: from), name(of: to), "raft-entries"])
        } else {
            network.cut(from: from, to: to)
            traceFault("cut", [name(of: from), name(of: to)])
        }
        notify(.network)
    }
    public func setLink(from: HostID, to: HostID, _ profile: LinkProfile?) { network.setLink(from: from, to: to, profile) }
    public func setDefaultLink(_ profile: LinkProfile) { network.defaultLink = profile }
}
