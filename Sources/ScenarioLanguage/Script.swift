// MARK: - Script

/// A parsed scenario: its statements in file order, each with its place in the source.
public struct Script: Equatable, Sendable {
    /// The file name the parser was given (used in every location).
    public var file: String
    public var statements: [ScriptStatement]

    public init(file: String, statements: [ScriptStatement] = []) {
        self.file = file
        self.statements = statements
    }

    /// Every host the script declares, in declaration order.
    public var hosts: [HostDeclaration] {
        statements.flatMap { s -> [HostDeclaration] in
            if case .hosts(let hosts) = s.statement { return hosts } else { return [] }
        }
    }
}

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

// MARK: - ParseResult

/// What the parser gives back: the statements it understood and what it could not.
///
/// Statements with an error are left out of `script`; run a script only when `hasErrors` is
/// false.
public struct ParseResult: Equatable, Sendable {
    public var script: Script
    /// Errors in file order, at most `ScenarioParser.maxErrors`, followed by a note when more
    /// were left out.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every diagnostic rendered, separated by blank lines: what a CLI prints.
    public var renderedDiagnostics: String {
        diagnostics.map(\.rendered).joined(separator: "\n\n")
    }
}
