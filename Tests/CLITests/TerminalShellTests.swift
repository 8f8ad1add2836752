import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `swarmsim shell` in a real terminal: tmux runs the built binary, the test types keys into
/// it and reads the screen back. Skipped, saying why, when tmux is not installed.
@Suite struct TerminalShellTests {
    static let tmux: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The swarmsim binary next to the test bundle (SwiftPM builds it with the tests).
    static let binary: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("swarmsim").path,
                          bundle.deletingLastPathComponent().appendingPathComponent("swarmsim").path,
                          ScenarioRoot.path + "/.build/debug/swarmsim"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    @Test(.enabled(if: tmux != nil, "tmux is not installed (apt-get install -y tmux): the terminal test of the shell is skipped"))
    func editingHistoryAndMistakesOnAScreen() throws {
        let tmux = try #require(Self.tmux)
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "no swarmsim binary at \(Self.binary); run 'swift build' first")
        let screen = try Screen(tmux: tmux, command: "\(Self.binary) shell --color never; echo exited-$?; sleep 30")
        defer { screen.close() }

        // Keys are typed only once the prompt is back: before that the terminal is not in raw
        // mode, echoes what it gets and turns Ctrl-C into a signal.
        try screen.expect("[0.000s] swarm>", thenPrompt: true)
        try screen.type("hosts m1 m2 m3", "Enter")
        try screen.expect("swarm> hosts m1 m2 m3\n[0.000s] swarm>", thenPrompt: true)
        try screen.type("m1$ docker swarm init", "Enter")
        try screen.expect("Swarm initialized: current node", thenPrompt: true)
        try screen.type("m2$ docker swarm join --token $MANAGER_TOKEN m1:2377", "Enter")
        try screen.expect("This node joined a swarm as a manager.", thenPrompt: true)
        // Up recalls the line; Ctrl-A goes to its start; Delete twice drops "m2".
        try screen.keys("Up", "C-a", "DC", "DC")
        try screen.type("m3", "Enter")
        try screen.expect("This node joined a swarm as a manager.", times: 2, thenPrompt: true)
        #expect(screen.text.contains("swarm> m3$ docker swarm join --token $MANAGER_TOKEN m1:2377\n"))
        try screen.type("wait 5s", "Enter")
        try screen.expect("[5.0", thenPrompt: true)

        // Ctrl-C drops the line: m1 is not crashed.
        try screen.type("crash m1")
        try screen.keys("C-c")
        try screen.expect("swarm> crash m1^C", thenPrompt: true)
        // Home, End, Ctrl-W and Backspace turn "cluster extra" into "show cluster".
        try screen.type("cluster extra")
        try screen.keys("Home")
        try screen.type("show ")
        try screen.keys("End", "C-w", "BSpace", "Enter")
        try screen.expect("  m1  manager  leader    term 1  Ready", thenPrompt: true)

        // A mistake prints its diagnostic, and the prompt comes back.
        try screen.type("partiton m1 | m2 m3", "Enter")
        try screen.expect("hint: did you mean 'partition'?", thenPrompt: true)
        let afterHint = screen.text.components(separatedBy: "hint: did you mean 'partition'?\n").last ?? ""
        #expect(afterHint.hasPrefix("[5.0") && afterHint.contains("s] swarm>"))
        // Fix it from the history: Ctrl-A, Right six times, insert the missing "i".
        try screen.keys("Up", "C-a", "Right", "Right", "Right", "Right", "Right", "Right")
        try screen.type("i", "Enter")
        try screen.expect("swarm> partition m1 | m2 m3\n", thenPrompt: true)
        // Ctrl-U empties the line; Ctrl-E and Ctrl-K edit the end.
        try screen.type("nonsense")
        try screen.keys("C-u")
        try screen.type("show clusterXX")
        try screen.keys("C-a", "C-e", "BSpace", "BSpace", "Enter")
        try screen.expect("  side 1: 1 of 3 managers, no quorum", thenPrompt: true)
        try screen.type("heal now")
        try screen.keys("Left", "Left", "Left", "Left", "C-k", "Enter")
        try screen.expect("swarm> heal\n", thenPrompt: true)

