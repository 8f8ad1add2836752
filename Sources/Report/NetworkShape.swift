/// The shape of the network: partition groups (host names) and one-way cuts.
public struct NetworkShape: Equatable, Sendable {
    /// Partition groups, in `Network.groups` order; empty while the network is whole.
    public var groups: [[String]] = []
    /// Cut directions: `to` does not hear `from`.
    public var cuts: [Cut] = []

    public struct Cut: Equatable, Sendable {
        public var from: String
        public var to: String
    }

    public init(groups: [[String]] = [], cuts: [Cut] = []) {
        self.groups = groups
        self.cuts = cuts
    }

    public var isWhole: Bool { groups.isEmpty && cuts.isEmpty }

    /// `m1 m2 | m3 m4; cut m1 -> m2`, or `whole`.
    public var description: String {
        var parts: [String] = []
        if !groups.isEmpty { parts.append(groups.map { $0.joined(separator: " ") }.joined(separator: " | ")) }
        parts += cuts.map { "cut \($0.from) -> \($0.to)" }
        return parts.isEmpty ? "whole" : parts.joined(separator: "; ")
    }
}
