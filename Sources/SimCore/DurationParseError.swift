/// Why a duration's text was refused. `offset` is the index of the offending character.
public struct DurationParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var hint: String?
    public var description: String { message }
}
