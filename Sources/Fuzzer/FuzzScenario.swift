import SimCore

/// Random swarms under random faults, written as scenarios (`swarmsim fuzz`).
///
/// A seed becomes a scenario *text*: a random cluster shape, a fault schedule and a workload as
/// statements, then a liveness phase that stops the faults and expects the swarm to converge.
/// Running that text with `ScenarioRunner` (safety checks on) is the whole test, so a failing
/// seed's scenario file is its reproduction, and it can be kept as a regression scenario.
/// Same seed and configuration, same text, byte for byte (DESIGN.md §2).
public enum FuzzScenario {
    /// How big and how long the generated scenarios are.
    public struct Config: Sendable, Equatable {
        public var managers: ClosedRange<Int> = 1...9
        public var workers: ClosedRange<Int> = 0...50
        /// Virtual time of the fault and workload phase.
        public var duration: SimDuration = .minutes(5)
        /// How long the liveness phase waits for a leader, then for the services.
        public var leaderWithin: SimDuration = .minutes(5)
        public var convergeWithin: SimDuration = .minutes(5)
        /// At most this many services exist at once.
        public var maxServices = 4

        public init() {}

        /// The shape the test suite uses: small swarms, a minute of faults (debug builds are slow).
        public static var small: Config {
            var c = Config()
            c.managers = 1...5
            c.workers = 0...4
            c.duration = .minutes(1)
            return c
        }
    }

    /// The scenario for `seed`.
    public static func generate(seed: UInt64, config: Config = Config()) -> String {
        var g = ScenarioGenerator(seed: seed, config: config)
        return g.generate()
    }
}
