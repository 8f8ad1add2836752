import SimCore

/// A client request through the mesh, while it is out and once answered.
struct MeshRequestState {
    var startedAt: SimTime
    var entry: HostID?
    var chosen: (task: String, node: String)?
    var result: MeshResponse?
}
