/// One side of the network as the quorum sees it: how many managers can reach each other
/// there (up, on this side) and how many a quorum needs (⌊N/2⌋+1 of all N managers, counting
/// crashed ones). The whole network is one side.
public struct QuorumSide: Equatable, Sendable {
    public var reachable: Int
    public var needed: Int

    public init(reachable: Int, needed: Int) {
        self.reachable = reachable
        self.needed = needed
    }

    public var hasQuorum: Bool { reachable >= needed }

    /// `3/3` — reachable over needed.
    public var fraction: String { "\(reachable)/\(needed)" }
}
