import SimCore
import Orchestration
import Cluster
import DockerClient

/// Each Engine API endpoint as calls on the host's simulated engine (`EngineRequest`), and
/// their answers as the daemon gives them. The one place that composes engine calls for the
/// API: a list or an inspect is one `EngineQuery` (in `get`), whose `filters` the engine
/// checks and applies on its side with its own tables and errors, as the daemon does.
struct EngineAdapter {
    let swarm: Swarm
    let host: HostID
    let calendar: ServedCalendar
    /// The name a service created without one gets.
    let defaultServiceName: String

    typealias Step = APIStep

    func step(_ route: APIRoute, body: [UInt8]) -> Step {
        let s = route.segments
        let m = route.method == "HEAD" ? "GET" : route.method
        switch (m, s.first ?? "") {
        case ("GET", "_ping") where s.count == 1: return ping()
        case ("GET", "version") where s.count == 1: return .respond(APIResponses.json(APISystem.version))
        case ("GET", "info") where s.count == 1: return info()
        case (_, "swarm"): return swarmEndpoint(m, Array(s.dropFirst()), route, body)
        case (_, "nodes"): return nodesEndpoint(m, Array(s.dropFirst()), route, body)
        case (_, "services"): return servicesEndpoint(m, Array(s.dropFirst()), route, body)
        case ("GET", "tasks"): return tasksEndpoint(Array(s.dropFirst()), route)
        case (_, "networks"): return networksEndpoint(m, Array(s.dropFirst()), route, body)
        case (_, "secrets"): return payloadsEndpoint(.secret, m, Array(s.dropFirst()), route, body)
        case (_, "configs"): return payloadsEndpoint(.config, m, Array(s.dropFirst()), route, body)
        case ("GET", "containers") where s == ["containers", "json"]:
            return containersList(route)
        default: return .respond(APISystem.unmodelled(m, s))
        }
    }

    // MARK: Calls

    /// Calls the engine; an error answer becomes the daemon's error response.
    func call(_ request: EngineRequest, _ next: @escaping (EngineResponse) -> Step) -> Step {
        .call(request) { result in
            switch result {
            case .failure(let e): .respond(APIResponses.error(e))
            case .success(let answer): next(answer)
            }
        }
    }

    /// The records the engine answers to one list or inspect query; the call's error or the
    /// query's (an invalid filter, a reference that names nothing) is the daemon's response.
    func get(_ query: EngineQuery, _ next: @escaping (EngineRecords) -> Step) -> Step {
        call(.get([query])) { answer in
            guard case .records(let answers) = answer, answers.count == 1 else { return .respond(APISystem.unexpected) }
            switch answers[0] {
            case .failure(let e): return .respond(APIResponses.error(e))
            case .success(let records): return next(records)
            }
        }
    }

    /// The filters of a list call, from its `filters` parameter.
    static func filters(_ route: APIRoute) throws(APIError) -> EngineFilters { try APIFilters.parse(route.value("filters")) }

    func done(_ status: Int = 200) -> (EngineResponse) -> Step { { _ in .respond(APIResponses.empty(status)) } }

    static func failure(_ e: APIError) -> Step { .respond(APIResponses.error(e)) }

    // MARK: System

    func ping() -> Step {
        call(.info) { answer in
            guard case .info(let info) = answer else { return .respond(APISystem.unexpected) }
            return .respond(APISystem.ping(info))
        }
    }

    func info() -> Step {
        call(.info) { [calendar] answer in
            guard case .info(let info) = answer else { return .respond(APISystem.unexpected) }
            return .respond(APIResponses.json(APIJSON.info(info, calendar)))
        }
    }

    // MARK: Swarm

