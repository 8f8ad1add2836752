import SimCore

/// Changes of one kind of record, in application order. The first entry is stored inline, so a
/// list of zero or one entries allocates nothing.
public struct ChangeList<Element: Equatable & Sendable>: RandomAccessCollection, Equatable, Sendable {
    private var head: Element?
    private var tail: [Element] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { head == nil ? 0 : 1 + tail.count }

    public subscript(position: Int) -> Element {
        guard position > 0 else {
            guard let head else { preconditionFailure("ChangeList index \(position) out of range") }
            return head
        }
        return tail[position - 1]
    }

    mutating func append(_ element: Element) {
        if head == nil { head = element } else { tail.append(element) }
    }
}
