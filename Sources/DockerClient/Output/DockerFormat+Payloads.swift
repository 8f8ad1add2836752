import SimCore
import Orchestration

// `docker secret ls|inspect` and `docker config ls|inspect` as docker/cli prints them
// (cli/command/secret/formatter.go, cli/command/config/formatter.go), and the references a
// service's `ContainerSpec` holds.

extension DockerFormat {
    // MARK: ls

    /// The table (secrets: `ID NAME DRIVER CREATED UPDATED`; configs without `DRIVER`), sorted
    /// by name as docker/cli sorts it (natural order); `-q` prints full IDs.
    package static func payloadList(_ records: [PayloadRecord], kind: PayloadKind, now: SimTime, quiet: Bool) -> String {
        let sorted = records.sorted { naturalLess($0.spec.name, $1.spec.name) || ($0.spec.name == $1.spec.name && $0.id < $1.id) }
        if quiet { return sorted.map { $0.id + "\n" }.joined() }
        var table = TabWriter()
        table.row(kind == .secret ? ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"] : ["ID", "NAME", "CREATED", "UPDATED"])
        for r in sorted {
            let created = VirtualCalendar.humanDuration(now - r.createdAt) + " ago"
            let updated = VirtualCalendar.humanDuration(now - r.updatedAt) + " ago"
            table.row(kind == .secret ? [r.id, r.spec.name, "", created, updated] : [r.id, r.spec.name, created, updated])
        }
        return table.text
    }

    // MARK: inspect

    /// The JSON array `inspect` prints: a secret's spec without data, a config's with `Data`
    /// in base64 (Go's encoding of `[]byte`).
    package static func payloadInspectJSON(_ records: [PayloadRecord]) -> String {
        let items = records.map { r -> String in
            var o = JSONObject(indent: 1)
            o.string("ID", r.id)
            var version = JSONObject(indent: 2)
            version.raw("Index", String(r.version))
            o.raw("Version", version.text)
            o.string("CreatedAt", VirtualCalendar.rfc3339(r.createdAt))
            o.string("UpdatedAt", VirtualCalendar.rfc3339(r.updatedAt))
            var spec = JSONObject(indent: 2)
            spec.string("Name", r.spec.name)
            spec.raw("Labels", JSONObject.map(r.spec.labels, indent: 3))
            if r.kind == .config, !r.spec.data.isEmpty { spec.string("Data", base64(r.spec.data)) }
            o.raw("Spec", spec.text)
            return "    " + o.text
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// `inspect --pretty`, docker/cli's templates with their spacing (times as Go's
    /// `time.Time.String()`); each object is followed by a line break.
    package static func payloadInspectPretty(_ r: PayloadRecord) -> String {
        var labels = ""
        if !r.spec.labels.isEmpty {
            labels = "\nLabels:" + r.spec.labels.map { "\n - \($0.key)" + ($0.value.isEmpty ? "" : "=\($0.value)") }.joined()
        }
        let created = VirtualCalendar.timestamp(r.createdAt), updated = VirtualCalendar.timestamp(r.updatedAt)
        if r.kind == .secret {
            return "ID:              \(r.id)\nName:              \(r.spec.name)\(labels)\nDriver:            \n"
                + "Created at:        \(created)\nUpdated at:        \(updated)\n"
        }
        return "ID:\t\t\t\(r.id)\nName:\t\t\t\(r.spec.name)\(labels)\nCreated at:            \t\(created)\n"
            + "Updated at:            \t\(updated)\nData:\n\(String(decoding: r.spec.data, as: UTF8.self))\n"
    }

    // MARK: service references

    /// `ContainerSpec.Secrets` / `ContainerSpec.Configs` of a service spec.
    static func payloadReferencesJSON(_ refs: [PayloadReference], _ kind: PayloadKind, indent: Int) -> String {
        let items = refs.map { r -> String in
            var file = JSONObject(indent: indent + 2)
            file.string("Name", r.target)
            file.string("UID", r.uid)
            file.string("GID", r.gid)
            file.raw("Mode", String(r.mode))
            var o = JSONObject(indent: indent + 1)
            o.raw("File", file.text)
            o.string(kind == .secret ? "SecretID" : "ConfigID", r.id)
            o.string(kind == .secret ? "SecretName" : "ConfigName", r.name)
            return o.text
        }
        return rawArrayJSON(items, indent: indent)
    }

    /// Standard base64 with padding (Go's `encoding/base64.StdEncoding`, which `encoding/json`
    /// uses for `[]byte`).
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = UInt32(bytes[i]), b1 = n > 1 ? UInt32(bytes[i + 1]) : 0, b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            for k in 0..<4 {
                out.append(k <= n ? alphabet[Int((v >> UInt32(18 - 6 * k)) & 63)] : UInt8(ascii: "="))
            }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
