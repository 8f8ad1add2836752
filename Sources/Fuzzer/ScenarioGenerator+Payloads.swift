import SimCore

// Secrets, configs and autolock in generated scenarios. Their choices come from a stream of
// their own (`"fuzz payloads"`), so the rest of a seed's scenario reads as it did before they
// existed; only the lines they add are new.
//
// Autolock is chosen once, at `swarm init`, and the key never changes, so `$UNLOCK_KEY` always
// unlocks: a restarted manager is sometimes unlocked at once and otherwise stays locked (down,
// to the rest of the swarm) until the liveness phase unlocks every manager.

extension ScenarioGenerator {
    /// `swarm init`, with `--autolock` on about one seed in three.
    mutating func initLine() -> String {
        autolock = payloadRandom.chance(0.35)
        return "m1$ docker swarm init" + (autolock ? " --autolock" : "")
    }

    /// After a `restart` line: with autolock on, a manager is unlocked at once two times in three.
    mutating func afterRestart(_ index: Int) {
        guard autolock, hosts[index].everManager, payloadRandom.chance(0.67) else { return }
        lines.append("\(hosts[index].name)$ echo $UNLOCK_KEY | docker swarm unlock")
    }

    /// In the liveness phase, after the last restarts: every manager that may be locked gets the key.
    mutating func unlockManagers() {
        guard autolock else { return }
        for h in hosts where h.everManager { lines.append("\(h.name)$ echo $UNLOCK_KEY | docker swarm unlock") }
    }

    /// Now and then, after a step of faults or workload: a secret or config is created, given
    /// to a service, taken from it, or removed (refused while a service uses it).
    mutating func payloadStep() {
        guard payloadRandom.chance(0.3) else { return }
        let kind = payloadRandom.chance(0.5) ? "secret" : "config"
        let live = services.filter(\.exists).map(\.name)
        let host = payloadConsole()
        switch payloadRandom.int(in: 0..<4) {
        case 0:
            nextPayload += 1
            let name = "\(kind)\(nextPayload)"
            lines.append(payloadRandom.chance(0.5)
                ? "\(host)$ printf 'v\(nextPayload)\\n' | docker \(kind) create \(name) -"
                : "\(host)$ echo value \(nextPayload) | docker \(kind) create --label n=\(nextPayload) \(name) -")
        case 1:
            guard nextPayload > 0, let service = payloadRandom.element(of: live) else { return }
            let n = payloadRandom.int(in: 1...nextPayload)
            let reference = payloadRandom.chance(0.5) ? "\(kind)\(n)" : "source=\(kind)\(n),target=f\(n),mode=0400"
            lines.append("\(host)$ docker service update -d --\(kind)-add \(reference) \(service)")
        case 2:
            guard nextPayload > 0, let service = payloadRandom.element(of: live) else { return }
            lines.append("\(host)$ docker service update -d --\(kind)-rm \(kind)\(payloadRandom.int(in: 1...nextPayload)) \(service)")
        default:
            guard nextPayload > 0 else { return }
            lines.append("\(host)$ docker \(kind) rm \(kind)\(payloadRandom.int(in: 1...nextPayload))")
        }
    }

    /// A manager believed up, drawn from the payload stream.
    mutating func payloadConsole() -> String {
        payloadRandom.element(of: hosts.filter { $0.manager && !$0.crashed && !$0.left }.map(\.name)) ?? "m1"
    }
}
