import Foundation
import Testing

/// `swarmsim serve` driven by the real docker CLI, where one is installed: every command a
/// class would type, and for each table command, the real client's output against SwarmSim's
/// own formatting of the same state (`m1$ docker …` on the served swarm's shell), time columns
/// aside. Waits for states by polling, with generous deadlines; never on a fixed sleep.
@Suite(.serialized) struct ServeDockerCLITests {
    /// Compares `docker ARGS` from the real client and from SwarmSim on `host` until they agree
    /// (the swarm may still be moving), or records both.
    func agree(_ serve: ServeProcess, _ args: [String], on host: String = "m1", _ location: SourceLocation = #_sourceLocation) {
        var real = "", ours = ""
        let same = ServeProcess.eventually {
            real = serve.docker(args, on: host).out
            ours = serve.statement("\(host)$ docker " + args.joined(separator: " ")) ?? ""
            return ServeProcess.normalized(real) == ServeProcess.normalized(ours)
        }
        #expect(same, "docker \(args.joined(separator: " ")):\n--- real client\n\(real)--- swarmsim\n\(ours)", sourceLocation: location)
    }

    @discardableResult
    func ok(_ serve: ServeProcess, _ args: [String], on host: String = "m1", _ location: SourceLocation = #_sourceLocation) -> String {
        let r = serve.docker(args, on: host)
        #expect(r.status == 0, "docker \(args.joined(separator: " ")) exited \(r.status): \(r.err)", sourceLocation: location)
        return r.out
    }

