import SimCore
import DockerClient

/// The quorum table as people read it: one section per experiment, each saying what was done,
/// the analytic rule, and how its interval is computed; then a conclusion per odd/even pair.
extension QuorumTable {
    public var text: String {
        var s = header
        s += "\n" + quorumSection
        if hasCrash { s += "\n" + crashSection + "\n" + electionSection }
        if hasSplit { s += "\n" + splitSection }
        if hasAvailability { s += "\n" + availabilitySection }
        let pairs = conclusions
        if !pairs.isEmpty { s += "\n" + pairs }
        let broken = rows.reduce(0) { $0 + $1.formFailures }
        if broken > 0 {
            s += "\nwarning: \(broken) trial\(broken == 1 ? "" : "s") could not form a swarm and \(broken == 1 ? "was" : "were") left out (a simulator bug)\n"
        }
        return s
    }

    var header: String {
        let o = options
        return """
            swarmsim quorum: managers \(o.managers.lowerBound)..\(o.managers.upperBound), \(o.trials) trials per cell, seed \(o.seed)
            Raft timing as swarmkit sets it: tick 1s, election timeout 10-20 ticks, CheckQuorum on.
            Each simulated value comes with its 95% interval: Wilson's score interval for a share of
            trials; mean ± t(0.975, n-1)·s/√n over the trials for a share of time.

            """
    }

    var quorumSection: String {
        var t = TabWriter(minWidth: 0, padding: 3)
        t.row(" N", "majority", "failures tolerated")
        t.row("", "⌊N/2⌋+1", "⌊(N-1)/2⌋")
        for r in rows { t.row(pad(r.managers), String(r.majority), String(r.tolerated)) }
        return "QUORUM\n" + t.text
    }

    // MARK: (a)

    var crashSection: String {
        let width = rows.map(\.managers).max() ?? 0
        var t = TabWriter(minWidth: 0, padding: 2)
        t.row([" N", "tolerates", ""] + (0..<width).map { "k=\($0)" })
        t.row(["", "analytic", "sim"] + (0..<width).map { _ in "" })
        for r in rows {
            let sim = simulatedTolerance(r)
            var cells = [pad(r.managers), String(r.tolerated), sim < 0 ? "-" : String(sim)]
            for c in r.crash { cells.append("\(c.withLeader)" + (c.agrees ? "" : "!")) }
            t.row(cells)
        }
        let disagreements = rows.reduce(0) { $0 + $1.crash.filter { !$0.agrees }.count }
        let trials = options.trials
        let bound = Statistics.wilson(successes: trials, trials: trials).lowerBound
        return """
            (a) CRASH k OF N MANAGERS, chosen at random, and look for a leader \(QuorumTrials.settle) later.
                Analytic: a leader remains iff N - k ≥ ⌊N/2⌋+1. Each cell: trials with a leader, of \(trials)
                (the analytic answer is all or none; "!" marks a cell that disagrees).

            """ + t.text + (disagreements == 0
                ? "    Every cell agrees with the analytic answer: at \(trials)/\(trials), the 95% interval puts the\n    chance of the other outcome below \(NumberFormat.percent(1 - bound)) per cell.\n"
                : "    \(disagreements) cell\(disagreements == 1 ? "" : "s") disagree with the analytic answer.\n")
    }

    var electionSection: String {
        var t = TabWriter(minWidth: 0, padding: 3)
        t.row(" N", "elections", "mean", "95% interval", "min", "max")
        for r in rows where !r.electionTimes.isEmpty {
            let secs = r.electionTimes.map(\.seconds)
            let m = Statistics.meanInterval(secs)
            t.row(pad(r.managers), String(secs.count), NumberFormat.seconds(m.mean, 2),
                  "[" + NumberFormat.seconds(m.mean - m.halfWidth, 2) + ", " + NumberFormat.seconds(m.mean + m.halfWidth, 2) + "]",
                  NumberFormat.seconds(r.electionTimes.min() ?? .zero, digits: 2), NumberFormat.seconds(r.electionTimes.max() ?? .zero, digits: 2))
        }
        return """
                Time from the crash to a new leader, in the trials of (a) where the leader was among the
                crashed and a majority remained (an election timeout of 10-20 ticks, then a vote):

            """ + t.text
    }

    // MARK: (b)

