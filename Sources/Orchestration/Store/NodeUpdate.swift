import SimCore

/// The parts of a node that `docker node update` changes.
public struct NodeUpdate: Equatable, Sendable {
    public var availability: NodeAvailability?
    public var role: NodeRole?
    public var labelsToAdd: [(String, String)] = []
    public var labelsToRemove: [String] = []
    public init(availability: NodeAvailability? = nil, role: NodeRole? = nil,
                labelsToAdd: [(String, String)] = [], labelsToRemove: [String] = []) {
        self.availability = availability; self.role = role
        self.labelsToAdd = labelsToAdd; self.labelsToRemove = labelsToRemove
    }
    public static func == (a: NodeUpdate, b: NodeUpdate) -> Bool {
        a.availability == b.availability && a.role == b.role && a.labelsToRemove == b.labelsToRemove
            && a.labelsToAdd.map { "\($0)=\($1)" } == b.labelsToAdd.map { "\($0)=\($1)" }
    }
}
