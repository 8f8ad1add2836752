import SimCore
import Orchestration
import Cluster

/// A served session as a scenario that `swarmsim run` replays (`swarmsim serve --record`):
/// the setup first, then every change, an engine call as its `HOST$ docker …` statement
/// (`RecordedStatement`) or a statement typed at the shell, each after a `wait` for the
/// virtual time since the previous one ended. Text accumulates here; the caller writes it out.
///
/// How faithful a replay is (docs/serve.md): the same changes in the same order at the same
/// virtual times, to within the time each replayed command takes to be answered; reads are not
/// replayed, and the messages they caused are not sent again.
public final class SessionRecording {
    var pending: String
    var last: SimTime

    public init(setup: String, start: SimTime) {
        pending = setup + (setup.hasSuffix("\n") ? "" : "\n")
            + "# Served by 'swarmsim serve' from here; each wait is the virtual time between changes.\n"
        last = start
    }

    /// An engine call made at `time` on `host`: its statement, if it changes anything.
    public func engineCall(_ request: EngineRequest, host: String, at time: SimTime, store: ClusterStore?) {
        guard let text = RecordedStatement.text(request, host: host, store: store) else { return }
        waitLine(time)
        pending += text + "\n"
    }

    /// A statement typed at the served swarm's shell at `time`.
    public func statement(_ line: String, at time: SimTime) {
        guard line.contains(where: { $0 != " " && $0 != "\t" }) else { return }
        waitLine(time)
        pending += line + "\n"
    }

    /// The statement just recorded ran until `time`: the next wait counts from there.
    public func ran(until time: SimTime) { last = max(last, time) }

    /// The text recorded since the last call.
    public func takeText() -> String {
        defer { pending = "" }
        return pending
    }

    func waitLine(_ time: SimTime) {
        if time > last { pending += "wait \(Self.seconds(time.nanoseconds - last.nanoseconds))\n" }
        last = max(last, time)
    }

    /// `9.86145177s`: exact to the nanosecond, as the scenario language reads durations.
    static func seconds(_ nanoseconds: Int64) -> String {
        let whole = nanoseconds / 1_000_000_000
        var fraction = String(nanoseconds % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)s" : "\(whole).\(fraction)s"
    }
}
