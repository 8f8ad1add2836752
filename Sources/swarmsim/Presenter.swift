/// `swarmsim run --present`: output for a projector. Statements keep their times (faults
/// above all), while the join tokens that `docker swarm init` and `join-token` print, each
/// some 90 characters long, are cut to their first characters so no line wraps.
enum Presenter {
    static let tokenPrefix = "SWMTKN-1-"
    /// Characters of a token kept after `SWMTKN-1-`.
    static let keep = 6

    /// `text` with every join token shortened to `SWMTKN-1-3vjydz…`.
    static func shortenTokens(_ text: String) -> String {
        guard text.contains(tokenPrefix) else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: tokenPrefix) {
            out += rest[..<range.upperBound]
            let tail = rest[range.upperBound...]
            let token = tail.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            out += token.prefix(keep) + (token.count > keep ? "…" : "")
            rest = tail.dropFirst(token.count)
        }
        return out + rest
    }
}
