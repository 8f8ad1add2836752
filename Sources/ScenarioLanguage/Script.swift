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
