import SimCore
import Orchestration

/// Autolock (swarmkit's encrypted manager keys; moby daemon/cluster swarm.go `UnlockSwarm`).
///
/// With autolock on, a manager's keys on disk are sealed with the swarm's unlock key. A
/// manager that restarts cannot read them: it stays locked (no Raft, no agent, every swarm
/// call answered "Swarm is encrypted…") until `docker swarm unlock` gives it that key. The key
/// a host's disk is sealed with is the one its own store held when it went down: a manager
/// down during `unlock-key --rotate` still needs the old one, as in Swarm.
extension Swarm {
    /// The swarm's current unlock key as the freshest running store holds it; when that store
    /// has none (autolock off, or the only running stores are stale and every up-to-date
    /// manager is locked), the key a locked manager is sealed with; nil when there is neither.
    /// What `$UNLOCK_KEY` expands to (the all-seeing observer's read).
    public var unlockKey: String? {
        if let key = freshestStore?.cluster?.unlockKey { return key }
        return hosts.lazy.filter(\.locked).compactMap(\.sealedWith).first
    }

    /// Whether `host` is locked now (a restarted manager waiting for its key).
    public func isLocked(_ host: HostID) -> Bool { hosts[host.index].locked }

    /// At a crash: remember the key the manager's disk is sealed with. A locked host keeps
    /// the seal it has (it never read its disk); a host with no manager has none.
    func sealOnCrash(_ host: HostID) {
        if hosts[host.index].locked {
            hosts[host.index].locked = false   // down now; the restart locks it again
            return
        }
        hosts[host.index].sealedWith = hosts[host.index].manager?.store.cluster?.unlockKey
    }

    /// At a restart: a manager sealed with a key stays locked. True when it does.
    func restartsLocked(_ host: HostID) -> Bool {
        guard hosts[host.index].raftStorage != nil, hosts[host.index].sealedWith != nil else { return false }
        hosts[host.index].locked = true
        traceHost("locked", host)
        return true
    }

    /// A call on a locked engine: `info` answers (`Swarm: locked`), `swarm unlock` tries the
    /// key, everything else gets moby's `errSwarmLocked`.
    func startWhileLocked(_ op: OperationID, _ request: EngineRequest, on host: HostID) {
        switch request {
        case .info:
            finish(op, .success(.info(info(host))))
        case .swarmUnlock(let key):
            guard Self.isWellFormedUnlockKey(key) else { return finish(op, .failure(EngineError("invalid key string"))) }
            guard key == hosts[host.index].sealedWith else {
                return finish(op, .failure(EngineError("swarm could not be unlocked: invalid key provided")))
            }
            hosts[host.index].locked = false
            traceHost("unlocked", host)
            startRestarted(host)
            finish(op, .success(.done))
        default:
            finish(op, .failure(.swarmLocked))
        }
    }

    /// swarmkit `encryption.ParseHumanReadableKey`: `SWMKEY-1-` and unpadded base64.
    static func isWellFormedUnlockKey(_ key: String) -> Bool {
        guard key.hasPrefix("SWMKEY-1-") else { return false }
        let body = key.dropFirst(9).unicodeScalars
        return body.count % 4 != 1 && body.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "/") }
    }

    /// `--autolock` and `unlock-key` on the leader.
    func executeAutolock(_ request: EngineRequest, in store: ClusterStore, on host: HostID, target: ReplyTarget) {
        func answer(_ r: EngineResult) { reply(target, .api(r), from: host) }
        guard let cluster = store.cluster else { return answer(.failure(.notInSwarm)) }
        switch request {
        case .swarmAutolock(let on):
            guard on != (cluster.unlockKey != nil) else { return answer(.success(.done)) }
            propose([.setUnlockKey(on ? identity.newUnlockKey() : nil, at: now)], on: host, target: target, reply: .api(.success(.done)))
        case .swarmUnlockKey(let rotate):
            guard rotate, cluster.unlockKey != nil else { return answer(.success(.unlockKey(cluster.unlockKey ?? ""))) }
            let key = identity.newUnlockKey()
            propose([.setUnlockKey(key, at: now)], on: host, target: target, reply: .api(.success(.unlockKey(key))))
        default:
            answer(.failure(EngineError("swarm is not locked")))
        }
    }
}
