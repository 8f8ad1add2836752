#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// swarmsim-bench [NAME…] [--json] [--no-peers] [--list] [--help]
// Exit status: 0 after running, 2 on bad usage (an unknown name or option).

let usage = """
    usage: swarmsim-bench [NAME…] [--json] [--no-peers] [--list] [--help]

    Runs the named workloads (all of them when none is named) and prints one line per result:
    the figure, and where a peer exists (the same model in another simulator) the peer's figure
    measured in the same run and the ratio ours / peer. Build in release mode:
      cd Benchmarks && swift run -c release swarmsim-bench

      --json      one JSON object per line: {"name","value","unit","peer","peer_value","ratio","details"}
      --no-peers  skip the peers (for profiling our side alone)
      --list      the workloads' names and summaries
      --help      this text
    """

var names: [String] = []
var json = false
for argument in CommandLine.arguments.dropFirst() {
    switch argument {
    case "--json": json = true
    case "--no-peers": Peer.enabled = false
    case "--list":
        let width = allWorkloads.map(\.name.count).max() ?? 0
        for w in allWorkloads { print(w.name + String(repeating: " ", count: width - w.name.count) + "  " + w.summary) }
        exit(0)
    case "--help", "-h": print(usage); exit(0)
    case let option where option.hasPrefix("-"):
        notice("swarmsim-bench: unknown option '\(option)'\n\n" + usage)
        exit(2)
    default: names.append(argument)
    }
}

let known = allWorkloads.map(\.name)
if let unknown = names.first(where: { !known.contains($0) }) {
    notice("swarmsim-bench: unknown workload '\(unknown)'. Workloads: " + known.joined(separator: ", "))
    exit(2)
}
let selected = names.isEmpty ? allWorkloads : allWorkloads.filter { names.contains($0.name) }

#if DEBUG
notice("swarmsim-bench: this is a debug build; figures mean little. Use: swift run -c release swarmsim-bench")
#endif

for workload in selected {
    progress("running \(workload.name)")
    for result in workload.run() {
        print(json ? jsonLine(result) : textLines(result))
        fflush(nil)   // every line as soon as it is measured, even into a pipe
    }
}
