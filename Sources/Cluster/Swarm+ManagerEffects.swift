import SimCore
import Raft
import Orchestration
import NodeRoles

/// Carrying out what a `Manager` asks (NodeRoles/ManagerEffect.swift): the leader pass's
/// schedules, proposals, traces and sends, and its Raft messages once on disk.
extension Swarm {
    /// What the leader pass reads of the swarm's settings.
    var dispatcherSettings: DispatcherSettings {
        DispatcherSettings(gracePeriodMultiplier: options.gracePeriodMultiplier, defaultHeartbeat: options.dispatcherHeartbeat)
    }

    /// On the leader `host`, after a Ready: the dispatcher if it is due, then what the applied
    /// entries call for. Two calls, each carried out before the next: the dispatcher's start
    /// proposes, which a lone voter applies at once, and the rest must see that.
    func afterApplyOnLeader(_ host: HostID, _ applied: ApplyEffects, roleChanged: Bool) {
        guard let m = hosts[host.index].manager else { return }
        var effects: [ManagerEffect] = []
        m.startDispatcherIfDue(now: now, settings: dispatcherSettings, effects: &effects)
        perform(effects, ofManagerOn: host)
        effects.removeAll(keepingCapacity: true)
        m.leaderApplied(applied, roleChanged: roleChanged, now: now, settings: dispatcherSettings, effects: &effects)
        perform(effects, ofManagerOn: host)
    }

    /// Starts the dispatcher on `host` if it leads and is due one (a heartbeat may come first).
    func startDispatcherIfDue(_ host: HostID) {
        guard let m = hosts[host.index].manager else { return }
        var effects: [ManagerEffect] = []
        m.startDispatcherIfDue(now: now, settings: dispatcherSettings, effects: &effects)
        perform(effects, ofManagerOn: host)
    }

    func perform(_ effects: [ManagerEffect], ofManagerOn host: HostID) {
        for effect in effects { perform(effect, ofManagerOn: host) }
    }

    func perform(_ effect: ManagerEffect, ofManagerOn host: HostID) {
        switch effect {
        case .passDue(let time, let term):
            simulator.schedule(.orchestrate(host, incarnation: network.incarnation(host), term: term), at: time)
        case .passPlanned(let commands):
            guard trace.isEnabled else { return }
            var line = TraceLine(time: now, event: "orchestrate")
            line.field("host", name(of: host))
            line.field("commands", commands)
            trace.write(line)
        case .proposePass(let commands, let wake):
            let accepted = propose([.batch(commands)], on: host, target: nil, reply: .api(.success(.done)))
            guard let m = hosts[host.index].manager else { return }
            var next: [ManagerEffect] = []
            m.passProposed(accepted: accepted, wake: wake, now: now, effects: &next)
            perform(next, ofManagerOn: host)
        case .propose(let commands, let membership):
            propose(commands, membership: membership, on: host, target: nil, reply: .api(.success(.done)))
        case .dispatcher(let effect):
            perform(effect, ofDispatcherOn: host, answering: nil, node: nil)
        case .dispatcherStopped:
            traceHost("dispatcher.stop", host)
        case .sendAssignments(let nodeID):
            sendAssignments(nodeID: nodeID, from: host)
        case .spreadMesh(let serviceIDs):
            scheduleMeshUpdates(serviceIDs, from: host)
        case .leadershipTransferred:
            traceHost("raft.transferLeadership", host)
            processReady(host)
        case .sendRaft(let messages):
            sendRaftMessages(messages, from: host)
        case .sendRaftOnceWritten(let messages, let time):
            guard !messages.isEmpty else { return }
            schedule(.raftPersisted(host, incarnation: network.incarnation(host), messages: messages), after: time - now)
        }
    }
}
