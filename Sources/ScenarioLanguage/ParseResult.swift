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
