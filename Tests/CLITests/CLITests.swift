import Testing
@testable import swarmsim

/// The CLI against an in-memory file system: exact messages and exit codes.
final class FakeSystem: @unchecked Sendable {
    var files: [String: [UInt8]] = [:]
    var directories: [String: [String]] = [:]
    var out = "", err = ""

    var io: IO {
        IO(out: { self.out += $0 }, err: { self.err += $0 },
           readFile: { path in
               guard let f = self.files[path] else { throw CLIError.cannotRead(path) }
               return f
           },
           writeFile: { path, bytes in self.files[path] = bytes },
           listDirectory: { self.directories[$0] },
           isDirectory: { self.directories[$0] != nil },
           isTerminal: { _ in false })
    }

    func run(_ args: String...) -> Int32 { CLI.main(args, io: io) }
}

let smallScenario = """
    # a comment that must survive a rewrite
    hosts m1

    m1$ docker swarm join-token -q worker
    ----
    stale

    m1$ docker swarm init --advertise-addr m1
    m1$ docker swarm leave
    ----
    old text

    """

@Suite struct CLITests {
    @Test func versionAndHelp() {
        let fs = FakeSystem()
        #expect(fs.run("--version") == 0)
        #expect(fs.out == "swarmsim 0.1.0\n")
        fs.out = ""
        #expect(fs.run("--help") == 0)
        #expect(fs.out.hasPrefix("swarmsim 0.1.0: a deterministic simulator of a Docker Swarm mode cluster\n"))
        fs.out = ""
        #expect(fs.run("run", "--help") == 0)
        #expect(fs.out.hasPrefix("USAGE: swarmsim run FILE [options]\n"))
        fs.out = ""
        #expect(fs.run("help", "test") == 0)
        #expect(fs.out.hasPrefix("USAGE: swarmsim test PATH... [options]\n"))
    }

    @Test func anUnknownCommandSuggestsTheClosest() {
        let fs = FakeSystem()
        #expect(fs.run("rn", "x.swarm") == 2)
        #expect(fs.err == "error: unknown command 'rn'\nhint: did you mean 'run'?\n")
    }

    @Test func anUnknownOptionSuggestsTheClosest() {
        let fs = FakeSystem()
        fs.files["x.swarm"] = Array("hosts m1\n".utf8)
        #expect(fs.run("run", "x.swarm", "--sed", "3") == 2)
        #expect(fs.err == "error: unknown option '--sed' for 'swarmsim run'\nhint: did you mean '--seed'?\n")
    }

    @Test func aMissingFileAndAMissingValue() {
        let fs = FakeSystem()
        #expect(fs.run("run", "nope.swarm") == 2)
        #expect(fs.err == "error: nope.swarm: no such file\n")
        fs.err = ""
        #expect(fs.run("run") == 2)
        #expect(fs.err == "error: missing scenario file\nhint: swarmsim run Scenarios/quickstart.swarm\n")
        fs.err = ""
        fs.files["x.swarm"] = []
        #expect(fs.run("run", "x.swarm", "--seed") == 2)
        #expect(fs.err == "error: option '--seed' needs a value (N)\n")
        fs.err = ""
        #expect(fs.run("run", "x.swarm", "--seed", "abc") == 2)
        #expect(fs.err.hasPrefix("error: invalid seed 'abc'\n"))
    }

    @Test func aDirectoryWithNoScenarios() {
        let fs = FakeSystem()
        fs.directories["empty"] = ["empty/notes.txt"]
        #expect(fs.run("test", "empty") == 2)
        #expect(fs.err == "error: empty holds no scenarios (*.swarm files)\n")
    }

    @Test func badScenarioTextIsExitCodeTwoWithLocation() {
        let fs = FakeSystem()
        fs.files["bad.swarm"] = Array("hosts m1\npartiton m1 | m2\n".utf8)
        #expect(fs.run("run", "bad.swarm") == 2)
        #expect(fs.err.hasPrefix("bad.swarm:2:1: error: unknown statement 'partiton'\npartiton m1 | m2\n^"))
        #expect(fs.err.contains("hint: did you mean 'partition'?"))
    }

    @Test func binaryGarbageIsRefusedCleanly() {
        let fs = FakeSystem()
        fs.files["junk.swarm"] = [0x68, 0x6F, 0xFF, 0xFE, 0x00, 0x01]
        #expect(fs.run("run", "junk.swarm") == 2)
        #expect(fs.err.hasPrefix("junk.swarm:1:"))
        #expect(fs.err.contains("error: file is not UTF-8 text"))
    }

    @Test func rewriteChangesOnlyTheBlocksThatDiffer() {
        let fs = FakeSystem()
        fs.files["s.swarm"] = Array(smallScenario.utf8)
        #expect(fs.run("test", "s.swarm") == 1)
        #expect(fs.out.hasSuffix("FAIL  s.swarm\n0 passed, 1 failed\n"))
        #expect(fs.err.contains("s.swarm:4:1: error: output differs for 'm1$ docker swarm join-token -q worker'\n--- expected\n+++ actual\n- stale\n+ Error response from daemon: This node is not a swarm manager."))
        fs.out = ""
        #expect(fs.run("test", "--rewrite", "s.swarm") == 0)
        let rewritten = String(decoding: fs.files["s.swarm"] ?? [], as: UTF8.self)
        #expect(rewritten.hasPrefix("# a comment that must survive a rewrite\nhosts m1\n\nm1$ docker swarm join-token -q worker\n----\nError response from daemon: This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.\n\nm1$ docker swarm init --advertise-addr m1\nm1$ docker swarm leave\n----\nError response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.\n"))
        fs.out = ""
        #expect(fs.run("test", "s.swarm") == 0)
        #expect(fs.out == "ok    s.swarm\n1 passed, 0 failed\n")
        // A second rewrite finds nothing to change.
        let before = fs.files["s.swarm"]
        #expect(fs.run("test", "--rewrite", "s.swarm") == 0)
        #expect(fs.files["s.swarm"] == before)
    }

    @Test func runExitsOneWhenAnExpectationFails() {
        let fs = FakeSystem()
        fs.files["e.swarm"] = Array("hosts m1\nexpect leader\n".utf8)
        #expect(fs.run("run", "e.swarm", "--seed", "5") == 1)
        #expect(fs.out.contains("e.swarm:2:1: error: expectation failed: expect leader\n  seen:  no leader\n  at:    0.000s (virtual time)\n  seed:  5\n  rerun: swarmsim run e.swarm --seed 5\n"))
    }

    @Test func runWritesTheTraceFile() {
        let fs = FakeSystem()
        fs.files["t.swarm"] = Array("seed 2\nhosts m1\nm1$ docker swarm init\n".utf8)
        #expect(fs.run("run", "t.swarm", "--trace", "out.jsonl") == 0)
        let trace = String(decoding: fs.files["out.jsonl"] ?? [], as: UTF8.self)
        #expect(trace.hasPrefix("{\"ev\":\"header\",\"tool\":\"swarmsim\",\"version\":\"0.1.0\",\"scenario\":\"t.swarm\",\"seed\":2,\"trace_messages\":false}\n{\"t\":0,\"ev\":\"statement\",\"line\":1,\"text\":\"seed 2\"}\n"))
        #expect(trace.contains("{\"t\":0,\"ev\":\"raft.role\",\"host\":\"m1\",\"role\":\"leader\",\"term\":1}\n"))
    }
}
