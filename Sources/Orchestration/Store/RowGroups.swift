/// Table rows filed under keys, each row under at most one key (a task's node, a task's
/// slot): insert and remove in O(1) plus one hash of the key, with no search through the group.
///
/// Each group is an array; every row remembers its place in its group, and a remove moves the
/// group's last row into the hole. The order inside a group depends on the history of inserts
/// and removes, never on hashing, but it means nothing: readers sort what they return. Keys are
/// only ever read sorted (`sortedKeys`) or looked up.
struct RowGroups<Key: Hashable & Sendable>: Sendable {
    /// The rows under each key that has any; a key whose last row leaves is dropped.
    private var groups: [Key: [Int32]] = [:]
    /// `place[row]`: where `row` is in its group, or -1 when it is in none.
    private var place: [Int32] = []

    /// The rows under `key`, in no meaningful order. - Complexity: O(1).
    func rows(under key: Key) -> [Int32] { groups[key] ?? [] }

    /// The number of rows under `key`. - Complexity: O(1).
    func count(under key: Key) -> Int { groups[key]?.count ?? 0 }

    /// Every key with at least one row. - Complexity: O(k log k) for k keys.
    func sortedKeys() -> [Key] where Key: Comparable { groups.keys.sorted() }

    /// Makes room for rows `0..<rowCount`: call it as the table grows, before any insert of
    /// those rows. - Complexity: O(1) amortized per new row.
    mutating func reserveRows(_ rowCount: Int) {
        if rowCount > place.count { place.append(contentsOf: repeatElement(-1, count: rowCount - place.count)) }
    }

    /// Files `row` under `key`; `row` must have room (`reserveRows`) and be under no key.
    /// Returns the group's new size. - Complexity: O(1) amortized.
    @discardableResult
    mutating func insert(_ row: Int32, under key: Key) -> Int {
        let r = Int(row)
        precondition(place[r] < 0, "RowGroups: row \(row) is already filed under a key")
        let size = Self.append(row, to: &groups[key, default: []])
        place[r] = Int32(size - 1)
        return size
    }

    /// Takes `row` out of the group under `key`, where it must be. Returns the group's new size.
    /// - Complexity: O(1).
    @discardableResult
    mutating func remove(_ row: Int32, under key: Key) -> Int {
        let r = Int(row)
        guard r < place.count, place[r] >= 0 else {
            preconditionFailure("RowGroups: row \(row) is not filed under any key")
        }
        let at = Int(place[r])
        place[r] = -1
        return Self.take(row, at: at, from: &groups[key], place: &place)
    }

    private static func append(_ row: Int32, to rows: inout [Int32]) -> Int {
        rows.append(row)
        return rows.count
    }

    /// Removes `row`, at `at` in `rows`, moving the last row into its place; an emptied group is
    /// left nil, which drops its key (one hash in all).
    private static func take(_ row: Int32, at: Int, from rows: inout [Int32]?, place: inout [Int32]) -> Int {
        guard var group = rows.take(), at < group.count, group[at] == row else {
            preconditionFailure("RowGroups: row \(row) is not under the key it is removed from")
        }
        let last = group.removeLast()
        if at < group.count {
            group[at] = last
            place[Int(last)] = Int32(at)
        }
        if !group.isEmpty { rows = group }
        return group.count
    }
}
