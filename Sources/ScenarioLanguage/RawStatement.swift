/// A statement's words before they are given meaning, with its place in the file and the
/// expected-output block under it.
struct RawStatement: Sendable {
    var words: [Word]
    var lines: ClosedRange<Int>
    /// The statement's text in the source: first word through the end of its last line.
    var byteRange: Range<Int>
    var expected: ExpectedOutput?
    /// The first lexical problem (unterminated quote, bad variable, unterminated block), if any.
    var problem: Diagnostic?
    /// The body of a here-document the statement ends with (`<<EOF`); its marker words are
    /// not in `words`.
    var hereDocument: HereDocument?
}
