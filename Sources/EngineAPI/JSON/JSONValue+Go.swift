import SimCore

extension JSONValue {
    /// A member as Go's `encoding/json` finds a struct field: the exact key first, else the
    /// first key equal without case (SDKs send `"replicated"` where docker sends
    /// `"Replicated"`, and the daemon takes both).
    subscript(go key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        if let exact = members.first(where: { $0.key == key }) { return exact.value }
        let lower = key.lowercased()
        return members.first(where: { $0.key.lowercased() == lower })?.value
    }
}
