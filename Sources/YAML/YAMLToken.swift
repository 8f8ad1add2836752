/// One token of a YAML stream, as the scanner hands it to the parser.
struct YAMLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        case directive
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case blockEntry, flowEntry, key, value
        case alias(String), anchor(String), tag(String)
        case scalar(String, YAML.ScalarStyle)
    }

    var kind: Kind
    var start: YAML.Mark
    /// Where the token ends (just after its last character).
    var end: YAML.Mark

    /// The token as an error message names it.
    var described: String {
        switch kind {
        case .streamStart: return "the start of the file"
        case .streamEnd: return "the end of the file"
        case .directive: return "a directive"
        case .documentStart: return "'---'"
        case .documentEnd: return "'...'"
        case .blockSequenceStart: return "a block sequence"
        case .blockMappingStart: return "a block mapping"
        case .blockEnd: return "the end of an indented block"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .blockEntry: return "'-'"
        case .flowEntry: return "','"
        case .key: return "'?'"
        case .value: return "':'"
        case .alias(let name): return "alias '*\(name.forMessage)'"
        case .anchor(let name): return "anchor '&\(name.forMessage)'"
        case .tag(let tag): return "tag '\(tag.forMessage)'"
        case .scalar(let text, _): return "scalar '\(text.forMessage)'"
        }
    }
}
