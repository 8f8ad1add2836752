import Orchestration

/// What makes a service, network or task part of a stack: the `com.docker.stack.namespace`
/// label, and names scoped as `NAME_service` (docker/cli cli/compose/convert `Namespace`,
/// cli/command/stack/swarm/common.go `getStackFilter`).
///
/// The label filter lives here and nowhere else: `stack ls`, `services`, `ps`, `rm` and
/// `deploy` all ask these functions which records belong to a stack.
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

    /// `label=com.docker.stack.namespace=NAME` on a set of labels.
    public static func belongs(_ labels: Labels, to namespace: String) -> Bool {
        labels[namespaceLabel] == namespace
    }

    /// The stack's services, in the store's order.
    public static func services(of namespace: String, in store: ClusterStore) -> [ServiceRecord] {
        store.services.filter { belongs($0.spec.labels, to: namespace) }
    }

    /// The stack's networks, in the store's order.
    public static func networks(of namespace: String, in store: ClusterStore) -> [NetworkRecord] {
        store.networks.filter { belongs($0.spec.labels, to: namespace) }
    }

    /// The stack's tasks: those of its services (a task carries its service's labels).
    public static func tasks(of namespace: String, in store: ClusterStore) -> [TaskRecord] {
        services(of: namespace, in: store).flatMap { store.tasks(ofService: $0.id) }
    }

    /// Every stack with its number of services (`label=com.docker.stack.namespace`), in
    /// docker's natural order of names.
    public static func all(in store: ClusterStore) -> [(name: String, services: Int)] {
        var counts: [(name: String, services: Int)] = []
        for s in store.services {
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