    @Test func theRealDockerCLIDrivesAServedSwarm() throws {
        guard ServeProcess.which("docker") != nil, let swarmsim = ServeProcess.executable else {
            print("warning: no docker client (or no built swarmsim): skipping the served-swarm test with the real docker CLI")
            return
        }
        let serve = try ServeProcess(swarmsim, arguments: ["m1", "m2", "m3", "w1", "--speed", "10"])
        defer { serve.stop() }
        #expect(serve.waitFor("serving 4 engines"))
        #expect(ok(serve, ["swarm", "init"]).hasPrefix("Swarm initialized: current node ("))
        let worker = ok(serve, ["swarm", "join-token", "-q", "worker"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let manager = ok(serve, ["swarm", "join-token", "-q", "manager"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(worker.hasPrefix("SWMTKN-1-"))
        #expect(ok(serve, ["swarm", "join", "--token", manager, "m1:2377"], on: "m2") == "This node joined a swarm as a manager.\n")
        #expect(ok(serve, ["swarm", "join", "--token", manager, "m1:2377"], on: "m3") == "This node joined a swarm as a manager.\n")
        #expect(ok(serve, ["swarm", "join", "--token", worker, "m1:2377"], on: "w1") == "This node joined a swarm as a worker.\n")
        agree(serve, ["node", "ls"])
        agree(serve, ["node", "ls"], on: "m2")

        let created = ok(serve, ["service", "create", "--name", "web", "--replicas", "3", "-p", "8080:80", "nginx"])
        #expect(created.contains("verify: Service ") && created.contains(" converged"))
        agree(serve, ["service", "ls"])
        agree(serve, ["service", "ps", "web"])
        agree(serve, ["node", "ps"])
        agree(serve, ["node", "ps", "w1"])
        // The engine's own description comes with its answer (CPUs and memory: the defaults).
        let lines = ["Swarm: active", "Is Manager: true", "Managers: 3", "Nodes: 4", "Name: m1", "CPUs: 1", "Total Memory: 2GiB"]
        var info = ""
        let described = ServeProcess.eventually {
            info = ok(serve, ["info"])
            return lines.allSatisfy { info.contains($0) }
        }
        #expect(described, "docker info lacks one of \(lines):\n\(info)")
        // docker ps on an engine, filtered by the engine.
        agree(serve, ["ps"], on: "w1")
        agree(serve, ["ps", "-a", "--filter", "name=web", "--filter", "status=running"], on: "m2")
        let badFilter = serve.docker(["ps", "--filter", "colour=red"], on: "m1")
        #expect(badFilter.status == 1 && badFilter.err.contains("invalid filter 'colour'"), "\(badFilter.err)")
        #expect(ok(serve, ["network", "create", "-d", "overlay", "backend"]).count == 26)
        agree(serve, ["network", "ls"])
        // Secrets and configs: data from standard input, the table, the removal.
        #expect(serve.docker(["secret", "create", "db_pass", "-"], on: "m1", input: "s3cr3t").out.count == 26)
        let site = serve.dir + "/site.conf"
        try "server_name example;\n".write(toFile: site, atomically: true, encoding: .utf8)
        #expect(ok(serve, ["config", "create", "site", site]).count == 26)
        agree(serve, ["secret", "ls"])
        agree(serve, ["config", "ls"])
        #expect(ok(serve, ["config", "inspect", "--format", "{{json .Spec.Data}}", "site"]) == "\"c2VydmVyX25hbWUgZXhhbXBsZTsK\"\n")
        // A service that uses them keeps them, and the secret cannot go while it does.
        #expect(ok(serve, ["service", "create", "--detach", "--name", "api", "--secret", "source=db_pass,target=pw", "--config", "site", "nginx"]).count == 26)
        #expect(ok(serve, ["service", "inspect", "--format", "{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}}:{{.File.Name}}{{end}}", "api"]) == "db_pass:pw\n")
        let inUse = serve.docker(["secret", "rm", "db_pass"], on: "m1")
        #expect(inUse.status == 1 && inUse.err.contains("secret 'db_pass' is in use by the following service: api"), "\(inUse.err)")
        #expect(ok(serve, ["service", "rm", "api"]) == "api\n")
        #expect(ok(serve, ["secret", "rm", "db_pass"]) == "db_pass\n")
        agree(serve, ["secret", "ls"])
        // Autolock: turned on through swarm update, its key read and rotated, turned off.
        let locked = ok(serve, ["swarm", "update", "--autolock=true"])
        #expect(locked.hasPrefix("Swarm updated.\n") && locked.contains("SWMKEY-1-"))
        let key = ok(serve, ["swarm", "unlock-key", "-q"])
        #expect(key.hasPrefix("SWMKEY-1-") && locked.contains(key.trimmingCharacters(in: .whitespacesAndNewlines)))
        let rotated = ok(serve, ["swarm", "unlock-key", "--rotate", "-q"])
        #expect(rotated.hasPrefix("SWMKEY-1-") && rotated != key)
        #expect(ok(serve, ["swarm", "update", "--autolock=false"]) == "Swarm updated.\n")
        // The real client reads the compose file and makes the calls; the served swarm deploys it.
        let compose = serve.dir + "/stack.yml"
        try "services:\n  cache:\n    image: redis\n    networks: [back]\n    deploy:\n      replicas: 2\nnetworks:\n  back: {}\n"
            .write(toFile: compose, atomically: true, encoding: .utf8)
        #expect(ok(serve, ["stack", "deploy", "-c", compose, "demo"]).contains("Creating service demo_cache"))
        let deployed = ServeProcess.eventually { serve.docker(["stack", "services", "demo"], on: "m1").out.contains(" 2/2 ") }
        #expect(deployed)
        agree(serve, ["service", "ls"])
        agree(serve, ["network", "ls"])
        #expect(ok(serve, ["service", "update", "--detach", "--image", "nginx:1.27", "web"]) == "web\n")
        let updated = ServeProcess.eventually {
            let rows = serve.docker(["service", "ps", "--filter", "desired-state=running", "--format", "{{.Image}} {{.CurrentState}}", "web"], on: "m1").out
            return rows.split(separator: "\n").count == 3 && rows.split(separator: "\n").allSatisfy { $0.hasPrefix("nginx:1.27 Running") }
        }
        #expect(updated)
        agree(serve, ["service", "ps", "web"])
        #expect(ok(serve, ["node", "update", "--availability", "drain", "w1"]) == "w1\n")
        agree(serve, ["node", "ls"])
        agree(serve, ["service", "ps", "web"])
        let onDrained = ServeProcess.eventually { !serve.docker(["node", "ps", "--filter", "desired-state=running", "w1"], on: "m1").out.contains("Running") }
        #expect(onDrained)
        // A worker refuses cluster commands with the daemon's words and code.
        let refused = serve.docker(["node", "ls"], on: "w1")
        #expect(refused.status == 1)
        #expect(refused.err.contains("Worker nodes can't be used to view or modify cluster state."))
        // stack rm lists the stack's secrets and configs first, then removes its services (its
        // network may still be in use by the tasks shutting down, as in Swarm).
        let removed = serve.docker(["stack", "rm", "demo"], on: "m1")
        #expect(removed.out.contains("Removing service demo_cache"), "\(removed.out)\(removed.err)")
        #expect(!removed.err.contains("not simulated"), "\(removed.err)")
        #expect(ServeProcess.eventually { !serve.docker(["service", "ls"], on: "m1").out.contains("demo_cache") })
    }
}

/// `swarmsim serve`'s usage errors, without starting a server.
@Suite struct ServeUsageTests {
    @Test func serveNeedsASwarmAndSaneOptions() {
        let sys = FakeSystem()
        #expect(sys.run("serve") == 2)
        #expect(sys.err == "error: 'swarmsim serve' needs a scenario file or host names\nhint: swarmsim serve m1..m3 w1 w2\n")
        let speed = FakeSystem()
        #expect(speed.run("serve", "m1", "--speed", "0") == 2)
        #expect(speed.err == "error: invalid speed '0'\nhint: a number above 0, such as 1, 10 or 0.5\n")
        let limit = FakeSystem()
        #expect(limit.run("shell", "--serve", "m1", "--max-connections", "0") == 2)
        #expect(limit.err == "error: invalid connection limit '0'\nhint: a number from 1 to 1024\n")
        let help = FakeSystem()
        #expect(help.run("serve", "--help") == 0)
        #expect(help.out.hasPrefix("USAGE: swarmsim serve [FILE | HOST…] [options]\n"))
    }
}
