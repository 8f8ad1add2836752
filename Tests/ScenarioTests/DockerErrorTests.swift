import Testing
@testable import ScenarioLanguage

/// docker's messages (and our hints) for every way a command line can be wrong.
@Suite struct DockerErrorTests {
    /// `message` and hint of the error for `command`.
    func failure(_ command: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (String, String?) {
        guard let d = dockerError(command, sourceLocation: sourceLocation) else { return ("", nil) }
        return (d.message, d.hint)
    }

    @Test func unknownCommands() {
        let d = dockerError("docker servce ls")
        #expect(d?.message == "docker: 'servce' is not a docker command.")
        #expect(d?.notes == ["See 'docker --help'"])
        #expect(d?.hint == "did you mean 'service'?")
        #expect(d?.location.column == 8)
        let sub = dockerError("docker service craete --name web nginx")
        #expect(sub?.message == "docker: unknown command: docker service craete")
        #expect(sub?.notes == ["Run 'docker service --help' for more information"])
        #expect(sub?.hint == "did you mean 'create'?")
        let group = dockerError("docker node")
        #expect(group?.message == "\"docker node\" requires a subcommand.")
        #expect(group?.hint == "one of: ls, inspect, promote, demote, update, rm, ps")
        #expect(failure("docker").0 == "missing docker command")
    }

    @Test func unsupportedCommandsSaySo() {
        #expect(failure("docker volume ls").0 == "'docker volume' is not supported by swarmsim yet")
        #expect(failure("docker run -d nginx").0 == "'docker run' is not supported by swarmsim yet")
        #expect(failure("docker build .").0 == "'docker build' is not supported by swarmsim yet")
        #expect(failure("docker service logs web").0 == "'docker service logs' is not supported by swarmsim yet")
        #expect(failure("docker swarm ca --rotate").0 == "'docker swarm ca' is not supported by swarmsim yet")
        #expect(failure("docker service create --mount type=bind,src=/a,dst=/b nginx").0
            == "'docker service create --mount' is not supported by swarmsim yet")
        #expect(failure("docker service create -w /app nginx").0 == "'docker service create --workdir' is not supported by swarmsim yet")
        #expect(failure("docker node ls --help").0 == "'docker node ls --help' is not supported by swarmsim yet")
        #expect(failure("docker -H tcp://x ps").0 == "'docker -H' is not supported by swarmsim yet")
    }

