import Orchestration
import Compose

/// A stack's secrets and configs, as docker/cli's convert package makes them (`Secrets`,
/// `Configs`, `convertServiceSecrets`, `convertServiceConfigObjs`, `convertFileObject`).
extension StackConvert {
    /// One top-level secret or config the deploy creates: its spec, or the error reading its
    /// file gave (docker stops the deploy there).
    public typealias Object = (spec: PayloadSpec, file: String)

    /// The top-level secrets or configs that are not external, sorted by name, each named
    /// `NAMESPACE_key` (or its `name:`) and labelled with the namespace; `file` is the path
    /// the data is read from, relative to `directory` unless absolute.
    public func objects(_ kind: PayloadKind, directory: String) -> [Object] {
        let declared = kind == .secret ? file.secrets : file.configs
        var out: [Object] = []
        for object in declared where !object.external {
            var labels = Labels()
            labels[Stack.namespaceLabel] = namespace
            let path = Self.cleaned(object.file.map { $0.hasPrefix("/") ? $0 : directory + $0 } ?? directory)
            out.append((PayloadSpec(name: object.name ?? Stack.scope(namespace, object.key), labels: labels, data: []), path))
        }
        return out.sorted { $0.spec.name < $1.spec.name }
    }

    /// A service's references to secrets or configs, by name (the deploy looks up their IDs),
    /// sorted by name as docker sorts them: the source is `NAMESPACE_key`, the declared
    /// `name:`, or an external one's key; the target defaults to the key; uid and gid to 0,
    /// mode to 0444.
    public func references(_ refs: [ComposeReference], _ kind: PayloadKind) -> [PayloadReference] {
        let declared = kind == .secret ? file.secrets : file.configs
        var out: [PayloadReference] = []
        for r in refs {
            let object = declared.first { $0.key == r.source }
            let name = object?.name ?? (object?.external == true ? r.source : Stack.scope(namespace, r.source))
            var ref = PayloadReference(name: name, target: r.target.flatMap { $0.isEmpty ? nil : $0 } ?? r.source)
            ref.uid = r.uid.flatMap { $0.isEmpty ? nil : $0 } ?? "0"
            ref.gid = r.gid.flatMap { $0.isEmpty ? nil : $0 } ?? "0"
            if let m = r.mode { ref.mode = PayloadReference.parseMode(m) ?? UInt32(m) ?? 0o444 }
            out.append(ref)
        }
        // Stable, as docker's slices.SortStableFunc by name.
        return out.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
    }

    /// Go's `filepath.Clean` for the paths the loader joins: `.` dropped, `..` taken back.
    static func cleaned(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", path.hasPrefix("/") { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
