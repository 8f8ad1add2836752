import SimCore
import Cluster
import Report

/// What the runner records for `--report` beyond the swarm's notifications: each statement's
/// `show cluster` picture as it ends, the Raft messages and task states from the swarm's trace,
/// and `curl`'s requests. All of it read through the observer or the trace, never the roles.
extension ScenarioRunner {
    /// The trace the swarm writes to. When recording, a writer that hands every line to the
    /// recorder (messages included) and passes the run's own lines on to `trace` (message lines
    /// only with `--trace-messages`), one line at a time, so the order is kept.
    func swarmTrace() -> TraceWriter {
        guard recorder != nil else { return trace }
        let runTrace = trace
        let keepMessages = options.traceMessages
        return TraceWriter(enabled: true, chunkSize: 1) { [weak self] chunk in
            for line in TraceTap.lines(chunk) {
                if let parsed = TraceTap.parse(line) { self?.recorder?.record(parsed, in: self?.swarm) }
                if runTrace.isEnabled, keepMessages || !TraceTap.isMessage(line), line.endIndex < chunk.endIndex {
                    runTrace.write(finishedLines: chunk[line.startIndex...line.endIndex])
                }
            }
        }
    }

    /// Records how the statement that ran last ended, with the cluster's picture then.
    func recordEnd(_ outcome: StatementMark.Outcome) {
        guard recorder != nil else { return }
        // A narration runs nothing: the picture is the previous statement's when no time passed.
        let picture = recorder?.unchangedPicture(at: now)
            ?? swarm.map { ClusterPicture(swarm: $0, hostOrder: declaredHosts, words: PictureWords(language: language)).text } ?? ""
        if let swarm { recorder?.refreshTerms(swarm, at: now) }
        recorder?.ended(at: now, outcome, picture: picture)
    }

    /// Records one `curl` request: the host it entered at, and the host that answered.
    func recordRequest(entry: HostID, answeredBy node: String?) {
        guard recorder != nil, let swarm else { return }
        recorder?.request(at: swarm.now, entry: swarm.name(of: entry), answeredBy: node)
    }
}
