#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SimCore
import Cluster
import Runner
import EngineAPI

/// The one thread of `swarmsim serve`: poll over the listening sockets, the connections and
/// standard input; move virtual time to the wall clock's (times the speed); hand bytes to the
/// `EngineServer` and write back what it answers. Every socket is non-blocking.
final class ServeLoop {
    let session: ShellSession
    let server: EngineServer
    let settings: ServeCommand.Settings
    let io: IO
    let directory: String
    let createdDirectory: Bool
    var listeners: [(fd: Int32, host: HostID, path: String?)] = []
    var connections: [(fd: Int32, id: Int, pending: [UInt8], lastActive: Int64)] = []
    /// A connection with nothing in flight and no bytes either way for this long is closed
    /// (Go's http.Server idles keep-alive connections out the same way), so idle clients
    /// cannot hold every slot.
    static let idleTimeout: Int64 = 120 * 1_000_000_000
    var stdinOpen = true
    var stdinBuffer: [UInt8] = []
    var recorder: ServeRecorder?
    /// The wall clock and virtual time at the last rebase: virtual = virtualStart + (wall − wallStart) × speed.
    var wallStart: Int64
    var virtualStart: SimTime

    /// Set by SIGINT and SIGTERM; read by the loop.
    nonisolated(unsafe) static var stopRequested: sig_atomic_t = 0

    init(session: ShellSession, swarm: Swarm, settings: ServeCommand.Settings, setupText: String, io: IO) throws(ServeSockets.Failure) {
        self.session = session
        self.settings = settings
        self.io = io
        wallStart = ServeSockets.wallClock()
        virtualStart = swarm.now
        // The calendar: virtual "now" at the start of serving is the real now.
        server = EngineServer(swarm: swarm, originUnixNanoseconds: wallStart - swarm.now.nanoseconds)
        (directory, createdDirectory) = try Self.privateDirectory(settings.dir)
        for (name, host) in session.runner.servedHosts {
            let path = directory + "/" + name + ".sock"
            listeners.append((try ServeSockets.listenUnix(path), host, path))
            io.out("DOCKER_HOST=unix://\(path)   # \(name)\n")
            if settings.tcp {
                let (fd, port) = try ServeSockets.listenLoopback()
                listeners.append((fd, host, nil))
                io.out("DOCKER_HOST=tcp://127.0.0.1:\(port)   # \(name) (tcp)\n")
            }
        }
        if let path = settings.record {
            recorder = try ServeRecorder(path: path, setup: setupText, start: swarm.now)
            let r = recorder
            // An observer's read, not an engine's: the recording is a scenario to replay on a
            // new swarm, whose IDs and join tokens will differ, so it names each record by the
            // name the swarm holds for it before the call (a service update as the flags from
            // the old spec to the new) and a join token as $WORKER_TOKEN or $MANAGER_TOKEN,
            // which the joining engine cannot know. It reads before the call is submitted and
            // drives nothing, so the run is the same with or without --record.
            server.onEngineCall = { host, request, time in
                r?.engineCall(request, host: swarm.name(of: host), at: time, store: swarm.allSeeing.freshestStore)
            }
        }
        io.out("serving \(session.runner.servedHosts.count) engines at \(settings.speed)x; type statements here, Ctrl-C to stop\n")
        prompt()
    }

