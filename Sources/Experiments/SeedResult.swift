/// One seed's run, as much as the report needs.
public struct SeedResult: Sendable, Equatable {
    public var seed: UInt64
    /// 0 passed, 1 an expectation failed or a safety violation, 2 an error.
    public var exitCode: Int32
    /// Where the run stopped early, if it did.
    public var stop: Stop?
    /// One value per measure of the plan.
    public var measures: [MeasureValue] = []
    /// Safety violations (each a simulator bug).
    public var violations: [String] = []

    public init(seed: UInt64, exitCode: Int32) {
        self.seed = seed
        self.exitCode = exitCode
    }

    public struct Stop: Sendable, Equatable {
        public enum Kind: String, Sendable { case failed, error }
        public var kind: Kind
        /// Index of the statement that failed or could not run.
        public var statement: Int
        /// What was seen instead (a failure) or the error message.
        public var message: String
    }
}
