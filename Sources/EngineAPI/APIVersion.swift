/// An Engine API version, `1.50`.
public struct APIVersion: Comparable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public init(major: Int, minor: Int) { self.major = major; self.minor = minor }

    /// The newest version served, the one docker 28.2.2 speaks.
    public static let newest = APIVersion(major: 1, minor: 50)
    /// The oldest version served (moby's `MinSupportedAPIVersion`).
    public static let oldest = APIVersion(major: 1, minor: 24)

    /// `1.50` (also `v1.50`); nil for anything else.
    public init?(_ text: Substring) {
        let t = text.hasPrefix("v") ? text.dropFirst() : text
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, b >= 0 else { return nil }
        self.init(major: a, minor: b)
    }

    public var description: String { "\(major).\(minor)" }
    public static func < (a: APIVersion, b: APIVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
}
