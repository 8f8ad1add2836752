import SimCore
import Orchestration
import DockerClient

extension APIJSON {
    // MARK: Secrets and configs

    /// swagger `Secret` / `Config`: the spec's `Data` (base64, Go's `[]byte`) only for a
    /// config; the engine never hands out a secret's data, and Go omits the empty field.
    static func payload(_ r: PayloadRecord, _ cal: ServedCalendar) -> J {
        var spec: [J.Member] = [.init("Name", str(r.spec.name)), .init("Labels", labels(r.spec.labels))]
        if r.kind == .config, !r.spec.data.isEmpty { spec.append(.init("Data", str(Base64.encode(r.spec.data)))) }
        return obj([
            "ID": str(r.id), "Version": versionJSON(r.version),
            "CreatedAt": time(r.createdAt, cal), "UpdatedAt": time(r.updatedAt, cal),
            "Spec": .object(spec),
        ])
    }
}
