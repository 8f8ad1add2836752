import SimCore

/// Table rows filed by node, and among them the rows a node's agent has still to act on.
///
/// Node IDs are interned: each gets a number the first time a row is filed under it, and every
/// row remembers its node's number. Filing a row under a node costs one hash of the node ID;
/// taking it out, or moving it in or out of the awaiting group, costs none. Numbers are never
/// reused (a swarm has a bounded set of nodes), so a number means the same node for the life of
/// the table. Groups are arrays; a row remembers its place in each, and a removal moves the
/// group's last row into the hole. The order inside a group means nothing: readers sort, or ask
/// a question whose answer has no order in it.
struct NodeRows: Sendable {
    /// Each node's number, by ID.
    private var numberOf: IDDictionary<Int32> = [:]
    /// Each number's node ID.
    private var names: [String] = []
    /// The rows of each node, by number.
    private var groups: [[Int32]] = []
    /// The rows of each node whose agent has still to act on them, by number.
    private var awaiting: [[Int32]] = []
    /// Per row: its node's number, or -1 when it is filed under none.
    private var nodeOf: [Int32] = []
    /// Per row: its place in its node's group.
    private var place: [Int32] = []
    /// Per row: its place in its node's awaiting group, or -1 when it is not there.
    private var awaitingPlace: [Int32] = []
    /// Rows in all awaiting groups together. Nearly always none, and then a heartbeat's question
    /// is answered without reading anything of its node's.
    private var awaitingRows = 0

    /// Makes room for rows `0..<rowCount`. - Complexity: O(1) amortized per new row.
    mutating func reserveRows(_ rowCount: Int) {
        guard rowCount > nodeOf.count else { return }
        let more = rowCount - nodeOf.count
        nodeOf.append(contentsOf: repeatElement(-1, count: more))
        place.append(contentsOf: repeatElement(-1, count: more))
        awaitingPlace.append(contentsOf: repeatElement(-1, count: more))
    }

    /// The rows under `nodeID`, in no meaningful order. - Complexity: O(1) plus one hash.
    func rows(under nodeID: String) -> [Int32] {
        numberOf[nodeID].map { groups[Int($0)] } ?? []
    }

    /// Whether a row under `nodeID` that awaits its agent satisfies `predicate`; read in place
    /// (every heartbeat asks, and nearly always no row awaits: see `setAwaiting`).
    func containsAwaitingRow(under nodeID: String, where predicate: (Int32) -> Bool) -> Bool {
        guard awaitingRows > 0, let n = numberOf[nodeID] else { return false }
        return awaiting[Int(n)].contains(where: predicate)
    }

    /// Every node with at least one row, sorted. - Complexity: O(k log k) for k nodes ever seen.
    func sortedKeys() -> [String] {
        names.indices.filter { !groups[$0].isEmpty }.map { names[$0] }.sorted()
    }

    /// Files `row`, which must be under no node, under `nodeID`. - Complexity: O(1) amortized
    /// plus one hash.
    mutating func insert(_ row: Int32, under nodeID: String) {
        let r = Int(row)
        precondition(nodeOf[r] < 0, "NodeRows: row \(row) is already filed under a node")
        let n: Int32
        if let known = numberOf[nodeID] {
            n = known
        } else {
            n = Int32(names.count)
            numberOf[nodeID] = n
            names.append(nodeID)
            groups.append([])
            awaiting.append([])
        }
        nodeOf[r] = n
        place[r] = Int32(groups[Int(n)].count)
        groups[Int(n)].append(row)
    }

    /// Takes `row` out of its node's groups; nothing when it is under none. - Complexity: O(1).
    mutating func remove(_ row: Int32) {
        let r = Int(row)
        guard r < nodeOf.count, nodeOf[r] >= 0 else { return }
        setAwaiting(row, false)
        let n = Int(nodeOf[r])
        Self.take(row, from: &groups[n], place: &place)
        nodeOf[r] = -1
    }

    /// Puts `row` in or out of its node's awaiting group; nothing for a row under no node.
    /// - Complexity: O(1) amortized.
    mutating func setAwaiting(_ row: Int32, _ isAwaiting: Bool) {
        let r = Int(row)
        guard r < nodeOf.count, nodeOf[r] >= 0, (awaitingPlace[r] >= 0) != isAwaiting else { return }
        let n = Int(nodeOf[r])
        if isAwaiting {
            awaitingPlace[r] = Int32(awaiting[n].count)
            awaiting[n].append(row)
            awaitingRows += 1
        } else {
            Self.take(row, from: &awaiting[n], place: &awaitingPlace)
            awaitingRows -= 1
            // An emptied group lets its buffer go: asking an empty array with no buffer of its
            // own reads nothing of this node's (a heartbeat asks every node's, in turn).
            if awaiting[n].isEmpty { awaiting[n] = [] }
        }
    }

    /// Removes `row` from `group`, moving the last row into its place.
    private static func take(_ row: Int32, from group: inout [Int32], place: inout [Int32]) {
        let at = Int(place[Int(row)])
        precondition(at >= 0 && at < group.count && group[at] == row, "NodeRows: row \(row) is not where it was filed")
        let last = group.removeLast()
        if last != row {
            group[at] = last
            place[Int(last)] = Int32(at)
        }
        place[Int(row)] = -1
    }
}
