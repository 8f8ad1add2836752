/// Who leads, and in which term.
public struct Leadership: Equatable, Sendable {
    public var host: String
    public var term: UInt64
}
