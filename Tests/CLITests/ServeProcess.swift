import Foundation
import Testing

/// A `swarmsim serve` process for the tests that drive it with real clients: its sockets in a
/// fresh directory, its standard input a shell on the served swarm, its output collected.
/// Nothing here sleeps and hopes: `waitFor` polls for what is expected, with a deadline.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let dir: String
    private let lock = NSLock()
    private var collected = ""
    private var marks = 0

    /// The built `swarmsim` executable, next to the test bundle; nil if it is not there.
    static var executable: URL? {
        let url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("swarmsim")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// The path of `name` on PATH, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(_ executable: URL, arguments: [String]) throws {
        dir = NSTemporaryDirectory() + "swarmsim-serve-test-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        process.executableURL = executable
        process.arguments = ["serve"] + arguments + ["--dir", dir]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] h in
            let data = h.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock(); self.collected += String(decoding: data, as: UTF8.self); self.lock.unlock()
        }
        try process.run()
    }

    var text: String { lock.lock(); defer { lock.unlock() }; return collected }

    /// How long to wait for what a test expects: generous, as `Screen.deadline` is, because a
    /// loaded machine (a release build beside `swift test`) may take long to get there, and a
    /// test that waits for its state never needs less.
    static let deadline = 120.0

    /// Polls `condition` every 50 ms until it holds or `seconds` pass.
    static func eventually(_ seconds: Double = deadline, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    func waitFor(_ needle: String, _ seconds: Double = deadline) -> Bool { Self.eventually(seconds) { text.contains(needle) } }

    /// Runs `line` on the served swarm's shell and returns what it printed (after its echo).
    func statement(_ line: String) -> String? {
        marks += 1
        let mark = "END-OF-STATEMENT-\(marks)"
        let start = text.utf8.count
        input.fileHandleForWriting.write(Data((line + "\nsay \(mark)\n").utf8))
        guard Self.eventually(Self.deadline, { text.contains(mark + "\n") }) else { return nil }
        let all = String(decoding: Array(text.utf8)[start...], as: UTF8.self)
        guard let end = all.range(of: mark + "\n"), let echo = all.range(of: line + "\n") else { return nil }
        return String(all[echo.upperBound..<end.lowerBound])
    }

    /// `docker ARGS…` against `host`'s socket, with `input` on its standard input:
    /// (standard output, standard error, exit status).
    func docker(_ args: [String], on host: String, input: String? = nil) -> (out: String, err: String, status: Int32) {
        Self.run(Self.which("docker") ?? "docker", args, environment: [
            "DOCKER_HOST": "unix://\(dir)/\(host).sock", "DOCKER_CONFIG": dir + "/docker-config", "DOCKER_CLI_HINTS": "false",
        ], input: input)
    }

    static func run(_ path: String, _ args: [String], environment: [String: String], input: String? = nil) -> (out: String, err: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let stdin = Pipe()
        if input != nil { p.standardInput = stdin }
        do { try p.run() } catch { return ("", "\(error)", -1) }
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        let (o, e) = readToEnd(out.fileHandleForReading, err.fileHandleForReading)
        p.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
    }

    /// Reads `first` and `second` to their ends at the same time: a child that fills one pipe
    /// while the other is read to its end would wait for ever.
    static func readToEnd(_ first: FileHandle, _ second: FileHandle) -> (Data, Data) {
        final class Box: @unchecked Sendable { var data = Data() }
        let other = Box(), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            other.data = second.readDataToEndOfFile()
            done.signal()
        }
        let data = first.readDataToEndOfFile()
        done.wait()
        return (data, other.data)
    }

    /// Stops the server (SIGTERM: it removes its sockets) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        try? FileManager.default.removeItem(atPath: dir + "/docker-config")
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// A table as compared between clients: time-dependent text ("Running 8 seconds ago")
    /// reduced to the state, a column that is only a time to "ago"; columns split at runs of
    /// two or more spaces, trailing space gone.
    static func normalized(_ table: String) -> [[String]] {
        let ago = try! NSRegularExpression(pattern: "([A-Z][a-z]+) (less than a second|about a minute|about an hour|an? \\w+|\\d+ \\w+) ago",
                                           options: [.caseInsensitive])
        // A column that is only a time ("5 seconds ago", as `secret ls` prints CREATED).
        let since = try! NSRegularExpression(pattern: "^(less than a second|about a minute|about an hour|an? \\w+|\\d+ \\w+) ago$",
                                             options: [.caseInsensitive])
        return table.split(separator: "\n").map { line in
            String(line).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { cell in
                let range = NSRange(cell.startIndex..., in: cell)
                return since.firstMatch(in: cell, range: range) != nil ? "ago" : ago.stringByReplacingMatches(in: cell, range: range, withTemplate: "$1")
            }
        }
    }
}