    func swarmEndpoint(_ m: String, _ s: [String], _ route: APIRoute, _ body: [UInt8]) -> Step {
        do throws(APIError) {
            switch (m, s) {
            case ("GET", []): return swarmInspect()
            case ("POST", ["init"]):
                let r = try APIBodies.swarmInit(body)
                let autolock = try APIBodies.autolock(body) == true
                return call(.swarmInit(advertiseAddress: r.advertise, dispatcherHeartbeat: r.heartbeat, taskHistoryLimit: r.historyLimit)) { [self] answer in
                    guard case .joined(let nodeID, _, _) = answer else { return .respond(APISystem.unexpected) }
                    let initialized = APIResponses.json(.string(nodeID))
                    return autolock ? call(.swarmAutolock(true)) { _ in .respond(initialized) } : .respond(initialized)
                }
            case ("POST", ["join"]):
                let r = try APIBodies.swarmJoin(body)
                return call(.swarmJoin(token: r.token, remoteAddress: r.remote, advertiseAddress: r.advertise), done())
            case ("POST", ["leave"]):
                return call(.swarmLeave(force: route.flag("force")), done())
            case ("POST", ["update"]):
                let r = try APIBodies.swarmUpdate(body)
                let autolock = try APIBodies.autolock(body)
                return call(.swarmInspect) { [self] answer in
                    guard case .cluster(let c, _) = answer else { return .respond(APISystem.unexpected) }
                    if let e = APIBodies.versionMismatch(route, current: APIJSON.version(c.updatedAt)) { return Self.failure(e) }
                    return call(.swarmUpdate(dispatcherHeartbeat: r.heartbeat.flatMap { $0 == c.dispatcherHeartbeat ? nil : $0 },
                                             taskHistoryLimit: r.historyLimit.flatMap { $0 == c.taskHistoryLimit ? nil : $0 },
                                             rotateWorkerToken: route.flag("rotateWorkerToken"),
                                             rotateManagerToken: route.flag("rotateManagerToken"))) { [self] _ in
                        autolockAfterUpdate(c, autolock: autolock, rotate: route.flag("rotateManagerUnlockKey"))
                    }
                }
            case ("GET", ["unlockkey"]): return unlockKey()
            case ("POST", ["unlock"]): return try unlock(body)
            default: return .respond(APISystem.unmodelled(m, ["swarm"] + s))
            }
        } catch {
            return Self.failure(error)
        }
    }

    func swarmInspect() -> Step {
        call(.info) { [self] infoAnswer in
            let info: SwarmInfo? = if case .info(let i) = infoAnswer { i } else { nil }
            return call(.swarmInspect) { answer in
                guard case .cluster(let c, _) = answer else { return .respond(APISystem.unexpected) }
                return .respond(APIResponses.json(APIJSON.swarm(c, info: info, calendar)))
            }
        }
    }

    // MARK: Nodes

    func nodesEndpoint(_ m: String, _ s: [String], _ route: APIRoute, _ body: [UInt8]) -> Step {
        switch (m, s) {
        case ("GET", []):
            let filters: EngineFilters
            do { filters = try Self.filters(route) } catch { return Self.failure(error) }
            return get(.list(.node, filters)) { [calendar] records in
                .respond(APIResponses.json(.array(records.nodes.map { APIJSON.node($0, calendar) })))
            }
        case ("GET", _) where s.count == 1:
            return get(.inspect(.node, s[0])) { [calendar] records in
                guard let v = records.nodes.first else { return .respond(APISystem.unexpected) }
                return .respond(APIResponses.json(APIJSON.node(v, calendar)))
            }
        case ("POST", _) where s.count == 2 && s[1] == "update":
            return get(.inspect(.node, s[0])) { [self] records in
                guard let v = records.nodes.first else { return .respond(APISystem.unexpected) }
                if let e = APIBodies.versionMismatch(route, current: APIJSON.version(v.record.updatedAt)) { return Self.failure(e) }
                do throws(APIError) {
                    return call(.nodeUpdate(v.record.id, try APIBodies.nodeUpdate(body, current: v.record)), done())
                } catch {
                    return Self.failure(error)
                }
            }
        case ("DELETE", _) where s.count == 1:
            return call(.nodeRemove(s[0], force: route.flag("force")), done())
        default:
            return .respond(APISystem.unmodelled(m, ["nodes"] + s))
        }
    }
}

// MARK: - Services, tasks, networks

