import SimCore
import Cluster
import DockerClient

/// The engines of a simulated swarm serving the Engine API: connections in, answers out.
///
/// Sans-IO, like the roles it serves: the caller owns the sockets and the clock. It opens a
/// connection for a host, hands over the bytes it read (`receive`), moves virtual time on
/// (`advance`), and writes what `takeOutput` gives, closing the connection when
/// `isFinished` says so. A request whose engine call is still in flight waits; requests
/// pipelined behind it wait in the parser's buffer, and answers go out in request order.
/// Connections are served in the order they were opened.
public final class EngineServer {
    public let swarm: Swarm
    package let calendar: ServedCalendar
    public let limits: HTTPLimits
    /// Called with each engine call as it is made, at the virtual time it is made (what
    /// `--record` writes).
    public var onEngineCall: ((HostID, EngineRequest, SimTime) -> Void)?

    var connections: [Connection] = []
    var nextID = 0
    var servicesNamed = 0

    final class Connection {
        let id: Int
        let host: HostID
        var parser: HTTPParser
        var inFlight: InFlight?
        var output: [UInt8] = []
        /// No more requests are read: the last answer said `Connection: close`.
        var closing = false
        init(id: Int, host: HostID, limits: HTTPLimits) { self.id = id; self.host = host; parser = HTTPParser(limits: limits) }
    }

    struct InFlight {
        var op: OperationID
        var next: (EngineResult) -> APIStep
        var head: Bool
        var keepAlive: Bool
    }

    package init(swarm: Swarm, calendar: ServedCalendar, limits: HTTPLimits = HTTPLimits()) {
        self.swarm = swarm
        self.calendar = calendar
        self.limits = limits
    }

    /// A served swarm whose calendar starts `originUnixNanoseconds` after 1970 at virtual zero.
    public convenience init(swarm: Swarm, originUnixNanoseconds: Int64, limits: HTTPLimits = HTTPLimits()) {
        self.init(swarm: swarm, calendar: ServedCalendar(originUnixNanoseconds: originUnixNanoseconds), limits: limits)
    }

    // MARK: Connections

    /// A new connection to `host`'s engine.
    public func open(host: HostID) -> Int {
        nextID += 1
        connections.append(Connection(id: nextID, host: host, limits: limits))
        return nextID
    }

    public var connectionCount: Int { connections.count }

    /// The peer went away: its call in flight is left to finish unanswered.
    public func close(_ id: Int) {
        guard let i = connections.firstIndex(where: { $0.id == id }) else { return }
        if let f = connections[i].inFlight { _ = swarm.takeResult(of: f.op) }
        connections.remove(at: i)
    }

    /// Bytes read from connection `id`: every complete request is answered or started.
    public func receive(_ bytes: [UInt8], on id: Int) {
        guard let c = connections.first(where: { $0.id == id }), !c.closing else { return }
        c.parser.append(bytes)
        pump(c)
    }

    /// What to write to connection `id` now (taken: the next call gives only what is new).
    public func takeOutput(_ id: Int) -> [UInt8] {
        guard let c = connections.first(where: { $0.id == id }) else { return [] }
        defer { c.output.removeAll() }
        return c.output
    }

    /// Whether connection `id` is to be closed once its output is written.
    public func isFinished(_ id: Int) -> Bool {
        guard let c = connections.first(where: { $0.id == id }) else { return true }
        return c.closing && c.inFlight == nil && c.output.isEmpty
    }

    /// Whether a request on connection `id` waits for the swarm's answer.
    public func isWaiting(_ id: Int) -> Bool { connections.first(where: { $0.id == id })?.inFlight != nil }

    /// Runs the swarm to virtual time `time` (never back) and answers the calls it answered.
    public func advance(to time: SimTime) {
        if time > swarm.now { swarm.run(until: time) }
        resumeAnswered()
    }

    /// Goes on with every request whose engine call has its answer (after the swarm ran,
    /// here or by a statement of the shell).
    public func resumeAnswered() {
        for c in connections {
            guard let f = c.inFlight, swarm.result(of: f.op) != nil, let result = swarm.takeResult(of: f.op) else { continue }
            c.inFlight = nil
            run(f.next(result), on: c, head: f.head, keepAlive: f.keepAlive)
            pump(c)
        }
    }

    // MARK: Requests

    func pump(_ c: Connection) {
        while c.inFlight == nil, !c.closing {
            let request: HTTPRequest
            do {
                guard let r = try c.parser.next() else { return }
                request = r
            } catch {
                finish(c, APIResponses.error(error.status, error.message), head: false, keepAlive: false)
                return
            }
            start(request, on: c)
        }
    }

    func start(_ request: HTTPRequest, on c: Connection) {
        let head = request.method == "HEAD"
        switch APIRoute.parse(request) {
        case .failure(let e):
            finish(c, APIResponses.error(e), head: head, keepAlive: request.keepAlive)
        case .success(let route):
            if route.segments.first == "services", route.segments.last == "create" { servicesNamed += 1 }
            let adapter = EngineAdapter(swarm: swarm, host: c.host, calendar: calendar,
                                        defaultServiceName: "service-\(servicesNamed)")
            run(adapter.step(route, body: request.body), on: c, head: head, keepAlive: request.keepAlive)
        }
    }

    func run(_ first: APIStep, on c: Connection, head: Bool, keepAlive: Bool) {
        var step = first
        while true {
            switch step {
            case .respond(let response):
                return finish(c, response, head: head, keepAlive: keepAlive)
            case .call(let request, let next):
                onEngineCall?(c.host, request, swarm.now)
                let op = swarm.submit(request, on: c.host)
                // `takeResult` of an unanswered call abandons it: look first.
                guard swarm.result(of: op) != nil, let result = swarm.takeResult(of: op) else {
                    c.inFlight = InFlight(op: op, next: next, head: head, keepAlive: keepAlive)
                    return
                }
                step = next(result)
            }
        }
    }

    func finish(_ c: Connection, _ response: HTTPResponse, head: Bool, keepAlive: Bool) {
        var r = response
        r.headers = APIResponses.standardHeaders() + r.headers
        c.output += r.serialized(head: head, close: !keepAlive)
        if !keepAlive { c.closing = true }
    }
}
