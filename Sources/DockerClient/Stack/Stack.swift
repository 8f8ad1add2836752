import Orchestration
import Cluster

/// What makes a service, network or task part of a stack: the `com.docker.stack.namespace`
/// label, and names scoped as `NAME_service` (docker/cli cli/compose/convert `Namespace`,
/// cli/command/stack/swarm/common.go `getStackFilter`).
///
/// The label filter lives here and nowhere else: `stack ls`, `services`, `ps`, `rm` and
/// `deploy` all send it to the daemon, which answers with the stack's records.
public enum Stack {
    /// The label every service and network of a stack carries, its value the stack's name.
    public static let namespaceLabel = "com.docker.stack.namespace"
    /// The label holding the image as the compose file wrote it (for `--resolve-image changed`).
    public static let imageLabel = "com.docker.stack.image"

    /// `app` + `web` is `app_web`.
    public static func scope(_ namespace: String, _ name: String) -> String { namespace + "_" + name }

    /// `app_web` in stack `app` is `web`.
    public static func descope(_ namespace: String, _ name: String) -> String {
        name.hasPrefix(namespace + "_") ? String(name.dropFirst(namespace.count + 1)) : name
    }

    /// The image a service gets when the registry is asked (`--resolve-image always|changed`):
    /// with `:latest` when it has neither tag nor digest, as `docker service create` gives it.
    package static func resolvedImage(_ image: String) -> String { DockerImage.withDefaultTag(image) }

    // MARK: The label filter

    /// `label=com.docker.stack.namespace=NAME`: the daemon-side filter that lists a stack's
    /// services, networks and tasks (docker/cli `getStackFilter`).
    public static func filter(_ namespace: String) -> EngineFilters {
        EngineFilters([("label", namespaceLabel + "=" + namespace)])
    }

    /// `label=com.docker.stack.namespace`: every service of any stack (`docker stack ls`).
    public static let anyStack = EngineFilters([("label", namespaceLabel)])

    /// Every stack among `services` with its number of services, in docker's natural order
    /// of names.
    public static func all(_ services: [ServiceRecord]) -> [(name: String, services: Int)] {
        var counts: [(name: String, services: Int)] = []
        for s in services {
            guard let name = s.spec.labels[namespaceLabel] else { continue }
            if let i = counts.firstIndex(where: { $0.name == name }) { counts[i].services += 1 } else { counts.append((name, 1)) }
        }
        return counts.sorted { DockerFormat.naturalLess($0.name, $1.name) }
    }
}

extension DockerFormat {
    /// `docker stack ls`: `NAME  SERVICES`, one row per stack.
    package static func stackList(_ stacks: [(name: String, services: Int)]) -> String {
        var table = TabWriter()
        table.row("NAME", "SERVICES")
        for stack in stacks { table.row(stack.name, String(stack.services)) }
        return table.text
    }
}
