import SimCore
import Orchestration

/// What the engine answers to one `EngineQuery`: the matching records of its kind, in the
/// store's order (the docker CLI sorts them for display).
public enum EngineRecords: Sendable, Equatable {
    case nodes([NodeView])
    case services([ServiceView])
    case tasks([TaskRecord])
    case networks([NetworkView])
    case containers([ContainerRow])
}
