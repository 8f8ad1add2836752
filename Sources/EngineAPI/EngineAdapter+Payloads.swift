import SimCore
import Orchestration
import Cluster

// MARK: - Secrets and configs

/// `/secrets` and `/configs` (moby api/server/router/swarm: `getSecrets`, `createSecret`,
/// `getSecret`, `removeSecret` and their config twins) on the engine's payload calls.
extension EngineAdapter {
    func payloadsEndpoint(_ kind: PayloadKind, _ m: String, _ s: [String], _ route: APIRoute, _ body: [UInt8]) -> Step {
        do throws(APIError) {
            switch (m, s) {
            case ("GET", []):
                let filters = try Self.payloadFilters(route)
                return call(.payloadList(kind, filters)) { [calendar] answer in
                    guard case .payloads(let records) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(.array(records.map { APIJSON.payload($0, calendar) })))
                }
            case ("POST", ["create"]):
                let spec = try APIBodies.payloadCreate(body)
                return call(.payloadCreate(kind, spec)) { answer in
                    guard case .created(let id) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(.object([.init("ID", .string(id))]), status: 201))
                }
            case ("GET", _) where s.count == 1:
                return call(.payloadInspect(kind, s[0])) { [calendar] answer in
                    guard case .payload(let record) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(APIJSON.payload(record, calendar)))
                }
            case ("DELETE", _) where s.count == 1:
                return call(.payloadRemove(kind, s[0]), done(204))
            default:
                return .respond(APISystem.unmodelled(m, [kind.rawValue + "s"] + s))
            }
        } catch {
            return Self.failure(error)
        }
    }

    /// The `filters` of a secret or config list, checked with the engine's own table (moby
    /// `newListSecretsFilters`: `id`, `label`, `name`, `names`).
    static func payloadFilters(_ route: APIRoute) throws(APIError) -> PayloadFilters {
        let parsed = try filters(route)
        var pairs: [(String, String)] = []
        for e in parsed.entries { for v in e.values { pairs.append((e.key, v)) } }
        do throws(PayloadReferenceError) {
            return try PayloadFilters(pairs: pairs)
        } catch {
            throw APIError(400, error.message)
        }
    }
}

// MARK: - Autolock

/// `GET /swarm/unlockkey`, `POST /swarm/unlock`, and the autolock parts of `/swarm/init` and
/// `/swarm/update` (moby daemon/cluster swarm.go `GetUnlockKey`, `UnlockSwarm`, `Update`).
extension EngineAdapter {
    func unlockKey() -> Step {
        call(.swarmUnlockKey(rotate: false)) { answer in
            guard case .unlockKey(let key) = answer else { return .respond(APISystem.unexpected) }
            return .respond(APIResponses.json(.object([.init("UnlockKey", .string(key))])))
        }
    }

    /// moby answers an engine that is not locked with a conflict (`notLockedError`), a wrong
    /// key with 401 (`invalidUnlockKey`), a malformed one with 400.
    func unlock(_ body: [UInt8]) throws(APIError) -> Step {
        let key = try APIBodies.json(body)[go: "UnlockKey"]?.string ?? ""
        return .call(.swarmUnlock(key: key)) { result in
            switch result {
            case .success: return .respond(APIResponses.empty())
            case .failure(let e) where e.text == "swarm is not locked": return .respond(APIResponses.error(409, e.text))
            case .failure(let e) where e.text.hasSuffix("invalid key provided"): return .respond(APIResponses.error(401, e.text))
            case .failure(let e): return .respond(APIResponses.error(e))
            }
        }
    }

    /// After an update's other changes: autolock turned on (a new key) or off when the spec
    /// asks for a change; else the key rotated when `rotateManagerUnlockKey` is set and
    /// autolock is on (swarmkit rotates no key while autolock is off).
    func autolockAfterUpdate(_ current: ClusterRecord, autolock: Bool?, rotate: Bool) -> Step {
        let on = current.unlockKey != nil
        if let wanted = autolock, wanted != on { return call(.swarmAutolock(wanted), done()) }
        if rotate, on { return call(.swarmUnlockKey(rotate: true), done()) }
        return .respond(APIResponses.empty())
    }
}
