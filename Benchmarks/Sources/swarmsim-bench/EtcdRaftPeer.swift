import Foundation

/// The peer of `raft-replicate` and `raft-elect`: `peers/etcdraft`, a Go program running the
/// same workloads on etcd raft's core (go.etcd.io/etcd/raft 3.4, which swarmkit embeds). Built
/// once with the system's Go in GOPATH mode against Debian's etcd sources, into
/// `Benchmarks/.build/peers/`, and rebuilt when its sources are newer than the binary.
enum EtcdRaftPeer {
    /// Where etcd's sources may be: `$ETCD_GOPATH` first, then Debian's golang-etcd-server-dev.
    static var gopathCandidates: [String] {
        [ProcessInfo.processInfo.environment["ETCD_GOPATH"], "/usr/share/gocode"].compactMap { $0 }
    }

    static let installHint = "install Go and etcd raft's sources: `apt-get install golang-go golang-etcd-server-dev`"

    /// Runs `etcdraft-peer -workload <workload> -count <count> -repeat <repeats>`.
    static func run(workload: String, count: Int, repeats: Int) -> Peer.Outcome {
        guard Peer.enabled else { return .unavailable("not run (--no-peers)") }
        let binary: String
        switch build() {
        case .success(let path): binary = path
        case .failure(let why): return .unavailable(why.message)
        }
        progress("running peer etcdraft \(workload)")
        let run = Peer.execute([binary, "-workload", workload, "-count", String(count), "-repeat", String(repeats)])
        guard run.status == 0 else {
            return .unavailable("peer failed (exit \(run.status)); its messages are on standard error")
        }
        return Peer.outcome(ofOutput: run.output)
    }

    struct Unavailable: Error { let message: String }

    /// The peer's binary, built if missing or older than its sources.
    static func build() -> Result<String, Unavailable> {
        let files = FileManager.default
        guard let main = Peer.scriptPath("etcdraft/main.go") else {
            return .failure(Unavailable(message: "peers/etcdraft not found"))
        }
        let source = (main as NSString).deletingLastPathComponent
        guard Peer.execute(["go", "version"], quiet: true).status == 0 else {
            return .failure(Unavailable(message: "no peer: Go is not installed; " + installHint))
        }
        guard let gopath = gopathCandidates.first(where: {
            files.fileExists(atPath: $0 + "/src/go.etcd.io/etcd/raft/rawnode.go")
        }) else {
            return .failure(Unavailable(message: "no peer: etcd raft's sources are missing; " + installHint))
        }
        let cache = ((source as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent + "/.build/peers"
        let binary = cache + "/etcdraft-peer"
        if isUpToDate(binary, source: source) { return .success(binary) }
        try? files.createDirectory(atPath: cache, withIntermediateDirectories: true)
        notice("building the etcd raft peer: GOPATH=\(gopath) GO111MODULE=off go build -o \(binary)")
        let built = Peer.execute(["go", "build", "-o", binary, "."],
                                 environment: ["GOPATH": gopath, "GO111MODULE": "off", "GOFLAGS": "",
                                               "GOCACHE": cache + "/go-build"],
                                 directory: source)
        guard built.status == 0 else {
            return .failure(Unavailable(message: "no peer: building peers/etcdraft failed (its messages are on standard error); " + installHint))
        }
        return .success(binary)
    }

    /// Whether `binary` exists and is newer than every file in `source`.
    static func isUpToDate(_ binary: String, source: String) -> Bool {
        let files = FileManager.default
        guard let built = (try? files.attributesOfItem(atPath: binary))?[.modificationDate] as? Date,
              let names = try? files.contentsOfDirectory(atPath: source)
        else { return false }
        return names.allSatisfy { name in
            let changed = (try? files.attributesOfItem(atPath: source + "/" + name))?[.modificationDate] as? Date
            return changed.map { $0 < built } ?? false
        }
    }
}

extension BenchResult {
    /// Records a peer's outcome: its figure and details (prefixed with its name), or why there
    /// is none.
    mutating func attach(peer name: String, _ outcome: Peer.Outcome) {
        switch outcome {
        case .measured(let figure, let details):
            peer = name
            peerValue = figure
            self.details += details.map { (name + " " + $0.0, $0.1) }
        case .unavailable(let why):
            self.details.append((name, why))
        }
    }
}
