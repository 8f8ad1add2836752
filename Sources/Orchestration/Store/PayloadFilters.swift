/// `docker secret ls -f …` / `docker config ls -f …`, applied by the daemon as moby's
/// `newListSecretsFilters` and swarmkit's `ListSecrets` do: `name` and `id` match by prefix,
/// any of them (an OR); `label=KEY` or `label=KEY=VALUE` must all hold. No filter: everything.
public struct PayloadFilters: Equatable, Sendable {
    public var namePrefixes: [String] = []
    public var idPrefixes: [String] = []
    public var labels: [(key: String, value: String?)] = []

    public init() {}

    /// Reads `KEY=VALUE` filter pairs; an unknown key is the daemon's `invalid filter 'KEY'`.
    public init(pairs: [(String, String)]) throws(PayloadReferenceError) {
        for (key, value) in pairs {
            switch key {
            case "name", "names": namePrefixes.append(value)
            case "id": idPrefixes.append(value)
            case "label":
                if let eq = value.firstIndex(of: "=") {
                    labels.append((String(value[..<eq]), String(value[value.index(after: eq)...])))
                } else {
                    labels.append((value, nil))
                }
            default: throw PayloadReferenceError("invalid filter '\(key)'")
            }
        }
    }

    public func matches(_ record: PayloadRecord) -> Bool {
        let byName = namePrefixes.contains { record.spec.name.hasPrefix($0) }
        let byID = idPrefixes.contains { record.id.hasPrefix($0) }
        if !(namePrefixes.isEmpty && idPrefixes.isEmpty) && !byName && !byID { return false }
        return labels.allSatisfy { l in
            guard let v = record.spec.labels[l.key] else { return false }
            return l.value.map { $0 == v } ?? true
        }
    }

    public static func == (a: PayloadFilters, b: PayloadFilters) -> Bool {
        a.namePrefixes == b.namePrefixes && a.idPrefixes == b.idPrefixes
            && a.labels.map { "\($0.key)=\($0.value ?? "")\($0.value == nil)" } == b.labels.map { "\($0.key)=\($0.value ?? "")\($0.value == nil)" }
    }
}
