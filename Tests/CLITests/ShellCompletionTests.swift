import Testing
@testable import swarmsim

/// Tab completion: what the shell offers after the text before the cursor, and what Tab does
/// to the line.
@Suite struct ShellCompletionTests {
    static let hosts = ["m1", "m2", "w1"]
    static func c(_ text: String) -> [String] { ShellCompletion.candidates(for: text, hosts: hosts) }

    @Test func statementsShellCommandsAndHosts() {
        #expect(Self.c("cr") == ["crash"])
        #expect(Self.c("re") == ["restart", "report"])
        #expect(Self.c("m") == ["measure", "mesh", "m1$", "m2$"])
        #expect(Self.c("ne") == ["network", "next"])
        #expect(Self.c("crash ") == ["m1", "m2", "w1"])
        #expect(Self.c("partition m1 | w") == ["w1"])
        #expect(Self.c("curl w") == ["w1:"])
        #expect(Self.c("show ") == ["cluster", "services", "mesh"])
        #expect(Self.c("say hel") == [])
    }

    @Test func dockerGroupsSubcommandsAndFlags() {
        #expect(Self.c("m1$ ") == ["docker"])
        #expect(Self.c("m1$ docker s") == ["swarm", "service", "secret", "stack"])
        #expect(Self.c("m1$ docker node p") == ["promote", "ps"])
        #expect(Self.c("m1$ docker node update --av") == ["--availability"])
        #expect(Self.c("m1$ docker node update --availability drain w") == ["w1"])
        #expect(Self.c("m1$ docker service create --repl") == ["--replicas", "--replicas-max-per-node"])
        #expect(Self.c("m1$ dokcer ") == [])
    }

    @Test func conditions() {
        #expect(Self.c("expect ") == ["leader", "no", "node", "manager", "service", "services", "curl"])
        #expect(Self.c("expect leader i") == ["in", "is"])
        #expect(Self.c("expect node w1 d") == ["down", "drain"])
        #expect(Self.c("expect manager m2 ") == ["leader", "follower", "candidate", "pre-candidate", "term"])
        #expect(Self.c("wait ") == ["until"])
        #expect(Self.c("wait until no ") == ["leader"])
        #expect(Self.c("measure x until services c") == ["converged"])
    }

    @Test func tabCompletesExtendsOrLists() {
        var e = LineEditor()
        e.completer = { ShellCompletion.candidates(for: $0, hosts: Self.hosts) }
        for ch in "iso" { _ = e.apply(.text(String(ch))) }
        #expect(e.apply(.tab) == .redraw)
        #expect(e.line == "isolate ")
        #expect(e.apply(.tab) == .candidates(["m1", "m2", "w1"]))
        _ = e.apply(.text("m"))
        #expect(e.apply(.tab) == .candidates(["m1", "m2"]))
        _ = e.apply(.text("2"))
        #expect(e.apply(.tab) == .redraw)
        #expect(e.line == "isolate m2 ")
        e.reset()
        for ch in "m1$ docker swarm join-t" { _ = e.apply(.text(String(ch))) }
        _ = e.apply(.tab)
        #expect(e.line == "m1$ docker swarm join-token ")
        e.reset()
        _ = e.apply(.text("w"))
        #expect(e.apply(.tab) == .candidates(["wait", "w1$"]))
        _ = e.apply(.text("1"))
        #expect(e.apply(.tab) == .redraw)
        #expect(e.line == "w1$")
        e.reset()
        for ch in "xyz" { _ = e.apply(.text(String(ch))) }
        #expect(e.apply(.tab) == .none)
    }

    @Test func theTerminalSendsTabAsByteNine() {
        var d = KeyDecoder()
        #expect(d.feed(0x09) == [.tab])
    }
}