    /// The socket directory: DIR (made 0700 if new; an existing one must be a directory, and
    /// is set to 0700), or a new one from mkdtemp.
    static func privateDirectory(_ dir: String?) throws(ServeSockets.Failure) -> (String, Bool) {
        guard let dir else {
            var template = Array("/tmp/swarmsim-XXXXXX".utf8CString)
            let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
            guard let made else { throw ServeSockets.failure("mkdtemp") }
            return (String(cString: made), true)
        }
        if mkdir(dir, 0o700) == 0 { return (dir, true) }
        var st = stat()
        guard errno == EEXIST, stat(dir, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { throw ServeSockets.failure("--dir \(dir)") }
        guard st.st_uid == getuid() else { throw ServeSockets.Failure(message: "--dir \(dir): not owned by this user") }
        chmod(dir, 0o700)
        return (dir, false)
    }

    func run() -> Int32 {
        signal(SIGINT) { _ in ServeLoop.stopRequested = 1 }
        signal(SIGTERM) { _ in ServeLoop.stopRequested = 1 }
        signal(SIGPIPE, SIG_IGN)
        // A parent may have started us with these blocked (a spawned child inherits the mask).
        var stops = sigset_t()
        sigemptyset(&stops)
        sigaddset(&stops, SIGINT)
        sigaddset(&stops, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &stops, nil)
        while ServeLoop.stopRequested == 0 {
            var fds = pollSet()
            _ = poll(&fds, nfds_t(fds.count), 10)
            if handle(fds) == .exit { break }
            tick()
            writeAll()
        }
        shutdown()
        return 0
    }

    func pollSet() -> [pollfd] {
        var fds: [pollfd] = []
        if stdinOpen { fds.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
        for l in listeners { fds.append(pollfd(fd: l.fd, events: Int16(POLLIN), revents: 0)) }
        for c in connections {
            fds.append(pollfd(fd: c.fd, events: Int16(POLLIN) | (c.pending.isEmpty ? 0 : Int16(POLLOUT)), revents: 0))
        }
        return fds
    }

    func handle(_ fds: [pollfd]) -> ShellSession.Outcome {
        for p in fds where p.revents != 0 {
            if p.fd == 0 {
                if readStandardInput() == .exit { return .exit }
            } else if let l = listeners.first(where: { $0.fd == p.fd }) {
                acceptAll(l.fd, host: l.host)
            } else if let i = connections.firstIndex(where: { $0.fd == p.fd }) {
                readConnection(i)
            }
        }
        return .ready
    }

    /// Virtual time to the wall clock's, and the answers that came with it.
    func tick() {
        let wall = ServeSockets.wallClock()
        let elapsed = Double(wall - wallStart) * settings.speed
        // Clamped: a clock set back moves nothing; a century of virtual time is plenty.
        let target = SimTime(nanoseconds: virtualStart.nanoseconds &+ Int64(max(0, min(elapsed, 3e18))))
        server.advance(to: target)
    }

    func acceptAll(_ listener: Int32, host: HostID) {
        while let fd = ServeSockets.accept(listener) {
            guard connections.count < settings.maxConnections else {
                let refusal = HTTPResponse(status: 503, contentType: "application/json", text: "{\"message\":\"too many connections\"}\n")
                _ = ServeSockets.write(fd, refusal.serialized(close: true))
                close(fd)
                continue
            }
            connections.append((fd, server.open(host: host), [], ServeSockets.wallClock()))
        }
    }

    func readConnection(_ i: Int) {
        switch ServeSockets.read(connections[i].fd) {
        case .bytes(let b):
            connections[i].lastActive = ServeSockets.wallClock()
            server.receive(b, on: connections[i].id)
        case .wouldBlock: break
        case .closed: drop(i)
        }
    }

    func drop(_ i: Int) {
        server.close(connections[i].id)
        close(connections[i].fd)
        connections.remove(at: i)
    }

    func writeAll() {
        let now = ServeSockets.wallClock()
        var i = 0
        while i < connections.count {
            connections[i].pending += server.takeOutput(connections[i].id)
            if !connections[i].pending.isEmpty {
                guard let n = ServeSockets.write(connections[i].fd, connections[i].pending) else { drop(i); continue }
                connections[i].pending.removeFirst(n)
                if n > 0 { connections[i].lastActive = now }
            }
            if connections[i].pending.isEmpty, server.isFinished(connections[i].id) { drop(i); continue }
            if connections[i].pending.isEmpty, !server.isWaiting(connections[i].id),
               now - connections[i].lastActive > Self.idleTimeout { drop(i); continue }
            i += 1
        }
    }

    /// Lines typed: statements of the shell, run at once on the served swarm.
    func readStandardInput() -> ShellSession.Outcome {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
        guard n > 0 else { stdinOpen = false; return .ready }
        stdinBuffer += buffer[0..<n]
        while let lf = stdinBuffer.firstIndex(of: 0x0A) {
            let line = String(decoding: stdinBuffer[..<lf], as: UTF8.self)
            stdinBuffer.removeSubrange(...lf)
            tick()
            let before = server.swarm.now
            recorder?.statement(line, at: before)
            if session.handle(line) == .exit { return .exit }
            // A statement moves virtual time on (a 'wait', a docker command): go on from there.
            recorder?.ran(until: server.swarm.now)
            wallStart = ServeSockets.wallClock()
            virtualStart = server.swarm.now
            server.resumeAnswered()
            prompt()
        }
        return .ready
    }

    /// The shell's prompt, when a person types (standard input is a terminal).
    func prompt() { if io.isTerminal(0) { io.out(session.prompt) } }

    func shutdown() {
        for c in connections { close(c.fd) }
        for l in listeners {
            close(l.fd)
            if let p = l.path { unlink(p) }
        }
        if createdDirectory { rmdir(directory) }
        recorder?.close()
        if let path = settings.record { io.out("recorded the session in \(path)\n") }
    }
}
