/// A service's use of a secret or a config: which one, and the file its containers see
/// (swarmkit `SecretReference` / `ConfigReference` with a `FileTarget`).
public struct PayloadReference: Equatable, Sendable {
    /// The secret's or config's name (`source=`).
    public var name: String
    /// Its ID, which the CLI looks up by name before it sends the spec ("" until then).
    public var id = ""
    /// The file name in the container (`target=`; the name by default). A secret's relative
    /// target lives under /run/secrets/, a config's under /.
    public var target: String
    public var uid = "0"
    public var gid = "0"
    /// File mode bits, 0444 by default.
    public var mode: UInt32 = 0o444

    public init(name: String, target: String? = nil) {
        self.name = name
        self.target = target ?? name
    }

    /// docker/cli `opts/swarmopts` `SecretOpt.Set` / `ConfigOpt.Set`: `NAME`, or
    /// `source=NAME,target=FILE,uid=0,gid=0,mode=0444` (keys in any case, `src` for `source`,
    /// mode in Go's base-prefix syntax: `0400`, `0o400`, `256`). Errors are docker's words.
    public static func parse(_ text: String, kind: PayloadKind) -> Result<PayloadReference, PayloadReferenceError> {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if fields.count == 1, !text.contains("=") { return .success(PayloadReference(name: text)) }
        var reference = PayloadReference(name: "", target: "")
        for field in fields {
            guard let eq = field.firstIndex(of: "="), eq != field.startIndex else {
                return .failure(PayloadReferenceError("invalid field '\(field)' must be a key=value pair"))
            }
            let key = field[..<eq].lowercased()
            let value = String(field[field.index(after: eq)...])
            switch key {
            case "source", "src": reference.name = value
            case "target": reference.target = value
            case "uid": reference.uid = value
            case "gid": reference.gid = value
            case "mode":
                guard let m = parseMode(value) else {
                    return .failure(PayloadReferenceError("invalid mode specified: strconv.ParseUint: parsing \"\(value)\": invalid syntax"))
                }
                reference.mode = m
            default:
                return .failure(PayloadReferenceError("invalid field in \(kind.rawValue) request: \(key)"))
            }
        }
        if reference.name.isEmpty { return .failure(PayloadReferenceError("source is required")) }
        if reference.target.isEmpty { reference.target = reference.name }
        return .success(reference)
    }

    /// Go's `strconv.ParseUint(s, 0, 32)`: `0x1A4`, `0o644`, `0644` (octal), `420`.
    public static func parseMode(_ s: String) -> UInt32? {
        var text = Substring(s)
        var radix = 10
        if text.hasPrefix("0x") || text.hasPrefix("0X") { radix = 16; text = text.dropFirst(2) }
        else if text.hasPrefix("0o") || text.hasPrefix("0O") { radix = 8; text = text.dropFirst(2) }
        else if text.hasPrefix("0b") || text.hasPrefix("0B") { radix = 2; text = text.dropFirst(2) }
        else if text.hasPrefix("0"), text.count > 1 { radix = 8; text = text.dropFirst() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        return UInt32(text, radix: radix)
    }
}
