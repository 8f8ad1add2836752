import Foundation
import Testing

/// `swarmsim serve` driven through Python's docker SDK (`docker` on PyPI), where it is
/// installed: a script written for a real swarm, unchanged.
@Suite(.serialized) struct ServePythonSDKTests {
    static let script = """
        import sys, time, docker
        d = sys.argv[1]
        m1 = docker.DockerClient(base_url="unix://" + d + "/m1.sock")
        w1 = docker.DockerClient(base_url="unix://" + d + "/w1.sock")
        node_id = m1.swarm.init(advertise_addr="m1")
        print("init", len(node_id))
        print("joined", w1.swarm.join(remote_addrs=["m1:2377"], join_token=m1.swarm.attrs["JoinTokens"]["Worker"]))
        svc = m1.services.create("nginx:latest", name="web", mode=docker.types.ServiceMode("replicated", replicas=2),
                                 endpoint_spec=docker.types.EndpointSpec(ports={8080: 80}))
        print("service", svc.name, svc.attrs["Spec"]["Mode"])
        deadline = time.time() + 120
        while time.time() < deadline:
            running = [t for t in svc.tasks() if t["Status"]["State"] == "running"]
            if len(running) == 2: break
            time.sleep(0.05)
        print("running", len(running))
        for n in sorted(m1.nodes.list(), key=lambda n: n.attrs["Description"]["Hostname"]):
            print("node", n.attrs["Description"]["Hostname"], n.attrs["Spec"]["Role"], n.attrs["Status"]["State"])
        try:
            w1.nodes.list()
        except docker.errors.APIError as e:
            print("worker", e.status_code)
        """

    @Test func pythonsDockerSDKDrivesAServedSwarm() throws {
        guard let python = ServeProcess.which("python3"),
              ServeProcess.run(python, ["-c", "import docker"], environment: [:]).status == 0,
              let swarmsim = ServeProcess.executable else {
            print("warning: no Python docker SDK (pip install docker): skipping the served-swarm test through it")
            return
        }
        let serve = try ServeProcess(swarmsim, arguments: ["m1", "w1", "--speed", "10"])
        defer { serve.stop() }
        #expect(serve.waitFor("serving 2 engines"))
        let r = ServeProcess.run(python, ["-c", Self.script, serve.dir], environment: [:])
        #expect(r.status == 0, "python: \(r.err)")
        #expect(r.out == """
            init 25
            joined True
            service web {'Replicated': {'Replicas': 2}}
            running 2
            node m1 manager ready
            node w1 worker ready
            worker 503

            """)
    }
}