    @Test func unknownFlags() {
        let d = dockerError("docker service create --replcas 3 nginx")
        #expect(d?.message == "unknown flag: --replcas")
        #expect(d?.notes == ["See 'docker service create --help'."])
        #expect(d?.hint == "did you mean --replicas?")
        #expect(failure("docker service update --constraint node.role==worker web")
            == ("unknown flag: --constraint", "did you mean --constraint-add?"))
        #expect(failure("docker node ls -x") == ("unknown shorthand flag: 'x' in -x", nil))
        #expect(failure("docker ps -aqz") == ("unknown shorthand flag: 'z' in -aqz", nil))
        #expect(failure("docker node ls ---q").0 == "bad flag syntax: ---q")
    }

    @Test func missingFlagArguments() {
        #expect(failure("docker service create --replicas").0 == "flag needs an argument: --replicas")
        #expect(failure("docker service create -p").0 == "flag needs an argument: 'p' in -p")
        #expect(failure("docker node ls -qf").0 == "flag needs an argument: 'f' in -qf")
    }

    @Test func argumentCounts() {
        let d = dockerError("docker service create --replicas 3")
        #expect(d?.message == "\"docker service create\" requires at least 1 argument.")
        #expect(d?.notes == ["See 'docker service create --help'.", "Usage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]"])
        let extra = dockerError("docker swarm init now please")
        #expect(extra?.message == "\"docker swarm init\" accepts no arguments.")
        #expect(extra?.location.column == 19)
        #expect(failure("docker node update w1 w2").0 == "\"docker node update\" requires exactly 1 argument.")
        #expect(failure("docker secret create").0 == "\"docker secret create\" requires at least 1 and at most 2 arguments.")
        #expect(failure("docker service scale").0 == "\"docker service scale\" requires at least 1 argument.")
    }

    @Test func invalidValues() {
        let cases: [(String, String)] = [
            ("docker service create --replicas x nginx", #"invalid argument "x" for "--replicas" flag: strconv.ParseUint: parsing "x": invalid syntax"#),
            ("docker service create --replicas -1 nginx", #"invalid argument "-1" for "--replicas" flag: strconv.ParseUint: parsing "-1": invalid syntax"#),
            ("docker service create --replicas 99999999999999999999 nginx", #"invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseUint: parsing "99999999999999999999": value out of range"#),
            ("docker swarm init --task-history-limit 1.5", #"invalid argument "1.5" for "--task-history-limit" flag: strconv.ParseInt: parsing "1.5": invalid syntax"#),
            ("docker service create --restart-delay 5x nginx", #"invalid argument "5x" for "--restart-delay" flag: time: unknown unit "x" in duration "5x""#),
            ("docker service create --restart-delay 5 nginx", #"invalid argument "5" for "--restart-delay" flag: time: missing unit in duration "5""#),
            ("docker service create --restart-delay soon nginx", #"invalid argument "soon" for "--restart-delay" flag: time: invalid duration "soon""#),
            ("docker service create --restart-delay -5s nginx", #"invalid argument "-5s" for "--restart-delay" flag: duration cannot be negative"#),
            ("docker node update --availability drian w1", #"invalid argument "drian" for "--availability" flag: must be one of active, pause, drain"#),
            ("docker service create --reserve-memory lots nginx", #"invalid argument "lots" for "--reserve-memory" flag: invalid size: 'lots'"#),
            ("docker service create --reserve-cpu abc nginx", #"invalid argument "abc" for "--reserve-cpu" flag: failed to parse abc as a rational number"#),
            ("docker service create --reserve-cpu 0.0000000001 nginx", #"invalid argument "0.0000000001" for "--reserve-cpu" flag: value is too precise"#),
            ("docker service create --update-max-failure-ratio 2 nginx", #"invalid argument "2" for "--update-max-failure-ratio" flag: must be between 0 and 1"#),
            ("docker service create --update-max-failure-ratio x nginx", #"invalid argument "x" for "--update-max-failure-ratio" flag: strconv.ParseFloat: parsing "x": invalid syntax"#),
            ("docker service create --detach=maybe nginx", #"invalid argument "maybe" for "-d, --detach" flag: strconv.ParseBool: parsing "maybe": invalid syntax"#),
            ("docker node ls -f role", #"invalid argument "role" for "-f, --filter" flag: bad format of filter (expected name=value)"#),
            ("docker node update --label-add =x w1", #"invalid argument "=x" for "--label-add" flag: empty key in "=x""#),
            ("docker service create --constraint node.role=manager nginx", #"invalid argument "node.role=manager" for "--constraint" flag: constraint expected one operator from ==, !="#),
            ("docker service create --constraint 1node==x nginx", #"invalid argument "1node==x" for "--constraint" flag: key '1node' is invalid"#),
            ("docker service create --constraint node.role==a;b nginx", #"invalid argument "node.role==a;b" for "--constraint" flag: value 'a;b' is invalid"#),
            ("docker service create --placement-pref spread nginx", #"invalid argument "spread" for "--placement-pref" flag: placement preference must be of the format "<strategy>=<arg>""#),
            ("docker service create --placement-pref pack=x nginx", #"invalid argument "pack=x" for "--placement-pref" flag: unsupported placement preference pack (only spread is supported)"#),
            ("docker network create -d bridge net", #"invalid argument "bridge" for "-d, --driver" flag: must be one of overlay"#),
            ("docker service create --replicas $N nginx", #"invalid argument "$N" for "--replicas" flag: variables are not expanded in this value"#),
        ]
        for (command, message) in cases {
            #expect(failure(command).0 == message, "\(command)")
        }
        #expect(failure("docker node update --availability drian w1").1 == "did you mean 'drain'?")
        #expect(dockerError("docker service create --replicas x nginx")?.notes == ["See 'docker service create --help'."])
    }

    @Test func invalidPublishSpecs() {
        let cases: [(String, String)] = [
            ("80:http", "invalid containerPort: http"),
            ("http:80", "invalid hostPort: http"),
            ("8080:", "No port specified: 8080:<empty>"),
            ("80/icmp", "invalid proto: icmp"),
            ("1.2.3.4:80:80", "hostip is not supported"),
            ("8080-8081:80-81", "port ranges are not supported by swarmsim yet"),
            ("published=8080", "missing mandatory field \"target\""),
            ("target=80,bogus=1", "invalid field key bogus"),
            ("target=80,mode=x", "invalid publish mode value x"),
            ("target=80,protocol=icmp", "invalid protocol value icmp"),
            ("target=80,=1", "invalid field =1"),
            ("target=99999", "strconv.ParseUint: parsing \"99999\": value out of range"),
        ]
        for (spec, reason) in cases {
            #expect(failure("docker service create -p \(spec) nginx").0 == "invalid argument \"\(spec)\" for \"-p, --publish\" flag: \(reason)", "\(spec)")
        }
    }

    @Test func commandChecks() {
        #expect(failure("docker service scale web") == ("Invalid scale specifier 'web'.", "write SERVICE=REPLICAS, for example web=3"))
        #expect(failure("docker service scale web=x").0 == #"invalid replicas value x: strconv.ParseUint: parsing "x": invalid syntax"#)
        #expect(failure("docker swarm join-token wokrer") == ("unknown role wokrer", "did you mean 'worker'?"))
        #expect(failure("docker swarm join m1:2377").0 == "required flag(s) \"token\" not set")
        #expect(failure("docker secret create pass ./file --data x").0 == "unknown flag: --data")
        #expect(failure("docker config create site").0 == "\"docker config create\" requires exactly 2 arguments.")
        #expect(failure("docker service update --rollback --image x web").0 == "other flags may not be combined with --rollback")
        #expect(failure("docker service create --mode global --replicas 3 nginx").0 == "replicas can only be used with replicated mode")
        #expect(failure("docker service create --mode global --replicas-max-per-node 1 nginx").0
            == "replicas-max-per-node can only be used with replicated mode")
    }

    @Test func valueErrorsPointAtTheValue() {
        let d = dockerError("docker service create --replicas x nginx")
        #expect(d?.location.column == 34)
        #expect(d?.length == 1)
        let inline = dockerError("docker service create --replicas=xy nginx")
        #expect(inline?.location.column == 34)
        #expect(inline?.length == 2)
    }

    @Test func renderedInAScenario() {
        #expect(rendered("hosts m1\nm1$ docker node update --availability drian w1") == """
            t.swarm:2:39: error: invalid argument "drian" for "--availability" flag: must be one of active, pause, drain
            m1$ docker node update --availability drian w1
                                                  ^~~~~
            See 'docker node update --help'.
            hint: did you mean 'drain'?
            """)
    }
}
