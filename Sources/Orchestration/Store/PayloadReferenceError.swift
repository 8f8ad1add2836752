/// Why a `--secret` or `--config` value does not parse, in docker's words.
public struct PayloadReferenceError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
