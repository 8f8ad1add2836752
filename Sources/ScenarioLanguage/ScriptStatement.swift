/// A statement with its location, its source lines and the expected output under it.
public struct ScriptStatement: Equatable, Sendable {
    public var statement: Statement
    /// Where the statement's first word is.
    public var location: SourceLocation
    /// The source lines of the statement (more than one with `\` continuations), without its
    /// expected-output block.
    public var lines: ClosedRange<Int>
    /// The statement as written, from its first word to the end of its last line (line
    /// breaks of continuations kept as `\n`).
    public var text: String
    /// The `----` block under the statement, if any.
    public var expected: ExpectedOutput?

    public init(statement: Statement, location: SourceLocation, lines: ClosedRange<Int>, text: String, expected: ExpectedOutput? = nil) {
        self.statement = statement
        self.location = location
        self.lines = lines
        self.text = text
        self.expected = expected
    }
}
