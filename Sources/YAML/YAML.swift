/// A YAML 1.2 reader, written here so the package keeps its no-dependency rule.
///
/// It reads what compose files use: block and flow mappings and sequences; plain, single- and
/// double-quoted scalars; `|` and `>` block scalars with chomping and indentation indicators;
/// comments; anchors, aliases and `<<` merge keys; several documents (`---`, `...`). Plain
/// scalars resolve by the YAML 1.2 core schema while their text is kept, so a caller can tell
/// `8080:80` from `"8080:80"` or `1.10` from `"1.10"`.
///
/// The reader is two passes in the style of libyaml and PyYAML: `YAMLScanner` turns the text
/// into tokens (it owns indentation and simple keys), `YAMLParser` turns tokens into a tree of
/// `YAML.Node`s, resolving anchors, aliases and merge keys as it goes. Every node keeps its line
/// and column; every error is a `YAMLError` that renders as `file:line:col: error: message`.
///
/// Input never crashes or hangs the reader: size, nesting depth and the number of nodes after
/// alias expansion are bounded by `YAML.Limits`, and exceeding one is an ordinary error.
public enum YAML {
    /// Bounds on what one read may cost.
    public struct Limits: Sendable, Equatable {
        /// The largest input, in bytes.
        public var maxBytes: Int
        /// The deepest nesting of collections.
        public var maxDepth: Int
        /// The most nodes a file may hold once every alias is expanded (a "billion laughs"
        /// file stops here instead of exhausting memory or time).
        public var maxNodes: Int

        public init(maxBytes: Int = 4 << 20, maxDepth: Int = 100, maxNodes: Int = 100_000) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxNodes = maxNodes
        }
    }

    /// A position in the input: 1-based line and column, counted in Unicode scalars.
    public struct Mark: Sendable, Equatable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public var description: String { "\(line):\(column)" }
    }

    /// One document of a stream: its root node (a null scalar for an empty document).
    public struct Document: Sendable, Equatable {
        public var root: Node
        /// Where the document starts (its `---`, or its first token).
        public var start: Mark
    }

    /// Reads every document of `text`.
    /// - Throws: `YAMLError` with the file, line and column of the first problem.
    /// - Complexity: O(n) in the input size, plus the nodes aliases expand to (bounded).
    public static func read(_ text: String, file: String, limits: Limits = Limits()) throws(YAMLError) -> [Document] {
        try read(bytes: Array(text.utf8), file: file, limits: limits)
    }

    /// Reads every document of `bytes` (UTF-8, an optional byte order mark first).
    public static func read(bytes: [UInt8], file: String, limits: Limits = Limits()) throws(YAMLError) -> [Document] {
        if bytes.count > limits.maxBytes {
            throw YAMLError(file: file, at: Mark(line: 1, column: 1),
                            "file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes")
        }
        let scalars = try YAMLInput.decode(bytes, file: file)
        var scanner = YAMLScanner(scalars, file: file, maxFlowDepth: limits.maxDepth)
        let tokens = try scanner.scanAll()
        var parser = YAMLParser(tokens, file: file, limits: limits)
        return try parser.parseStream()
    }

    /// Reads a stream that must hold at most one document; nil when it holds none.
    public static func readSingle(_ text: String, file: String, limits: Limits = Limits()) throws(YAMLError) -> Node? {
        let documents = try read(text, file: file, limits: limits)
        if documents.count > 1 {
            throw YAMLError(file: file, at: documents[1].start,
                            "expected a single document, found a second one")
        }
        return documents.first?.root
    }
}
