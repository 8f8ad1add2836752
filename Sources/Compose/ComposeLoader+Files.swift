import YAML

/// Several compose files, as `docker stack deploy -c base.yml -c override.yml` reads them:
/// each file read and its variables substituted on its own (errors name that file), then the
/// later merged over the earlier (docker/cli cli/compose/loader/merge.go, simplified), then
/// the result checked and loaded as one file.
///
/// Merging, per node: mappings merge key by key, the later value winning for scalars;
/// `command`, `entrypoint` and `test` lists are replaced; other lists are joined, an entry
/// already present not repeated. A node whose kind differs is replaced. An error found only
/// after merging names the first file.
extension ComposeLoader {
    /// Loads `files` (name and contents, in command-line order) as one compose file.
    public static func load(files: [(name: String, text: String)],
                            environment: [String: String] = [:]) throws(ComposeError) -> Result {
        guard let first = files.first else {
            throw ComposeError(file: "", at: YAML.Mark(line: 1, column: 1), "Specify a Compose file (with --compose-file)")
        }
        if files.count == 1 { return try load(first.text, file: first.name, environment: environment) }
        var merged: YAML.Node?
        var unset: [String] = []
        for f in files {
            let parsed = try YAML.readSingle(f.text, file: f.name)
            guard let root = parsed, !root.isNull else {
                throw ComposeError(file: f.name, at: YAML.Mark(line: 1, column: 1), "empty compose file")
            }
            var interpolation = ComposeInterpolation(file: f.name, environment: environment)
            let node = try interpolation.apply(root, path: "")
            unset += interpolation.unset.filter { !unset.contains($0) }
            merged = merged.map { merge($0, node, key: "") } ?? node
        }
        var warnings = unset.map { "The \"\($0)\" variable is not set. Defaulting to a blank string." }
        var loader = ComposeServiceLoader(values: ComposeValues(file: first.name))
        let compose = try loader.loadFile(merged ?? YAML.Node.plain("", at: YAML.Mark(line: 1, column: 1)))
        if !loader.unsupportedSeen.isEmpty {
            warnings.append("Ignoring unsupported options: " + loader.unsupportedSeen.sorted().joined(separator: ", "))
        }
        if !loader.deprecatedSeen.isEmpty {
            warnings.append("Ignoring deprecated options:\n\n" + loader.deprecatedSeen.sorted().joined(separator: "\n\n"))
        }
        return Result(file: compose, warnings: warnings)
    }

    /// `override` merged over `base`; `key` is the mapping key both stand under.
    static func merge(_ base: YAML.Node, _ override: YAML.Node, key: String) -> YAML.Node {
        switch (base.content, override.content) {
        case (.mapping(let a), .mapping(let b)):
            var pairs = a
            for pair in b {
                let name = pair.key.text ?? ""
                if let i = pairs.firstIndex(where: { $0.key.text == name }) {
                    pairs[i].value = merge(pairs[i].value, pair.value, key: name)
                } else {
                    pairs.append(pair)
                }
            }
            var node = base
            node.content = .mapping(pairs)
            return node
        case (.sequence(let a), .sequence(let b)) where !["command", "entrypoint", "test"].contains(key):
            var items = a
            for item in b where !items.contains(where: { $0.content == item.content }) { items.append(item) }
            var node = base
            node.content = .sequence(items)
            return node
        default:
            return override
        }
    }
}
