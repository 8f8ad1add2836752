import Testing
@testable import swarmsim

/// `swarmsim shell` fed from a pipe, `run --report` and `--color`, against the in-memory file
/// system: exact output, files written, exit codes.
@Suite struct ShellTests {
    /// Runs the CLI with these lines on standard input (a pipe unless `terminal`).
    static func run(_ fs: FakeSystem, _ args: [String], input: [String] = [], terminal: Bool = false,
                    environment: [String: String] = [:]) -> Int32 {
        var lines = input[...]
        var io = fs.io
        io.readLine = { lines.popFirst() }
        io.isTerminal = { _ in terminal }
        io.environment = { environment[$0] }
        return CLI.main(args, io: io)
    }

    static let build = ["seed 7", "hosts m1 m2 m3", "m1$ docker swarm init",
                        "m2$ docker swarm join --token $MANAGER_TOKEN m1:2377",
                        "m3$ docker swarm join --token $MANAGER_TOKEN m1:2377", "wait 5s"]

    @Test func aPipedSessionEchoesEachStatementAndItsOutput() {
        let fs = FakeSystem()
        let code = Self.run(fs, ["shell"], input: ["hosts m1 w1", "m1$ docker swarm join-token -q worker",
                                                   "wait 2s", "say \"two seconds later\"", "exit", "say unreached"])
        #expect(code == 0)
        #expect(fs.out == """
            [0.000s] m1$ docker swarm join-token -q worker
            Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.
            [0.000s] wait 2s
            two seconds later

            """)
        #expect(fs.err == "")
    }

    @Test func aMistakeIsReportedAndTheSessionGoesOn() {
        let fs = FakeSystem()
        let code = Self.run(fs, ["shell"], input: Self.build + ["partiton m1 | m2", "crash m9", "m1$ docker version",
                                                                 "isolate m1", "expect leader in m2,m3 within 30s"])
        #expect(code == 2)
        #expect(fs.err == """
            shell:7:1: error: unknown statement 'partiton'
            partiton m1 | m2
            ^~~~~~~~
            hint: did you mean 'partition'?
            shell:7:7: error: unknown host 'm9'
            crash m9
                  ^~
            hint: did you mean 'm1'?
            shell:7:5: error: 'docker version' is not simulated yet
            m1$ docker version
                ^~~~~~~~~~~~~~
            hint: the simulator runs swarm, node, service, network, secret, config, ps and info commands so far

            """)
        // The mistakes were dropped: the isolation is line 7 of the session, and it ran.
        #expect(fs.out.contains("] isolate m1\n["))
        #expect(!fs.out.contains("expectation failed"))
        fs.out = ""
        #expect(Self.run(fs, ["shell"], input: Self.build + ["m1$ docker version", "expect no leader"]) == 2)
        #expect(fs.out.contains("shell:7:1: error: expectation failed: expect no leader\n"))
    }

    @Test func aFailedExpectationExitsOneAtTheEndNotAtOnce() {
        let fs = FakeSystem()
        let code = Self.run(fs, ["shell"], input: Self.build + ["expect no leader", "say \"still here\""])
        #expect(code == 1)
        #expect(fs.out.contains("shell:7:1: error: expectation failed: expect no leader\n  seen:  leader m1 (m1 leader t1, m2 follower t1, m3 follower t1)\n"))
        #expect(fs.out.contains("  rerun: swarmsim shell --seed 7\n"))
        #expect(fs.out.hasSuffix("\nstill here\n"))
    }

    @Test func aStatementGoesOnAfterABackslash() {
        let fs = FakeSystem()
        #expect(Self.run(fs, ["shell"], input: ["hosts m1", "say \"one\" \\", "  \"two\""]) == 0)
        #expect(fs.out == "one two\n")
    }

    @Test func expectedOutputBlocksAreRefused() {
        let fs = FakeSystem()
        #expect(Self.run(fs, ["shell"], input: ["hosts m1", "say hi", "----", "say there"]) == 0)
        #expect(fs.err == "error: expected-output blocks ('----') belong in scenario files; the shell prints each output as it runs\n")
        #expect(fs.out.hasSuffix("there\n"))
    }

    @Test func helpListsTheStatements() {
        let fs = FakeSystem()
        #expect(Self.run(fs, ["shell"], input: ["help"]) == 0)
        for example in ["partition m1 m2 | m3", "crash m1", "show cluster", "expect leader in m2,m3 within 30s",
                        "report FILE.html", "Ctrl-C clears the line"] {
            #expect(fs.out.contains(example))
        }
    }

    @Test func aSeedBeforeTheHostsStartsOverAndAfterThemIsRefused() {
        let fs = FakeSystem()
        #expect(Self.run(fs, ["shell"], input: ["seed 7", "hosts m1", "m1$ docker swarm init", "seed 8"]) == 2)
        // seed 7 gives the node ID refusals.swarm records for it.
        #expect(fs.out.contains("Swarm initialized: current node (03idaltf1grujm45tiy8rp27f) is now a manager."))
        #expect(fs.err == "error: too late for 'seed 8': this session's seed is 7, and a seed takes effect only before the first hosts statement\nhint: start the shell with --seed N\n")
    }

    // MARK: Files

    static let lesson = """
        # a lesson
        seed 7
        hosts m1 m2 m3

        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 5s
        say "now crash the leader"
        crash m1
        expect leader in m2,m3 within 30s

        """

    @Test func aFileRunsUpToALineAndTheSessionGoesOnFromThere() {
        let fs = FakeSystem()
        fs.files["lesson.swarm"] = Array(Self.lesson.utf8)
        let code = Self.run(fs, ["shell", "lesson.swarm", "--until", "8"], input: ["show cluster", "save out.swarm"])
        #expect(code == 0)
        #expect(fs.out.contains("] m3$ docker swarm join"))
        #expect(!fs.out.contains("now crash the leader"))
        #expect(fs.out.contains("[5.011s] show cluster\ncluster at 5.011s: leader m1 in term 1; 3 of 3 managers up, quorum 2\n"))
        #expect(fs.out.hasSuffix("saved the session's statements to out.swarm\n"))
        let saved = String(decoding: fs.files["out.swarm"] ?? [], as: UTF8.self)
        #expect(saved == Self.lesson.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).joined(separator: "\n") + "\nshow cluster\n")
    }

    @Test func aFileThatFailsStopsThereAndTheSessionStillStarts() {
        let fs = FakeSystem()
        fs.files["f.swarm"] = Array("hosts m1\nm1$ docker swarm init\nexpect no leader\nsay unreached\n".utf8)
        #expect(Self.run(fs, ["shell", "f.swarm"], input: ["say \"in the shell\""]) == 1)
        #expect(fs.out.contains("(stopped at line 3 of f.swarm; the session goes on from there)\n"))
        #expect(!fs.out.contains("unreached\n"))
        #expect(fs.out.hasSuffix("in the shell\n"))
    }

    @Test func aFileWithMistakesDoesNotStartASession() {
        let fs = FakeSystem()
        fs.files["bad.swarm"] = Array("hosts m1\ncrash m2\n".utf8)
        #expect(Self.run(fs, ["shell", "bad.swarm"], input: ["say hi"]) == 2)
        #expect(fs.err.hasPrefix("bad.swarm:2:7: error: unknown host 'm2'"))
        #expect(fs.out == "")
    }

    @Test func reportWritesTheTimelineSoFar() throws {
        let fs = FakeSystem()
        #expect(Self.run(fs, ["shell", "--report", "end.html"], input: Self.build + ["report now.html", "crash m1", "wait 20s"]) == 0)
        #expect(fs.out.contains("wrote the report of the session so far to now.html\n"))
        let now = String(decoding: try #require(fs.files["now.html"]), as: UTF8.self)
        let end = String(decoding: try #require(fs.files["end.html"]), as: UTF8.self)
        #expect(now.hasPrefix("<!DOCTYPE html>"))
        #expect(!now.contains("ev-crash"))
        #expect(end.contains("<g class=\"ev-crash\"><title>m1 crashed at 5.011s</title>"))
        #expect(end.contains("<title>shell · swarmsim report</title>"))
    }

    @Test func shellUsageErrors() {
        let fs = FakeSystem()
        #expect(Self.run(fs, ["shell", "--until", "3"]) == 2)
        #expect(fs.err == "error: '--until' needs a scenario file to run first\n")
        fs.err = ""
        #expect(Self.run(fs, ["shell", "a.swarm", "b.swarm"]) == 2)
        #expect(fs.err == "error: 'swarmsim shell' takes at most one scenario file\nhint: swarmsim shell Scenarios/quickstart.swarm\n")
        fs.err = ""
        #expect(Self.run(fs, ["shell", "--color", "sometimes"]) == 2)
        #expect(fs.err == "error: invalid value 'sometimes' for '--color'\nhint: use auto, always or never\n")
    }

    // MARK: run --report, --color

    static let failing = "seed 9\nhosts m1 m2\nm1$ docker swarm init\nm2$ docker swarm join --token $MANAGER_TOKEN m1:2377\ncrash m1\nexpect leader within 30s\nshow cluster\n"

    @Test func runWritesTheReportEvenWhenAnExpectationFails() throws {
        let fs = FakeSystem()
        fs.files["f.swarm"] = Array(Self.failing.utf8)
        #expect(Self.run(fs, ["run", "f.swarm", "--report", "f.html"]) == 1)
        let page = String(decoding: try #require(fs.files["f.html"]), as: UTF8.self)
        #expect(page.contains("<p class=\"verdict bad\">✗ line 6: expectation failed at "))
        #expect(!page.contains("show cluster"))   // the run stopped before it
    }

    static let picture = "hosts m1\nm1$ docker swarm init\nshow cluster\n"

    @Test func colourFollowsTheTerminalAndNoColor() {
        func output(_ args: [String], terminal: Bool, environment: [String: String] = [:]) -> String {
            let fs = FakeSystem()
            fs.files["p.swarm"] = Array(Self.picture.utf8)
            _ = ShellTests.run(fs, ["run", "p.swarm", "-q"] + args, terminal: terminal, environment: environment)
            return fs.out
        }
        let escape = "\u{1B}["
        #expect(!output([], terminal: false).contains(escape))
        #expect(output([], terminal: true).contains(escape))
        #expect(!output([], terminal: true, environment: ["NO_COLOR": "1"]).contains(escape))
        #expect(!output([], terminal: true, environment: ["TERM": "dumb"]).contains(escape))
        #expect(output(["--color", "always"], terminal: false).contains(escape))
        #expect(!output(["--color", "never"], terminal: true).contains(escape))
    }

    @Test func testNeverColours() {
        let fs = FakeSystem()
        fs.files["p.swarm"] = Array((Self.picture.replacingOccurrences(of: "show cluster\n", with: "show cluster\n----\nstale\n")).utf8)
        #expect(Self.run(fs, ["test", "p.swarm"], terminal: true) == 1)
        #expect(!fs.err.contains("\u{1B}["))
        #expect(fs.err.contains("+ cluster at 0.000s: leader m1 in term 1; 1 of 1 manager up, quorum 1\n"))
    }
}
