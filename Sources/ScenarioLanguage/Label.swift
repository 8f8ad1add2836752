/// A `key=value` label; `value` is empty when only `key` was written.
public struct Label: Equatable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public var description: String { value.isEmpty ? key : "\(key)=\(value)" }
}
