/// A host of the simulated network: a machine that runs a Docker engine. Dense indices from 0 in
/// the order hosts were declared, so they can index arrays and sort deterministically.
public struct HostID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int
    @inlinable public init(_ index: Int) { self.index = index }
    @inlinable public static func < (a: HostID, b: HostID) -> Bool { a.index < b.index }
    public var description: String { "host\(index)" }
}
