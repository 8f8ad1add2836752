#!/usr/bin/env python3
"""Writes a soak scenario: a 100-node swarm (3 managers, 97 workers) under churn for HOURS
virtual hours, to measure that memory stays bounded (task history reaped, Raft log compacted).

Every 5 virtual minutes: scale or update a service, or crash and restart a worker, or drain and
reactivate a node; every hour a manager is down for 20 minutes, so that it comes back behind the
leader's compacted log and must catch up from a snapshot. Every hour too: a new secret replaces
the last in a service and the old one is removed, a replicated job runs a new iteration, and a
stack is deployed again. Throughout: a service whose containers fail and restart, and one with
a health check that turns unhealthy. Deterministic: no randomness here.

    python3 Tests/Fuzz/soak/make-soak.py 24 > /tmp/soak-24h.swarm
"""
import sys

hours = int(sys.argv[1]) if len(sys.argv) > 1 else 1
out = [f"# Soak: 100 nodes, {hours} h of churn (written by Tests/Fuzz/soak/make-soak.py)",
       "seed 1", "raft snapshot-interval 10000", "hosts m1..m3 w1..w97",
       "m1$ docker swarm init",
       "m2$ docker swarm join --token $MANAGER_TOKEN m1:2377",
       "m3$ docker swarm join --token $MANAGER_TOKEN m1:2377"]
out += [f"w{i}$ docker swarm join --token $WORKER_TOKEN m1:2377" for i in range(1, 98)]
out += ["m1$ docker service create --name web --replicas 40 -p 8080:80 nginx",
        "m1$ docker service create --name api --replicas 20 nginx",
        "m1$ docker service create --name agent --mode global nginx",
        "image flaky:1 exits 1 after 7m",
        "m1$ docker service create -d --name flaky --replicas 5 flaky:1",
        "image probe:1 unhealthy after 20m",
        "m1$ docker service create -d --name probe --replicas 3 --health-cmd true --health-interval 30s probe:1",
        "image batch:1 completes after 2m",
        "m1$ docker service create -d --name batch --mode replicated-job --replicas 6 --max-concurrent 3 batch:1",
        "m1$ printf 'secret-0' | docker secret create s0 -",
        "m1$ docker service update -d --secret-add s0 api",
        "file stack.yml <<EOF",
        "services:",
        "  cache:",
        "    image: redis",
        "    deploy:",
        "      replicas: 4",
        "  worker:",
        "    image: busybox",
        "    deploy:",
        "      mode: global",
        "configs:",
        "  site:",
        "    file: ./stack.yml",
        "EOF",
        "m1$ docker stack deploy -c stack.yml app",
        "wait 1m"]
steps = hours * 12
for k in range(steps):
    minute = k % 12
    if minute == 0 and k > 0:
        out.append("crash m3")
    if minute == 4 and k > 0:
        out.append("restart m3")
    if minute == 6 and k >= 12:
        h = k // 12
        out.append(f"m1$ printf 'secret-{h}' | docker secret create s{h} -")
        out.append(f"m1$ docker service update -d --secret-rm s{h - 1} --secret-add s{h} api")
    if minute == 8 and k >= 12:
        out.append(f"m1$ docker secret rm s{k // 12 - 1}")
        out.append("m1$ docker service update -d --force batch")
        out.append("m1$ docker stack deploy -c stack.yml app")
    kind = k % 6
    w = 1 + (k * 37) % 97
    if kind == 0:
        out.append(f"m1$ docker service scale web={30 + k % 20}")
    elif kind == 1:
        out.append(f"m1$ docker service update --detach --image nginx:1.{20 + k % 9} api")
    elif kind == 2:
        out.append(f"crash w{w}")
    elif kind == 3:
        out.append(f"restart w{(w - 37 + 97 * 10 - 1) % 97 + 1}")
        out.append(f"restart w{w}")
    elif kind == 4:
        out.append(f"m1$ docker node update --availability drain w{w}")
    else:
        out.append(f"m1$ docker node update --availability active w{(w - 37 + 97 * 10 - 1) % 97 + 1}")
        out.append(f"m1$ docker service update --detach --force web")
    out.append("wait 5m")
out += ["restart m3", "expect leader within 2m", "wait 1m", "expect services converged within 10m"]
print("\n".join(out))
