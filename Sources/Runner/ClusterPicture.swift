import SimCore
import Raft
import Orchestration
import Cluster
import ScenarioLanguage

/// `show cluster`: the swarm now, as a picture in text. A headline (who leads, how many
/// managers, the quorum), then the hosts, grouped by partition side when the network is split,
/// each side saying whether its managers make a quorum; a line per host: role, Raft state (or
/// `crashed`) and term, node status as the leader records it (a crashed node stays Ready until
/// its heartbeats are missed), and a note when something is off (a leader of an old term, a
/// host cut off from the leader).
///
/// Plain text by default, as scenario files record it; with `color` the same text with ANSI
/// colours for a terminal. The labels follow `words` (`lang ko`); columns line up by terminal
/// columns, so Korean labels (two columns a syllable) align too.
struct ClusterPicture {
    let swarm: Swarm
    let hostOrder: [HostID]
    var color = false
    var words = PictureWords(language: .en)

    var text: String {
        let managers = hostOrder.filter(isManager)
        let quorum = managers.count / 2 + 1
        let upManagers = managers.filter(swarm.isUp)
        var head = [Cell(words.clusterAt(swarm.now))]
        if let l = swarm.allSeeing.leader, let v = swarm.allSeeing.raftView(l) {
            head += [Cell(words.leader(swarm.name(of: l)), .good), Cell(words.inTerm(v.term))]
        } else {
            head.append(Cell(words.noLeader, .bad))
        }
        if !managers.isEmpty {
            head.append(Cell(words.managersUp(upManagers.count, of: managers.count, quorum: quorum)))
        }
        var lines = [render(head)]

        let order = Dictionary(uniqueKeysWithValues: hostOrder.enumerated().map { ($1, $0) })
        let groups = swarm.network.groups
            .map { $0.filter { order[$0] != nil }.sorted { order[$0, default: 0] < order[$1, default: 0] } }
            .filter { !$0.isEmpty }
        let split = groups.count > 1
        var table: [[Cell]] = []
        var sideHeads: [Int: [Cell]] = [:]
        for (i, group) in groups.enumerated() {
            if split {
                let here = group.filter { upManagers.contains($0) }.count
                var cells = [Cell(words.side(i + 1))]
                if here == 0 {
                    cells.append(Cell(words.noManagers, .bad))
                } else {
                    cells.append(Cell(words.managersOnSide(here, of: managers.count)))
                    cells.append(here >= quorum ? Cell(words.quorum, .good) : Cell(words.noQuorum, .bad))
                }
                sideHeads[table.count] = cells
            }
            for h in group { table.append([Cell(swarm.name(of: h), .name)] + row(h)) }
        }
        let indent = split ? "    " : "  "
        for (i, line) in Self.align(table, color: color).enumerated() {
            if let side = sideHeads[i] { lines.append("  " + render(side)) }
            lines.append(indent + line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Rows

    /// Whether `h` is a manager, counting a crashed manager (its store record says so).
    /// A manager that counts towards the quorum (one that a forced new cluster removed does not).
    func isManager(_ h: HostID) -> Bool {
        if swarm.isForcedOut(h) { return false }
        if swarm.isUp(h) { return swarm.role(of: h) == .manager }
        return swarm.allSeeing.nodeRecord(of: h)?.role == .manager
    }

    func row(_ h: HostID) -> [Cell] {
        guard swarm.isUp(h) else {
            // A crashed engine keeps its membership on disk: show the role the store records,
            // and the status, which stays Ready until the leader misses three heartbeats.
            guard let r = swarm.allSeeing.nodeRecord(of: h) else { return [Cell(words.crashed, .bad)] }
            return [Cell(words.role(r.role)), Cell(words.crashed, .bad), Cell("")] + tasks(h) + status(r)
        }
        guard let role = swarm.role(of: h) else { return [Cell(words.notInSwarm, .dim)] }
        var cells = [Cell(words.role(role))]
        let view = swarm.allSeeing.raftView(h)
        if let v = view {
            let style: Style = switch v.role {
            case .leader: .good
            case .follower: .calm
            case .candidate, .preCandidate: .warn
            }
            cells += [Cell(words.raftRole(v.role), style), Cell(words.term(v.term))]
        } else {
            cells += [Cell(""), Cell("")]
        }
        cells += tasks(h)
        if let r = swarm.allSeeing.nodeRecord(of: h) { cells += status(r) }
        if let note = note(h, view) { cells.append(Cell(note, .warn)) }
        return cells
    }

    /// The containers the host's engine runs, once the swarm has services (a column of its own,
    /// so statuses stay aligned).
    func tasks(_ h: HostID) -> [Cell] {
        guard swarm.allSeeing.freshestStore?.services.isEmpty == false else { return [] }
        let n = swarm.allSeeing.containers(on: h).count
        return [Cell(n == 0 ? "" : words.tasks(n))]
    }

    /// The node's status as the leader records it, and its availability unless active.
    func status(_ r: NodeRecord) -> [Cell] {
        let style: Style = switch r.state {
        case .ready: .good
        case .down, .disconnected: .bad
        case .unknown: .warn
        }
        return [Cell(r.state.display, style)] + (r.availability != .active ? [Cell(r.availability.display, .warn)] : [])
    }

    /// What is off about `h`, in a few words.
    func note(_ h: HostID, _ view: ClusterObserver.RaftView?) -> String? {
        if swarm.isForcedOut(h) { return words.forcedOut }
        guard let leader = swarm.allSeeing.leader else { return nil }
        if h == leader { return nil }
        if view?.role == .leader { return words.leadsOldTerm }
        let network = swarm.network
        guard network.sameGroup(h, leader) else { return nil }
        switch (network.canSend(from: h, to: leader), network.canSend(from: leader, to: h)) {
        case (true, true): return nil
        case (false, false): return words.cutOffFromLeader
        case (false, true): return words.leaderDoesNotHear
        case (true, false): return words.doesNotHearLeader
        }
    }

    // MARK: Text and colour

    enum Style {
        case plain, name, good, calm, warn, bad, dim

        /// The ANSI SGR parameters.
        var sgr: String? {
            switch self {
            case .plain: nil
            case .name: "1"
            case .good: "1;32"
            case .calm: "36"
            case .warn: "33"
            case .bad: "1;31"
            case .dim: "2"
            }
        }
    }

    struct Cell {
        var text: String
        var style: Style = .plain
        init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
    }

    func render(_ cells: [Cell]) -> String { cells.map { Self.paint($0.text, $0.style, color: color) }.joined() }

    static func paint(_ text: String, _ style: Style, color: Bool) -> String {
        guard color, let sgr = style.sgr, !text.isEmpty else { return text }
        return "\u{1B}[\(sgr)m\(text)\u{1B}[0m"
    }

    /// Rows as lines, columns two spaces apart and as wide as their widest cell (in terminal
    /// columns, without colour; a row's last cell does not widen its column), trailing blanks
    /// trimmed.
    static func align(_ rows: [[Cell]], color: Bool) -> [String] {
        var widths: [Int] = []
        for row in rows {
            let last = row.lastIndex { !$0.text.isEmpty } ?? -1
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                if i < last { widths[i] = max(widths[i], TerminalColumns.width(cell.text)) }
            }
        }
        return rows.map { row in
            let last = row.lastIndex { !$0.text.isEmpty } ?? -1
            var line = ""
            for (i, cell) in row.enumerated() where i <= last {
                line += paint(cell.text, cell.style, color: color)
                if i < last { line += String(repeating: " ", count: widths[i] - TerminalColumns.width(cell.text) + 2) }
            }
            return line
        }
    }
}
