import SimCore
import Testing
@testable import ScenarioLanguage
@testable import DockerClient

/// The words of `command` (which starts with `docker`) as the scenario lexer splits them.
func dockerWords(_ command: String) -> [Word] {
    lexStatements(command).first?.words ?? []
}

func dockerParse(_ command: String) -> Result<DockerInvocation, Diagnostic> {
    DockerCLI.parse(dockerWords(command))
}

func dockerOK(_ command: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DockerInvocation? {
    switch dockerParse(command) {
    case .success(let inv): return inv
    case .failure(let d):
        Issue.record("\(command): \(d.rendered)", sourceLocation: sourceLocation)
        return nil
    }
}

func dockerError(_ command: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    switch dockerParse(command) {
    case .success:
        Issue.record("\(command) parsed", sourceLocation: sourceLocation)
        return nil
    case .failure(let d): return d
    }
}

@Suite struct DockerCLITests {
    /// A valid example of every command in the table.
    static let examples: [(String, [String])] = [
        ("docker swarm init --advertise-addr 10.0.0.1 --listen-addr 0.0.0.0:2377 --dispatcher-heartbeat 5s --task-history-limit 5 --autolock --force-new-cluster", ["swarm", "init"]),
        ("docker swarm join --token $WORKER_TOKEN --advertise-addr 10.0.0.2 m1:2377", ["swarm", "join"]),
        ("docker swarm join-token -q worker", ["swarm", "join-token"]),
        ("docker swarm leave --force", ["swarm", "leave"]),
        ("docker swarm update --dispatcher-heartbeat 10s --task-history-limit 10", ["swarm", "update"]),
        ("docker node ls -q -f role=manager", ["node", "ls"]),
        ("docker node inspect --pretty self w1", ["node", "inspect"]),
        ("docker node promote w1 w2", ["node", "promote"]),
        ("docker node demote m2", ["node", "demote"]),
        ("docker node update --availability drain --label-add zone=a --label-rm old --role manager w1", ["node", "update"]),
        ("docker node rm -f w1", ["node", "rm"]),
        ("docker node ps", ["node", "ps"]),
        ("docker service create --name web --replicas 3 -p 8080:80 nginx", ["service", "create"]),
        ("docker service ls -q", ["service", "ls"]),
        ("docker service ps --no-trunc -f desired-state=running web", ["service", "ps"]),
        ("docker service inspect --pretty web", ["service", "inspect"]),
        ("docker service scale web=6 api=2", ["service", "scale"]),
        ("docker service update --image nginx:1.25 --constraint-add node.role==worker --publish-add 9090:90 --force web", ["service", "update"]),
        ("docker service rollback web", ["service", "rollback"]),
        ("docker service rm web api", ["service", "rm"]),
        ("docker network create -d overlay --attachable backend", ["network", "create"]),
        ("docker network ls", ["network", "ls"]),
        ("docker network inspect backend", ["network", "inspect"]),
        ("docker network rm backend", ["network", "rm"]),
        ("docker secret create db_pass ./db_pass.txt", ["secret", "create"]),
        ("docker secret ls", ["secret", "ls"]),
        ("docker secret inspect --pretty db_pass", ["secret", "inspect"]),
        ("docker secret rm db_pass", ["secret", "rm"]),
        ("docker config create site.conf ./site.conf", ["config", "create"]),
        ("docker config ls -q", ["config", "ls"]),
        ("docker config inspect site.conf", ["config", "inspect"]),
        ("docker config rm site.conf", ["config", "rm"]),
        ("docker swarm unlock", ["swarm", "unlock"]),
        ("docker swarm unlock-key -q --rotate", ["swarm", "unlock-key"]),
        ("docker info", ["info"]),
        ("docker ps -a -q", ["ps"]),
        ("docker version", ["version"]),
        ("docker stack deploy -c docker-compose.yml -c scale.yml --prune --resolve-image changed -d=false app", ["stack", "deploy"]),
        ("docker stack ls", ["stack", "ls"]),
        ("docker stack ps --no-trunc app", ["stack", "ps"]),
        ("docker stack rm app db", ["stack", "rm"]),
        ("docker stack services -q app", ["stack", "services"]),
        ("docker stack config -c docker-compose.yml", ["stack", "config"]),
    ]

    @Test(arguments: examples)
    func commandPath(_ command: String, _ path: [String]) {
        #expect(dockerOK(command)?.path == path)
    }

    @Test func examplesCoverTheWholeTable() {
        let covered = Self.examples.map(\.1)
        for command in DockerCLI.commands {
            #expect(covered.contains(command.path), "\(command.name) has no example")
        }
        #expect(DockerCLI.commands.count == Self.examples.count)
    }

    @Test func aliasesResolveToTheCanonicalPath() {
        #expect(dockerOK("docker node list")?.path == ["node", "ls"])
        #expect(dockerOK("docker service remove web")?.path == ["service", "rm"])
        #expect(dockerOK("docker secret list")?.path == ["secret", "ls"])
    }

    // MARK: Flag forms

    @Test func longFlagsWithSpaceOrEquals() {
        let a = dockerOK("docker service create --name web --replicas=3 nginx")
        #expect(a?.text("name")?.text == "web")
        #expect(a?.int("replicas") == 3)
        #expect(a?.flags.map(\.location.column) == [23, 34])
    }

    @Test func shortFlags() {
        for form in ["-p 8080:80", "-p8080:80", "-p=8080:80", "--publish 8080:80", "--publish=8080:80"] {
            #expect(dockerOK("docker service create \(form) nginx")?.values("publish") == [.publish(.init(published: 8080, target: 80))], "\(form)")
        }
    }

    @Test func combinedBooleans() {
        let ps = dockerOK("docker ps -aq")
        #expect(ps?.flags.map(\.name) == ["all", "quiet"])
        #expect(ps?.isOn("all") == true && ps?.isOn("quiet") == true)
        let create = dockerOK("docker service create -dqp 8080:80 nginx")
        #expect(create?.flags.map(\.name) == ["detach", "quiet", "publish"])
    }

    @Test func booleanValues() {
        #expect(dockerOK("docker service create --detach=false nginx")?.value("detach") == .bool(false))
        #expect(dockerOK("docker service create -d=false nginx")?.value("detach") == .bool(false))
        #expect(dockerOK("docker service create --detach=1 nginx")?.isOn("detach") == true)
    }

    /// `--constraint` is read with swarmkit's grammar (SimCore's `PlacementConstraint`), the one
    /// the scheduler uses: Go's TrimSpace around key and value, Go's `(?i)` letters; refusals
    /// name the key or value cut short.
    @Test func constraintsUseTheOneGrammar() throws {
        func parse(_ text: String) -> Result<PlacementConstraint, DockerCLI.ValueError> { DockerCLI.parseConstraint(text) }
        let spaced = try parse("node.labels.zone == a\u{A0}").get()
        #expect(spaced == PlacementConstraint(key: "node.labels.zone", op: .equal, value: "a"))
        #expect(try parse("node.labels.zone!=\u{212A}").get().value == "\u{212A}")   // Kelvin sign folds onto k
        let long = String(repeating: "k", count: 45) + "$"
        guard case .failure(let e) = parse(long + "==x") else { Issue.record("accepted \(long)"); return }
        #expect(e.reason == "key '" + String(repeating: "k", count: 40) + "…' is invalid" && e.hint == nil)
        guard case .failure(let m) = parse("node.role=manager") else { Issue.record("accepted"); return }
        #expect(m.reason == "constraint expected one operator from ==, !=" && m.hint != nil)
    }

    @Test func repeatedFlagsKeepEveryValue() {
        let c = dockerOK("docker service create --constraint node.role==worker --constraint node.labels.zone!=b nginx")
        #expect(c?.values("constraint") == [
            .constraint(.init(key: "node.role", op: .equal, value: "worker")),
            .constraint(.init(key: "node.labels.zone", op: .notEqual, value: "b")),
        ])
        let u = dockerOK("docker node update --label-add zone=a --label-add ssd w1")
        #expect(u?.values("label-add") == [.keyValue(key: "zone", value: "a"), .keyValue(key: "ssd", value: nil)])
    }

    @Test func doubleDashEndsFlags() {
        let i = dockerOK("docker node inspect -- --pretty")
        #expect(i?.arguments.map(\.text) == ["--pretty"])
        #expect(i?.flags.isEmpty == true)
    }

    @Test func flagsMayFollowArgumentsExceptForServiceCreate() {
        let u = dockerOK("docker node update w1 --availability drain")
        #expect(u?.value("availability") == .choice("drain"))
        #expect(u?.arguments.map(\.text) == ["w1"])
        let c = dockerOK("docker service create --name web busybox ping -c 3 --interval 1 host")
        #expect(c?.arguments.map(\.text) == ["busybox", "ping", "-c", "3", "--interval", "1", "host"])
        #expect(c?.flags.map(\.name) == ["name"])
    }

    @Test func aSingleDashIsAnArgument() {
        #expect(dockerOK("docker secret create pass -")?.arguments.map(\.text) == ["pass", "-"])
    }

    // MARK: Typed values

    @Test func typedValues() {
        let c = dockerOK("""
            docker service create --mode global --reserve-cpu 0.5 --limit-memory 1.5g --reserve-memory 512M \
            --restart-delay 1m30s --restart-max-attempts 3 --update-max-failure-ratio 0.25 \
            --placement-pref spread=node.labels.zone -e DEBUG=1 -e PATH --endpoint-mode dnsrr \
            --stop-grace-period 10s --update-order start-first nginx
            """)
        #expect(c?.value("mode") == .choice("global"))
        #expect(c?.value("reserve-cpu") == .nanoCPUs(500_000_000))
        #expect(c?.value("limit-memory") == .bytes(3 << 29))
        #expect(c?.value("reserve-memory") == .bytes(512 << 20))
        #expect(c?.duration("restart-delay") == .seconds(90))
        #expect(c?.int("restart-max-attempts") == 3)
        #expect(c?.value("update-max-failure-ratio") == .ratio(0.25))
        #expect(c?.value("placement-pref") == .spread("node.labels.zone"))
        #expect(c?.values("env") == [.keyValue(key: "DEBUG", value: "1"), .keyValue(key: "PATH", value: nil)])
        #expect(c?.value("endpoint-mode") == .choice("dnsrr"))
        #expect(c?.text("update-order")?.text == "start-first")
        #expect(dockerOK("docker swarm init --task-history-limit -1")?.int("task-history-limit") == -1)
        #expect(dockerOK("docker node ls --filter name=w1")?.value("filter") == .keyValue(key: "name", value: "w1"))
    }

    @Test func publishSpecs() {
        typealias P = DockerInvocation.PortSpec
        let cases: [(String, P)] = [
            ("8080:80", P(published: 8080, target: 80)),
            ("8080:80/udp", P(published: 8080, target: 80, protocol: .udp)),
            ("80", P(published: nil, target: 80)),
            ("53/udp", P(published: nil, target: 53, protocol: .udp)),
            ("published=8080,target=80,protocol=tcp,mode=host", P(published: 8080, target: 80, protocol: .tcp, mode: .host)),
            ("target=80", P(published: nil, target: 80)),
            ("mode=ingress,target=443,published=443,protocol=sctp", P(published: 443, target: 443, protocol: .sctp)),
        ]
        for (text, spec) in cases {
            #expect(dockerOK("docker service create -p \(text) nginx")?.value("publish") == .publish(spec), "\(text)")
        }
        #expect(P(published: 8080, target: 80, mode: .host).description == "8080:80/tcp (host)")
    }

    @Test func argumentsKeepVariables() {
        let i = dockerOK("docker node inspect $ID_w1 \"${ID_w2}\"")
        #expect(i?.arguments.map(\.parts) == [[.variable("ID_w1")], [.variable("ID_w2")]])
        let j = dockerOK("docker swarm join --token=$MANAGER_TOKEN m1:2377")
        #expect(j?.text("token")?.parts == [.variable("MANAGER_TOKEN")])
        #expect(j?.text("token")?.location.column == 27)
    }

    @Test func scaleTargets() {
        let s = dockerOK("docker service scale web=6 api=0")
        #expect(s?.scaleTargets.map(\.service) == ["web", "api"])
        #expect(s?.scaleTargets.map(\.replicas) == [6, 0])
    }
}
