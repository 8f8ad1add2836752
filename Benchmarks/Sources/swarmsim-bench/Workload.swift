// The workload protocol: every benchmark is a named `Workload` whose `run` measures something and
// returns one or more `BenchResult`s. A workload with a peer (the same model in another tool)
// measures the peer in the same run, so the ratio compares like with like on one machine.

/// One measured figure, and optionally the same figure for a peer implementation.
struct BenchResult {
    var name: String
    var value: Double
    var unit: String
    /// The peer's name (e.g. "simpy"), when one was measured.
    var peer: String? = nil
    var peerValue: Double? = nil
    /// Extra facts for the reader: sizes, run times, versions. Printed under the line.
    var details: [(String, String)] = []
}

/// A benchmark: a name to select it on the command line, a one-line summary for `--list`, and
/// the code that measures it.
struct Workload {
    let name: String
    let summary: String
    let run: () -> [BenchResult]
}

// The bench runs on one thread; workloads are global constants built once.
extension Workload: @unchecked Sendable {}
