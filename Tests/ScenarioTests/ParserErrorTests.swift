import Testing
@testable import ScenarioLanguage
@testable import DockerClient

/// Exact messages, locations and carets for bad input.
@Suite struct ParserErrorTests {
    @Test func unknownStatementAsInTheDesign() {
        let text = "# a\nhosts m1 m2\n\nseed 1\n\n# b\npartiton m1 | m2\n"
        #expect(ScenarioParser.parse(text, file: "Scenarios/x.swarm").renderedDiagnostics == """
            Scenarios/x.swarm:7:1: error: unknown statement 'partiton'
            partiton m1 | m2
            ^~~~~~~~
            hint: did you mean 'partition'?
            """)
    }

    @Test func unknownStatementHints() {
        #expect(rendered("hosts m1\nm1 docker node ls") == """
            t.swarm:2:1: error: unknown statement 'm1'
            m1 docker node ls
            ^~
            hint: to run a command on m1, write 'm1$ docker …'
            """)
        #expect(rendered("hosts m1\ndocker node ls") == """
            t.swarm:2:1: error: unknown statement 'docker'
            docker node ls
            ^~~~~~
            hint: docker commands run on a host: write 'm1$ docker …'
            """)
        #expect(rendered("xyzzy") == "t.swarm:1:1: error: unknown statement 'xyzzy'\nxyzzy\n^~~~~")
    }

    @Test func badDuration() {
        #expect(rendered("wait 10x") == """
            t.swarm:1:6: error: unknown unit 'x' in duration '10x'
            wait 10x
                 ^~~
            hint: units are ns, us, ms, s, m, h
            """)
        #expect(rendered("wait 10") == """
            t.swarm:1:6: error: missing unit in duration '10'
            wait 10
                 ^~
            hint: did you mean '10s'? units are ns, us, ms, s, m, h
            """)
        #expect(rendered("wait") == """
            t.swarm:1:1: error: missing duration after 'wait'
            wait
            ^~~~
            hint: write wait 10s, or wait until CONDITION [timeout DURATION]
            """)
    }

    @Test func unterminatedQuote() {
        #expect(rendered(#"say "hello"#) == #"""
            t.swarm:1:5: error: unterminated double quote
            say "hello
                ^~~~~~
            hint: close it with " on the same line, or end the line with \ to continue inside the quotes
            """#)
    }

    @Test func unknownHost() {
        #expect(rendered("hosts m1..m3\nm9$ docker node ls") == """
            t.swarm:2:1: error: unknown host 'm9'
            m9$ docker node ls
            ^~
            hint: did you mean 'm1'?
            """)
        #expect(rendered("crash m1") == """
            t.swarm:1:7: error: unknown host 'm1'
            crash m1
                  ^~
            hint: declare hosts first, for example: hosts m1..m3 w1..w3
            """)
        #expect(rendered("hosts alpha beta\nisolate gamma") == """
            t.swarm:2:9: error: unknown host 'gamma'
            isolate gamma
                    ^~~~~
            hint: declared hosts: alpha, beta
            """)
    }

    @Test func unknownFlag() {
        #expect(rendered("hosts m1\nm1$ docker service create --replcas 3 nginx") == """
            t.swarm:2:27: error: unknown flag: --replcas
            m1$ docker service create --replcas 3 nginx
                                      ^~~~~~~~~
            See 'docker service create --help'.
            hint: did you mean --replicas?
            """)
    }

    @Test func missingArgument() {
        #expect(rendered("hosts m1\nm1$ docker service create --replicas") == """
            t.swarm:2:27: error: flag needs an argument: --replicas
            m1$ docker service create --replicas
                                      ^~~~~~~~~~
            See 'docker service create --help'.
            """)
        #expect(rendered("hosts m1\nm1$ docker service create --replicas 3") == """
            t.swarm:2:5: error: "docker service create" requires at least 1 argument.
            m1$ docker service create --replicas 3
                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
            See 'docker service create --help'.
            Usage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]
            """)
    }

    @Test func malformedExpectations() {
        let h = "hosts m1..m3\n"
        #expect(rendered(h + "expect leadr") == """
            t.swarm:2:8: error: unknown condition 'leadr'
            expect leadr
                   ^~~~~
            hint: did you mean 'leader'?
            """)
        #expect(rendered(h + "expect leader in") == """
            t.swarm:2:15: error: missing hosts after 'leader in'
            expect leader in
                          ^~
            hint: for example: leader in m2,m3
            """)
        #expect(rendered(h + "expect leader for within 5m") == """
            t.swarm:2:15: error: missing duration after 'leader for'
            expect leader for within 5m
                          ^~~
            hint: for example: leader for 3s
            """)
        #expect(rendered(h + "expect leader for 3s m2") == """
            t.swarm:2:22: error: unexpected 'm2' after 'leader for 3s'
            expect leader for 3s m2
                                 ^~
            """)
        #expect(rendered(h + "expect service web running many within 30s") == """
            t.swarm:2:28: error: invalid task count 'many'
            expect service web running many within 30s
                                       ^~~~
            hint: a whole number, 0 or more
            """)
        #expect(rendered(h + "expect leader timeout 10s") == """
            t.swarm:2:15: error: 'expect' takes 'within DURATION', not 'timeout'
            expect leader timeout 10s
                          ^~~~~~~
            hint: write within 10s
            """)
        #expect(rendered(h + "expect node m2 sleepy") == """
            t.swarm:2:16: error: unknown node state 'sleepy'
            expect node m2 sleepy
                           ^~~~~~
            hint: one of: ready, down, unknown, active, pause, drain
            """)
        #expect(rendered(h + "expect leader within") == """
            t.swarm:2:15: error: missing duration after 'within'
            expect leader within
                          ^~~~~~
            hint: for example: within 30s
            """)
        #expect(rendered(h + "expect") == """
            t.swarm:2:1: error: missing condition after 'expect'
            expect
            ^~~~~~
            hint: conditions: \(StatementParser.conditionForms)
            """)
        #expect(rendered(h + "wait until leader is m3 m2") == """
            t.swarm:2:25: error: unexpected 'm2' after 'leader is m3'
            wait until leader is m3 m2
                                    ^~
            """)
    }

    @Test func blockWithNoStatement() {
        #expect(rendered("wait 1s\n\n----\nx\n") == """
            t.swarm:3:1: error: expected-output block has no statement
            ----
            ^~~~
            hint: put '----' right under the statement whose output it shows, with no blank line or comment between
            """)
    }

    @Test func notUTF8() {
        var bytes = Array("wait 1s\nsay é".utf8)
        bytes.append(0xFF)
        let result = ScenarioParser.parse(bytes: bytes, file: "t.swarm")
        #expect(result.renderedDiagnostics == """
            t.swarm:2:6: error: file is not UTF-8 text
            hint: save the scenario as UTF-8; is this a binary file?
            """)
        #expect(result.script.statements.isEmpty)
        // Overlong encodings and lone continuation bytes are not UTF-8 either.
        #expect(ScenarioParser.parse(bytes: [0x61, 0xC0, 0xAF], file: "t.swarm").diagnostics.first?.location == at(1, 2))
        #expect(ScenarioParser.parse(bytes: [0x80], file: "t.swarm").diagnostics.first?.message == "file is not UTF-8 text")
        #expect(ScenarioParser.parse(bytes: [0xED, 0xA0, 0x80], file: "t.swarm").diagnostics.count == 1)
    }

    @Test func nulByte() {
        #expect(rendered("wait 1s\u{0}") == """
            t.swarm:1:8: error: file contains a NUL byte
            hint: scenario files are plain UTF-8 text; is this a binary file?
            """)
    }

    @Test func hugeLineIsShownAsAWindow() {
        let word = String(repeating: "a", count: 100_000)
        let shown = String(repeating: "a", count: 160)
        #expect(rendered(word + " x") == """
            t.swarm:1:1: error: unknown statement '\(String(repeating: "a", count: 40))…'
            \(shown)…
            ^\(String(repeating: "~", count: 159))
            """)
        let far = rendered(word + " $") == ""
        #expect(!far)
        let tail = rendered("say " + word + " \"open")
        #expect(tail.hasPrefix("t.swarm:1:100006: error: unterminated double quote\n…"))
        // The window ends with the line, so the caret sits 157 columns in (after the …), under `"open`.
        #expect(tail.split(separator: "\n")[1].hasSuffix(" \"open"))
        #expect(tail.split(separator: "\n")[2] == Substring(String(repeating: " ", count: 156) + "^~~~~"))
    }

    @Test func threeMistakesThreeMessages() {
        let result = parse("hosts m1\nwait 5x\nsay ok\ncrash m7\nm1$ docker nod ls\n")
        #expect(result.diagnostics.map(\.message) == [
            "unknown unit 'x' in duration '5x'", "unknown host 'm7'", "docker: 'nod' is not a docker command.",
        ])
        #expect(result.diagnostics.map(\.location) == [at(2, 6), at(4, 7), at(5, 12)])
        #expect(result.script.statements.count == 2)
        #expect(result.hasErrors)
    }

    @Test func errorsAreCappedAtTwenty() {
        let text = (1...25).map { "bogus\($0)" }.joined(separator: "\n")
        let result = parse(text)
        #expect(result.diagnostics.count == 21)
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 20)
        #expect(result.diagnostics.last?.rendered == "t.swarm:20:1: note: too many errors; stopped after 20")
    }

    // MARK: Statement-specific problems

    @Test func hostProblems() {
        #expect(parse("hosts m1\nhosts m1").diagnostics.first?.rendered == """
            t.swarm:2:7: error: host 'm1' is already declared
            hosts m1
                  ^~
            hint: it was declared at line 1
            """)
        let messages = [
            ("hosts m1 m1", "host 'm1' is declared twice in this statement"),
            ("hosts w5..w1", "host range 'w5..w1' goes down"),
            ("hosts w1..x3", "invalid host range 'w1..x3'"),
            ("hosts w1..w5000", "host range 'w1..w5000' has 5000 hosts; a range may have at most 1000"),
            ("hosts 1abc", "invalid host name '1abc': use ASCII letters a-z and A-Z, digits, '-', '_' and '.', starting with a letter"),
            ("hosts a/b", "invalid host name 'a/b': use ASCII letters a-z and A-Z, digits, '-', '_' and '.', starting with a letter"),
            ("hosts a cpu=2", "unknown host option 'cpu'"),
            ("hosts a cpus=0", "invalid CPU count '0'"),
            ("hosts a memory=lots", "invalid memory size 'lots'"),
            ("hosts a ip=10.0.0.300", "invalid IPv4 address '10.0.0.300'"),
            ("hosts a cpus=1 cpus=2", "cpus= is given twice"),
            ("hosts a labels=", "missing labels after 'labels='"),
            ("hosts", "missing host names after 'hosts'"),
            ("hosts a ip=10.0.0.1\nhosts b ip=10.0.0.1", "address 10.0.0.1 of 'b' is already taken by 'a'"),
            ("hosts a..b", "invalid host range 'a..b'"),
            ("hosts a memory=99999999999999999999999999999999999P", "invalid memory size '99999999999999999999999999999999999P'"),
            ("hosts a memory=9000000P", "invalid memory size '9000000P'"),
            ("hosts a cpus=99999999999999999999.5", "invalid CPU count '99999999999999999999.5'"),
        ]
        for (text, message) in messages {
            #expect(parse(text).diagnostics.map(\.message) == [message], "\(text)")
        }
        #expect(parse("hosts a cpu=2").diagnostics.first?.hint == "did you mean 'cpus'?")
    }

    @Test func settingProblems() {
        #expect(rendered("raft electon-ticks 10") == """
            t.swarm:1:6: error: unknown raft setting 'electon-ticks'
            raft electon-ticks 10
                 ^~~~~~~~~~~~~
            hint: did you mean 'election-ticks'?
            """)
        let messages = [
            ("raft", "missing raft setting after 'raft'"),
            ("raft tick", "missing value for 'raft tick'"),
            ("raft tick 0s", "'raft tick' must be longer than zero"),
            ("raft prevote yes", "'raft prevote' is on or off, not 'yes'"),
            ("raft election-ticks 0", "invalid count '0' for 'raft election-ticks'"),
            ("mesh balance random", "'mesh balance' is one of round-robin, local-first, not 'random'"),
            ("network loss 150%", "probability '150%' is more than 100%"),
            ("network loss 1.5", "probability '1.5' is more than 100%"),
            ("network loss lots", "invalid probability 'lots'"),
            ("network latency 5ms..1ms", "latency range '5ms..1ms' goes down"),
            ("network latency 1ms 2ms", "unexpected '2ms' after 'network latency 1ms'"),
            ("network latency exponential min=1ms", "exponential latency needs min= and mean="),
            ("network latency exponential min=5ms mean=1ms", "exponential latency: mean 1ms is below min 5ms"),
            ("seed -1", "invalid seed '-1'"),
            ("seed 18446744073709551616", "invalid seed '18446744073709551616'"),
            ("seed $SEED", "variables are not allowed here"),
            ("dispatcher heartbeat 5s extra", "unexpected 'extra' after 'dispatcher heartbeat 5s'"),
        ]
        for (text, message) in messages {
            #expect(parse(text).diagnostics.map(\.message) == [message], "\(text)")
        }
    }

    @Test func faultProblems() {
        let h = "hosts m1..m3\n"
        let messages = [
            ("partition m1 m2", "partition needs two or more groups separated by '|'"),
            ("partition m1 | m2 m1", "host 'm1' is in two groups"),
            ("partition m1 | | m2", "empty group before '|' in partition"),
            ("partition m1 |", "empty group after '|' in partition"),
            ("partition | m1", "empty group before '|' in partition"),
            ("isolate", "missing hosts after 'isolate'"),
            ("crash m1 m1", "host 'm1' is listed twice"),
            ("heal now", "unexpected 'now' after 'heal'"),
            ("cut m1 m2", "expected 'cut HOST -> HOST'"),
            ("cut m1->m2", "expected 'cut HOST -> HOST'"),
            ("cut m1 -> m1", "a host cannot be cut from itself"),
            ("link m1", "missing second host after 'm1'"),
            ("link m1 m2", "missing link settings: latency=, loss=, duplication= or reset"),
            ("link m1 m2 los=1%", "unknown link setting 'los'"),
            ("link m1 m1 reset", "a link joins two different hosts"),
            ("link m1->m2 reset", "write '->' with spaces around it"),
            ("link m1 m2 loss=1% loss=2%", "loss= is given twice"),
            ("link m1 m2 reset now", "unexpected 'now' after 'reset'"),
        ]
        for (text, message) in messages {
            #expect(parse(h + text).diagnostics.map(\.message) == [message], "\(text)")
        }
        #expect(parse(h + "link m1 m2 los=1%").diagnostics.first?.hint == "did you mean 'loss'?")
        #expect(parse(h + "cut m1->m2").diagnostics.first?.location == at(2, 5))
    }

    @Test func narrationAndTrafficProblems() {
        let h = "hosts m1..m3\n"
        let messages = [
            ("say", "missing text after 'say'"),
            ("show", "missing what to show after 'show'"),
            ("show clustr", "cannot show 'clustr'"),
            ("show cluster now", "unexpected 'now' after 'show cluster'"),
            ("curl", "missing HOST:PORT after 'curl'"),
            ("curl m1", "missing port in 'm1'"),
            ("curl m1:http", "invalid port 'http'"),
            ("curl m1:70000", "invalid port '70000'"),
            ("curl m9:80", "unknown host 'm9'"),
            ("curl m1:80 y 3", "unexpected 'y' after the curl target"),
            ("curl m1:80 x 0", "invalid request count '0'"),
            ("curl m1:80 x 3 more", "unexpected 'more' after 'curl m1:80'"),
            ("measure", "missing name after 'measure'"),
            ("measure t leader", "expected 'until' after the measurement name"),
            ("measure a/b until leader", "invalid measurement name 'a/b'"),
            ("expect no leaders", "expected 'no leader'"),
            ("expect curl failures < 2", "expected 'curl failures <= K'"),
            ("expect curl nofailures", "unknown curl condition 'nofailures'"),
            ("expect service web", "expected 'running' after 'service web'"),
            ("expect leader at m1", "unexpected 'at' after 'leader'"),
            ("expect manager", "missing host name after 'manager'"),
            ("expect manager m9 leader", "unknown host 'm9'"),
            ("expect manager m1", "missing role or term after 'manager m1'"),
            ("expect manager m1 leeder", "unknown Raft role 'leeder'"),
            ("expect manager m1 leader 3", "expected 'term' after the role"),
            ("expect manager m1 term", "missing number after 'term'"),
            ("expect manager m1 term -1", "invalid term '-1'"),
            ("expect manager m1 term 2 now", "unexpected 'now' after 'term 2'"),
            ("$X wait", "a statement cannot start with a variable"),
            ("m1$", "missing command after 'm1$'"),
            ("m1$ dokcer ps", "only docker commands run on hosts, not 'dokcer'"),
            ("m1$ docker node ls | wc", "pipes are not supported in scenarios"),
        ]
        for (text, message) in messages {
            #expect(parse(h + text).diagnostics.map(\.message) == [message], "\(text)")
        }
        #expect(parse(h + "show clustr").diagnostics.first?.hint == "did you mean 'cluster'?")
        #expect(parse(h + "m1$ dokcer ps").diagnostics.first?.hint == "did you mean 'docker'?")
    }

    @Test func lexicalProblemsAreReportedPerStatement() {
        let result = parse("say 'a\nsay ${B\nwait 1s\nheal\n----\n----\nnever closed\n")
        #expect(result.diagnostics.map(\.message) == [
            "unterminated single quote", "unterminated '${'", "unterminated expected-output block",
        ])
        #expect(result.script.statements.map(\.statement) == [.wait(.seconds(1))])
    }

    @Test func controlCharactersAreShownSafely() {
        #expect(rendered("bo\u{1B}[2Jgus") == "t.swarm:1:1: error: unknown statement 'bo\u{FFFD}[2Jgus'\nbo\u{FFFD}[2Jgus\n^~~~~~~~~")
    }

    @Test func tabsInTheSourceLineUpTheCaret() {
        #expect(rendered("\twait\t10x") == "t.swarm:1:7: error: unknown unit 'x' in duration '10x'\n\twait\t10x\n\t    \t^~~\nhint: units are ns, us, ms, s, m, h")
    }
}
