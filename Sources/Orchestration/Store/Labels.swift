import SimCore

/// Ordered key=value labels: lookups by key, printing in key order, no hashing involved.
public struct Labels: Equatable, Sendable, Sequence {
    public private(set) var pairs: [(key: String, value: String)] = []
    public init() {}
    public init(_ pairs: [(String, String)]) { for (k, v) in pairs { self[k] = v } }

    public subscript(key: String) -> String? {
        get { pairs.first(where: { $0.key == key })?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                let at = pairs.firstIndex(where: { $0.key > key }) ?? pairs.count
                pairs.insert((key, newValue), at: at)
            }
        }
    }
    public var isEmpty: Bool { pairs.isEmpty }
    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }
    public static func == (a: Labels, b: Labels) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
