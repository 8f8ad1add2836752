/// The identity of a scheduled event: its insertion sequence number. Used to cancel it.
public struct EventID: Hashable, Comparable, Sendable {
    public let sequence: UInt64
    @inlinable public init(sequence: UInt64) { self.sequence = sequence }
    @inlinable public static func < (a: EventID, b: EventID) -> Bool { a.sequence < b.sequence }
}
