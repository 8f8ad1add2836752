import SimCore
import SimNetwork
import Cluster
import ScenarioLanguage

// `wait 10ms..75ms`, `raft election-timeout`, `raft persist-latency`, `raft tick-jitter`,
// `raft term-write`: timing drawn from the seed, Raft timeouts written in time, and the disk.

extension ScenarioRunner {
    /// The stream `wait A..B` draws from: the child "scenario wait" of the run's root seed. The
    /// swarm's streams are other children of the same root, so these draws shift none of them,
    /// and a scenario without a random wait draws nothing from it.
    static func waitStream(seed: UInt64) -> SeededRandom {
        SeededRandom(seed: seed).child("scenario wait")
    }

    /// A wait uniform over [lo, hi], to the nanosecond.
    func drawWait(_ lo: SimDuration, _ hi: SimDuration) -> SimDuration {
        Latency.uniform(lo, hi).sample(&waitRandom)
    }

    func applyRaftTiming(_ setting: Setting, at s: ScriptStatement) throws(Diagnostic) {
        switch (setting.key, setting.value) {
        case (.raftPersistLatency, .durationRange(let lo, let hi)):
            swarmOptions.raftPersistLatency = lo == hi ? .fixed(lo) : .uniform(lo, hi)
        case (.raftTickJitter, .duration(let d)):
            swarmOptions.raftTickJitter = d
        case (.raftTermWrite, .choice(let c)):
            swarmOptions.raftTermWriteFirst = c == "first"
        case (.raftElectionTimeout, .tickRange(let lo, let hi)):
            electionTimeoutInTime = nil
            swarmOptions.raft.electionTicks = lo
            swarmOptions.raft.electionTimeoutRange = lo...hi
        case (.raftElectionTimeout, .durationRange(let lo, let hi)):
            // The tick may be set after this statement: turned into ticks when the swarm is built.
            electionTimeoutInTime = (lo, hi, s)
        default:
            throw Diagnostic(at: s.location, length: s.text.count, "'\(setting.key.rawValue)' cannot take this value")
        }
    }

    /// Turns a `raft election-timeout` written in time into ticks of `raft tick`, which must
    /// divide both bounds; then checks the Raft settings together.
    func resolveElectionTimeout() throws(Diagnostic) {
        guard let (lo, hi, s) = electionTimeoutInTime else { return }
        let tick = swarmOptions.raftTick
        for bound in [lo, hi] where bound.nanoseconds % tick.nanoseconds != 0 {
            throw Diagnostic(at: s.location, length: s.text.count,
                             "election timeout \(bound) is not a whole number of Raft ticks (\(tick))",
                             hint: "Raft counts time in ticks: make both bounds multiples of the tick, or set 'raft tick' to divide them")
        }
        let range = Int(lo.nanoseconds / tick.nanoseconds)...Int(hi.nanoseconds / tick.nanoseconds)
        swarmOptions.raft.electionTicks = range.lowerBound
        swarmOptions.raft.electionTimeoutRange = range
        if let problem = swarmOptions.raft.problem {
            throw Diagnostic(at: s.location, length: s.text.count, problem)
        }
    }
}
