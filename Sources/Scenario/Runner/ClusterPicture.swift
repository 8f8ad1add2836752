import SimCore
import Raft
import Orchestration
import Cluster

/// `show cluster`: the swarm now, as a plain-text picture. One block per partition group (one
/// block when the network is whole), a line per host: role, Raft state and term, node status as
/// the leader records it.
struct ClusterPicture {
    let swarm: Swarm
    let hostOrder: [HostID]

    var text: String {
        var s = "cluster at \(swarm.now): "
        if let l = swarm.leader, let v = swarm.raftView(l) {
            s += "leader \(swarm.name(of: l)), term \(v.term)"
        } else {
            s += "no leader"
        }
        let managers = swarm.managers.count
        if managers > 0 { s += ", \(managers) manager\(managers == 1 ? "" : "s") up" }
        s += "\n"
        let groups = swarm.network.groups.filter { !$0.isEmpty }
        let order = Dictionary(uniqueKeysWithValues: hostOrder.enumerated().map { ($1, $0) })
        for (i, group) in groups.enumerated() {
            if groups.count > 1 { s += "  side \(i + 1):\n" }
            var table = TabWriter(minWidth: 0, padding: 2)
            for h in group.sorted(by: { (order[$0] ?? $0.index) < (order[$1] ?? $1.index) }) {
                table.row(["  " + (groups.count > 1 ? "  " : "") + swarm.name(of: h)] + row(h))
            }
            s += table.text
        }
        return s
    }

    func row(_ h: HostID) -> [String] {
        guard swarm.isUp(h) else { return ["crashed"] }
        guard let role = swarm.role(of: h) else { return ["not in a swarm"] }
        var cells: [String] = [role.rawValue]
        if let v = swarm.raftView(h) {
            cells.append("\(v.role)")
            cells.append("term \(v.term)")
        } else {
            cells.append(contentsOf: ["", ""])
        }
        if let r = swarm.nodeRecord(of: h) {
            cells.append(r.state.display)
            if r.availability != .active { cells.append(r.availability.display) }
        }
        return cells
    }
}