    var splitSection: String {
        var t = TabWriter(minWidth: 0, padding: 3)
        t.row(" N", "analytic", "simulated", "95% interval")
        for r in rows {
            guard let c = r.split else { continue }
            t.row(pad(r.managers), NumberFormat.fixed(c.analytic, 3), NumberFormat.fixed(c.simulated, 3), NumberFormat.interval(c.interval, 3)
                  + (c.leaderOnMinority > 0 ? "   ! \(c.leaderOnMinority) leader(s) on a minority side" : ""))
        }
        return """
            (b) SPLIT THE MANAGERS IN TWO at random (each on either side with probability 1/2), wait
                \(QuorumTrials.settle): how often does neither side keep a quorum (no leader anywhere)?
                Analytic: iff N is even and the split is exactly N/2 : N/2, probability C(N,N/2)/2^N.

            """ + t.text
    }

    // MARK: (c)

    var availabilitySection: String {
        let o = options
        var t = TabWriter(minWidth: 0, padding: 3)
        t.row(" N", "analytic", "majority up", "95% interval", "leader", "95% interval", "lost to elections")
        for r in rows {
            guard let c = r.availability else { continue }
            t.row(pad(r.managers), NumberFormat.fixed(c.analytic, 4),
                  NumberFormat.fixed(c.majorityUp, 4), "±" + NumberFormat.fixed(c.majorityUpHalfWidth, 4),
                  NumberFormat.fixed(c.leader, 4), "±" + NumberFormat.fixed(c.leaderHalfWidth, 4),
                  NumberFormat.fixed(c.majorityUp - c.leader, 4))
        }
        return """
            (c) FAILURES AND REPAIRS: each manager fails after an exponential time of mean \(NumberFormat.duration(o.mtbf)) (MTBF)
                and is repaired after one of mean \(NumberFormat.duration(o.mttr)) (MTTR), independently, so it is up with
                p = MTBF/(MTBF+MTTR) = \(NumberFormat.fixed(o.upProbability, 3)): far more often down than a real machine, so that a
                short run shows the effect (at real rates every share is close to 1, in the same order).
                \(o.trials) trials of \(NumberFormat.duration(o.horizon)) per N, each watched after \(NumberFormat.duration(QuorumTrials.warmUp)) of failures: the share of time
                with a majority of managers up, and with a leader (a majority up and a leader elected).
                Analytic: P(at least ⌊N/2⌋+1 of N up) = Σ C(N,i) p^i (1-p)^(N-i) over i ≥ ⌊N/2⌋+1.
                The simulation also pays for elections (10-25 s each time the leader fails or a
                majority comes back), so the leader column sits a little below the analytic value, by
                the last column; the majority-up column is the failure process alone.

            """ + t.text
    }

    // MARK: Conclusions

    /// One sentence per even N whose odd neighbour N − 1 is in the table.
    var conclusions: String {
        var lines: [String] = []
        for r in rows where r.managers % 2 == 0 {
            guard let odd = rows.first(where: { $0.managers == r.managers - 1 }) else { continue }
            var s = "  \(r.managers) managers tolerate \(r.tolerated) failure\(r.tolerated == 1 ? "" : "s"), no more than \(odd.managers) do, and lose quorum more often"
            var clauses: [String] = []
            if let c = r.split {
                clauses.append("a random split leaves no majority \(NumberFormat.percent(c.analytic)) of the time (simulated \(NumberFormat.percent(c.simulated))), against never")
            }
            if let even = r.availability, let o = odd.availability {
                let d = QuorumTable.pairedDifference(o, even)
                clauses.append("with failures they have a leader \(NumberFormat.percent(even.leader)) of the time against \(NumberFormat.percent(o.leader)) for \(odd.managers), "
                               + "\(NumberFormat.fixed(d.mean * 100, 1)) ± \(NumberFormat.fixed(d.halfWidth * 100, 1)) points less (paired trials; analytic \(NumberFormat.fixed((o.analytic - even.analytic) * 100, 1)))")
            }
            if !clauses.isEmpty { s += ": " + clauses.joined(separator: "; ") }
            lines.append(Self.wrap(s.dropFirst(2) + ".", width: 96, first: "  ", rest: "    "))
        }
        guard !lines.isEmpty else { return "" }
        return "ODD OR EVEN?\n" + lines.joined()
            + "  An even count adds a manager that can fail, and no failure the swarm can survive: run 3, 5 or 7\n"
            + "  managers (Docker recommends no more than 7).\n"
    }

    func pad(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }

    /// `text` broken between words into lines of at most `width` characters (a longer word
    /// stands alone), the first line prefixed by `first`, the others by `rest`.
    static func wrap<S: StringProtocol>(_ text: S, width: Int, first: String, rest: String) -> String {
        var out = "", line = first
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord && line.count + 1 + word.count > width {
                out += line + "\n"
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return out + line + "\n"
    }
}
