/// What the lexer gives for each step: a statement, or a problem outside any statement.
enum LexedItem: Sendable {
    case statement(RawStatement)
    /// A problem outside any statement, such as an expected-output block with no statement.
    case problem(Diagnostic)
}
