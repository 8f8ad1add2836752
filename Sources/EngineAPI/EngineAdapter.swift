import SimCore
import Orchestration
import Cluster
import DockerClient
import Experiments

/// Each Engine API endpoint as calls on the host's simulated engine (`EngineRequest`), and
/// their answers as the daemon gives them. The one place that composes engine calls for the
/// API: lists and inspects of services, tasks and networks read the cluster's state with one
/// `.read` (in `withStore`) and filter it here, as the daemon's own lists would.
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
        case ("GET", "containers") where s == ["containers", "json"]:
            return .respond(APIResponses.json(.array(swarm.containers(on: host).map { APIJSON.container($0, now: swarm.now, calendar) })))
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

    /// The cluster's state as the leader answers a manager's read.
    func withStore(_ next: @escaping (ClusterStore) -> Step) -> Step {
        call(.read) { answer in
            guard case .store(let store) = answer else { return .respond(APISystem.unexpected) }
            return next(store)
        }
    }

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
        call(.info) { [swarm, host, calendar] answer in
            guard case .info(let info) = answer else { return .respond(APISystem.unexpected) }
            let json = APIJSON.info(info, hostname: swarm.name(of: host), node: swarm.nodeRecord(of: host),
                                    containers: swarm.containers(on: host), calendar)
            return .respond(APIResponses.json(json))
        }
    }

    // MARK: Swarm

    func swarmEndpoint(_ m: String, _ s: [String], _ route: APIRoute, _ body: [UInt8]) -> Step {
        do throws(APIError) {
            switch (m, s) {
            case ("GET", []): return swarmInspect()
            case ("POST", ["init"]):
                let r = try APIBodies.swarmInit(body)
                return call(.swarmInit(advertiseAddress: r.advertise, dispatcherHeartbeat: r.heartbeat, taskHistoryLimit: r.historyLimit)) { answer in
                    guard case .joined(let nodeID, _, _) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(.string(nodeID)))
                }
            case ("POST", ["join"]):
                let r = try APIBodies.swarmJoin(body)
                return call(.swarmJoin(token: r.token, remoteAddress: r.remote, advertiseAddress: r.advertise), done())
            case ("POST", ["leave"]):
                return call(.swarmLeave(force: route.flag("force")), done())
            case ("POST", ["update"]):
                let r = try APIBodies.swarmUpdate(body)
                return call(.swarmInspect) { [self] answer in
                    guard case .cluster(let c, _) = answer else { return .respond(APISystem.unexpected) }
                    if let e = APIBodies.versionMismatch(route, current: APIJSON.version(c.updatedAt)) { return Self.failure(e) }
                    return call(.swarmUpdate(dispatcherHeartbeat: r.heartbeat.flatMap { $0 == c.dispatcherHeartbeat ? nil : $0 },
                                             taskHistoryLimit: r.historyLimit.flatMap { $0 == c.taskHistoryLimit ? nil : $0 },
                                             rotateWorkerToken: route.flag("rotateWorkerToken"),
                                             rotateManagerToken: route.flag("rotateManagerToken")), done())
                }
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
            let filters: APIFilters
            do { filters = try APIFilters.parse(route.value("filters")); try filters.validate(APIFilters.nodeKeys) } catch { return Self.failure(error) }
            return call(.nodeList) { [calendar] answer in
                guard case .nodes(let views) = answer else { return .respond(APISystem.unexpected) }
                return .respond(APIResponses.json(.array(views.filter { filters.accepts($0.record) }.map { APIJSON.node($0, calendar) })))
            }
        case ("GET", _) where s.count == 1:
            let ref = s[0]
            return call(.nodeInspect(ref)) { [calendar] answer in
                guard case .node(let v) = answer else { return .respond(APISystem.unexpected) }
                return .respond(APIResponses.json(APIJSON.node(v, calendar)))
            }
        case ("POST", _) where s.count == 2 && s[1] == "update":
            return call(.nodeInspect(s[0])) { [self] answer in
                guard case .node(let v) = answer else { return .respond(APISystem.unexpected) }
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
                let filters = try APIFilters.parse(route.value("filters"))
                try filters.validate(APIFilters.serviceKeys)
                let status = route.flag("status")
                return withStore { [calendar] store in
                    let list = store.services.filter { filters.accepts($0) }
                    return .respond(APIResponses.json(.array(list.map {
                        APIJSON.service($0, status: status ? ServiceStatus(of: $0, in: store) : nil, calendar)
                    })))
                }
            case ("POST", ["create"]):
                let spec = try ServiceSpecDecoder.decode(try APIBodies.json(body), defaultName: defaultServiceName)
                return call(.serviceCreate(spec)) { answer in
                    guard case .created(let id) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(.object([.init("ID", .string(id))]), status: 201))
                }
            case ("GET", _) where s.count == 1:
                let ref = s[0]
                return withStore { [calendar] store in
                    guard let service = store.resolveService(ref) else { return Self.failure(APIError(404, "service \(ref) not found")) }
                    return .respond(APIResponses.json(APIJSON.service(service, status: nil, calendar)))
                }
            case ("POST", _) where s.count == 2 && s[1] == "update":
                let ref = s[0]
                let requested = route.value("rollback") == "previous" ? nil : try ServiceSpecDecoder.decode(try APIBodies.json(body), defaultName: ref)
                return withStore { [self] store in
                    guard let service = store.resolveService(ref) else { return Self.failure(APIError(404, "service \(ref) not found")) }
                    if let e = APIBodies.versionMismatch(route, current: service.version) { return Self.failure(e) }
                    let request: EngineRequest = requested.map { .serviceUpdate(id: service.id, $0) } ?? .serviceRollback(id: service.id)
                    return call(request) { _ in .respond(APIResponses.json(.object([]))) }
                }
            case ("DELETE", _) where s.count == 1:
                let ref = s[0]
                return withStore { [self] store in
                    guard let service = store.resolveService(ref) else { return Self.failure(APIError(404, "service \(ref) not found")) }
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
            let filters: APIFilters
            do { filters = try APIFilters.parse(route.value("filters")); try filters.validate(APIFilters.taskKeys) } catch { return Self.failure(error) }
            return withStore { [calendar] store in
                .respond(APIResponses.json(.array(store.tasks.filter { filters.accepts($0, in: store) }.map { APIJSON.task($0, calendar) })))
            }
        case _ where s.count == 1:
            let ref = s[0]
            return withStore { [calendar] store in
                guard let t = store.resolveTask(ref) else { return Self.failure(APIError(404, "task \(ref) not found")) }
                return .respond(APIResponses.json(APIJSON.task(t, calendar)))
            }
        default:
            return .respond(APISystem.unmodelled("GET", ["tasks"] + s))
        }
    }

    /// Networks are the engine's: its own, those it instantiated, and on a manager the
    /// cluster's as the leader answers (a failed read leaves them out, as moby does).
    func withNetworks(_ next: @escaping (EngineNetworks) -> Step) -> Step {
        guard swarm.role(of: host) == .manager else { return next(EngineNetworks(swarm: swarm, host: host, cluster: nil)) }
        return .call(.read) { [swarm, host] result in
            var cluster: ClusterStore?
            if case .success(.store(let s)) = result { cluster = s }
            return next(EngineNetworks(swarm: swarm, host: host, cluster: cluster))
        }
    }

    func networksEndpoint(_ m: String, _ s: [String], _ route: APIRoute, _ body: [UInt8]) -> Step {
        do throws(APIError) {
            switch (m, s) {
            case ("GET", []):
                let filters = try APIFilters.parse(route.value("filters"))
                try filters.validate(APIFilters.networkKeys)
                return withNetworks { [calendar] networks in
                    .respond(APIResponses.json(.array(networks.list().filter { APIBodies.accepts(filters, $0) }
                        .map { APIJSON.network($0, withContainers: false, calendar) })))
                }
            case ("GET", _) where s.count == 1:
                let ref = s[0]
                return withNetworks { [calendar] networks in
                    guard let v = networks.find(ref, verbose: route.flag("verbose")) else { return Self.failure(APIError(404, "network \(ref) not found")) }
                    return .respond(APIResponses.json(APIJSON.network(v, withContainers: true, calendar)))
                }
            case ("POST", ["create"]):
                let spec = try APIBodies.networkCreate(body)
                return call(.networkCreate(spec)) { answer in
                    guard case .created(let id) = answer else { return .respond(APISystem.unexpected) }
                    return .respond(APIResponses.json(.object([.init("Id", .string(id)), .init("Warning", .string(""))]), status: 201))
                }
            case ("DELETE", _) where s.count == 1:
                let ref = s[0]
                return withNetworks { [self] networks in
                    guard let v = networks.find(ref, verbose: false) else { return Self.failure(APIError(404, "network \(ref) not found")) }
                    guard let record = v.record else { return Self.failure(APIError(403, "\(v.apiName) is a pre-defined network and cannot be removed")) }
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
