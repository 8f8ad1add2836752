extension YAML {
    /// One node of a YAML document: a scalar, a sequence or a mapping, with where it starts.
    ///
    /// An alias is replaced by a copy of the node its anchor names (arrays share storage, so a
    /// copy is cheap); the copy keeps the anchored node's locations. Merge keys (`<<`) are
    /// already applied: a mapping never holds a `<<` key.
    public struct Node: Sendable, Equatable {
        public enum Content: Sendable, Equatable {
            case scalar(Scalar)
            case sequence([Node])
            case mapping([Pair])
        }

        /// A mapping entry. Entries keep the order of the file.
        public struct Pair: Sendable, Equatable {
            public var key: Node
            public var value: Node

            public init(key: Node, value: Node) {
                self.key = key
                self.value = value
            }
        }

        public var content: Content
        /// Where the node's content starts (for an empty node, where it would have been).
        public var location: Mark
        /// The node's tag, resolved (`!!str` is `tag:yaml.org,2002:str`), if the file gave one.
        public var tag: String?
        /// The anchor the file gave this node, if any.
        public var anchor: String?

        public init(_ content: Content, at location: Mark, tag: String? = nil, anchor: String? = nil) {
            self.content = content
            self.location = location
            self.tag = tag
            self.anchor = anchor
        }

        /// A plain scalar node, the usual case.
        public static func plain(_ text: String, at location: Mark) -> Node {
            Node(.scalar(Scalar(text, style: .plain)), at: location)
        }

        // MARK: Reading

        public var scalar: Scalar? {
            if case .scalar(let s) = content { return s }
            return nil
        }

        public var sequence: [Node]? {
            if case .sequence(let items) = content { return items }
            return nil
        }

        public var mapping: [Pair]? {
            if case .mapping(let pairs) = content { return pairs }
            return nil
        }

        /// True for a scalar that resolves to null (`~`, `null`, or nothing at all).
        public var isNull: Bool { scalar?.value == .null }

        /// The scalar's text whatever it resolves to; nil for a collection.
        public var text: String? { scalar?.text }

        /// The value of the first entry whose key is a scalar with this text.
        /// - Complexity: O(n) in the entries.
        public subscript(key: String) -> Node? {
            mapping?.first { $0.key.scalar?.text == key }?.value
        }

        /// What the node is, as a message names it: "a mapping", "a sequence", "a string",
        /// "a number", "a boolean", "null".
        public var kindName: String {
            switch content {
            case .mapping: return "a mapping"
            case .sequence: return "a sequence"
            case .scalar(let s):
                switch s.value {
                case .null: return "null"
                case .bool: return "a boolean"
                case .int, .float: return "a number"
                case .string: return "a string"
                }
            }
        }
    }
}