        // Ctrl-D on an empty line leaves.
        try screen.keys("C-d")
        try screen.expect("exited-0")
        #expect(!screen.text.contains("error: unknown statement 'nonsense'"))
        #expect(!screen.text.contains("show clusterXX"))
    }
}

/// The repository root, for finding the built binary as a last resort.
enum ScenarioRoot {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}

/// A detached tmux session on its own server socket, 100 columns wide.
final class Screen {
    let tmux: String
    let socket = "swarmsim-test-\(getpid())"
    private(set) var text = ""

    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor.debugDescription); the screen shows:\n\(screen)" }
    }

    init(tmux: String, command: String) throws {
        self.tmux = tmux
        // The server this starts outlives the command: it must not hold a pipe we read to the end.
        _ = try run(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "100", "-y", "50", command], capture: false)
        panePID = pid_t(try run(["list-panes", "-F", "#{pane_pid}", "-t", "t"]).filter(\.isNumber)) ?? 0
        socketPath = try run(["display-message", "-p", "-t", "t", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server's socket file, removed at the end.
    private var socketPath = ""

    /// The pane's process (a shell running swarmsim), leader of its process group.
    private var panePID: pid_t = 0

    /// Ends the pane's processes and the server (the ones this test started, by their IDs).
    func close() {
        if panePID > 0 { kill(-panePID, SIGKILL) }
        _ = try? run(["kill-server"], capture: false)
        if socketPath.hasSuffix(socket) { try? FileManager.default.removeItem(atPath: socketPath) }
    }

    /// Sends tmux key names (`Enter`, `Up`, `C-a`, `DC` for Delete, …).
    func keys(_ names: String...) throws {
        for name in names { _ = try run(["send-keys", "-t", "t", name], capture: false) }
    }

    /// Types text literally; the words `Enter` between texts press Enter.
    func type(_ parts: String...) throws {
        for p in parts {
            if p == "Enter" { try keys("Enter") } else { _ = try run(["send-keys", "-t", "t", "-l", p], capture: false) }
        }
    }

    /// How long to wait for the screen to show what a test expects: generous, because a loaded
    /// machine may take long to draw it, and a test that waits for its text never needs less.
    static let deadline = Duration.seconds(120)

    /// Waits until `needle` shows `times` times (history included) and, with `thenPrompt`, until
    /// the last line is an empty prompt (the statement is over and the shell reads keys in raw
    /// mode again). Polls until `deadline`, then throws with the screen as it is.
    func expect(_ needle: String, times: Int = 1, thenPrompt: Bool = false) throws {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: Self.deadline)
        while true {
            // -J joins wrapped lines but keeps trailing blanks: trim them.
            let captured = try run(["capture-pane", "-p", "-J", "-S", "-500", "-t", "t"])
            text = captured.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
                .joined(separator: "\n")
            if text.components(separatedBy: needle).count - 1 >= times && (!thenPrompt || endsWithEmptyPrompt) { return }
            if clock.now >= end { break }
            usleep(50_000)
        }
        throw Timeout(waitingFor: needle + (thenPrompt ? " and then an empty prompt" : ""), screen: text)
    }

    /// Whether the last line on the screen is a prompt with nothing typed after it
    /// (`[5.000s] swarm>`, its trailing blank trimmed).
    var endsWithEmptyPrompt: Bool {
        guard let last = text.split(separator: "\n").last(where: { !$0.isEmpty }) else { return false }
        return last.hasPrefix("[") && last.hasSuffix("s] swarm>")
    }

    struct SpawnFailed: Error { var code: Int32 }

    /// Runs tmux and waits for it; returns what it printed when `capture`. Uses posix_spawn and
    /// waitpid rather than Foundation's Process: the tmux server that `new-session` forks keeps
    /// the descriptors it inherits, and Process waits for one of its own to close.
    private func run(_ args: [String], capture: Bool = true) throws -> String {
        let output = NSTemporaryDirectory() + "/\(socket).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tmux, "-L", socket] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        // The test runner's threads block most signals, and a child inherits its mask: start
        // tmux with none blocked and default handlers, or the pane never hears kill-server's SIGHUP.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tmux, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw SpawnFailed(code: rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard capture else { return "" }
        defer { try? FileManager.default.removeItem(atPath: output) }
        return String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
    }
}
