import SimCore
import Cluster
import DockerClient

/// `--autolock`, `docker swarm unlock-key` and `docker swarm unlock`, as docker/cli runs them
/// (cli/command/swarm init.go, update.go, unlock_key.go, unlock.go).
extension DockerCommandRun {
    /// `swarm init --autolock`: the key follows the join instructions.
    mutating func initAutolock() {
        if case .failure(let e) = call(.swarmAutolock(true)) { return fail(e) }
        switch call(.swarmUnlockKey(rotate: false)) {
        case .failure(let e): out += "could not fetch unlock key: Error response from daemon: \(e.text)\n"
        case .success(.unlockKey(let key)): out += DockerFormat.unlockCommand(key: key)
        case .success: break
        }
    }

    /// `swarm update --autolock=true|false` (with any other flags): "Swarm updated.", then the
    /// key when autolock has just been turned on.
    mutating func swarmUpdateAutolock() {
        guard case .success(.cluster(let before, _)) = call(.swarmInspect) else {
            if case .failure(let e) = call(.swarmInspect) { fail(e) }
            return
        }
        let on = invocation.isOn("autolock")
        if invocation.has("dispatcher-heartbeat") || invocation.has("task-history-limit") {
            let r = call(.swarmUpdate(dispatcherHeartbeat: invocation.duration("dispatcher-heartbeat"),
                                      taskHistoryLimit: invocation.int("task-history-limit"),
                                      rotateWorkerToken: false, rotateManagerToken: false))
            if case .failure(let e) = r { return fail(e) }
        }
        if case .failure(let e) = call(.swarmAutolock(on)) { return fail(e) }
        out += "Swarm updated.\n"
        guard on, before.unlockKey == nil else { return }
        switch call(.swarmUnlockKey(rotate: false)) {
        case .failure(let e): out += "could not fetch unlock key: Error response from daemon: \(e.text)\n"
        case .success(.unlockKey(let key)): out += DockerFormat.unlockCommand(key: key)
        case .success: break
        }
    }

    /// `docker swarm unlock-key [-q] [--rotate]`.
    mutating func unlockKey() {
        let quiet = invocation.isOn("quiet"), rotate = invocation.isOn("rotate")
        if rotate {
            switch call(.swarmInspect) {
            case .failure(let e): return fail(e)
            case .success(.cluster(let c, _)) where c.unlockKey == nil:
                out += "cannot rotate because autolock is not turned on\n"
                return
            case .success: break
            }
        }
        switch call(.swarmUnlockKey(rotate: rotate)) {
        case .failure(let e): out += "could not fetch unlock key: Error response from daemon: \(e.text)\n"
        case .success(.unlockKey(let key)):
            if rotate, !quiet { out += "Successfully rotated manager unlock key.\n" }
            if key.isEmpty { out += "no unlock key is set\n"; return }
            out += quiet ? key + "\n" : DockerFormat.unlockCommand(key: key)
        case .success: break
        }
    }

    /// `docker swarm unlock`: asks `info` whether this engine is locked, then sends the key
    /// read from standard input (its first line, trimmed).
    mutating func unlock() {
        guard case .success(.info(let info)) = call(.info) else { return }
        switch info.localState {
        case .inactive: out += "Error: This node is not part of a swarm\n"; return
        case .locked: break
        default: out += "Error: swarm is not locked\n"; return
        }
        let text = String(decoding: input ?? [], as: UTF8.self)
        let key = String(text.prefix { $0 != "\n" }).trimmingCharacters(in: " \t\r")
        if case .failure(let e) = call(.swarmUnlock(key: key)) { fail(e) }
    }
}

extension String {
    /// The text without leading and trailing characters of `set`.
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
