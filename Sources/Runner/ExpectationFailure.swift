import SimCore
import ScenarioLanguage

/// A failed `expect`, with everything needed to understand and reproduce it.
public struct ExpectationFailure: Sendable, Equatable {
    public var location: SourceLocation
    public var statement: String
    public var seen: String
    public var time: SimTime
    public var seed: UInt64
    public var rerun: String

    /// The report printed for a failed expectation.
    public var rendered: String {
        """
        \(location): error: expectation failed: \(statement)
          seen:  \(seen)
          at:    \(time) (virtual time)
          seed:  \(seed)
          rerun: \(rerun)

        """
    }
}
