/// A set of table rows (small non-negative integers) with insert and remove in O(1) and no
/// hashing: a sparse set, that is the members in an array plus each row's place in
/// that array (Briggs & Torczon, "An efficient representation for sparse sets", 1993).
///
/// The order of `members` depends on the history of inserts and removes, never on hashing, but
/// it means nothing: readers sort what they return.
struct RowSet: Sendable {
    /// The rows in the set, in no meaningful order.
    private(set) var members: [Int32] = []
    /// `place[row]`: where `row` is in `members`, or -1; one entry per row of the table.
    private var place: [Int32] = []

    /// Makes room for rows `0..<rowCount`: call it as the table grows, before any insert of
    /// those rows. - Complexity: O(1) amortized per new row.
    mutating func reserveRows(_ rowCount: Int) {
        if rowCount > place.count { place.append(contentsOf: repeatElement(-1, count: rowCount - place.count)) }
    }

    /// Adds `row`, for which room is reserved (`reserveRows`). - Complexity: O(1) amortized.
    mutating func insert(_ row: Int32) {
        let r = Int(row)
        guard place[r] < 0 else { return }
        place[r] = Int32(members.count)
        members.append(row)
    }

    /// Removes `row` by moving the last member into its place. - Complexity: O(1).
    mutating func remove(_ row: Int32) {
        let r = Int(row)
        guard r < place.count, place[r] >= 0 else { return }
        let at = Int(place[r])
        place[r] = -1
        let last = members.removeLast()
        if last != row {
            members[at] = last
            place[Int(last)] = Int32(at)
        }
    }
}