extension EngineAdapter {
    func servicesEndpoint(_ m: String, _ s: [String], _ route: APIRoute, _ body: [UInt8]) -> Step {
        do throws(APIError) {
            switch (m, s) {
            case ("GET", []):
                return get(.list(.service, try Self.filters(route), status: route.flag("status"))) { [calendar] records in
                    .respond(APIResponses.json(.array(records.services.map { APIJSON.service($0.record, status: $0.status, calendar) })))
                }
            case ("POST", ["create"]):
                let spec = try ServiceSpecDecoder.decode(try APIBodies.json(body), defaultName: defaultServiceName)
                return call(.serviceCreate(spec)) { answer in
                    guard case .created(let id) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(.object([.init("ID", .string(id))]), status: 201))
                }
            case ("GET", _) where s.count == 1:
                return get(.inspect(.service, s[0])) { [calendar] records in
                    guard let service = records.services.first?.record else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(APIJSON.service(service, status: nil, calendar)))
                }
            case ("POST", _) where s.count == 2 && s[1] == "update":
                let ref = s[0]
                let requested = route.value("rollback") == "previous" ? nil : try ServiceSpecDecoder.decode(try APIBodies.json(body), defaultName: ref)
                return get(.inspect(.service, ref)) { [self] records in
                    guard let service = records.services.first?.record else { return .respond(APISystem.unexpected) }
                    if let e = APIBodies.versionMismatch(route, current: service.version) { return Self.failure(e) }
                    let request: EngineRequest = requested.map { .serviceUpdate(id: service.id, $0) } ?? .serviceRollback(id: service.id)
                    return call(request) { _ in .respond(APIResponses.json(.object([]))) }
                }
            case ("DELETE", _) where s.count == 1:
                return get(.inspect(.service, s[0])) { [self] records in
                    guard let service = records.services.first?.record else { return .respond(APISystem.unexpected) }
                    return call(.serviceRemove(id: service.id), done())
                }
            default:
                return .respond(APISystem.unmodelled(m, ["services"] + s))
            }
        } catch {
            return Self.failure(error)
        }
    }

    func tasksEndpoint(_ s: [String], _ route: APIRoute) -> Step {
        switch s {
        case []:
            let filters: EngineFilters
            do { filters = try Self.filters(route) } catch { return Self.failure(error) }
            return get(.list(.task, filters)) { [calendar] records in
                .respond(APIResponses.json(.array(records.tasks.map { APIJSON.task($0, calendar) })))
            }
        case _ where s.count == 1:
            return get(.inspect(.task, s[0])) { [calendar] records in
                guard let t = records.tasks.first else { return .respond(APISystem.unexpected) }
                return .respond(APIResponses.json(APIJSON.task(t, calendar)))
            }
        default:
            return .respond(APISystem.unmodelled("GET", ["tasks"] + s))
        }
    }

    func networksEndpoint(_ m: String, _ s: [String], _ route: APIRoute, _ body: [UInt8]) -> Step {
        do throws(APIError) {
            switch (m, s) {
            // Networks are the engine's: its own, those it instantiated, and on a manager the
            // cluster's as the leader answers (a failed call leaves them out, as moby does).
            case ("GET", []):
                return get(.list(.network, try Self.filters(route))) { [calendar] records in
                    .respond(APIResponses.json(.array(records.networks.map { APIJSON.network($0, withContainers: false, calendar) })))
                }
            case ("GET", _) where s.count == 1:
                return get(.inspect(.network, s[0], verbose: route.flag("verbose"))) { [calendar] records in
                    guard let v = records.networks.first else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(APIJSON.network(v, withContainers: true, calendar)))
                }
            case ("POST", ["create"]):
                let spec = try APIBodies.networkCreate(body)
                return call(.networkCreate(spec)) { answer in
                    guard case .created(let id) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(.object([.init("Id", .string(id)), .init("Warning", .string(""))]), status: 201))
                }
            case ("DELETE", _) where s.count == 1:
                return get(.inspect(.network, s[0])) { [self] records in
                    guard let v = records.networks.first else { return .respond(APISystem.unexpected) }
                    guard let record = v.record else { return Self.failure(APIError(403, "\(v.name) is a pre-defined network and cannot be removed")) }
                    return call(.networkRemove(record.id), done(204))
                }
            default:
                return .respond(APISystem.unmodelled(m, ["networks"] + s))
            }
        } catch {
            return Self.failure(error)
        }
    }
}

/// The records of one answered query, by kind (empty for another kind).
extension EngineRecords {
    var nodes: [NodeView] { if case .nodes(let v) = self { v } else { [] } }
    var services: [ServiceView] { if case .services(let v) = self { v } else { [] } }
    var tasks: [TaskRecord] { if case .tasks(let v) = self { v } else { [] } }
    var networks: [NetworkView] { if case .networks(let v) = self { v } else { [] } }
}
