import SimCore

/// One statement of a scenario, as the runner executes it. Statements run in file order at
/// the current virtual time; see docs/scenarios.md for each form.
public enum Statement: Equatable, Sendable {
    /// `seed 42`, `network latency 1ms..5ms`, `raft prevote on`, …
    case setting(Setting)
    /// `hosts m1..m3 w1..w5 cpus=4 memory=8GiB`: the hosts one statement declares, in order.
    case hosts([HostDeclaration])
    /// `m1$ docker service create …`: a docker command run on a declared host. The words run
    /// from `docker` to the end of the line; the docker CLI (module DockerClient) reads them.
    case docker(host: String, command: [Word])
    /// `m1$ printf 's3cr3t' | docker secret create db_pass -`: a docker command reading what
    /// `echo` or `printf` writes (docs/scenarios.md, "Files and standard input").
    case pipedDocker(host: String, input: StandardInput, command: [Word])
    /// `file NAME "text"` or `file NAME <<EOF … EOF`: a file the docker CLI on every host reads.
    case file(name: String, contents: String)
    /// `wait 10s`.
    case wait(SimDuration)
    /// `wait 10ms..75ms`: a wait drawn uniformly from the closed range (see `ScenarioRunner`).
    case waitRandom(SimDuration, SimDuration)
    /// `wait until leader timeout 30s`.
    case waitUntil(Condition, timeout: SimDuration?)
    /// `partition m1 m2 | m3 w1`: two or more groups that hear only each other. The first
    /// group already includes every declared host that the statement does not list.
    case partition([[String]])
    /// `isolate m1 m2`: each listed host is cut off from every other host.
    case isolate([String])
    /// `heal`: remove every partition, isolation and cut.
    case heal
    /// `crash m1 w2`: the hosts stop (engine, Raft state in memory, tasks).
    case crash([String])
    /// `restart m1`: crashed hosts start again.
    case restart([String])
    /// `cut m1 -> m2`: one-way loss; m2 stops hearing m1. `cut m1 -> m2 raft-entries`
    /// (`entriesOnly`): m2 stops receiving only the Raft log entries m1 sends, and hears the rest.
    case cut(from: String, to: String, entriesOnly: Bool = false)
    /// `link m1 m2 latency=200ms loss=10%`, `link m1 -> m2 …`, `link m1 m2 reset`.
    case link(LinkChange)
    /// `say "text"`: narration. The words may hold variables; the runner joins them with
    /// single spaces after expanding them.
    case say([Word])
    /// `show cluster`.
    case show(ShowTarget)
    /// `curl w3:8080 x 6`: requests through the routing mesh.
    case curl(CurlRequest)
    /// `expect leader in m2,m3 within 30s`.
    case expect(Condition, within: SimDuration?)
    /// `measure failover until leader timeout 60s`: record how long the condition takes.
    case measure(name: String, until: Condition, timeout: SimDuration?)
    /// `image web:2 exits 1 after 5s`: how containers of an image started from now on behave.
    case image(String, ContainerBehaviour)
    /// `fail web.2 [exit 137]`, `fail agent on w1`: a running container of a service exits now.
    case fail(FailTarget, exitCode: Int)
}
