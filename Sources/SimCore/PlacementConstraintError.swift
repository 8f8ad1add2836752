/// Why a constraint expression was refused; the messages are swarmkit's.
public enum PlacementConstraintError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither `==` nor `!=` appears.
    case missingOperator
    /// The (trimmed) key does not match swarmkit's key pattern.
    case invalidKey(String)
    /// The (trimmed) value does not match swarmkit's value pattern.
    case invalidValue(String)

    public var description: String {
        switch self {
        case .missingOperator: return "constraint expected one operator from ==, !="
        case .invalidKey(let key): return "key '\(key)' is invalid"
        case .invalidValue(let value): return "value '\(value)' is invalid"
        }
    }
}
